"""``weerbaar debrief --out report.html``: the group debrief of recorded sessions as one
self-contained HTML page, printable to PDF from a browser."""
from __future__ import annotations

import argparse

from dataclasses import dataclass
from pathlib import Path

from ..engine.model import Scenario
from ..storage import ScenarioLibrary, SessionRecord, SessionStore, StoreError
from ..storage.clock import utc_now
from ..debrief.report import render_report, report_parts

from .common import OK, USAGE, load_or_report
from .sessions import add_db_option, error, open_store, print_warnings, refuse_output


def add_parser(sub, name):
    p = sub.add_parser(name, help="write the debrief report of recorded sessions (HTML)",
                       description="Write the group debrief of the chosen sessions (default: "
                       "all) as one HTML file: choices per decision, endings with their debrief "
                       "questions, meters over time, and a comparison when there are two.")
    add_db_option(p)
    p.add_argument("--session", metavar="ID", action="append", default=[],
                   help="a session to include (repeat for more; default: all)")
    add_scenario_option(p)
    p.add_argument("--lang", default=argparse.SUPPRESS, choices=["nl", "en"],
                   help="report language (default: that of the first session)")
    p.add_argument("--out", metavar="FILE", required=True, help="the HTML file to write")
    p.set_defaults(subcommand_lang=True)


def add_scenario_option(p) -> None:
    p.add_argument("--scenario", metavar="FILE", action="append", default=[],
                   help="a scenario file for texts when the database lacks the version "
                   "played (repeat for more)")


@dataclass
class Chosen:
    """The sessions a command works on, with the scenario versions to show them on."""

    store: SessionStore
    library: ScenarioLibrary
    records: list[SessionRecord]


def choose_sessions(args, command: str) -> tuple[Chosen | None, int]:
    """Open the store, load the --scenario files and read the --session ids (default: all).
    On a problem, print it and give None with the exit code; else close ``Chosen.store``."""
    store = open_store(args, command)
    if store is None:
        return None, USAGE
    if refuse_output(getattr(args, "out", None), store, command):
        store.close()
        return None, USAGE
    current: list[Scenario] = []
    for path in args.scenario:
        scenario, code = load_or_report(path)
        if scenario is None:
            store.close()
            return None, code
        current.append(scenario)
    try:
        records = store.records(args.session)
    except StoreError as exc:
        store.close()
        error(command, exc)
        return None, USAGE
    print_warnings(store, command)
    return Chosen(store, ScenarioLibrary(store, current), records), OK


def run(args) -> int:
    chosen, code = choose_sessions(args, "debrief")
    if chosen is None:
        return code
    records = chosen.records
    with chosen.store:
        try:
            lang = args.lang or (records[0].language if records else "nl")
            html = render_report(report_parts(records, chosen.library, lang), lang, utc_now(),
                                 str(chosen.store.path))
        except StoreError as exc:
            error("debrief", exc)
            return USAGE
    try:
        Path(args.out).write_text(html, encoding="utf-8")
    except OSError as exc:
        error("debrief", f"{args.out}: cannot write: {exc.strerror or exc} (choose another --out)")
        return USAGE
    n = len(records)
    print(f"wrote {args.out}: {n} session{'s' * (n != 1)}"
          + (f" of {', '.join(sorted({r.scenario_id for r in records}))}" if records else ""))
    return OK
