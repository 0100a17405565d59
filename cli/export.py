"""``weerbaar export --format json|xapi``: the recorded sessions with every decision, as
JSON or as xAPI statements, to a file, standard output, or a learning record store."""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sys

from ..storage import StoreError
from ..debrief.export_json import export_document
from ..debrief.lrs import TIMEOUT, LrsClient, SendResult
from ..debrief.xapi import DEFAULT_BASE, base_problem, statements

from .common import OK, PROBLEMS, USAGE
from .debrief import add_scenario_option, choose_sessions
from .sessions import add_db_option, error

PASSWORD_ENV = "WEERBAAR_LRS_PASSWORD"
BASE_ENV = "WEERBAAR_XAPI_BASE"


def add_parser(sub, name):
    p = sub.add_parser(name, help="export recorded sessions as JSON or xAPI (or send them to an LRS)",
                       description="Export the chosen sessions (default: all). With --lrs, the "
                       f"xAPI statements go to a learning record store; the password comes from "
                       f"${PASSWORD_ENV} or a prompt, never from the command line.")
    add_db_option(p)
    p.add_argument("--format", choices=["json", "xapi"], required=True)
    p.add_argument("--out", metavar="FILE", help="write here (default: standard output)")
    p.add_argument("--session", metavar="ID", action="append", default=[],
                   help="a session to export (repeat for more; default: all)")
    add_scenario_option(p)
    p.add_argument("--lrs", metavar="URL", help="send the statements to this xAPI endpoint")
    p.add_argument("--lrs-user", metavar="NAME", help="the LRS user (basic authentication)")
    p.add_argument("--lrs-timeout", metavar="SECONDS", type=_seconds, default=TIMEOUT,
                   help=f"how long to wait for each reply of the LRS (default {TIMEOUT})")
    p.add_argument("--xapi-base", metavar="IRI",
                   help=f"base of activity and extension ids (default: ${BASE_ENV} or {DEFAULT_BASE})")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"expected seconds between 0 and 3600 (got '{text}')")
    return value


def run(args) -> int:
    if args.lrs and (args.format != "xapi" or not args.lrs_user):
        error("export", "--lrs needs --format xapi and --lrs-user NAME")
        return USAGE
    base = args.xapi_base or os.environ.get(BASE_ENV) or DEFAULT_BASE
    problem = base_problem(base) if args.format == "xapi" else ""
    if problem:
        given = "--xapi-base" if args.xapi_base else f"${BASE_ENV}"
        error("export", f"{given}: {problem} (got '{base[:80]}'; e.g. https://lrs.gemeente.nl/xapi/weerbaar)")
        return USAGE
    chosen, code = choose_sessions(args, "export")
    if chosen is None:
        return code
    with chosen.store:
        if args.format == "json":
            payload = export_document(chosen.records)
        else:
            payload = statements(chosen.records, chosen.library, base)
    if args.out or not args.lrs:
        code = _write(payload, args.out)
        if code != OK:
            return code
    return _send(args, payload) if args.lrs else OK


def _write(payload, out: str | None) -> int:
    text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    if not out:
        sys.stdout.write(text)
        return OK
    try:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as exc:
        error("export", f"{out}: cannot write: {exc.strerror or exc} (choose another --out)")
        return USAGE
    return OK


def _send(args, payload: list[dict]) -> int:
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            error("export", f"no LRS password (set ${PASSWORD_ENV}, or run in a terminal to be asked)")
            return USAGE
        password = getpass.getpass(f"password for {args.lrs_user} at {args.lrs}: ")
    try:
        client = LrsClient(args.lrs, args.lrs_user, password, timeout=args.lrs_timeout)
        result = client.send(payload)
        client.confirm(readable_ids(payload, result.stored))
    except StoreError as exc:
        error("export", exc)
        return USAGE
    _print_sent(args.lrs, result, payload)
    return PROBLEMS if result.refused else OK


def readable_ids(payload: list[dict], stored: list[str]) -> list[str]:
    """The stored statements that a plain ``statementId`` query returns: not voided ones."""
    voided = {s["object"]["id"] for s in payload if s["verb"]["id"].endswith("/voided")}
    return [i for i in stored if i not in voided]


def _print_sent(url: str, result: SendResult, payload: list[dict]) -> None:
    where = {s["id"]: s for s in payload}
    for r in result.refused:
        s = where.get(r.statement_id, {})
        session = s.get("context", {}).get("registration") or s.get("actor", {}).get(
            "account", {}).get("name", "?")
        print(f"weerbaar export: error: {url}: refused statement {r.statement_id} "
              f"({s.get('verb', {}).get('id', '?').rsplit('/', 1)[-1]}, session {session[:8]}): "
              f"{r.status}: {r.reason}", file=sys.stderr)
    known = len(result.stored) - len(result.new)
    print(f"sent {result.sent} statements to {url}: {len(result.stored)} stored "
          f"({len(result.new)} new, {known} already there), {len(result.refused)} refused")
