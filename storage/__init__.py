"""The session database: every play recorded in SQLite as it happens, and read back.

Persistence only: opening the database (``connection``: WAL, durable commits, migrations in
``schema``), writing (``SessionStore`` in ``store``; ``Recorder`` in ``listener``, the session
listener that writes each decision as it is made), reading (``queries`` into the plain
``records``), the scenario versions a recording was played on (``versions``), workshops
(``workshops``) and resuming a session where it stopped (``resume``). What the recordings
mean for a debrief is ``debrief``'s. See docs/sessions.md.
"""
from . import schema, workshops
from .errors import (AmbiguousSession, DatabaseError, ReplayError, SchemaTooNew, SessionNotFound,
                     StoreError)
from .listener import Recorder
from .paths import DATA_DIR_ENV, default_db_path
from .records import DecisionRecord, Note, SessionRecord, SessionSummary
from .resume import resume
from .store import SessionStore
from .versions import ScenarioLibrary, VersionCheck

__all__ = ["AmbiguousSession", "DATA_DIR_ENV", "DatabaseError", "DecisionRecord", "Note",
           "Recorder", "ReplayError", "ScenarioLibrary", "SchemaTooNew", "SessionNotFound",
           "SessionRecord", "SessionStore", "SessionSummary", "StoreError", "VersionCheck",
           "default_db_path", "resume", "schema", "workshops"]
