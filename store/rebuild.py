"""Rebuilding a live ``Session`` from recorded decisions: for resuming and for "what if"."""
from __future__ import annotations

from typing import Sequence

from engine.model import Scenario
from engine.session import Decision, Session, SessionError

from .errors import ReplayError


def rebuild(scenario: Scenario, decisions: Sequence[Decision], seed: int, *,
            advances: int = 0, session_id: str = "?") -> Session:
    """A session that made ``decisions`` (continuing through scenes without choices before
    each), then continued ``advances`` more times. No listeners: nothing is recorded."""
    session = Session(scenario, seed)
    try:
        for d in decisions:
            while session.can_continue:
                session.advance()
            session.choose(d.choice, d.seconds, d.timed_out)
            session.proceed()
        for _ in range(advances):
            session.advance()
    except SessionError as exc:
        session.close()
        raise ReplayError(session_id, f"the recorded decisions do not replay: {exc}",
                          "the scenario changed; use the version it was played on") from exc
    return session


def first_difference(rebuilt: Sequence[Decision], recorded: Sequence[Decision]) -> int | None:
    """The first decision whose state after it differs between two paths, if any."""
    for i, (a, b) in enumerate(zip(rebuilt, recorded)):
        if (a.scene, a.choice, a.after) != (b.scene, b.choice, b.after):
            return i
    return None if len(rebuilt) == len(recorded) else min(len(rebuilt), len(recorded))
