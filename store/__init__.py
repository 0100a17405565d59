"""Weerbaar's session store: every play recorded in SQLite, replayed, debriefed, exported.

The store decides no game rules: it records what the engine's ``Session`` did and asks the
engine to rebuild it. Screens use the data API here (``build_replay``, ``group_debrief``,
``compare_sessions``); the commands ``sessions``, ``debrief`` and ``export`` use it too.
"""
from .errors import (AmbiguousSession, DatabaseError, ReplayError, SchemaTooNew, SessionNotFound,
                     StoreError)
from .paths import DATA_DIR_ENV, default_db_path
from .rebuild import rebuild
from .recorder import Recorder
from .records import DecisionRecord, Note, SessionRecord, SessionSummary
from .replay import Replay, build_replay
from .resume import resume
from .scenarios import ScenarioLibrary, VersionCheck
from .sessions import SessionStore

__all__ = ["AmbiguousSession", "DATA_DIR_ENV", "DatabaseError", "DecisionRecord", "Note",
           "Recorder", "Replay", "ReplayError", "ScenarioLibrary", "SchemaTooNew",
           "SessionNotFound", "SessionRecord", "SessionStore", "SessionSummary", "StoreError",
           "VersionCheck", "build_replay", "default_db_path", "rebuild", "resume"]
