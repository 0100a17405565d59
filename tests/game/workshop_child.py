"""A workshop in a separate process, for the kill test (test_workshop_kill.py).

    python workshop_child.py DB TEAMS SEED DELAY

Runs the real game loop headless on scenarios/voorbeeld.yaml in workshop mode and plays
as a facilitator: random hands at every vote, now and then a note. After each event returns
(so after its commit) it prints one line, flushed: ``ready <session id>`` when a team's
session starts, ``ack decision <choice> <votes as JSON>``, ``ack note <text>``.
"""
from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "game"))

from weerbaar.engine import load_scenario  # noqa: E402
from weerbaar.game.app import App  # noqa: E402
from weerbaar.game.settings import Settings  # noqa: E402
from weerbaar.game.workshop_main import open_workshop  # noqa: E402
from workshop_driver import Facilitator  # noqa: E402


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class SlowFacilitator(Facilitator):
    def __init__(self, app, delay: float):
        super().__init__(app)
        self.delay = delay

    def step(self, n: int = 1, dt: float = 1 / 60) -> None:
        time.sleep(self.delay)
        super().step(n, dt)


def main(db: str, teams: str, seed: int, delay: float) -> None:
    rng = random.Random(seed)
    scenario = load_scenario(str(ROOT / "scenarios" / "voorbeeld.yaml"))
    app = App(Settings(), save_settings=False)
    app.to_title()
    open_workshop(app, scenario, db=db, teams=teams, seed=seed)
    f = SlowFacilitator(app, delay)
    f.step(n=2)
    sessions = set()

    def on_scene(screen):
        sid = screen.run.recorder.session_id
        if sid not in sessions:
            sessions.add(sid)
            say(f"ready {sid}")
        if rng.random() < 0.3:
            f.tab()
            text = f"note {rng.randrange(1000)}"
            f.type(text)
            f.enter()
            say(f"ack note {text}")
            f.tab()

    def counts(choices):
        return "".join(f"{chr(97 + i)}{rng.randrange(1, 10)}" for i in range(len(choices)))

    def on_decision(screen):
        d = screen.session.decisions[-1]
        say(f"ack decision {d.choice} {json.dumps(screen.votes[d.index].to_dict(), sort_keys=True)}")
    f.play_on(counts, on_decision, on_scene)
    say("done")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
