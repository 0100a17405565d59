"""``weerbaar replay [--db F] [SESSION]``: the recorded sessions in the game window.

Without SESSION the window opens on the list of sessions (replay one, or mark several for
the group debrief); with SESSION (an id or a unique start of it) on its replay.
"""
from __future__ import annotations

import argparse

from ..storage import SessionStore, StoreError

from .common import USAGE
from .play import game_options, run_game
from .sessions import error


def add_parser(sub, name):
    p = sub.add_parser(name, help="replay recorded sessions in the game window; group debrief",
                       description="Open the recorded sessions in the game window: step "
                       "through one with the arrow keys, play on from any step ('what if'), "
                       "or debrief several together.")
    p.add_argument("session", nargs="?", metavar="SESSION",
                   help="the session to open (an id, or 4+ characters of it); default: the list")
    p.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS,
                   help="the session database (default: sessions.db in your data folder)")
    p.add_argument("--lang", default=argparse.SUPPRESS, choices=["nl", "en"],
                   help="interface language")


def run(args) -> int:
    db = getattr(args, "db", None)
    session_id = None
    if db or args.session:  # check what was named before a window opens
        from ..game.recording import GameRecording
        path = GameRecording(db).path
        try:
            with SessionStore(path, create=False, readonly=True) as store:
                session_id = store.resolve(args.session) if args.session else None
                if session_id is not None:
                    store.get(session_id)  # a damaged session is named here, not in the window
        except StoreError as exc:
            error("replay", exc)
            return USAGE

    def start(app) -> None:
        from ..game.screens.sessions_list import open_sessions
        open_sessions(app, session_id)
    return run_game(None, game_options(args), start)
