"""Regressions found by the differential test of the class explorer: scenarios where exploring
by classes (``engine/explore/classes.py``) and the search state by state disagree. (Found by
generated scenarios; minimised by hand.)

The search keeps apart two states that differ in something a condition ahead may read
(here the flag ``g``, read by ``f and g``), even where that condition can never hold (``f``
is never set); the classes merge them, because from there on they play alike. What is
counted per node of the graph then differs:

- a trap both states fall into is reported twice by the search (with a path to each), once
  by the classes;
- the playthroughs are counted from the distinct nodes the start settles in, so two start
  states that a chance route sends apart count as two playthroughs in the search and as
  one in the classes (inside the graph every edge counts, so only the start differs)."""
from __future__ import annotations

import pytest

from weerbaar.engine.explore import classes, explore

from .helpers import load

HEADER = "format: 1\nid: t\ntitle: T\nlanguages: [nl]\nflags: [f, g]\n"
TWO_WAYS = """\
start: s0
scenes:
  s0:
    text: T
    choices:
      - {id: k0, text: A, goto: s1, effects: {set: [g]}}
      - {id: k1, text: B, goto: s1}
"""
SOFT_LOCK = TWO_WAYS + """\
  s1:
    text: T
    choices:
      - {id: k0, text: C, goto: e0, if: "f and g"}
endings:
  e0: {title: E, text: e}
"""
STUCK = TWO_WAYS + """\
  s1:
    text: T
    choices:
      - {id: k0, text: C, goto: r}
  r:
    text: ""
    next:
      - {if: "f and g", goto: e0}
endings:
  e0: {title: E, text: e}
"""
CHANCE_AT_THE_START = """\
start: r
scenes:
  r:
    text: ""
    next:
      - {chance: 30, goto: x}
      - {goto: s}
  x:
    text: ""
    on_enter: {set: [g]}
    next:
      - {goto: s}
  s:
    text: T
    choices:
      - {id: k0, text: A, goto: e0}
      - {id: k1, text: B, goto: e0, if: "f and g"}
endings:
  e0: {title: E, text: e}
"""


def _both_ways(monkeypatch, scenario, claims: bool = True) -> tuple:
    """(by classes, state by state) as dicts without the node count, and whether the classes
    really ran (so that the comparison is not one of the search with itself)."""
    ran = []
    build = classes.build_graph

    def spy(search, bound):
        build(search, bound)
        ran.append(True)
    monkeypatch.setattr(classes, "build_graph", spy)
    fast = explore(scenario, claims=claims).to_dict()
    monkeypatch.setattr(classes, "applies", lambda *args: False)
    slow = explore(scenario, claims=claims).to_dict()
    fast.pop("states"), slow.pop("states")
    return fast, slow, bool(ran)


@pytest.mark.parametrize("body", [SOFT_LOCK, STUCK], ids=["soft-lock", "stuck-router"])
def test_a_trap_that_two_merged_states_fall_into_is_reported_alike(monkeypatch, body):
    fast, slow, ran = _both_ways(monkeypatch, load(body, HEADER))
    assert ran
    trapped = [p for p in slow["problems"] if p["kind"] == "soft-lock"]
    assert len(trapped) == 2  # the search: once for each of the two states
    assert fast["problems"] == slow["problems"]


@pytest.mark.parametrize("claims", [True, False])
def test_two_start_states_that_play_alike_count_as_many_playthroughs(monkeypatch, claims):
    fast, slow, ran = _both_ways(monkeypatch, load(CHANCE_AT_THE_START, HEADER), claims)
    assert ran
    assert slow["decisions"]["playthroughs"] == 2  # the search: one per start state
    assert fast["decisions"] == slow["decisions"]
