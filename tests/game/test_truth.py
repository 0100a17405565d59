"""Truth on screen: the meters on screen equal the engine's after every step of every shipped
scenario, every change is told with its cause, and the scene a choice was made in stays
behind the consequence panel (no spoiler of the next one)."""
from __future__ import annotations

import random

import pygame
import pytest

from weerbaar.engine import rules
from weerbaar.engine.state import Phase
from weerbaar.game.changes import Arrival, ChangeTeller, merge, split_outcome
from weerbaar.game.screens.play import PlayScreen

from .conftest import ROOT, SHOWCASE

SHIPPED = sorted(p for p in (ROOT / "scenarios").glob("*.yaml")
                 if not p.name.endswith(".transcripts.yaml"))


class StepWatch:
    """The test's own account of a step, independent of the engine's change records: the
    meters before it, compared with the meters after it."""

    def __init__(self, session):
        self.session, self.meters = session, session.view.meters()

    def arrival(self) -> Arrival:
        now = self.session.view.meters()
        return Arrival({m: (self.meters[m], now[m]) for m in now if self.meters[m] != now[m]})


def play_screen(d) -> PlayScreen:
    return d.app.find(PlayScreen)


def assert_hud_true(d, play) -> None:
    s = play.session
    assert play.hud.target == s.view.meters(), f"HUD target differs at {s.scene_id}"
    d.settle(0.8)
    assert {k: round(v) for k, v in play.hud.shown.items()} == s.view.meters(), \
        f"HUD shows other values than the engine at {s.scene_id}"


def assert_note_told(d, play, watch: StepWatch) -> None:
    """Every meter that moved in this step is in the scene's note (and the HUD's badges),
    ending at the engine's value, and its cause is drawn."""
    s = play.session
    note, moved = play.teller.note, watch.arrival()
    for m, (a, b) in moved.changes.items():
        assert note.changes[m][1] == b == s.view.meters()[m]
    for m, (a, b) in note.changes.items():
        assert b == s.view.meters()[m] and play.hud.changes[m] == (a, b)
    if note and not s.ended:
        kind = s.scenario.scenes[s.scene_id].kind
        cause = "cause_" + kind if note.scene == s.scene_id else "cause_meanwhile"
        assert play.ui.t(cause) in d.app.text.rendered


def walk(d, play, rng: random.Random, timeouts: bool) -> int:
    """One play to an ending by the screen's own actions; returns the number of steps."""
    s, steps = play.session, 0
    while not s.ended:
        steps += 1
        assert steps < 400, "the walk does not end"
        if s.phase is Phase.CONSEQUENCE:
            watch = StepWatch(s)
            play.proceed()
            d.step()
            assert_note_told(d, play, watch)
        elif s.view.can_continue:
            watch = StepWatch(s)
            play.advance()
            d.step()
            assert_note_told(d, play, watch)
        else:
            before = s.view.meters()
            if timeouts and play.timer is not None and rng.random() < 0.5:
                play.time_out()
            else:
                play.choose(rng.choice(s.view.available_choices()).id)
            d.step()
            own, arrival = split_outcome(s.scenario, play.outcome)
            told = dict(before)
            for m, (a, b) in [*own.items(), *arrival.changes.items()]:
                assert told[m] == a
                told[m] = b
            assert told == s.view.meters(), "the panel does not account for every change"
        assert_hud_true(d, play)
    return steps


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_hud_equals_the_engine_after_every_step_of_every_shipped_scenario(driver, path):
    d = driver(path)
    play = play_screen(d)
    assert play.hud.target == play.session.view.meters()
    rng = random.Random(path.stem)
    for n in range(3):
        walk(d, play, rng, timeouts=n == 1)
        play.restart()
        d.step()
        assert play.hud.target == play.session.view.meters()


ARRIVALS = """
format: 1
id: aankomst
title: Aankomst
languages: [nl]
meters: {vertrouwen: {label: Vertrouwen, start: 60}, rust: {label: Rust, start: 50}}
start: begin
scenes:
  begin:
    text: Het begint.
    choices:
      - {id: lezen, text: Lees de krant, effects: {rust: 5}, goto: krant}
  krant:
    kind: news
    outlet: De Courant
    headline: Een kop
    on_enter: {vertrouwen: -10}
    text: Het stuk.
    next: [{goto: draad}]
  draad:
    kind: feed
    on_enter: {vertrouwen: -15}
    text: Berichten.
    choices: [{id: klaar, text: Klaar, goto: einde}]
endings:
  einde: {title: Einde, text: Klaar.}
"""


def test_arrivals_are_told_where_they_happen_with_their_cause(driver, tmp_path):
    path = tmp_path / "aankomst.yaml"
    path.write_text(ARRIVALS, encoding="utf-8")
    d = driver(path)
    play = play_screen(d)
    s = play.session
    d.key(pygame.K_1)  # the choice: +5 rust by the choice, −10 vertrouwen by the news after it
    assert play.hud.target == s.view.meters() == {"vertrouwen": 50, "rust": 55}
    assert "Door je keuze" in d.app.text.rendered
    assert "En door wat er daarna gebeurt" in d.app.text.rendered
    d.key(pygame.K_RETURN)  # into the news report: its cost is told there
    assert s.scene_id == "krant" and play.teller.note.changes == {"vertrouwen": (60, 50)}
    assert "Door dit nieuwsbericht" in d.app.text.rendered
    assert play.hud.changes == {"vertrouwen": (60, 50)}
    d.key(pygame.K_RETURN)  # on by its route: the feed costs 15 more on arrival
    assert s.scene_id == "draad"
    assert play.hud.target == s.view.meters() == {"vertrouwen": 35, "rust": 55}
    assert play.teller.note.changes == {"vertrouwen": (50, 35)}
    assert play.teller.note.scene == "draad"
    assert "Door deze berichten" in d.app.text.rendered
    d.settle()
    assert round(play.hud.shown["vertrouwen"]) == 35


def test_the_chosen_scene_stays_behind_the_consequence_panel(driver):
    d = driver(SHOWCASE)
    play = play_screen(d)
    before = pygame.image.tobytes(play.content.content, "RGB")
    scene = play.session.scene_id
    d.key(pygame.K_1)
    assert play.session.phase is Phase.CONSEQUENCE and play.session.scene_id != scene
    assert play.seen.node.id == scene
    assert pygame.image.tobytes(play.content.content, "RGB") == before
    d.key(pygame.K_RETURN)
    assert play.seen.node.id == play.session.scene_id != scene


def test_split_and_merge_account_for_every_change():
    a = Arrival({"x": (50, 40)}, "s1")
    b = Arrival({"x": (40, 45), "y": (10, 12)}, "s2")
    m = merge(a, b)
    assert m.changes == {"x": (50, 45), "y": (10, 12)} and m.scene is None
    assert merge(Arrival(), b) is b and merge(a, Arrival()) is a
    assert merge(Arrival({"x": (5, 6)}), Arrival({"x": (6, 5)})).changes == {}


def test_the_opening_names_the_start_scene_when_it_moves_meters():
    from weerbaar.engine.loader import load_scenario_text
    from weerbaar.engine.session import Session
    src = """
format: 1
id: t
title: T
languages: [nl]
meters: {m: {label: M, start: 50}}
start: a
scenes:
  a:
    text: A
    on_enter: {m: -5}
    choices: [{id: c, text: C, goto: e}]
endings:
  e: {title: E, text: E}
"""
    sc = load_scenario_text(src, "t.yaml")
    s = Session(sc)
    o = ChangeTeller(s).note
    assert o.changes == {"m": (50, 45)} and o.scene == "a"
    assert rules.initial_vars(sc)["m"] == 50


def test_the_workshop_room_view_shows_the_engines_meters_after_every_step(make_app, tmp_path):
    from weerbaar.engine import load_scenario
    from weerbaar.game.workshop_main import open_workshop

    from .workshop_driver import Facilitator
    app = make_app()
    app.to_title()
    open_workshop(app, load_scenario(str(ROOT / "scenarios" / "desinformatie.yaml")),
                  db=tmp_path / "ws.db", teams="Noord", seed=5)
    f = Facilitator(app)
    f.step(n=2)
    checked = []

    def check(screen):
        assert screen.bar.hud.target == screen.session.view.meters(), screen.session.scene_id
        checked.append(screen.session.scene_id)
    f.play_on(counts=lambda choices: "b3", on_decision=check, on_scene=check)
    assert len(checked) >= 4
