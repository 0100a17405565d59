"""Opening the session database: for recording (WAL, durable commits, an up-to-date schema)
or for reading (read-only, nothing written, not even the journal mode).

Durability: the database runs in WAL mode with ``synchronous=FULL``. In WAL mode a commit
is one append to the ``-wal`` file; with FULL, SQLite also syncs that file to the disk
before the commit returns. NORMAL would survive a killed process but not a pulled plug: the
last commits could still sit in the operating system's cache. Decisions come seconds
apart, so one sync per decision costs nothing anyone notices, and what was chosen stays.

Only a Weerbaar store is opened. A file that is not one (another program's SQLite
database, a text file, an empty file given to a reading command) is refused before SQLite
writes a byte to it; only a recording command creates a store, in a new or empty file.
Reading commands open the file with ``mode=ro``, so a database on read-only media or
owned by someone else can still be read; an older schema is then migrated in a copy in
memory, never in the file.
"""
from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from . import schema
from .errors import DatabaseError, SchemaTooNew

BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"
READ_ONLY_HINT = "reading commands still work; to record, give a file you may write with --db"
OTHER_DB = "give the session database with --db, or a new file to record in"


def connect(path: str | Path, *, create: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """Open a store for recording (``create``: make it when the file is missing or empty),
    or with ``readonly`` for reading only."""
    path = Path(path)
    if readonly:
        return _open_readonly(path)
    size = _existing_size(path, must_exist=not create)
    if size is None:
        _make_folder(path)
    elif not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise DatabaseError(str(path), "cannot write: the database is read-only",
                            READ_ONLY_HINT)  # WAL needs its -wal and -shm files beside it
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


def _existing_size(path: Path, must_exist: bool) -> int | None:
    """The size of the database file, None when there is none; refuses what is not a store."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if must_exist:
            raise DatabaseError(str(path), "no such database", "check the path given with --db")
        return None
    except OSError as exc:
        raise DatabaseError(str(path), f"cannot open: {exc.strerror or exc}",
                            "check the path given with --db") from exc
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise DatabaseError(str(path), f"is {what}, not a session database", OTHER_DB)
    if info.st_size == 0:
        if must_exist:
            raise DatabaseError(str(path), "the file is empty, not a session database", OTHER_DB)
        return 0
    _check_header(path)
    return info.st_size


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(str(path), f"cannot read: {exc.strerror or exc}",
                            "check the file's permissions") from exc
    if head != SQLITE_HEADER:
        raise DatabaseError(str(path), "not a session database (not an SQLite file)", OTHER_DB)


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(str(path), f"cannot create its folder: {exc.strerror or exc}",
                            "give another file with --db") from exc


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_store(conn, path, allow_blank=True)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise DatabaseError(str(path), f"cannot use WAL mode (got '{mode}')",
                                "keep the database on a local disk")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        schema.migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise unusable(path, exc) from exc


def unusable(path: Path, exc: sqlite3.Error) -> DatabaseError:
    """The one-line error for an SQLite failure on opening or writing."""
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return DatabaseError(str(path), "cannot write: the database is read-only", READ_ONLY_HINT)
    if "locked" in text or "busy" in text:
        return DatabaseError(str(path), f"cannot write: {text}",
                             "another program holds the database; try again when it is done")
    return DatabaseError(str(path), f"not a usable session database ({text})",
                         "is this the right file?")


def _check_store(conn: sqlite3.Connection, path: Path, allow_blank: bool) -> int:
    """The schema version of a Weerbaar store; refuses another program's database."""
    found = schema.version(conn)
    if found > schema.LATEST:
        raise SchemaTooNew(str(path), found, schema.LATEST)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if found == 0 and allow_blank and not tables:
        return found  # a new or empty file: a recording command makes it a store
    missing = sorted(schema.tables(found) - tables) if found else ["sessions"]
    if missing:
        raise DatabaseError(str(path), "not a Weerbaar session database "
                            f"(it has no table '{missing[0]}')", OTHER_DB)
    return found


# ---- reading only ----------------------------------------------------------------------------
def _open_readonly(path: Path) -> sqlite3.Connection:
    _existing_size(path, must_exist=True)  # refuses what is not an SQLite file, unread
    # A WAL database without its -wal file has no writer and nothing to recover: read it as
    # immutable, so that SQLite leaves no -shm and -wal files behind in the user's folder.
    idle = _in_wal_mode(path) and not Path(f"{path}-wal").exists()
    conn = _connect_ro(path, "mode=ro&immutable=1" if idle else "mode=ro")
    try:
        found = _read_version(conn, path)
    except DatabaseError:
        conn.close()
        raise
    except sqlite3.OperationalError:
        # A WAL database without its -shm file in a folder we may not write: SQLite can
        # read it only as an immutable file (nobody writes to read-only media anyway).
        conn.close()
        conn = _connect_ro(path, "mode=ro&immutable=1")
        try:
            found = _read_version(conn, path)
        except sqlite3.Error as exc:
            conn.close()
            raise unusable(path, exc) from exc
        except BaseException:
            conn.close()
            raise
    if found < schema.LATEST:
        conn = _upgraded_copy(conn, path)
    conn.execute("PRAGMA query_only = ON")
    return conn


def _in_wal_mode(path: Path) -> bool:
    """Whether the header says WAL: bytes 18 and 19 (write and read version) are 2."""
    try:
        with open(path, "rb") as f:
            header = f.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def _connect_ro(path: Path, params: str) -> sqlite3.Connection:
    uri = f"{path.absolute().as_uri()}?{params}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                               timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise DatabaseError(str(path), f"cannot open: {exc}", "check the path given with --db") from exc
    conn.row_factory = sqlite3.Row
    return conn


def _read_version(conn: sqlite3.Connection, path: Path) -> int:
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return _check_store(conn, path, allow_blank=False)
    except sqlite3.OperationalError as exc:
        if "unable to open" in str(exc):
            raise
        raise unusable(path, exc) from exc
    except sqlite3.DatabaseError as exc:
        raise unusable(path, exc) from exc


def _upgraded_copy(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """A store written by an older Weerbaar, read through a migrated copy in memory."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    memory.row_factory = sqlite3.Row
    try:
        conn.backup(memory)
        schema.migrate(memory)
    except sqlite3.Error as exc:
        memory.close()
        raise unusable(path, exc) from exc
    finally:
        conn.close()
    return memory


def is_sqlite_file(path: str | os.PathLike) -> bool:
    """Whether ``path`` is an existing SQLite database (ours or another program's)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
