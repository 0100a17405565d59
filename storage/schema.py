"""The database schema as a list of migrations; ``PRAGMA user_version`` says how many ran.

Never edit a migration that has shipped: add a new one. A database is brought up to date
when it is opened for writing; migration ``n`` turns schema ``n-1`` into schema ``n``.
"""
from __future__ import annotations

import sqlite3

# 1: the first schema. Sessions, every decision (undone ones kept and marked), and the
#    scenario files they were played on, so that old versions still replay.
V1 = """
CREATE TABLE scenario_sources (
    content_hash TEXT PRIMARY KEY,      -- Scenario.content_hash: sha256 of the bytes, 16 hex
    scenario_id  TEXT NOT NULL,
    version      TEXT NOT NULL,
    path         TEXT NOT NULL,         -- where the file was when first recorded
    source       BLOB NOT NULL,         -- the file's exact bytes
    added_at     TEXT NOT NULL
);
CREATE TABLE sessions (
    id               TEXT PRIMARY KEY,  -- uuid4
    scenario_id      TEXT NOT NULL,
    scenario_version TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    language         TEXT NOT NULL,
    label            TEXT NOT NULL,
    mode             TEXT NOT NULL,     -- play | text | workshop | ...
    seed             INTEGER NOT NULL,
    started_at       TEXT NOT NULL,     -- ISO 8601, UTC
    ended_at         TEXT,
    ending           TEXT,              -- ending id, once reached
    final_vars       TEXT,              -- JSON: meters and flags at the ending
    extra            TEXT NOT NULL DEFAULT '{}'  -- JSON, for what later modes need
);
CREATE INDEX sessions_started ON sessions(started_at);
CREATE TABLE decisions (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,        -- order of recording in the session; never reused
    idx        INTEGER NOT NULL,        -- Decision.index: its place on the path
    scene      TEXT NOT NULL,
    choice     TEXT NOT NULL,
    offered    TEXT NOT NULL,           -- JSON list of choice ids
    hidden     TEXT NOT NULL,           -- JSON list: hidden by their conditions
    target     TEXT NOT NULL,
    before     TEXT NOT NULL,           -- JSON: meters and flags
    after      TEXT NOT NULL,
    step       INTEGER NOT NULL,
    seconds    REAL,
    timed_out  INTEGER NOT NULL,
    made_at    TEXT NOT NULL,
    undone     TEXT,                    -- NULL, 'undo' or 'restart'
    PRIMARY KEY (session_id, seq)
);
"""

# 2: workshop mode: the hands counted per option, a facilitator's override of the
#    majority, and notes typed at a step.
V2 = """
ALTER TABLE decisions ADD COLUMN overridden INTEGER NOT NULL DEFAULT 0;
CREATE TABLE votes (
    session_id TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    choice     TEXT NOT NULL,
    count      INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (session_id, seq, choice),
    FOREIGN KEY (session_id, seq) REFERENCES decisions(session_id, seq) ON DELETE CASCADE
);
CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    step       INTEGER NOT NULL,        -- decisions made when the note was written
    scene      TEXT NOT NULL,
    text       TEXT NOT NULL,
    written_at TEXT NOT NULL
);
CREATE INDEX notes_session ON notes(session_id, step);
"""

MIGRATIONS: tuple[str, ...] = (V1, V2)
LATEST = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, upto: int = LATEST) -> int:
    """Run the migrations the database lacks, each in its own transaction; give the version."""
    current = version(conn)
    for number in range(current + 1, upto + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version(conn) >= number:  # another process migrated meanwhile
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return version(conn)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own)."""
    out, buf = [], ""
    for line in script.splitlines():
        buf += line.split("--", 1)[0] + "\n"
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return [s for s in out if s]
