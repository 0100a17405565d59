"""What one step records, worked out the slow, obvious way and compared with the session's
fast way: the decision (offered and hidden choices, the state before and after), the net
changes and every change with its cause, the causes of each variable; the refusals of a
choice that cannot be taken; and the view, which must follow every move of the state."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from weerbaar.engine import load_scenario, load_scenario_text, rules
from weerbaar.engine.errors import RecordingError
from weerbaar.engine.session import Session, SessionError, StuckError
from weerbaar.engine.state import Phase

from .helpers import load
from .storygen import story

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(p for p in (ROOT / "scenarios").glob("*.yaml") if p.name.count(".") == 1)

SMALL = """\
start: a
scenes:
  a:
    text: "A"
    choices:
      - {id: x, text: "X", effects: {m: 30, set: [f]}, goto: b}
      - {id: y, text: "Y", if: "g", goto: b}
  b:
    text: "B"
    next:
      - {goto: c}
  c:
    text: "C"
    choices:
      - {id: z, text: "Z", goto: einde}
endings:
  einde: {title: E, text: e}
"""


def check_choice(session: Session, choice_id: str) -> None:
    """Take ``choice_id`` and check what was recorded against the state around it."""
    s = session.state
    scene = session.scenario.scenes[s.scene]
    offered = [c.id for c in rules.available_choices(scene, s)]
    vars_before, causes_before, step = dict(s.vars), dict(s.causes), s.step
    index = len(s.decisions)
    out = session.choose(choice_id)
    s = session.state
    d = s.decisions[-1]
    assert d is out.decision and d.index == index and d.scene == scene.id
    assert d.choice == choice_id and d.target == s.scene and d.step == step
    assert list(d.offered) == offered
    assert list(d.hidden) == [c.id for c in scene.choices if c.id not in offered]
    assert d.before == vars_before and d.after == s.vars
    assert d.before is not s.vars and d.after is not s.vars  # snapshots, not the live dict
    assert out.net == d.changes()
    values = dict(vars_before)
    for c in out.changes:  # every change, in order, from the value before to the value after
        assert values[c.name] == c.before != c.after
        values[c.name] = c.after
    assert values == s.vars
    assert all(c.scene == scene.id for c in out.changes if c.choice)
    for name in s.vars:
        expected = causes_before.get(name, ()) + ((index,) if name in out.net else ())
        assert s.causes.get(name, ()) == expected
    assert s.arrivals[s.scene] <= index
    assert s.phase is Phase.CONSEQUENCE and session.view.available_choices() == []


def walk(scenario, seed: int, cap: int = 120) -> int:
    rnd = random.Random(seed)
    session = Session(scenario, seed)
    for n in range(cap):
        if session.ended:
            return n
        try:
            if session.view.can_continue:
                session.advance()
                continue
            offered = session.view.available_choices()
            if not offered:
                return n
            check_choice(session, offered[int(rnd.random() * len(offered))].id)
            session.proceed()
        except StuckError:
            return n
    return cap


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_the_record_of_every_step_is_what_the_states_around_it_give(path):
    scenario = load_scenario(str(path))
    assert sum(walk(scenario, seed) for seed in range(60)) > 60


@pytest.mark.parametrize("story_seed", range(12))
def test_the_record_of_every_step_on_generated_stories(story_seed):
    scenario = load_scenario_text(story(story_seed), f"story{story_seed}.yaml")
    assert sum(walk(scenario, seed) for seed in range(40)) > 40


def test_effects_recorded_or_not_change_the_same():
    """``apply_effects`` with a list of changes writes what it writes without one."""
    rnd = random.Random(5)
    for path in SHIPPED:
        scenario = load_scenario(str(path))
        effects = [c.effects for sc in scenario.scenes.values() for c in sc.choices]
        effects += [sc.on_enter for sc in scenario.scenes.values()]
        for eff in effects:
            vars = {m.id: rnd.randint(m.min, m.max) for m in scenario.meters.values()}
            vars.update((f, rnd.random() < 0.5) for f in scenario.flags)
            plain, recorded, changes = dict(vars), dict(vars), []
            rules.apply_effects(plain, eff, scenario)
            rules.apply_effects(recorded, eff, scenario, changes, "s", "c")
            assert recorded == plain
            assert {c.name for c in changes} == {k for k in vars if vars[k] != plain[k]}


def test_a_choice_that_cannot_be_taken_is_refused_with_the_reason_and_changes_nothing():
    s = Session(load(SMALL))
    before = s.state.copy()
    with pytest.raises(SessionError, match="scene 'a' has no choice 'q'"):
        s.choose("q")
    with pytest.raises(SessionError, match="choice 'y' is not available in scene 'a'"):
        s.choose("y")
    assert s.state == before
    s.choose("x")
    with pytest.raises(SessionError, match=r"cannot choose now \(phase: consequence\)"):
        s.choose("x")
    s.proceed()
    with pytest.raises(SessionError, match="scene 'b' has no choices"):
        s.choose("x")
    s.advance()
    s.choose("z")
    s.proceed()
    with pytest.raises(SessionError, match=r"cannot choose now \(phase: ended\)"):
        s.choose("z")


class Refusing:
    def on_decision(self, session, decision):
        raise OSError("disk full")


def test_the_view_follows_every_move_of_the_state():
    s = Session(load(SMALL))
    view = s.view
    assert s.view is view  # asked again in the same state: worked out once
    assert [c.id for c in view.available_choices()] == ["x"]
    s.choose("x")
    assert s.view is not view and s.view.available_choices() == [] and not s.view.can_continue
    s.proceed()
    assert s.view.scene.id == "b" and s.view.can_continue
    s.advance()
    assert [c.id for c in s.view.available_choices()] == ["z"]
    s.undo()
    assert s.view.state is s.state and [c.id for c in s.view.available_choices()] == ["x"]
    s.listeners.append(Refusing())
    offered = s.view
    with pytest.raises(RecordingError):
        s.choose("x")
    assert s.view.state is s.state and s.phase is Phase.SCENE
    assert [c.id for c in s.view.available_choices()] == ["x"] and s.view is not offered
    s.restart()
    assert s.view.state is s.state and s.view.scene.id == "a"
