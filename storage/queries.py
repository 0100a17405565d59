"""Reading sessions back: rows of the database become records."""
from __future__ import annotations

import sqlite3
from types import MappingProxyType

from engine.state import Decision

from . import jsonio
from .errors import AmbiguousSession, SessionNotFound
from .records import DecisionRecord, Note, SessionRecord, SessionSummary

MIN_PREFIX = 4

LIST_SQL = """
SELECT s.id, s.scenario_id, s.label, s.mode, s.started_at, s.ended_at, s.ending,
       (SELECT COUNT(*) FROM decisions d WHERE d.session_id = s.id AND d.undone IS NULL) AS n
FROM sessions s {where} ORDER BY s.started_at, s.id
"""


def resolve(conn: sqlite3.Connection, given: str) -> str:
    """The full id of the session whose id is ``given`` or starts with it."""
    given = given.strip().lower()
    if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (given,)).fetchone():
        return given
    if len(given) < MIN_PREFIX:
        raise SessionNotFound(given)
    escaped = given.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute("SELECT id FROM sessions WHERE id LIKE ? ESCAPE '\\' ORDER BY id",
                        (escaped + "%",)).fetchall()
    if not rows:
        raise SessionNotFound(given)
    if len(rows) > 1:
        raise AmbiguousSession(given, [r[0] for r in rows])
    return rows[0][0]


def summaries(conn: sqlite3.Connection, scenario_id: str | None = None) -> list[SessionSummary]:
    where, params = ("WHERE s.scenario_id = ?", (scenario_id,)) if scenario_id else ("", ())
    return [SessionSummary(id=r["id"], scenario_id=r["scenario_id"], label=r["label"],
                           mode=r["mode"], started_at=r["started_at"], ended_at=r["ended_at"],
                           ending=r["ending"], decisions=r["n"])
            for r in conn.execute(LIST_SQL.format(where=where), params)]


def session(conn: sqlite3.Connection, session_id: str) -> SessionRecord:
    row = conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        raise SessionNotFound(session_id)
    final = jsonio.loads(row["final_vars"])
    return SessionRecord(
        id=row["id"], scenario_id=row["scenario_id"], scenario_version=row["scenario_version"],
        content_hash=row["content_hash"], language=row["language"], label=row["label"],
        mode=row["mode"], seed=row["seed"], started_at=row["started_at"],
        ended_at=row["ended_at"], ending=row["ending"],
        final_vars=MappingProxyType(final) if final is not None else None,
        extra=MappingProxyType(jsonio.loads(row["extra"], {})),
        history=_decisions(conn, session_id), notes=_notes(conn, session_id))


def _decisions(conn: sqlite3.Connection, session_id: str) -> tuple[DecisionRecord, ...]:
    votes: dict[int, dict[str, int]] = {}
    for r in conn.execute("SELECT seq, choice, count FROM votes WHERE session_id = ?",
                          (session_id,)):
        votes.setdefault(r["seq"], {})[r["choice"]] = r["count"]
    rows = conn.execute("SELECT * FROM decisions WHERE session_id = ? ORDER BY seq",
                        (session_id,))
    return tuple(DecisionRecord(
        seq=r["seq"], decision=_decision(r), made_at=r["made_at"], undone=r["undone"],
        votes=MappingProxyType(votes.get(r["seq"], {})), overridden=bool(r["overridden"]))
        for r in rows)


def _decision(r: sqlite3.Row) -> Decision:
    return Decision(index=r["idx"], scene=r["scene"], choice=r["choice"],
                    offered=tuple(jsonio.loads(r["offered"])),
                    hidden=tuple(jsonio.loads(r["hidden"])), target=r["target"],
                    before=jsonio.loads(r["before"]), after=jsonio.loads(r["after"]),
                    step=r["step"], seconds=r["seconds"], timed_out=bool(r["timed_out"]))


def _notes(conn: sqlite3.Connection, session_id: str) -> tuple[Note, ...]:
    rows = conn.execute("SELECT step, scene, text, written_at FROM notes WHERE session_id = ? "
                        "ORDER BY step, id", (session_id,))
    return tuple(Note(r["step"], r["scene"], r["text"], r["written_at"]) for r in rows)


def scenario_source(conn: sqlite3.Connection, content_hash: str) -> bytes | None:
    row = conn.execute("SELECT source FROM scenario_sources WHERE content_hash = ?",
                       (content_hash,)).fetchone()
    return bytes(row[0]) if row else None


def active_seq(conn: sqlite3.Connection, session_id: str, index: int) -> int | None:
    """The recording order of the decision that stands at ``index`` on the path."""
    row = conn.execute("SELECT MAX(seq) FROM decisions WHERE session_id = ? AND idx = ? "
                       "AND undone IS NULL", (session_id, index)).fetchone()
    return row[0]
