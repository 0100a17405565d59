"""Weerbaar's session store: every play recorded in SQLite, replayed, debriefed, exported.

The store decides no game rules: it records what the engine's ``Session`` did and asks the
engine to rebuild it. Screens use the data API here (``replay_session``, ``group_debriefs``,
``compare_sessions``, ``resume``); the commands ``sessions``, ``debrief`` and ``export`` use
it too. See docs/sessions.md.
"""
from . import schema
from .compare import Comparison, compare_sessions
from .debrief import GroupDebrief, group_debrief, group_debriefs
from .errors import (AmbiguousSession, DatabaseError, ReplayError, SchemaTooNew, SessionNotFound,
                     StoreError)
from .paths import DATA_DIR_ENV, default_db_path
from .recorder import Recorder
from .records import DecisionRecord, Note, SessionRecord, SessionSummary
from .replay import Replay, build_replay, replay_session
from .resume import resume
from .scenarios import ScenarioLibrary, VersionCheck
from .sessions import SessionStore

__all__ = ["AmbiguousSession", "Comparison", "DATA_DIR_ENV", "DatabaseError", "DecisionRecord",
           "GroupDebrief", "Note", "Recorder", "Replay", "ReplayError", "ScenarioLibrary",
           "SchemaTooNew", "SessionNotFound", "SessionRecord", "SessionStore", "SessionSummary",
           "StoreError", "VersionCheck", "build_replay", "compare_sessions", "default_db_path",
           "group_debrief", "group_debriefs", "replay_session", "resume", "schema"]
