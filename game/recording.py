"""Recording in the game window: every play goes into the session store (SQLite).

``GameRecording`` stands for the database of one window (the file ``--db`` names, else the
default one in the user's data folder) and the label sessions get (``--label``). The app
owns it and hands it to the screens that read or write sessions; no screen opens a
``SessionStore`` of its own. Its
``listener`` is one of the app's session listeners: ``game.sessions.start_session`` calls
its ``on_start`` for every session it makes, and from then on the store's ``Recorder`` of
that session writes each decision, undo, restart and ending as it happens.

A database that cannot be opened or written never stops a play: the error is reported once
(a notice in the window) and the play goes on unrecorded.
"""
from __future__ import annotations

import weakref
from pathlib import Path
from typing import Callable

from ..engine.session import Session
from ..storage import Recorder, SessionStore, StoreError, default_db_path


class GameRecording:
    def __init__(self, db: str | Path | None = None, label: str | None = None):
        self.path = Path(db) if db else default_db_path()
        self.label = (label or "").strip() or None  # None: the store numbers them ("Sessie 3")
        self.error: str | None = None
        self.listener = RecordingListener(self)
        self._store: SessionStore | None = None
        self.language_of: Callable = lambda scenario: scenario.default_language
        self.report: Callable[[str], None] = lambda message: None

    def bind_app(self, app) -> None:
        """Record in the language the app shows a scenario in; report problems as a notice."""
        from .sessions import content_language
        self.language_of = lambda scenario: content_language(scenario, app.settings)[0]
        self.report = lambda message: app.toast(app.ui.t("record_error", error=message), "bad")

    def store(self) -> SessionStore:
        """The store that records, opened (and created) on first use. Raises ``StoreError``."""
        if self._store is None:
            self._store = SessionStore(self.path)
        return self._store

    def open(self, create: bool = True) -> SessionStore:
        """A connection of its own on this database, for what owns it and closes it (a
        workshop run, the list of sessions). Raises ``StoreError`` (``DatabaseError`` with
        reason "no such database" when ``create`` is False and the file is not there)."""
        return SessionStore(self.path, create=create)

    def fail(self, exc: Exception) -> None:
        message = str(exc)
        if message != self.error:  # one notice per problem, not one per decision
            self.error = message
            self.report(message)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class RecordingListener:
    """A session listener that gives every session it hears of its own ``Recorder``."""

    def __init__(self, recording: GameRecording):
        self.recording = recording
        self._recorders: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def recorder_of(self, session: Session) -> Recorder | None:
        return self._recorders.get(session)

    def on_start(self, session: Session) -> None:
        """A new play. A session that was brought back to where a player stood (``--watch``
        after an edit) is recorded anew on the new version, with the decisions replayed."""
        r = self.recording
        try:
            store = r.store()
            recorder = Recorder(store, store.create_session(
                session.scenario, language=r.language_of(session.scenario), label=r.label,
                mode="play", seed=session.seed))
            for decision in session.decisions:
                recorder.on_decision(session, decision)
            if session.ended:
                recorder.on_end(session, session.view.ending)
        except StoreError as exc:
            r.fail(exc)
            return
        self._recorders[session] = recorder

    def _forward(self, event: str, session: Session, *args) -> None:
        """A ``StoreError`` here reaches the engine, which takes the step back
        (``RecordingError``): a recorded play never goes on past what was recorded."""
        recorder = self._recorders.get(session)
        if recorder is not None:
            getattr(recorder, event)(session, *args)

    def on_decision(self, session, decision) -> None:
        self._forward("on_decision", session, decision)

    def on_undo(self, session, decision) -> None:
        self._forward("on_undo", session, decision)

    def on_restart(self, session) -> None:
        self._forward("on_restart", session)

    def on_end(self, session, ending) -> None:
        self._forward("on_end", session, ending)
