"""A claim that reads a visit count in arithmetic (``visits(s1) + missteps() >= 1``) in a
scenario without loops: the explorer must check it like any other claim. (Found by a sweep
of generated scenarios for the class explorer; it fails both ways, by classes and state by
state: ``facts.PathFacts`` takes the visit count's cap, which is None when no cut bounds
it, and ``exact_claims`` leaves such claims to it only when the scenario has no loop.)"""
import pytest

from weerbaar.engine.explore import explore

from .helpers import load
from .test_explore_exact import enumerate_all

HEADER = "format: 1\nid: t\ntitle: T\nlanguages: [nl]\nstart: s0\n"
BODY = """\
scenes:
  s0:
    text: T
    choices:
      - {{id: k0, text: C, goto: s1, misstep: true}}
      - {{id: k1, text: C, goto: s1}}
      - {{id: k2, text: C, goto: e0}}
  s1:
    text: T
    choices:
      - {{id: k0, text: C, goto: e0}}
endings:
  e0: {{title: E, text: e, requires: "{claim}"}}
"""


@pytest.mark.parametrize("by_classes", [True, False], ids=["classes", "states"])
@pytest.mark.parametrize("claim", ["visits(s1) + missteps() >= 2", "visits(s1) * 2 >= 1",
                                   "visits(s1) + 1 > 1"])
def test_a_claim_with_a_visit_count_in_arithmetic_is_checked(claim, by_classes):
    sc = load(BODY.format(claim=claim), HEADER)
    failing = [path for ending, path, state in enumerate_all(sc)
               if not sc.endings[ending].requires(state)]
    r = explore(sc, by_classes=by_classes)
    assert list(r.violations) == ["e0"]
    found = [(x.scene, x.choice, x.number) for x in r.violations["e0"]]
    assert found in failing and len(found) == min(len(p) for p in failing)
