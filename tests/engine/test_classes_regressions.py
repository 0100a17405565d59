"""Regressions found by the tests of the class explorer (minimised by hand).

The claims check: one step that a chance route sends into two endings with claims gave the
second ending the verdict of the first (found by ``test_explore_classes_truth.py``; both
ways of exploring shared it, ``proof`` remembered verdicts by facts and label, not by
ending).

Exploring by classes (``engine/explore/classes.py``) and the search state by state
disagree (found by a generated scenario, seed 2727 of a sweep of 3,000). The traps that are
listed once per state are in ``test_explore_classes.py``.

The search keeps apart two states that differ in something a condition ahead may read
(here the flag ``g``, read by ``f and g``), even where that condition can never hold (``f``
is never set); the classes merge them, because from there on they play alike. The
playthroughs are counted from the distinct nodes the start settles in, so two start states
that a chance route sends apart count as two playthroughs in the search and as one by
classes (inside the graph every edge counts, with its multiplicity, so only the start
differs)."""
from __future__ import annotations

import pytest

from weerbaar.engine.explore import explore

from .helpers import load
from .test_explore_classes import by_classes, by_states

HEADER = "format: 1\nid: t\ntitle: T\nlanguages: [nl]\nflags: [f, g]\n"
ONE_STEP_TWO_ENDINGS = """\
start: s0
scenes:
  s0:
    text: T
    choices:
      - {id: k0, text: A, goto: r}
  r:
    text: ""
    next:
      - {chance: 30, goto: e1}
      - {goto: e2}
endings:
  e1: {title: E, text: e, requires: "chosen(s0, k0)"}
  e2: {title: E, text: e, requires: "not chosen(s0, k0)"}
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


@pytest.mark.parametrize("claims", [True, False])
def test_two_start_states_that_play_alike_count_as_many_playthroughs(monkeypatch, claims):
    sc = load(CHANCE_AT_THE_START, HEADER)
    fast, ran = by_classes(sc, monkeypatch, claims=claims)
    slow = by_states(sc, monkeypatch, claims=claims)
    assert ran
    assert slow.playthroughs == 2  # the search: one per start state
    assert fast.to_dict()["decisions"] == slow.to_dict()["decisions"]


@pytest.mark.parametrize("by_classes", [True, False])
def test_a_claim_that_holds_is_not_given_the_verdict_of_another_ending(by_classes):
    r = explore(load(ONE_STEP_TWO_ENDINGS, HEADER), by_classes=by_classes)
    assert set(r.violations) == {"e2"}  # e1's claim holds on its one play
    assert [(x.scene, x.choice) for x in r.violations["e2"]] == [("s0", "k0")]
