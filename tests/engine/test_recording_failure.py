"""A step that cannot be recorded is not taken: the engine puts the play back as it was and
raises RecordingError — for every operation, whatever the listener."""
from __future__ import annotations

from pathlib import Path

import pytest

from weerbaar.engine import load_scenario
from weerbaar.engine.session import RecordingError, Session

SCENARIO = load_scenario(str(Path(__file__).resolve().parents[2] / "scenarios" / "voorbeeld.yaml"))


class Flaky:
    """A listener that fails on the events named in ``broken``."""

    def __init__(self, *broken):
        self.broken, self.heard = set(broken), []

    def __getattr__(self, event):
        if not event.startswith("on_"):
            raise AttributeError(event)

        def handler(session, *args):
            if event in self.broken:
                raise OSError(f"disk full during {event}")
            self.heard.append(event)
        return handler


def at_journalist(*broken) -> tuple[Session, Flaky]:
    s = Session(SCENARIO, 1)
    s.choose("navragen")
    s.proceed()
    ear = Flaky(*broken)
    s.listeners.append(ear)
    return s, ear


@pytest.mark.parametrize("event,operation", [
    ("on_decision", lambda s: s.choose("uitleggen")),
    ("on_undo", lambda s: s.undo()),
    ("on_restart", lambda s: s.restart()),
])
def test_a_failed_recording_leaves_the_state_as_it_was(event, operation):
    s, ear = at_journalist(event)
    before = s.state.copy()
    with pytest.raises(RecordingError, match="disk full") as caught:
        operation(s)
    assert isinstance(caught.value.error, OSError)
    assert s.state == before
    ear.broken.clear()            # the disk is back: the same step is taken and heard
    operation(s)
    assert ear.heard == [event]


def test_an_ending_that_cannot_be_recorded_is_not_reached():
    s, ear = at_journalist("on_end")
    s.choose("uitleggen")
    s.proceed()                    # to "avond", a scene that continues to the ending
    before = s.state.copy()
    with pytest.raises(RecordingError):
        s.advance()
    assert s.state == before and not s.ended
    ear.broken.clear()
    s.advance()
    assert s.ended and ear.heard[-1] == "on_end"


def test_a_refused_step_tells_no_listener():
    s, ear = at_journalist()
    with pytest.raises(Exception):
        s.choose("bestaat_niet")
    assert ear.heard == []
