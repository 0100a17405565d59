"""A player in a separate process, for the kill and concurrency tests.

    python player_child.py DB LABEL DECISIONS DELAY SEED

Plays scenarios/voorbeeld.yaml with a Recorder: seeded random choices, now and then an
undo or a restart in the middle, and "play again" (a new record) at each ending, until
DECISIONS decisions were made. After each event returns (so after its commit) it prints
one line, flushed: ``session <id>`` when a record starts, ``ack decision <choice>``,
``ack undo`` or ``ack restart``.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from weerbaar.engine import load_scenario  # noqa: E402
from weerbaar.engine.session import Session  # noqa: E402
from weerbaar.storage import Recorder, SessionStore  # noqa: E402


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(db: str, label: str, decisions: int, delay: float, seed: int) -> None:
    rng = random.Random(seed)
    scenario = load_scenario(str(ROOT / "scenarios" / "voorbeeld.yaml"))
    store = SessionStore(db)
    session = Session(scenario, seed)
    recorder = Recorder.start(store, session, language="nl", label=label, mode="text")
    say(f"session {recorder.session_id}")
    made = 0
    while made < decisions:
        time.sleep(delay)
        if session.ended:
            session.restart()
            say(f"session {recorder.session_id}")
        elif session.view.can_continue:
            session.advance()
        elif session.decisions and rng.random() < 0.2:
            session.undo()
            say("ack undo")
        elif session.decisions and rng.random() < 0.05:
            session.restart()
            say("ack restart")
        else:
            choice = rng.choice(session.view.available_choices()).id
            session.choose(choice, seconds=round(rng.uniform(0.5, 20), 2))
            say(f"ack decision {choice}")
            made += 1
            session.proceed()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]))
