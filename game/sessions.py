"""Where the front end makes sessions: the one place, so listeners (such as the session
store's recorder) are attached to every play in the same way.

The time a player took to decide is measured by the play screen and passed on to
``Session.choose`` (``seconds=``), so a recorder sees it in every ``Decision``.
"""
from __future__ import annotations

from ..engine.model import Scenario
from ..engine.replay import End, RecordedChoice, replay_decisions
from ..engine.session import Session

from .settings import Settings


def content_language(scenario: Scenario, settings: Settings) -> tuple[str, bool]:
    """The language to show the scenario in, and whether the player's pick was missing."""
    if settings.language in scenario.languages:
        return settings.language, False
    return scenario.default_language, True


def start_session(scenario: Scenario, seed: int = 0, settings: Settings | None = None,
                  listeners=(), replay=(), stop_at: str | None = None) -> tuple[Session, int]:
    """A new session of ``scenario``; with ``replay`` (Steps, decisions or choice ids) it
    first takes those decisions again, as far as the scenario still allows, and goes on
    through scenes that only continue until it stands in ``stop_at`` (where the player was).

    Returns the session and the number of steps replayed. ``listeners`` are attached after
    the replay, so they hear only new decisions; a listener with ``on_start(session)`` is
    told of the new session then (a recorder starts its record there).
    """
    end = (stop_at or End.STAY) if replay else End.STAY
    replayed = replay_decisions(scenario, replay, seed, strict=False, end=end)
    session = replayed.session
    session.listeners.extend(listeners)
    for listener in listeners:  # a recorder starts its record here (game.recording)
        start = getattr(listener, "on_start", None)
        if start is not None:
            start(session)
    return session, replayed.taken


def steps_of(session: Session) -> list[RecordedChoice]:
    return [RecordedChoice(d.choice, d.seconds, d.timed_out) for d in session.decisions]
