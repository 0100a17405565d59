"""Workshops: several teams that play one scenario in turn, each its own recorded session.

No table of its own: a workshop is the sessions (mode ``workshop``) whose ``extra`` holds
``{"workshop": {"id": ..., "teams": [...], "team": i}}``. The team list travels with every
team's session, so a workshop can be resumed from the database alone, also when the
teams after the current one have not started yet. ``close_workshop`` marks a workshop the
facilitator gave up on (``"closed": true``), so it is no longer offered to resume.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from . import jsonio
from .store import SessionStore

KEY = "workshop"


@dataclass(frozen=True, slots=True)
class WorkshopTeam:
    index: int
    name: str
    session_id: str | None        # None: the team has not started yet
    decisions: int = 0
    ending: str | None = None

    @property
    def done(self) -> bool:
        return self.ending is not None


@dataclass(frozen=True, slots=True)
class Workshop:
    id: str
    scenario_id: str
    content_hash: str             # of the first team's session
    started_at: str
    teams: tuple[WorkshopTeam, ...]
    closed: bool = False

    @property
    def finished(self) -> bool:
        return all(t.done for t in self.teams)

    @property
    def current(self) -> WorkshopTeam | None:
        """The first team that has not reached an ending."""
        return next((t for t in self.teams if not t.done), None)

    @property
    def session_ids(self) -> tuple[str, ...]:
        return tuple(t.session_id for t in self.teams if t.session_id)


def new_id() -> str:
    return str(uuid.uuid4())


def extra_for(workshop_id: str, teams, index: int) -> dict:
    """The ``extra`` of team ``index``'s session."""
    return {KEY: {"id": workshop_id, "teams": list(teams), "team": int(index)}}


SQL = """
SELECT s.id, s.scenario_id, s.content_hash, s.started_at, s.ending, s.extra,
       (SELECT COUNT(*) FROM decisions d WHERE d.session_id = s.id AND d.undone IS NULL) AS n
FROM sessions s WHERE s.mode = 'workshop' {where} ORDER BY s.started_at, s.id
"""


def workshops(store: SessionStore, scenario_id: str | None = None) -> list[Workshop]:
    """Every workshop in the database (of ``scenario_id``), oldest first."""
    where, params = ("AND s.scenario_id = ?", (scenario_id,)) if scenario_id else ("", ())
    groups: dict[str, list] = {}
    for row in store.conn.execute(SQL.format(where=where), params):
        info = _info(row["extra"])
        if info is not None:
            groups.setdefault(info["id"], []).append((row, info))
    return [_workshop(wid, rows) for wid, rows in groups.items()]


def unfinished(store: SessionStore, scenario_id: str | None = None) -> Workshop | None:
    """The most recent workshop that some team has not finished and nobody closed."""
    open_ = [w for w in workshops(store, scenario_id) if not w.finished and not w.closed]
    return open_[-1] if open_ else None


def find(store: SessionStore, workshop_id: str) -> Workshop | None:
    return next((w for w in workshops(store) if w.id == workshop_id), None)


def close_workshop(store: SessionStore, workshop: Workshop) -> None:
    """The facilitator starts afresh: this workshop is no longer offered to resume."""
    for team in workshop.teams:
        if team.session_id:
            info = dict(store.get(team.session_id).extra.get(KEY) or {})
            store.update_extra(team.session_id, {KEY: {**info, "closed": True}})


def _info(extra_json: str | None) -> dict | None:
    """The workshop part of a session's ``extra``, if it is well-formed."""
    try:
        info = jsonio.loads(extra_json, {}).get(KEY)
    except (ValueError, AttributeError):
        return None
    if not isinstance(info, dict) or not isinstance(info.get("id"), str):
        return None
    teams = info.get("teams")
    if not isinstance(teams, list) or not all(isinstance(t, str) for t in teams):
        return None
    if not isinstance(info.get("team"), int) or not 0 <= info["team"] < len(teams):
        return None
    return info


def _workshop(workshop_id: str, rows: list) -> Workshop:
    first_row, first = rows[0]
    names = first["teams"]
    latest: dict[int, object] = {}
    for row, info in rows:  # oldest first: a later session of a team stands
        latest[info["team"]] = row
    teams = []
    for i, name in enumerate(names):
        row = latest.get(i)
        teams.append(WorkshopTeam(i, name, row["id"], row["n"], row["ending"]) if row
                     else WorkshopTeam(i, name, None))
    return Workshop(workshop_id, first_row["scenario_id"], first_row["content_hash"],
                    first_row["started_at"], tuple(teams),
                    closed=any(info.get("closed") is True for _, info in rows))
