"""Writes the screenshots in docs/screenshots/: ``python -m weerbaar.game.screenshots``.

Runs headless (SDL's dummy driver) at 1280×720, 1920×1080 and 1024×768 on the shipped
scenarios: for each kind of scene it walks the scenario (through the engine's sessions) to
the first scene of that kind, preferring the larger scenarios over the small example. The
first decision of the largest scenario is also shot at every other text size
(``text-small``, ``text-large``, ``text-xlarge``).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import deque
from pathlib import Path

from . import paths

SIZES = ((1280, 720), (1920, 1080), (1024, 768))
TEXT_SHOTS = {0: "text-small", 2: "text-large", 3: "text-xlarge"}
KINDS = ("dialogue", "feed", "message", "news")
MAX_EXPANSIONS = 600


def _apply(session, actions) -> None:
    for a in actions:
        if a == "next":
            session.advance()
        else:
            session.choose(a)
            session.proceed()


def find_paths(scenario) -> dict[str, list[str]]:
    """Shortest action lists (choice ids, or 'next' to continue) to the first scene of each
    kind, to a choice with feedback and meter changes ('consequence'), and to an ending."""
    from ..engine.session import Session, SessionError
    found: dict[str, list[str]] = {}
    queue, seen, expansions = deque([[]]), set(), 0
    while queue and expansions < MAX_EXPANSIONS and len(found) < len(KINDS) + 2:
        actions = queue.popleft()
        s = Session(scenario)
        try:
            _apply(s, actions)
        except SessionError:
            continue
        key = s.scene_id  # the first (shortest) way into each scene is enough
        if key in seen:
            continue
        seen.add(key)
        expansions += 1
        if s.ended:
            if "ending" not in found and s.view.ending.debrief_questions:
                found["ending"] = actions
            continue
        node = s.view.node
        wanted = node.kind if node.kind != "dialogue" or node.speaker else "narration"
        if wanted in KINDS and wanted not in found:
            found[wanted] = actions
        if s.view.can_continue:
            queue.append(actions + ["next"])
            continue
        for c in s.view.available_choices():
            if "consequence" not in found and c.feedback is not None and any(
                    k in scenario.meters for k, _ in c.effects.adds):
                found["consequence"] = actions + [f"={c.id}"]
            queue.append(actions + [c.id])
    return found


class Shooter:
    def __init__(self, out: Path, scenarios_dir: Path, config: Path):
        self.out, self.scenarios_dir, self.config = out, scenarios_dir, config
        self.written: list[Path] = []

    def app(self, size, **settings):
        from .app import App
        from .settings import Settings, SettingsStore
        app = App(Settings(**settings), SettingsStore(self.config), size=size,
                  scenarios_dir=self.scenarios_dir, save_settings=False)
        app.to_title()
        return app

    def save(self, app, name: str, size) -> None:
        import pygame
        app.step([], dt=1.0)  # finish animations
        app.step([], dt=1.0)
        app.draw()
        path = self.out / f"{name}-{size[0]}x{size[1]}.png"
        pygame.image.save(pygame.display.get_surface(), str(path))
        self.written.append(path)

    def play(self, app, entry, actions):
        from .screens.play import PlayScreen
        app.to_title()
        app.open_scenario(entry.path, entry)
        play = app.find(PlayScreen)
        for a in actions:
            if a == "next":
                play.advance()
            elif a.startswith("="):
                play.choose(a[1:])
            else:
                play.choose(a)
                play.proceed()
        return play

    def shoot(self, size) -> None:
        import pygame
        app = self.app(size)
        entries = [e for e in app.catalogue() if e.scenario is not None]
        paths = {e.path.stem: find_paths(e.scenario) for e in entries}
        self.save(app, "title", size)
        for shot in (*KINDS, "consequence", "ending"):
            entry = next((e for e in entries if shot in paths[e.path.stem]), None)
            if entry is None:
                print(f"no scenario has a {shot} scene; skipped", file=sys.stderr)
                continue
            self.play(app, entry, paths[entry.path.stem][shot])
            self.save(app, shot, size)
            if shot == "dialogue":
                app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0)])
                self.save(app, "pause", size)
        from .screens.settings import SettingsScreen
        app.to_title()
        app.push(SettingsScreen(app))
        self.save(app, "settings", size)
        app.close()
        hc = self.app(size, high_contrast=True)
        entry = next((e for e in entries if "dialogue" in paths[e.path.stem]), None)
        if entry is not None:
            self.play(hc, entry, paths[entry.path.stem]["dialogue"])
            self.save(hc, "high-contrast", size)
        hc.close()
        self.text_sizes(size, entries)

    def text_sizes(self, size, entries) -> None:
        """The first decision of the largest scenario at the other text sizes."""
        entry = max(entries, key=lambda e: e.path.stat().st_size, default=None)
        if entry is None:
            return
        for step, name in TEXT_SHOTS.items():
            app = self.app(size, text_size=step)
            play = self.play(app, entry, [])
            while play.session.view.can_continue:
                play.advance()
            self.save(app, name, size)
            app.close()


# ---- replay and group debrief --------------------------------------------------------------
WORKSHOP = "clientelisme"   # the shipped scenario whose recorded sessions are shown
TEAMS = 5


def record_workshop(store, scenario, teams: int = TEAMS) -> list[str]:
    """Play ``scenario`` ``teams`` times through the engine with the store's recorder, each
    team taking other roads (seeded), as a workshop would; give the session ids."""
    import random

    from ..engine.session import Session
    from ..storage import Recorder
    ids = []
    for n in range(teams):
        rng = random.Random(n * 7 + 1)
        session = Session(scenario, seed=n)
        recorder = Recorder.start(store, session, language="nl", label=f"Team {n + 1}")
        while not session.ended:
            if session.view.can_continue:
                session.advance()
                continue
            choices = session.view.available_choices()
            pick = choices[0] if rng.random() < 0.45 else rng.choice(choices)
            session.choose(pick.id, seconds=round(rng.uniform(8, 60), 1))
            session.proceed()
        ids.append(recorder.session_id)
    return ids


def telling_step(replay) -> int:
    """A decision step worth showing: an option hidden by a condition, with its reason and a
    text chosen because of an earlier decision, as early as possible."""
    def score(step):
        hidden = any(o.hidden and o.reason for o in step.choices)
        return (step.kind == "decision") * 4 + hidden * 2 + (step.text_reason is not None)
    best = max(replay.steps, key=lambda st: (score(st), -st.number))
    return best.number


def telling_decision(debrief) -> int:
    """The decision on which the teams were most divided."""
    def spread(d):
        return sum(1 for o in d.choices if o.count), d.total
    return max(range(len(debrief.decisions)), key=lambda i: spread(debrief.decisions[i]))


def shoot_sessions(shooter, size, db: Path) -> None:
    from .recording import GameRecording
    from .screens.debrief import DebriefScreen
    from .screens.replay import ReplayScreen
    from .screens.sessions_list import open_sessions
    app = shooter.app(size)
    app.recording = GameRecording(db)
    listing = open_sessions(app)
    listing.ensure_layout()
    ids = [s.id for s in reversed(listing.summaries)]
    listing.marked = set(ids)
    shooter.save(app, "sessions", size)
    listing.open_replay(ids[1])
    replay = app.find(ReplayScreen)
    replay.go(telling_step(replay.replay))
    shooter.save(app, "replay", size)
    replay.ensure_layout()
    replay.right.offset = replay.right.max_offset  # the vote and the notes, further down
    shooter.save(app, "replay-votes", size)
    app.pop(replay)
    listing.open_debrief()
    debrief = app.find(DebriefScreen)
    debrief.pages["choices"] = telling_decision(debrief.debrief)
    shooter.save(app, "debrief", size)
    debrief.tab = "endings"
    shooter.save(app, "debrief-endings", size)
    debrief.tab = "meters"
    shooter.save(app, "debrief-meters", size)
    debrief.tab = "compare"
    shooter.save(app, "debrief-compare", size)
    app.close()


def make_workshop_db(folder: Path, scenarios_dir: Path) -> Path | None:
    from ..engine import load_scenario
    from ..storage import SessionStore
    path = scenarios_dir / f"{WORKSHOP}.yaml"
    if not path.exists():
        print(f"{path} not found; replay and debrief screenshots skipped", file=sys.stderr)
        return None
    db = folder / "workshop.db"
    with SessionStore(db) as store:
        ids = record_workshop(store, load_scenario(str(path)))
        hands_and_notes(store, ids[1])
    return db


def hands_and_notes(store, session_id: str) -> None:
    """Team 2 played in the room: hands per option (ties every other decision, won by the
    option taken) and a facilitator's note at every step, for the replay screenshot."""
    for d in store.get(session_id).decisions:
        others = [c for c in d.offered if c != d.choice]
        votes = {d.choice: 4, **{c: 1 for c in others}}
        if others and d.index % 2 == 0:
            votes[others[0]] = 4
        store.record_votes(session_id, d.index, votes)
        store.add_note(session_id, d.index, d.scene, "Lang gesproken over wie hier beslist.")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m weerbaar.game.screenshots", description=__doc__)
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--out", type=Path, default=root / "docs" / "screenshots")
    parser.add_argument("--scenarios", type=Path, default=paths.SCENARIOS)
    args = parser.parse_args(argv)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as config:
        shooter = Shooter(args.out, args.scenarios, Path(config))
        db = make_workshop_db(Path(config), args.scenarios)
        for size in SIZES:
            shooter.shoot(size)
            if db is not None:
                shoot_sessions(shooter, size, db)
            from .workshop_shots import shoot_workshop
            shoot_workshop(shooter, size)
    for p in shooter.written:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
