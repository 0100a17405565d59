"""What the recorded sessions mean, for the people in the debrief: a session replayed step by
step on the version it was played on (``walkthrough``; steps shown as recorded where that
version cannot follow, ``as_recorded``), with the engine's reasons as sentences
(``explanations``); several sessions side by side (``group``, ``compare``); the HTML report
(``report``, ``svg``); the JSON and xAPI exports and sending to a learning record store
(``export_json``, ``xapi``, ``lrs``). It reads ``storage`` and asks ``engine`` to replay;
it decides no game rules and writes nothing to the database.
"""
from .compare import Comparison, compare_sessions
from .group import GroupDebrief, group_debrief, group_debriefs
from .walkthrough import Replay, build_replay, replay_session

__all__ = ["Comparison", "GroupDebrief", "Replay", "build_replay", "compare_sessions",
           "group_debrief", "group_debriefs", "replay_session"]
