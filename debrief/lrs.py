"""Sending statements to a learning record store (xAPI 1.0.3) over HTTP(S), with urllib.

Statements go in batches (POST); when the LRS refuses a batch as a client error (4xx),
each of its statements is sent alone, so that every refusal is reported with the LRS's own
reason. A server error (5xx) stops the sending: the LRS, not a statement, is at fault.
An LRS stores a statement id once: sending the same statements again changes nothing.
"""
from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from storage.errors import StoreError
from .xapi import XAPI_VERSION

BATCH = 100
TIMEOUT = 30


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
class SendReport:
    sent: int = 0
    stored: list[str] = field(default_factory=list)   # ids accepted (new or already there)
    new: list[str] = field(default_factory=list)      # ids the LRS says it stored just now
    refused: list[Refusal] = field(default_factory=list)


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

    def send(self, statements: list[dict], batch: int = BATCH) -> SendReport:
        report = SendReport()
        for i in range(0, len(statements), batch):
            chunk = statements[i:i + batch]
            report.sent += len(chunk)
            status, body = self._request("POST", self.statements_url, chunk)
            if status in (200, 204):
                report.stored += [s["id"] for s in chunk]
                report.new += _ids(body) if status == 200 else []
                continue
            if status in (401, 403):
                raise LrsError(self.endpoint, f"refused the credentials ({status}: "
                               f"{reason_of(body)})", "check --lrs-user and the password")
            if status >= 500 or status < 400:
                raise LrsError(self.endpoint, f"failed to store the statements ({status}: "
                               f"{reason_of(body)})", "ask the LRS's administrator; "
                               f"{len(report.stored)} statements were stored before this")
            self._one_by_one(chunk, report)
        return report

    def _one_by_one(self, chunk: list[dict], report: SendReport) -> None:
        for s in chunk:
            status, body = self._request("POST", self.statements_url, [s])
            if status in (200, 204):
                report.stored.append(s["id"])
                report.new += _ids(body) if status == 200 else []
            else:
                report.refused.append(Refusal(s["id"], status, reason_of(body)))

    def query(self, **params) -> list[dict]:
        """Statements matching xAPI query parameters (e.g. ``registration``), every page."""
        url = f"{self.statements_url}?{urllib.parse.urlencode(params)}" if params else self.statements_url
        out = []
        while url:
            status, body = self._request("GET", url)
            if status != 200:
                raise LrsError(self.endpoint, f"query refused ({status}: {reason_of(body)})")
            page = json.loads(body)
            out += page.get("statements", [])
            more = page.get("more")
            url = urllib.parse.urljoin(self.statements_url, more) if more else ""
        return out

    def _request(self, method: str, url: str, payload=None) -> tuple[int, bytes]:
        data = None if payload is None else json.dumps(payload, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method, headers=self.headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise LrsError(self.endpoint, f"cannot reach the LRS ({reason})",
                           "check the address and the network") from exc


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
