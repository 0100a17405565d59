"""``weerbaar sessions``: list the recorded sessions of a database, or delete one.

Also the helpers that the store's commands share: the ``--db`` option and opening the
store with a clear error.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..storage import SessionStore, StoreError, default_db_path
from ..storage.clock import local_minute
from ..storage.connection import is_sqlite_file
from ..storage.paths import db_path

from .common import OK, USAGE

SHORT_ID = 8


def add_db_option(p) -> None:
    p.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS,  # also before the command
                   help=f"the session database (default: {default_db_path()})")


def error(command: str, message) -> None:
    print(f"weerbaar {command}: error: {message}", file=sys.stderr)


def warn(command: str, message) -> None:
    print(f"weerbaar {command}: warning: {message}", file=sys.stderr)


def open_store(args, command: str, *, readonly: bool = True) -> SessionStore | None:
    """The store named by ``--db``, else the default one; it must exist and be a Weerbaar
    store. Reading commands open it read-only: they never create or change a file. Prints
    the error and gives None when it cannot be opened."""
    path = db_path(getattr(args, "db", None))
    if not getattr(args, "db", None) and not path.exists():
        error(command, f"no sessions recorded yet in {path} (play a scenario first, or give --db)")
        return None
    try:
        return SessionStore(path, create=False, readonly=readonly)
    except StoreError as exc:
        error(command, exc)
        return None


def refuse_output(out: str | None, store: SessionStore, command: str) -> bool:
    """Whether ``--out`` would overwrite the database (or its journal) or another SQLite
    file; if so, says so. Writing a report over a workshop's recordings loses them all."""
    if not out:
        return False
    target = Path(out)
    db = store.path
    same = any(_same_file(target, Path(f"{db}{suffix}")) for suffix in ("", "-wal", "-shm", "-journal"))
    if same or is_sqlite_file(target):
        what = "the session database" if same else "an SQLite database"
        error(command, f"{out}: is {what}; writing there would destroy it "
              "(choose another --out)")
        return True
    return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.absolute() == b.absolute()


def print_warnings(store: SessionStore, command: str) -> None:
    for line in store.warnings:
        warn(command, line)


def add_parser(sub, name):
    p = sub.add_parser(name, help="list recorded sessions (or delete one)",
                       description="List the sessions recorded in a database. Ids may be "
                       "shortened to any unique start of 4 characters or more.")
    add_db_option(p)
    p.add_argument("--delete", metavar="ID", action="append", default=[],
                   help="delete this session (repeat for more)")
    p.add_argument("--scenario", metavar="ID", help="only sessions of this scenario id")


def run(args) -> int:
    if not getattr(args, "db", None) and not default_db_path().exists():
        print(f"no sessions recorded yet in {default_db_path()}")
        return OK if not args.delete else USAGE
    store = open_store(args, "sessions", readonly=not args.delete)
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
        try:  # the summary, not the whole record: a damaged session must stay deletable
            session_id = store.resolve(given)
            record = next(s for s in store.list() if s.id == session_id)
            store.delete(record.id)
        except StoreError as exc:
            error("sessions", exc)
            code = USAGE
            continue
        n = record.decisions
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
