"""Opening the session database: WAL, durable commits, foreign keys, an up-to-date schema.

Durability: the database runs in WAL mode with ``synchronous=FULL``. In WAL mode a commit
is one append to the ``-wal`` file; with FULL, SQLite also syncs that file to the disk
before the commit returns. NORMAL would survive a killed process but not a pulled plug: the
last commits could still sit in the operating system's cache. Decisions come seconds
apart, so one sync per decision costs nothing anyone notices, and what was chosen stays.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from . import schema
from .errors import DatabaseError, SchemaTooNew

BUSY_TIMEOUT_MS = 10_000


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (with ``create``: create) the database and bring its schema up to date."""
    path = Path(path)
    if not create and not path.exists():
        raise DatabaseError(str(path), "no such database", "check the path given with --db")
    if create:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(str(path), f"cannot create its folder: {exc.strerror or exc}",
                                "give another file with --db") from exc
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise DatabaseError(str(path), f"cannot open: {exc}", "give another file with --db") from exc
    try:
        _configure(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        found = schema.version(conn)
        if found > schema.LATEST:
            raise SchemaTooNew(str(path), found, schema.LATEST)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise DatabaseError(str(path), f"cannot use WAL mode (got '{mode}')",
                                "keep the database on a local disk")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        schema.migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(str(path), f"not a usable session database ({exc})",
                            "is this the right file?") from exc
