"""``Recorder``: a session listener that writes every decision to the store as it is made.

Attach one to a ``Session`` and the play is recorded: each decision is committed inside
``Session.choose`` before the player sees its consequence, an undo marks the decision as
undone, and the ending closes the session. A restart in the middle of a play sets its path
aside in the same record; a restart after the ending ("play again") keeps the finished
record and goes on in a new one, with the same label, language and mode.
"""
from __future__ import annotations

from typing import Mapping

from ..engine.session import Session

from ..engine.state import Decision

from .store import SessionStore


class Recorder:
    def __init__(self, store: SessionStore, session_id: str):
        self.store = store
        self.session_id = session_id
        self._votes: Mapping[str, int] | None = None
        self._overridden = False
        self._ended = False

    @classmethod
    def start(cls, store: SessionStore, session: Session, *, language: str,
              label: str | None = None, mode: str = "play", source: bytes | None = None,
              extra: Mapping | None = None) -> "Recorder":
        """Record a new session and listen to ``session`` from now on."""
        session_id = store.create_session(session.scenario, language=language, label=label,
                                          mode=mode, seed=session.seed, source=source, extra=extra)
        recorder = cls(store, session_id)
        recorder.attach(session)
        return recorder

    def attach(self, session: Session) -> None:
        if self not in session.listeners:
            session.listeners.append(self)

    def detach(self, session: Session) -> None:
        if self in session.listeners:
            session.listeners.remove(self)

    def tally_next(self, votes: Mapping[str, int], overridden: bool = False) -> None:
        """Workshop mode: the hands counted for the decision about to be made, stored with it
        in the same transaction."""
        self._votes, self._overridden = dict(votes), overridden

    # ---- session listener ---------------------------------------------------------------
    def on_decision(self, session: Session, decision: Decision) -> None:
        votes, overridden = self._votes, self._overridden
        self._votes, self._overridden = None, False
        self.store.add_decision(self.session_id, decision, votes=votes, overridden=overridden)

    def on_undo(self, session: Session, decision: Decision) -> None:
        self.store.mark_undone(self.session_id, decision.index)
        self._ended = False

    def on_restart(self, session: Session) -> None:
        if not self._ended:
            self.store.mark_restart(self.session_id)
            return
        done = self.store.get(self.session_id)
        self.session_id = self.store.create_session(
            session.scenario, language=done.language, label=done.label, mode=done.mode,
            seed=session.seed, extra=dict(done.extra))
        self._ended = False

    def on_end(self, session: Session, ending) -> None:
        self.store.end_session(self.session_id, ending.id, session.vars)
        self._ended = True
