"""``weerbaar sessions``: list the recorded sessions of a database, or delete one.

Also the helpers that the store's commands share: the ``--db`` option and opening the
store with a clear error.
"""
from __future__ import annotations

import argparse
import sys

from storage import SessionStore, StoreError, default_db_path
from storage.clock import local_minute

from .common import OK, USAGE

SHORT_ID = 8


def add_db_option(p) -> None:
    p.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS,  # also before the command
                   help=f"the session database (default: {default_db_path()})")


def error(command: str, message) -> None:
    print(f"weerbaar {command}: error: {message}", file=sys.stderr)


def open_store(args, command: str) -> SessionStore | None:
    """The store named by ``--db`` (which must exist), else the default one (created if
    needed). Prints the error and gives None when it cannot be opened."""
    try:
        db = getattr(args, "db", None)
        if db:
            return SessionStore(db, create=False)
        return SessionStore(default_db_path())
    except StoreError as exc:
        error(command, exc)
        return None


def add_parser(sub, name):
    p = sub.add_parser(name, help="list recorded sessions (or delete one)",
                       description="List the sessions recorded in a database. Ids may be "
                       "shortened to any unique start of 4 characters or more.")
    add_db_option(p)
    p.add_argument("--delete", metavar="ID", action="append", default=[],
                   help="delete this session (repeat for more)")
    p.add_argument("--scenario", metavar="ID", help="only sessions of this scenario id")


def run(args) -> int:
    store = open_store(args, "sessions")
    if store is None:
        return USAGE
    with store:
        if args.delete:
            return _delete(store, args.delete)
        _print_list(store, args.scenario)
    return OK


def _delete(store: SessionStore, ids: list[str]) -> int:
    code = OK
    for given in ids:
        try:
            record = store.get(given)
            store.delete(record.id)
        except StoreError as exc:
            error("sessions", exc)
            code = USAGE
            continue
        n = len(record.path)
        print(f"deleted session {record.id} ({record.label}, {record.scenario_id}, "
              f"{n} decision{'s' * (n != 1)})")
    return code


def _print_list(store: SessionStore, scenario_id: str | None) -> None:
    sessions = store.list(scenario_id)
    if not sessions:
        print(f"no sessions recorded yet in {store.path}")
        return
    width = short_id_width([s.id for s in sessions])
    rows = [("ID", "SCENARIO", "LABEL", "MODE", "START", "DECISIONS", "ENDING")]
    rows += [(s.id[:width], s.scenario_id, s.label, s.mode, local_minute(s.started_at),
              str(s.decisions), s.ending or "(running)") for s in sessions]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        cells = [c.rjust(w) if i == 5 else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        print("  ".join(cells).rstrip())
    print(f"{len(sessions)} session{'s' * (len(sessions) != 1)} in {store.path}")


def short_id_width(ids: list[str]) -> int:
    """The shortest id prefix (8 or more characters) that tells these ids apart."""
    width = SHORT_ID
    while width < 36 and len({i[:width] for i in ids}) < len(ids):
        width += 1
    return width
