"""Reading sessions back: rows of the database become records."""
from __future__ import annotations

import sqlite3
from types import MappingProxyType

from ..engine.state import Decision

from .errors import AmbiguousSession, SessionNotFound
from .rows import RowReader
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
    return [SessionSummary(id=r["id"], scenario_id=_shown(r["scenario_id"]), label=_shown(r["label"]),
                           mode=_shown(r["mode"]), started_at=_shown(r["started_at"]),
                           ended_at=_shown(r["ended_at"]), ending=_shown(r["ending"]),
                           decisions=r["n"])
            for r in conn.execute(LIST_SQL.format(where=where), params)]


def _shown(value) -> str | None:
    """A column of the list as text, whatever a damaged row holds: the list must still show
    (and let the user delete) the session that cannot be read whole."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return "(damaged)"
    return str(value)


def session(conn: sqlite3.Connection, session_id: str) -> SessionRecord:
    """One session with its decisions and notes; ``DamagedRow`` if a row of it is damaged."""
    row = conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        raise SessionNotFound(session_id)
    r = RowReader(session_id, "session row", row)
    final = r.variables("final_vars", optional=True)
    return SessionRecord(
        id=row["id"], scenario_id=r.text("scenario_id"), scenario_version=r.text("scenario_version"),
        content_hash=r.text("content_hash"), language=r.text("language"), label=r.text("label"),
        mode=r.text("mode"), seed=r.integer("seed"), started_at=r.timestamp("started_at"),
        ended_at=r.timestamp("ended_at", optional=True), ending=r.text("ending", optional=True),
        final_vars=MappingProxyType(final) if final is not None else None,
        extra=MappingProxyType(r.mapping("extra")),
        history=_decisions(conn, session_id), notes=_notes(conn, session_id))


def _decisions(conn: sqlite3.Connection, session_id: str) -> tuple[DecisionRecord, ...]:
    votes: dict[int, dict[str, int]] = {}
    for r in conn.execute("SELECT seq, choice, count FROM votes WHERE session_id = ?",
                          (session_id,)):
        votes.setdefault(r["seq"], {})[r["choice"]] = r["count"]
    rows = conn.execute("SELECT * FROM decisions WHERE session_id = ? ORDER BY seq",
                        (session_id,))
    out = []
    for row in rows:
        r = RowReader(session_id, f"decision row {row['seq']}", row)
        out.append(DecisionRecord(
            seq=r.integer("seq"), decision=_decision(r), made_at=r.timestamp("made_at"),
            undone=r.text("undone", optional=True),
            votes=MappingProxyType(votes.get(row["seq"], {})), overridden=bool(row["overridden"])))
    return tuple(out)


def _decision(r: RowReader) -> Decision:
    return Decision(index=r.integer("idx"), scene=r.text("scene"), choice=r.text("choice"),
                    offered=r.ids("offered"), hidden=r.ids("hidden"), target=r.text("target"),
                    before=r.variables("before"), after=r.variables("after"),
                    step=r.integer("step"), seconds=r.number("seconds"),
                    timed_out=bool(r.integer("timed_out")))


def _notes(conn: sqlite3.Connection, session_id: str) -> tuple[Note, ...]:
    rows = conn.execute("SELECT id, step, scene, text, written_at FROM notes WHERE session_id = ? "
                        "ORDER BY step, id", (session_id,))
    out = []
    for row in rows:
        r = RowReader(session_id, f"note row {row['id']}", row)
        out.append(Note(r.integer("step"), r.text("scene"), r.text("text"), r.timestamp("written_at")))
    return tuple(out)


def scenario_source(conn: sqlite3.Connection, content_hash: str) -> bytes | None:
    row = conn.execute("SELECT source FROM scenario_sources WHERE content_hash = ?",
                       (content_hash,)).fetchone()
    return bytes(row[0]) if row else None


def active_seq(conn: sqlite3.Connection, session_id: str, index: int) -> int | None:
    """The recording order of the decision that stands at ``index`` on the path."""
    row = conn.execute("SELECT MAX(seq) FROM decisions WHERE session_id = ? AND idx = ? "
                       "AND undone IS NULL", (session_id, index)).fetchone()
    return row[0]
