"""``weerbaar play FILE``: play a scenario in the game window, or with ``--text`` in the terminal.

The terminal player reads choice numbers from standard input, one per line, so it can be
scripted: ``printf '2\n1\n' | weerbaar play scenario.yaml --text``.
"""
from __future__ import annotations

import argparse
import os
import random

import shutil
import sys
import textwrap
import time
from pathlib import Path

from ..engine.replay import outcomes
from ..engine.session import RecordingError, Session, StuckError
from ..engine.uistrings import UiStrings
from ..engine.state import Phase
from ..engine.model import Scenario
from ..storage import Recorder, SessionStore, StoreError, default_db_path

from .common import OK, PROBLEMS, USAGE, load_or_report, scenario_arg, seed_value, signed

# the terminal player's words: gettext catalogs in cli/locale (engine.uistrings); an unknown
# language gets English
UI = UiStrings(Path(__file__).resolve().parent / "locale", source="nl", fallback="en")


def add_parser(sub, name):
    p = sub.add_parser(name, help="play a scenario (in the window; --text in the terminal)")
    p.add_argument("file", type=scenario_arg, help="the scenario file (.yaml) or a shipped scenario's id")
    p.add_argument("--text", action="store_true", help="play in the terminal")
    p.add_argument("--lang", default=argparse.SUPPRESS, choices=["nl", "en"], help="language (default: the scenario's first)")
    p.add_argument("--seed", type=seed_value, default=None,
                   help="seed for chance (default: a new one each play; give one to repeat a play)")
    p.add_argument("--watch", action="store_true",
                   help="reload the scenario when the file changes (window only)")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                   help="record the session in this database (default: one in your data folder)")
    p.add_argument("--label", metavar="TEXT", default=argparse.SUPPRESS,
                   help="the player or team, e.g. 'Team 2' (default: 'Sessie N')")


def run(args) -> int:
    if args.seed is None:  # a new seed each play, in the window too; it is recorded
        args.seed = random.SystemRandom().randrange(2**31)
    if not args.text:
        return run_game(args.file, game_options(args))
    scenario, code = load_or_report(args.file)
    if scenario is None:
        return code
    lang = args.lang if args.lang in scenario.languages else scenario.default_language
    try:
        player = TerminalPlayer(scenario, lang, args.seed)
    except StuckError as exc:  # routers from the start scene loop: no play can begin
        print(f"weerbaar play: error: the scenario got stuck before the first scene: {exc}",
              file=sys.stderr)
        return PROBLEMS
    try:
        store = SessionStore(getattr(args, "db", None) or default_db_path())
    except StoreError as exc:
        print(f"weerbaar play: error: cannot record the session: {exc}", file=sys.stderr)
        return USAGE
    try:
        with store:
            recorder = Recorder.start(store, player.session, language=lang,
                                      label=getattr(args, "label", None), mode="text")
            code = player.play()
            if player.stuck is not None:
                store.update_extra(recorder.session_id, {"stuck": player.stuck})
                print(f"weerbaar play: error: {stuck_message(player.stuck)}", file=sys.stderr)
            return code
    except StoreError as exc:
        print(f"\nweerbaar play: error: cannot record the session: {exc}", file=sys.stderr)
        return USAGE


def stuck_message(stuck: dict) -> str:
    state = ", ".join(f"{k}={str(v).lower() if isinstance(v, bool) else v}"
                      for k, v in stuck["vars"].items())
    return (f"the scenario got stuck in scene '{stuck['scene']}': {stuck['reason']} "
            f"(state: {state or 'no meters or flags'}; recorded with the session; "
            "'weerbaar explore FILE' finds every such dead end)")


def game_options(args, seed: int = 0):
    """The window's options from the command line: one typed, frozen value for the game."""
    from ..game.options import GameOptions
    db = getattr(args, "db", None)
    return GameOptions(seed=getattr(args, "seed", None) or seed, lang=getattr(args, "lang", None),
                       watch=bool(getattr(args, "watch", False)), db=Path(db) if db else None,
                       label=getattr(args, "label", None))


def run_game(path, options, start=None) -> int:
    """Open the pygame front end (on ``path``, on the title screen, or on what ``start(app)``
    opens) with ``options`` (``game.options.GameOptions``)."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # stdout is for the game's words
    try:
        from ..game.app import run as run_app
        from ..game.display import NoDisplayError
    except ImportError as exc:  # pygame missing or the front end not installed
        print(f"weerbaar: the game window cannot start ({exc}); "
              "use 'weerbaar play FILE --text' for the terminal player", file=sys.stderr)
        return USAGE
    try:
        return run_app(path, options, start)
    except NoDisplayError as exc:
        print(f"weerbaar: error: {exc}; use 'weerbaar play FILE --text' to play in the "
              "terminal", file=sys.stderr)
        return USAGE


class TerminalPlayer:
    def __init__(self, scenario: Scenario, lang: str, seed: int = 0, stdin=None, stdout=None):
        self.scenario, self.lang = scenario, lang
        self.session = Session(scenario, seed)
        self.stdin, self.out = stdin or sys.stdin, stdout or sys.stdout
        self.ui = UI.table(lang)
        self.width = min(100, shutil.get_terminal_size((88, 24)).columns)
        self.interactive = hasattr(self.stdin, "isatty") and self.stdin.isatty()
        self.stuck: dict | None = None  # where and why the play got stuck, if it did

    def t(self, text) -> str:
        return text.get(self.lang, self.scenario.languages) if text is not None else ""

    def say(self, text: str = "", indent: str = "") -> None:
        if not text:
            print(file=self.out)
            return
        for para in text.split("\n"):
            print(textwrap.fill(para, self.width, initial_indent=indent,
                                subsequent_indent=" " * len(indent)) if para else "", file=self.out)

    def play(self) -> int:
        """Play to an ending (OK), until the player stops (OK), until the scenario gets
        stuck (PROBLEMS, with ``stuck`` saying where), or until a step cannot be recorded
        (USAGE: it was not taken; what was chosen before it is kept)."""
        s = self.session
        self.say(f"== {self.t(self.scenario.title)} ==")
        passes, most = 0, 10 * len(self.scenario.scenes)  # scenes passed without a choice
        try:
            while not s.ended:
                self.show_scene()
                if s.view.can_continue:
                    passes += 1
                    if passes > most:
                        raise StuckError(f"scenes keep passing on from '{s.scene_id}' without "
                                         "a choice: an endless loop", s.scene_id)
                    self.wait()
                    s.advance()
                    continue
                passes = 0
                if not s.view.available_choices():
                    raise StuckError(f"every choice of scene '{s.scene_id}' is hidden by its "
                                     "condition", s.scene_id)
                if not self.decide():
                    return OK
        except RecordingError as exc:
            self.not_recorded(exc)
            return USAGE
        except StuckError as exc:  # the engine kept the play where it was before the step
            self.stuck = {"scene": exc.scene or s.scene_id, "reason": str(exc),
                          "step": s.state.step, "vars": dict(s.vars)}
            return PROBLEMS
        self.show_ending()
        return OK

    def not_recorded(self, exc: RecordingError) -> None:
        print(f"weerbaar play: error: {exc}", file=sys.stderr)

    def show_scene(self) -> None:
        s, scene = self.session, self.session.view.node
        self.say()
        if scene.kind == "news" and scene.headline is not None:
            self.say(f"[{scene.outlet}] {self.t(scene.headline).upper()}")
        if scene.channel is not None:
            self.say(f"[{self.t(scene.channel)}]")
        if scene.speaker:
            who = self.scenario.characters[scene.speaker]
            role = f" ({self.t(who.role)})" if who.role else ""
            self.say(f"{self.t(who.name)}{role}:")
        self.say(s.view.text(self.lang))
        for post in s.view.posts():
            person = self.scenario.characters.get(post.author)
            author = self.t(person.name) if person is not None else post.author
            head = " ".join(x for x in (author, post.handle, post.time) if x)
            counts = ""
            if post.likes is not None or post.shares is not None:
                counts = f"  [♥ {post.likes or 0}  ↻ {post.shares or 0}]"
            self.say(f"> {head}{counts}")
            self.say(s.view.post_text(post, self.lang), "  ")
        self.say()
        self.say("   ".join(f"{self.t(m.label)} {s.vars[m.id]}" for m in self.scenario.meters.values()))

    def wait(self) -> None:
        if self.interactive:
            print(f"[{self.ui['continue']}]", end=" ", file=self.out, flush=True)
            self.stdin.readline()

    def decide(self) -> bool:
        s = self.session
        choices = s.view.available_choices()
        scene = s.view.node
        self.say()
        if scene.timer is not None:
            self.say(f"({self.ui['timer']}: {scene.timer.seconds} {self.ui['seconds']})")
        for i, c in enumerate(choices, 1):
            self.say(s.view.choice_text(c, self.lang), f"  {i}) ")
        shown = time.monotonic()
        while True:
            prompt = f"{self.ui['choose']} 1-{len(choices)} ({self.ui['undo']}, {self.ui['quit']}): "
            print(prompt, end="", file=self.out, flush=True)
            line = self.stdin.readline()
            if not line:
                print(file=self.out)
                self.say(self.ui["eof"])
                return False
            answer = line.strip().lower()
            if not self.interactive:
                print(answer, file=self.out)
            if answer in ("q", "quit", "stop"):
                return False
            if answer in ("u", "undo"):
                if s.decisions:
                    s.undo()
                    self.say(self.ui["undone"])
                    self.show_scene()
                    return self.decide()
                self.say(self.ui["nothing_to_undo"])
                continue
            if answer.isdigit() and 1 <= int(answer) <= len(choices):
                break
            self.say(self.ui["bad_choice"])
        seconds = round(time.monotonic() - shown, 2)
        try:
            outcome = s.choose(choices[int(answer) - 1].id, seconds=seconds)
        except RecordingError as exc:  # the choice was not taken: ask again
            self.not_recorded(exc)
            return self.decide()
        self.say()
        if outcome.feedback is not None:
            self.say(outcome.feedback_text(self.lang), "→ ")
        for mid, (a, b) in outcome.meter_changes.items():
            meter = self.scenario.meters[mid]
            self.say(f"{self.t(meter.label)} {signed(b - a)} ({a} → {b})", "   ")
        if self.interactive:
            self.wait()
        s.proceed()
        return True

    def show_ending(self) -> None:
        s, ending = self.session, self.session.view.ending
        self.say()
        self.say(f"== {self.ui['ending']}: {self.t(ending.title)} ==")
        self.say(s.view.text(self.lang))
        self.say()
        self.say("   ".join(f"{self.t(m.label)} {s.vars[m.id]}" for m in self.scenario.meters.values()))
        self.say()
        self.say(f"{self.ui['path']}:")
        for outcome in outcomes(self.scenario, s.state):  # each as it was offered
            self.say(outcome.choice_text(self.lang), f"  {outcome.decision.index + 1}. ")
        if ending.debrief_questions:
            self.say()
            self.say(f"{self.ui['questions']}:")
            for q in ending.debrief_questions:
                self.say(self.t(q), "  - ")
