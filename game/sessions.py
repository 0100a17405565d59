"""Where the front end makes sessions: the one place, so listeners (such as the session
store's recorder) are attached to every play in the same way.

The time a player took to decide is measured by the play screen and passed on to
``Session.choose`` (``seconds=``), so a recorder sees it in every ``Decision``.
"""
from __future__ import annotations

from dataclasses import dataclass

from engine.model import Scenario
from engine.session import Session, SessionError

from .settings import Settings

MAX_ADVANCES = 1000  # continue-only scenes passed while bringing a player back


@dataclass(frozen=True)
class Step:
    """One recorded decision to replay: the choice and how it was made."""

    choice: str
    seconds: float | None = None
    timed_out: bool = False


def content_language(scenario: Scenario, settings: Settings) -> tuple[str, bool]:
    """The language to show the scenario in, and whether the player's pick was missing."""
    if settings.language in scenario.languages:
        return settings.language, False
    return scenario.default_language, True


def start_session(scenario: Scenario, seed: int = 0, settings: Settings | None = None,
                  listeners=(), replay=(), stop_at: str | None = None) -> tuple[Session, int]:
    """A new session of ``scenario``; with ``replay`` (Steps or choice ids) it first takes
    those decisions again, as far as the scenario still allows, and goes on through scenes
    that only continue until it stands in ``stop_at`` (where the player was).

    Returns the session and the number of steps replayed. ``listeners`` are attached after
    the replay, so they hear only new decisions; a listener with ``on_start(session)`` is
    told of the new session then (a recorder starts its record there).
    """
    session = Session(scenario, seed)
    done = _replay(session, [s if isinstance(s, Step) else Step(s) for s in replay])
    if replay:
        _walk_to(session, stop_at)
    session.listeners.extend(listeners)
    for listener in listeners:  # a recorder starts its record here (game.recording)
        start = getattr(listener, "on_start", None)
        if start is not None:
            start(session)
    return session, done


def _replay(session: Session, steps: list[Step]) -> int:
    done = 0
    try:
        for step in steps:
            while session.can_continue:
                session.advance()
            if step.choice not in {c.id for c in session.available_choices()}:
                break
            session.choose(step.choice, seconds=step.seconds, timed_out=step.timed_out)
            session.proceed()
            done += 1
    except SessionError:  # the edited scenario gets stuck on the way: stop where it does
        pass
    return done


def _walk_to(session: Session, node_id: str | None) -> None:
    try:
        for _ in range(MAX_ADVANCES):
            if node_id is None or session.scene_id == node_id or not session.can_continue:
                return
            session.advance()
    except SessionError:
        pass


def steps_of(session: Session) -> list[Step]:
    return [Step(d.choice, d.seconds, d.timed_out) for d in session.decisions]
