"""Recording plays for the store's tests."""
from __future__ import annotations

import random

from weerbaar.engine.session import Session
from weerbaar.storage import Recorder, SessionStore


def record(store: SessionStore, scenario, moves, *, label=None, lang="nl", seed=0,
           mode="play", finish=True) -> str:
    """Play ``moves`` with a recorder attached; give the session id. A move is a choice id,
    "undo" or "restart". With ``finish``, continue through scenes without choices at the end."""
    session = Session(scenario, seed)
    recorder = Recorder.start(store, session, language=lang, label=label, mode=mode)
    for move in moves:
        while session.view.can_continue:
            session.advance()
        if move == "undo":
            session.undo()
        elif move == "restart":
            session.restart()
        else:
            session.choose(move, seconds=1.5)
            session.proceed()
    while finish and session.view.can_continue:
        session.advance()
    return recorder.session_id


def random_walk(scenario, rng: random.Random, seed: int = 0, max_steps: int = 200) -> list[str]:
    """Random moves (with an undo now and then) from the start to an ending."""
    session = Session(scenario, seed)
    moves: list[str] = []
    for _ in range(max_steps):
        while session.view.can_continue:
            session.advance()
        if session.ended:
            break
        if session.decisions and rng.random() < 0.15:
            session.undo()
            moves.append("undo")
            continue
        choice = rng.choice(session.view.available_choices()).id
        session.choose(choice)
        session.proceed()
        moves.append(choice)
    return moves
