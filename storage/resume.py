"""Resuming a recorded session where it stopped (after a break, a crash, a closed laptop)."""
from __future__ import annotations

from ..engine.model import Scenario
from ..engine.replay import ReplayError as Unreplayable
from ..engine.replay import replay_decisions
from ..engine.session import Session

from .errors import ReplayError
from .listener import Recorder
from .versions import ScenarioLibrary
from .store import SessionStore


def resume(store: SessionStore, session_id: str, scenario: Scenario | None = None
           ) -> tuple[Session, Recorder]:
    """The session rebuilt from its recorded path, with a recorder that goes on writing to
    the same record. The scenario must be the version it was played on: ``scenario`` if it
    is, else the text kept in the database."""
    record = store.get(session_id)
    if record.ended:
        raise ReplayError(record.id, f"the session already ended (in '{record.ending}')",
                          "replay it instead, or start a new session")
    library = ScenarioLibrary(store, [scenario] if scenario else [])
    exact = library.recorded(record.content_hash)
    if exact is None:
        raise ReplayError(record.id, f"scenario version {record.content_hash} is not at hand",
                          "give the scenario file it was played on")
    last_restart = max((r.seq for r in record.history if r.undone == "restart"), default=-1)
    undone = tuple(r.decision for r in record.history if r.undone == "undo" and r.seq > last_restart)
    try:
        session = replay_decisions(exact, record.decisions, record.seed, undone=undone).session
    except Unreplayable as exc:
        raise ReplayError(record.id, str(exc), "the recording does not fit its scenario") from exc
    if session.decisions != list(record.decisions):
        raise ReplayError(record.id, "the rebuilt play differs from the recording")
    recorder = Recorder(store, record.id)
    recorder.attach(session)
    return session, recorder
