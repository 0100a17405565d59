"""The explorer proves what the machine plays: seeded random walks through a ``Session``
(every step fired through the ``transitions`` machine) and through the explorer's way of
stepping (``engine.rules`` called directly on a bare play state) take the same choices and
must agree on the whole state after every step — on every shipped scenario and on
generated stories that exercise clamping, on_enter effects, routers, chance and loops.
After every step the session is also saved to JSON and restored (the ink test mode), so
the save round trip is tested on the same thousands of states."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from weerbaar.engine import load_scenario, load_scenario_text, rules
from weerbaar.engine.session import Session, StuckError
from weerbaar.engine.state import PlayState

from .storygen import story

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(p for p in (ROOT / "scenarios").glob("*.yaml") if p.name.count(".") == 1)
CAP = 200


def bare_start(scenario, seed: int) -> PlayState:
    s = PlayState(scenario.start, seed, vars=rules.initial_vars(scenario))
    rules.arrive(scenario, s, scenario.start)
    return s


def bare_settle(scenario, s: PlayState, continue_too: bool) -> bool:
    """Follow routes as the session does: routers always, text scenes when asked.
    False when stuck."""
    for _ in range(1000):
        scene = scenario.scenes.get(s.scene)
        if scene is None or not scene.next:
            return True
        if not (rules.is_router(scene) or continue_too):
            return True
        route = rules.first_route(scene, s)
        if route is None:
            return False
        rules.follow(scenario, s, route)
        continue_too = False
    return False


def both_settle(step, scenario, bare: PlayState, continue_too: bool) -> bool:
    """Take ``step`` on the session and settle the bare state the same way: True when both
    went on, False when both got stuck (and the walk ends)."""
    try:
        step()
    except StuckError:
        assert not bare_settle(scenario, bare, continue_too=continue_too)
        return False
    assert bare_settle(scenario, bare, continue_too=continue_too)
    return True


def snapshot(s: PlayState) -> tuple:
    return (s.scene, dict(s.vars), dict(s.visits), frozenset(s.chosen), s.step, s.seed)


def walk_both(scenario, seed: int, roundtrip: bool) -> int:
    """One walk both ways; returns the number of decisions taken."""
    rnd = random.Random(seed)
    session = Session(scenario, seed)
    bare = bare_start(scenario, seed)
    assert bare_settle(scenario, bare, continue_too=False)
    assert snapshot(session.state) == snapshot(bare)
    for n in range(CAP):
        if session.ended:
            assert bare.scene in scenario.endings
            return n
        if session.view.can_continue:
            if not both_settle(session.advance, scenario, bare, continue_too=True):
                return n
        else:
            offered = session.view.available_choices()
            assert [c.id for c in offered] == \
                [c.id for c in rules.available_choices(scenario.scenes[bare.scene], bare)]
            if not offered:
                return n
            choice = offered[int(rnd.random() * len(offered))]
            session.choose(choice.id)
            rules.take(scenario, bare, choice)
            assert snapshot(session.state) == snapshot(bare)
            if not both_settle(session.proceed, scenario, bare, continue_too=False):
                return n
        assert snapshot(session.state) == snapshot(bare), f"step {n} of walk {seed}"
        if roundtrip:
            restored = Session.from_save(scenario, json.loads(json.dumps(session.save())))
            assert restored.state == session.state
            session = restored
    return CAP


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_machine_and_explorer_agree_on_the_shipped_scenarios(path):
    scenario = load_scenario(str(path))
    decisions = sum(walk_both(scenario, seed, roundtrip=seed % 10 == 0) for seed in range(400))
    assert decisions > 400  # the walks really went somewhere


@pytest.mark.parametrize("story_seed", range(40))
def test_machine_and_explorer_agree_on_generated_stories(story_seed):
    scenario = load_scenario_text(story(story_seed), f"gen{story_seed}.yaml")
    for seed in range(50):
        walk_both(scenario, seed, roundtrip=seed % 10 == 0)
