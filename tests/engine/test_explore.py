"""The explorer: coverage, soft-locks, endless loops, path lengths and shortest paths."""
from weerbaar.engine import load_scenario
from weerbaar.engine.explore import explore, random_walks
from weerbaar.engine.replay import End, replay_decisions
from weerbaar.engine.session import Session

from .helpers import load
from .test_session import BRANCHY


def test_full_coverage_and_shortest_paths_that_really_lead_there():
    sc = load(BRANCHY)
    r = explore(sc)
    assert r.ok and not r.problems
    assert r.endings_reached == {"top", "geluk", "pech"}
    for ending, path in r.shortest.items():
        s = replay_decisions(sc, [step.choice for step in path], end=End.REST).session
        if ending == "top":
            assert s.scene_id == "top"
        assert len(path) >= 2
    assert r.min_decisions == 2 and r.has_cycles and r.max_decisions is None


SOFTLOCK = """\
start: a
scenes:
  a:
    text: A
    choices:
      - {id: zet, text: Z, effects: {set: [f]}, goto: b}
      - {id: niet, text: N, goto: b}
  b:
    text: B
    choices:
      - {id: alleen, text: X, if: "not f", goto: e}
endings:
  e: {title: E, text: e}
"""


def test_soft_lock_is_found_with_the_choices_that_lead_there():
    r = explore(load(SOFTLOCK))
    assert [(p.kind, p.scene, [s.choice for s in p.path]) for p in r.problems] == \
        [("soft-lock", "b", ["zet"])]
    assert not r.ok


LOOP = """\
start: a
scenes:
  a:
    text: A
    choices:
      - {id: val, text: V, effects: {set: [f]}, goto: b}
      - {id: uit, text: U, goto: e}
  b:
    text: B
    choices:
      - {id: rond, text: R, goto: c}
      - {id: weg, text: W, if: "not f", goto: e}
  c:
    text: C
    next: [{goto: b}]
endings:
  e: {title: E, text: e}
"""


def test_endless_loop_is_found():
    r = explore(load(LOOP))
    kinds = {p.kind for p in r.problems}
    assert "endless loop" in kinds
    assert any(p.scene in ("b", "c") and p.path[0].choice == "val" for p in r.problems)


def test_unreached_choice_is_reported():
    text = SOFTLOCK.replace('if: "not f"', 'if: "f and not f"').replace("      - {id: alleen", "      - {id: altijd, text: Y, goto: e}\n      - {id: alleen")
    r = explore(load(text))
    assert r.choices_missed == ["b/alleen"]


def test_bound_is_reported_when_hit(example_path):
    r = explore(load_scenario(str(example_path)), bound=3)
    assert r.bound_hit and not r.ok


def test_random_walks_cover_the_example(example_path):
    w = random_walks(load_scenario(str(example_path)), 300, seed=1)
    assert set(w.endings) == {"goed", "gemengd", "slecht"} and w.stuck == 0
    assert sum(w.endings.values()) == 300


def test_random_walks_play_by_the_session_rules():
    sc = load(BRANCHY)
    chosen = []
    w = random_walks(sc, 1, seed=5, on_choice=lambda c: chosen.append(c.id))
    s = replay_decisions(sc, chosen, seed=5, end=End.REST).session
    assert s.ended and s.scene_id == next(iter(w.endings))
