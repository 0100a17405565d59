"""``SessionStore``: the session database of one file. Every write is its own transaction.

Writes commit before they return, so a decision recorded is a decision kept (see ``db``
for why that holds even when the power goes). Reads see the last committed state; WAL
lets them run while another process writes.
"""
from __future__ import annotations

import sqlite3
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Mapping

from ..engine.loader import content_hash
from ..engine.model import Scenario
from ..engine.state import Decision

from . import jsonio, queries
from .clock import utc_now
from .connection import connect, unusable
from .errors import DamagedRow, DatabaseError, SessionNotFound
from .records import SessionRecord, SessionSummary

MODES = ("play", "text", "workshop", "whatif")
DEFAULT_LABEL = {"nl": "Sessie", "en": "Session"}


class SessionStore:
    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False,
                 clock: Callable[[], str] = utc_now):
        """Open the store in ``path``: for recording (``create``: make it if the file is
        missing or empty), or with ``readonly`` for reading only (the file is never written)."""
        self.path = Path(path)
        self.clock = clock
        self.readonly = readonly
        self.warnings: list[str] = []  # damaged rows skipped while reading, one line each
        self.conn = connect(self.path, create=create, readonly=readonly)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def _write(self):
        """One transaction; a database that cannot be written (disk full, read-only, locked
        too long) raises ``DatabaseError``."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:  # a failed COMMIT leaves it open
                self.conn.execute("ROLLBACK")
            error = unusable(self.path, exc)
            if error.reason.startswith("not a usable"):
                error = DatabaseError(str(self.path), f"cannot write: {exc}",
                                      "check the disk, or give another file with --db")
            raise error from exc

    # ---- sessions -------------------------------------------------------------------------
    def create_session(self, scenario: Scenario, *, language: str, label: str | None = None,
                       mode: str = "play", seed: int = 0, source: bytes | None = None,
                       extra: Mapping | None = None) -> str:
        """Record the start of a session and keep the scenario file's text; give the new id."""
        if mode not in MODES:
            raise ValueError(f"mode: expected one of {', '.join(MODES)} (got '{mode}')")
        session_id = str(uuid.uuid4())
        source = source if source is not None else _read_source(scenario)
        with self._write() as c:
            if source is not None:
                _keep_source(c, scenario, source, self.clock())
            label = (label or "").strip() or self._next_label(c, language)
            c.execute("INSERT INTO sessions (id, scenario_id, scenario_version, content_hash, "
                      "language, label, mode, seed, started_at, extra) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (session_id, scenario.id, scenario.version, scenario.content_hash,
                       language, label, mode, int(seed), self.clock(), jsonio.dumps(extra or {})))
        return session_id

    @staticmethod
    def _next_label(c: sqlite3.Connection, language: str) -> str:
        n = c.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] + 1
        return f"{DEFAULT_LABEL.get(language, DEFAULT_LABEL['en'])} {n}"

    def end_session(self, session_id: str, ending: str, final_vars: Mapping) -> None:
        with self._write() as c:
            self._update_session(c, session_id, "ending = ?, ended_at = ?, final_vars = ?",
                                 (ending, self.clock(), jsonio.dumps(dict(final_vars))))

    def update_extra(self, session_id: str, values: Mapping) -> None:
        """Merge ``values`` into the session's ``extra`` (JSON) for modes that need more."""
        with self._write() as c:
            row = c.execute("SELECT extra FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                raise SessionNotFound(session_id)
            merged = {**jsonio.loads(row[0], {}), **values}
            c.execute("UPDATE sessions SET extra = ? WHERE id = ?", (jsonio.dumps(merged), session_id))

    def delete(self, session_id: str) -> None:
        """Delete a session with its decisions, votes and notes, and unused scenario texts."""
        with self._write() as c:
            if c.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount == 0:
                raise SessionNotFound(session_id)
            c.execute("DELETE FROM scenario_sources WHERE content_hash NOT IN "
                      "(SELECT content_hash FROM sessions)")

    @staticmethod
    def _update_session(c, session_id: str, assignments: str, params: tuple) -> None:
        cur = c.execute(f"UPDATE sessions SET {assignments} WHERE id = ?", (*params, session_id))
        if cur.rowcount == 0:
            raise SessionNotFound(session_id)

    # ---- decisions ------------------------------------------------------------------------
    def add_decision(self, session_id: str, decision: Decision, *,
                     votes: Mapping[str, int] | None = None, overridden: bool = False) -> int:
        """Record a decision (with a workshop's tallies); give its recording order."""
        d = decision
        with self._write() as c:
            if c.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
                raise SessionNotFound(session_id)
            seq = c.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM decisions WHERE session_id = ?",
                            (session_id,)).fetchone()[0]
            c.execute("INSERT INTO decisions (session_id, seq, idx, scene, choice, offered, hidden, "
                      "target, before, after, step, seconds, timed_out, made_at, overridden) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (session_id, seq, d.index, d.scene, d.choice, jsonio.dumps(list(d.offered)),
                       jsonio.dumps(list(d.hidden)), d.target, jsonio.dumps(d.before),
                       jsonio.dumps(d.after), d.step, d.seconds, int(d.timed_out), self.clock(),
                       int(overridden)))
            _write_votes(c, session_id, seq, votes or {})
        return seq

    def mark_undone(self, session_id: str, index: int) -> None:
        """The decision at ``index`` was taken back; an ending reached after it no longer holds."""
        with self._write() as c:
            seq = queries.active_seq(c, session_id, index)
            if seq is None:
                raise SessionNotFound(f"{session_id}#{index}")
            c.execute("UPDATE decisions SET undone = 'undo' WHERE session_id = ? AND seq = ?",
                      (session_id, seq))
            self._update_session(c, session_id, "ending = NULL, ended_at = NULL, final_vars = NULL", ())

    def mark_restart(self, session_id: str) -> None:
        """The player started over: every decision on the path is set aside."""
        with self._write() as c:
            c.execute("UPDATE decisions SET undone = 'restart' WHERE session_id = ? "
                      "AND undone IS NULL", (session_id,))
            self._update_session(c, session_id, "ending = NULL, ended_at = NULL, final_vars = NULL", ())

    def record_votes(self, session_id: str, index: int, votes: Mapping[str, int],
                     overridden: bool = False) -> None:
        """Set the tallies of the decision that stands at ``index`` (workshop mode)."""
        with self._write() as c:
            seq = queries.active_seq(c, session_id, index)
            if seq is None:
                raise SessionNotFound(f"{session_id}#{index}")
            c.execute("DELETE FROM votes WHERE session_id = ? AND seq = ?", (session_id, seq))
            _write_votes(c, session_id, seq, votes)
            c.execute("UPDATE decisions SET overridden = ? WHERE session_id = ? AND seq = ?",
                      (int(overridden), session_id, seq))

    def add_note(self, session_id: str, step: int, scene: str, text: str) -> None:
        with self._write() as c:
            if c.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
                raise SessionNotFound(session_id)
            c.execute("INSERT INTO notes (session_id, step, scene, text, written_at) "
                      "VALUES (?, ?, ?, ?, ?)", (session_id, step, scene, text, self.clock()))

    # ---- reading --------------------------------------------------------------------------
    def resolve(self, given: str) -> str:
        """The full id of a session from its id or a unique prefix (4 characters or more)."""
        return queries.resolve(self.conn, given)

    def list(self, scenario_id: str | None = None) -> list[SessionSummary]:
        return queries.summaries(self.conn, scenario_id)

    def get(self, session_id: str) -> SessionRecord:
        """One session, read in one transaction so that it is consistent."""
        self.conn.execute("BEGIN")
        try:
            return queries.session(self.conn, self.resolve(session_id))
        finally:
            self.conn.execute("COMMIT")

    def records(self, ids: Iterable[str] | None = None) -> list[SessionRecord]:
        """The sessions with these ids (or prefixes), else every session, oldest first.
        A session with a damaged row is left out, with a line in ``warnings`` naming it."""
        chosen = [self.resolve(i) for i in ids] if ids else [s.id for s in self.list()]
        out = []
        for session_id in dict.fromkeys(chosen):
            try:
                out.append(self.get(session_id))
            except DamagedRow as exc:
                self.warnings.append(f"{exc}; session skipped")
        return out

    def scenario_source(self, content_hash: str) -> bytes | None:
        return queries.scenario_source(self.conn, content_hash)


def _read_source(scenario: Scenario) -> bytes | None:
    """The scenario file's bytes, if the file on disk is still the one that was loaded."""
    if not scenario.path:
        return None
    try:
        raw = Path(scenario.path).read_bytes()
    except OSError:
        return None
    return raw if content_hash(raw) == scenario.content_hash else None


def _keep_source(c: sqlite3.Connection, scenario: Scenario, source: bytes, now: str) -> None:
    if content_hash(source) != scenario.content_hash:
        raise ValueError(f"source: expected the text of scenario hash {scenario.content_hash} "
                         f"(got hash {content_hash(source)})")
    c.execute("INSERT OR IGNORE INTO scenario_sources (content_hash, scenario_id, version, path, "
              "source, added_at) VALUES (?, ?, ?, ?, ?, ?)",
              (scenario.content_hash, scenario.id, scenario.version, scenario.path, source, now))


def _write_votes(c: sqlite3.Connection, session_id: str, seq: int, votes: Mapping[str, int]) -> None:
    c.executemany("INSERT INTO votes (session_id, seq, choice, count) VALUES (?, ?, ?, ?)",
                  [(session_id, seq, k, int(v)) for k, v in votes.items()])
