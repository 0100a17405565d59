"""Regressions found by the differential test of the class explorer: scenarios where exploring
by classes (``engine/explore/classes.py``) and the search state by state disagree.

Both report one problem per node of their graph. The search keeps apart two states that
differ in something a condition ahead may read (here the flag ``g``, read by ``f and g``),
even where that condition can never hold (``f`` is never set); the classes merge them,
because from there on they play alike. So where both states are trapped, the search
reports the trap twice, with a path to each, and the classes once. (Found by a generated
scenario; minimised by hand.)"""
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


def _both_ways(monkeypatch, scenario) -> tuple:
    """(by classes, state by state) as dicts without the node count, and whether the classes
    really ran (so that the comparison is not one of the search with itself)."""
    ran = []
    build = classes.build_graph

    def spy(search, bound):
        build(search, bound)
        ran.append(True)
    monkeypatch.setattr(classes, "build_graph", spy)
    fast = explore(scenario).to_dict()
    monkeypatch.setattr(classes, "applies", lambda *args: False)
    slow = explore(scenario).to_dict()
    fast.pop("states"), slow.pop("states")
    return fast, slow, bool(ran)


@pytest.mark.parametrize("body", [SOFT_LOCK, STUCK], ids=["soft-lock", "stuck-router"])
def test_a_trap_that_two_merged_states_fall_into_is_reported_alike(monkeypatch, body):
    fast, slow, ran = _both_ways(monkeypatch, load(body, HEADER))
    assert ran
    trapped = [p for p in slow["problems"] if p["kind"] == "soft-lock"]
    assert len(trapped) == 2  # the search: once for each of the two states
    assert fast["problems"] == slow["problems"]
