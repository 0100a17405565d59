"""Sessions: playing by the rules, undo, reasons, and save/restore that changes nothing."""
import json
import random

import pytest

from weerbaar.engine import load_scenario
from weerbaar.engine.machine import machine_for
from weerbaar.engine.replay import End, Halt, ReplayError, replay_decisions
from weerbaar.engine.session import Session, SessionError
from weerbaar.engine.state import Phase

from ..conftest import read_on
from .helpers import load

BRANCHY = """\
start: a
scenes:
  a:
    text: "A"
    on_enter: {n: 1}
    choices:
      - {id: x, text: "X", effects: {m: 30, set: [f]}, goto: b}
      - {id: y, text: "Y", effects: {m: -60}, goto: b}
  b:
    text:
      - {if: "f", nl: "B met f"}
      - {nl: "B zonder f"}
    choices:
      - {id: hoog, text: "H", if: "m >= 60", effects: {m: 100}, goto: c}
      - {id: laag, text: "L", if: "not f", goto: c}
      - {id: altijd, text: "A", effects: {set: [g]}, goto: lus}
  lus:
    text: "L"
    choices:
      - {id: terug, text: "T", if: "not visited(c)", effects: {m: -1}, goto: b}
      - {id: door, text: "D", goto: c}
  c:
    text: "C"
    next:
      - {if: "chosen(b, hoog)", goto: top}
      - {chance: 50, goto: geluk}
      - {goto: pech}
endings:
  top: {title: T, text: t, tone: good}
  geluk: {title: G, text: g, tone: mixed}
  pech: {title: P, text: p, tone: bad}
"""


@pytest.fixture
def scenario():
    return load(BRANCHY)


def test_meters_clamp_and_on_enter_applies(scenario):
    s = Session(scenario)
    assert s.vars["n"] == 11  # on_enter of the start scene
    out = s.choose("y")
    assert out.meter_changes == {"m": (50, 0)}  # clamped at min 0
    assert s.phase is Phase.CONSEQUENCE
    s.proceed()
    assert s.scene_id == "b" and s.phase is Phase.SCENE


def test_conditions_hide_choices_and_say_why(scenario):
    s = Session(scenario)
    s.choose("x")
    s.proceed()
    views = {v.choice.id: v for v in s.view.choice_views()}
    assert views["hoog"].available and not views["laag"].available
    assert views["laag"].reason.holds is False
    assert views["laag"].reason.causes[0].choice == "x"
    with pytest.raises(SessionError):
        s.choose("laag")


def test_text_variant_and_its_reason_name_the_earlier_decision(scenario):
    s = Session(scenario)
    s.choose("x")
    s.proceed()
    assert s.view.text() == "B met f"
    reason = s.view.text_reason()
    assert reason.holds and [(c.scene, c.choice) for c in reason.causes] == [("a", "x")]


def test_routes_first_match_and_ending(scenario):
    s = replay_decisions(scenario, ["x", "hoog"], end=End.REST).session
    assert s.ended and s.scene_id == "top" and s.view.ending.tone == "good"


def test_chance_is_seeded_and_replays_exactly(scenario):
    endings = {replay_decisions(scenario, ["y", "laag"], seed=k, end=End.REST).session.scene_id
               for k in range(40)}
    assert endings == {"geluk", "pech"}
    for k in range(10):
        assert replay_decisions(scenario, ["y", "laag"], seed=k, end=End.REST).session.scene_id == \
            replay_decisions(scenario, ["y", "laag"], seed=k, end=End.REST).session.scene_id


def test_undo_restores_the_state_before_the_last_decision(scenario):
    s = Session(scenario, seed=3)
    s.choose("x")
    s.proceed()
    before = s.save()
    s.choose("altijd")
    s.proceed()
    undone = s.undo()
    assert undone.choice == "altijd"
    after = s.save()
    assert after["vars"] == before["vars"] and after["scene"] == before["scene"]
    assert [d["choice"] for d in after["undone"]] == ["altijd"]
    with pytest.raises(SessionError):
        Session(scenario).undo()


def test_decisions_record_offered_hidden_and_state(scenario):
    s = Session(scenario)
    s.choose("y", seconds=4.5)
    s.proceed()
    s.choose("laag")
    d = s.decisions[1]
    assert d.offered == ("laag", "altijd") and d.hidden == ("hoog",)
    assert d.before["m"] == 0 and d.seconds is None and s.decisions[0].seconds == 4.5
    assert json.loads(json.dumps(d.to_dict())) == d.to_dict()


def test_listeners_hear_decisions_undo_and_end(scenario):
    heard = []

    class Ear:
        def on_decision(self, session, decision):
            heard.append(("decision", decision.choice))

        def on_undo(self, session, decision):
            heard.append(("undo", decision.choice))

        def on_end(self, session, ending):
            heard.append(("end", ending.id))

    s = Session(scenario)
    s.listeners.append(Ear())
    s.choose("x"); s.proceed(); s.choose("altijd"); s.undo(); s.choose("hoog"); s.proceed()
    while s.view.can_continue:
        s.advance()
    assert heard == [("decision", "x"), ("decision", "altijd"), ("undo", "altijd"),
                     ("decision", "hoog"), ("end", "top")]


def test_restore_refuses_another_scenario_version(scenario, example_path):
    s = Session(scenario)
    data = s.save()
    data["scenario"]["hash"] = "0" * 16
    with pytest.raises(SessionError, match="changed"):
        Session.from_save(scenario, data)
    with pytest.raises(SessionError):
        Session.from_save(load_scenario(str(example_path)), s.save())


def test_many_sessions_share_one_machine_and_carry_nothing_of_it(scenario):
    a, b = Session(scenario), Session(scenario)
    assert a.machine is b.machine is machine_for(scenario)
    a.choose("x")
    assert b.scene_id == "a" and a.scene_id == "b"
    # no per-session bindings: creating a session costs nothing per scene or choice
    assert not machine_for(scenario).machine.models
    assert not hasattr(a.state, "__dict__")  # a slotted state: nothing can be bound onto it
    assert not hasattr(a.state, "trigger") and not hasattr(a, "trigger")
    assert not [k for k in dir(a) if k.startswith(("is_", "to_"))]


def _walk(scenario, seed: int, roundtrip: bool):
    """A seeded random walk; with ``roundtrip`` the session is saved to JSON and restored
    before every step. Returns the full saved state at the end."""
    rng = random.Random(seed)
    s = Session(scenario, seed)
    for _ in range(200):
        if roundtrip:
            data = json.loads(json.dumps(s.save()))
            s = Session.from_save(scenario, data)
        if read_on(s):
            continue
        if s.ended:
            break
        if s.decisions and rng.random() < 0.1:
            s.undo()
        else:
            choices = s.view.available_choices()
            s.choose(rng.choice(choices).id, seconds=rng.randint(1, 30))
    return s.save()


@pytest.mark.parametrize("seed", range(30))
def test_save_and_restore_before_every_step_changes_nothing(scenario, seed):
    assert _walk(scenario, seed, roundtrip=True) == _walk(scenario, seed, roundtrip=False)


@pytest.mark.parametrize("seed", range(10))
def test_example_scenario_roundtrip_walks(example_path, seed):
    sc = load_scenario(str(example_path))
    assert _walk(sc, seed, roundtrip=True) == _walk(sc, seed, roundtrip=False)


def test_timer_takes_the_default_choice():
    sc = load(BRANCHY.replace('    text: "L"\n', '    text: "L"\n    timer: {seconds: 20, default: door}\n'))
    s = replay_decisions(sc, ["x", "altijd"], end=End.REST).session
    out = s.time_out()
    assert out.choice.id == "door" and out.decision.timed_out and out.decision.seconds == 20


def test_time_out_without_an_available_choice_is_a_session_error():
    from weerbaar.engine.session import StuckError
    sc = load("""\
start: a
scenes:
  a:
    text: A
    timer: {seconds: 5, default: only}
    choices: [{id: only, text: O, if: "f", goto: e}]
endings:
  e: {title: E, text: e}
""")
    s = Session(sc)
    assert s.view.available_choices() == []
    with pytest.raises(StuckError):
        s.time_out()


def test_effects_on_arrival_through_a_route_are_owed_to_the_last_decision():
    sc = load("""\
start: a
scenes:
  a:
    text: A
    choices: [{id: go, text: G, goto: b}]
  b:
    text: B
    next: [{goto: c}]
  c:
    text: C
    on_enter: {m: -20}
    choices: [{id: end, text: E, if: "m < 40", goto: e}, {id: other, text: O, goto: e}]
endings:
  e: {title: E, text: e}
""")
    s = replay_decisions(sc, ["go"], end=End.REST).session
    assert s.scene_id == "c" and s.vars["m"] == 30
    reason = next(v.reason for v in s.view.choice_views() if v.choice.id == "end")
    assert [(c.scene, c.choice) for c in reason.causes] == [("a", "go")]


def test_replay_lenient_and_without_continuing_at_the_end(scenario):
    r = replay_decisions(scenario, ["x", "bestaat_niet", "hoog"], end=End.REST, strict=False)
    assert r.taken == 1 and r.session.scene_id == "b"
    assert r.stop.why is Halt.CHOICE_GONE and r.stop.index == 1
    with pytest.raises(ReplayError, match="choice_gone"):
        replay_decisions(scenario, ["x", "bestaat_niet"], end=End.REST)
    recorded = replay_decisions(scenario, ["y", "laag"], seed=2, end=End.REST).session
    s = replay_decisions(scenario, recorded.decisions, seed=2, end=End.STAY).session
    assert s.scene_id == "c" and s.view.can_continue and s.decisions[0].choice == "y"


def test_route_reason_names_the_decision_behind_the_route(scenario):
    s = replay_decisions(scenario, ["x", "hoog"], end=End.STAY).session
    reason = s.view.route_reason()
    assert reason.holds and [(c.scene, c.choice) for c in reason.causes] == [("b", "hoog")]
