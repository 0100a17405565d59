"""Sending statements to a learning record store (xAPI 1.0.3) over HTTP(S), with urllib.

Statements go in batches (POST); when the LRS refuses a batch as a client error (4xx),
each of its statements is sent alone, so that every refusal is reported with the LRS's own
reason. A server error (5xx) stops the sending: the LRS, not a statement, is at fault.
An LRS stores a statement id once: sending the same statements again changes nothing.

Nothing counts as stored on a reply that merely looks successful: a 200 must be JSON listing
ids that were sent (a 204 says all were there already, and is read back like the rest); a redirect is refused (urllib, like browsers, turns a redirected POST
into a GET, which "succeeds" and stores nothing); an address that is no statements endpoint
(404, an HTML page) stops the sending at once with one message. ``confirm`` reads back a
sample afterwards.
"""
from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from ..storage.errors import StoreError
from .xapi import XAPI_VERSION

BATCH = 100
TIMEOUT = 30
SAMPLE = 5               # statements read back after sending
MAX_REPLY = 4 * 2**20     # bytes of a reply read at most
# replies that say the address is no statements endpoint at all (not: this statement is bad)
NOT_XAPI = {404, 405, 406, 410, 415, 501}


class LrsError(StoreError, ConnectionError):
    """The learning record store cannot be reached, or refuses us as a whole."""

    def __init__(self, url: str, reason: str, hint: str = ""):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.hint = url, reason, hint


@dataclass(frozen=True, slots=True)
class Refusal:
    statement_id: str
    status: int
    reason: str


@dataclass
class SendResult:
    sent: int = 0
    stored: list[str] = field(default_factory=list)   # ids accepted (new or already there)
    new: list[str] = field(default_factory=list)      # ids the LRS says it stored just now
    refused: list[Refusal] = field(default_factory=list)


class NotAnLrs(LrsError):
    """The address answers, but not as an xAPI statements endpoint: nothing was stored."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirected POST becomes a GET in urllib (and most clients): the statements would be
    dropped while the reply looks fine. Redirects are refused and reported instead."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class LrsClient:
    def __init__(self, endpoint: str, user: str, password: str, timeout: float = TIMEOUT):
        parts = urllib.parse.urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise LrsError(endpoint, "not an http(s) address",
                           "give the LRS endpoint, e.g. https://lrs.example.org/xAPI")
        self.endpoint = endpoint.rstrip("/")
        self.statements_url = self.endpoint + "/statements"
        token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
        self.headers = {"Authorization": f"Basic {token}", "X-Experience-API-Version": XAPI_VERSION,
                        "Content-Type": "application/json"}
        self.timeout = timeout
        self.opener = urllib.request.build_opener(_NoRedirect)

    def send(self, statements: list[dict], batch: int = BATCH) -> SendResult:
        """Send in batches; every reply is checked to be an xAPI reply about the ids sent.
        Raises ``NotAnLrs`` at the first reply that is not, ``LrsError`` when the LRS fails."""
        result = SendResult()
        for i in range(0, len(statements), batch):
            chunk = statements[i:i + batch]
            result.sent += len(chunk)
            status, body = self._post(chunk, result)
            if status in (200, 204):  # 204: some LRSs, when they held every one already
                new = self._stored_ids(body, chunk, result) if status == 200 else []
                result.stored += [s["id"] for s in chunk]
                result.new += new
                continue
            if status in (401, 403):
                raise LrsError(self.endpoint, f"refused the credentials ({status}: "
                               f"{reason_of(body)})", "check --lrs-user and the password")
            if status >= 500:
                raise LrsError(self.endpoint, f"failed to store the statements ({status}: "
                               f"{reason_of(body)})", "ask the LRS's administrator; "
                               f"{len(result.stored)} statements were stored before this")
            self._one_by_one(chunk, result)
        return result

    def _one_by_one(self, chunk: list[dict], result: SendResult) -> None:
        for s in chunk:
            status, body = self._post([s], result)
            if status in (200, 204):
                result.new += self._stored_ids(body, [s], result) if status == 200 else []
                result.stored.append(s["id"])
            else:
                result.refused.append(Refusal(s["id"], status, reason_of(body)))

    def _post(self, chunk: list[dict], result: SendResult) -> tuple[int, bytes]:
        status, body, headers = self._request("POST", self.statements_url, chunk)
        if 300 <= status < 400:
            where = headers.get("Location", "") if headers else ""
            raise NotAnLrs(self.statements_url, f"redirects ({status}) to {where or 'another address'}",
                           f"give that address with --lrs if it is the LRS; "
                           f"{_before(result)}")
        if status in NOT_XAPI or (200 <= status < 300 and status not in (200, 204)):
            raise NotAnLrs(self.statements_url, f"is not an xAPI statements endpoint "
                           f"({status}: {reason_of(body)[:120]})",
                           f"check the address given with --lrs; {_before(result)}")
        if status == 200 and not _is_json(headers):
            raise NotAnLrs(self.statements_url, "answered 200 but not with JSON "
                           f"(content type '{headers.get('Content-Type', '') if headers else ''}')",
                           f"is this the LRS's xAPI endpoint? {_before(result)}")
        return status, body

    def _stored_ids(self, body: bytes, chunk: list[dict], result: SendResult) -> list[str]:
        """The ids an xAPI reply lists: a JSON list of ids that were sent (an LRS may leave
        out those it already held). Anything else means this is not an LRS."""
        sent = {s["id"] for s in chunk}
        try:
            ids = json.loads(body)
        except ValueError:
            ids = None
        if not isinstance(ids, list) or not all(isinstance(i, str) and i in sent for i in ids):
            raise NotAnLrs(self.statements_url, "answered 200, but not with the ids of the "
                           f"statements sent (got {_preview(body)})",
                           f"is this the LRS's xAPI endpoint? {_before(result)}")
        return ids

    def confirm(self, ids: list[str], sample: int = SAMPLE) -> int:
        """Read back up to ``sample`` of the stored statements (spread over the list);
        raise ``LrsError`` if one is missing. Gives how many were read back."""
        step = max(1, len(ids) // sample) if ids else 1
        chosen = ids[::step][:sample]
        for statement_id in chosen:
            url = f"{self.statements_url}?{urllib.parse.urlencode({'statementId': statement_id})}"
            status, body, headers = self._request("GET", url)
            try:
                back = json.loads(body) if status == 200 and _is_json(headers) else None
            except ValueError:
                back = None
            if isinstance(back, dict) and isinstance(back.get("statements"), list):
                back = next((x for x in back["statements"]  # some LRSs answer with a result
                             if isinstance(x, dict) and x.get("id") == statement_id), None)
            if not isinstance(back, dict) or back.get("id") != statement_id:
                raise LrsError(self.endpoint, f"said it stored statement {statement_id}, but "
                               f"reading it back gives {status}: {reason_of(body)[:120]}",
                               "the LRS did not keep what it accepted; ask its administrator")
        return len(chosen)

    def query(self, **params) -> list[dict]:
        """Statements matching xAPI query parameters (e.g. ``registration``), every page."""
        url = f"{self.statements_url}?{urllib.parse.urlencode(params)}" if params else self.statements_url
        out = []
        while url:
            status, body, _ = self._request("GET", url)
            if status != 200:
                raise LrsError(self.endpoint, f"query refused ({status}: {reason_of(body)})")
            page = json.loads(body)
            if "statements" not in page and "id" in page:  # a single statement (statementId)
                return [page]
            out += page.get("statements", [])
            more = page.get("more")
            url = urllib.parse.urljoin(self.statements_url, more) if more else ""
        return out

    def _request(self, method: str, url: str, payload=None):
        data = None if payload is None else json.dumps(payload, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method, headers=self.headers)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.status, response.read(MAX_REPLY), response.headers
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read(MAX_REPLY), exc.headers
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                reason = f"no reply within {self.timeout:g} s"
            raise LrsError(self.endpoint, f"cannot reach the LRS ({reason})",
                           "check the address and the network; nothing more was sent") from exc


def _is_json(headers) -> bool:
    kind = (headers.get("Content-Type", "") if headers else "").split(";")[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


def _preview(body: bytes) -> str:
    text = " ".join(body.decode("utf-8", "replace").split())
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _before(result: SendResult) -> str:
    n = len(result.stored)
    return f"{n} statement{'s' * (n != 1)} stored before this"


def _ids(body: bytes) -> list[str]:
    try:
        ids = json.loads(body)
    except ValueError:
        return []
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def reason_of(body: bytes) -> str:
    """The LRS's own words for a refusal, from its JSON error body or its text."""
    text = body.decode("utf-8", "replace").strip()
    try:
        detail = json.loads(text)
    except ValueError:
        return text[:500] or "no reason given"
    if isinstance(detail, dict):
        detail = detail.get("detail", detail.get("message", detail))
    if isinstance(detail, list):
        return "; ".join(_pydantic_line(d) for d in detail)
    return str(detail)[:500]


def _pydantic_line(item) -> str:
    if isinstance(item, dict) and "msg" in item:
        where = ".".join(str(x) for x in item.get("loc", ()) if x != "body")
        return f"{where}: {item['msg']}" if where else item["msg"]
    return str(item)
