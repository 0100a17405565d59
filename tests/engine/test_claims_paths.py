"""Claims on what the path did (choices, missteps, visits, flags) are checked over the merged
graph, not kept in the merge key: they cost no states, and they are still proved and
disproved exactly, with the shortest counterexample."""
import pytest

from weerbaar.engine.explore import explore, play_ids

from .helpers import load

# Three decisions, each with a misstep and a harmless choice that lead to the same scene
# with the same effects: nothing the routes read tells the plays apart, so the merge key
# keeps one state per scene however the claim reads the path.
CHAIN = """\
start: a
scenes:
  a:
    text: A
    choices:
      - {id: goed, text: G, goto: b}
      - {id: fout, text: F, misstep: true, goto: b}
  b:
    text: B
    on_enter: {set: [f]}
    choices:
      - {id: goed, text: G, goto: c}
      - {id: fout, text: F, misstep: true, effects: {clear: [f]}, goto: c}
  c:
    text: C
    choices:
      - {id: goed, text: G, goto: d}
      - {id: fout, text: F, misstep: true, goto: d}
  d:
    text: ""
    next:
      - {goto: goed}
endings:
  goed: {title: Goed, text: goed, requires: "CLAIM"}
"""


def chain(claim: str):
    return load(CHAIN.replace("CLAIM", claim))


def choices(path) -> list[str]:
    return [f"{s.scene}/{s.choice}" for s in path]


@pytest.mark.parametrize("claim, counterexample", [
    ("missteps() <= 3", None),
    ("missteps() <= 1", ["a/goed", "b/fout", "c/fout"]),
    ("missteps() != 2", ["a/goed", "b/fout", "c/fout"]),
    ("not chosen(c, fout) or chosen(a, fout)", ["a/goed", "b/goed", "c/fout"]),
    ("f or chosen(a, fout)", ["a/goed", "b/fout", "c/goed"]),
    ("visited(a) and visited(b) and visits(d) == 1", None),
    ("not (f and missteps() == 1)", ["a/goed", "b/goed", "c/fout"]),
])
def test_a_path_claim_is_proved_or_disproved_at_no_cost_in_states(claim, counterexample):
    sc = chain(claim)
    with_claims, without = explore(sc), explore(sc, claims=False)
    assert with_claims.states == without.states == 4  # a, b, c and the ending
    if counterexample is None:
        assert not with_claims.violations
        return
    path = with_claims.violations["goed"]
    assert choices(path) == counterexample
    assert [s.number for s in path] == [1 + (s.choice == "fout") for s in path]
    end = play_ids(sc, [s.choice for s in path])
    assert end.scene == "goed" and not sc.endings["goed"].requires(end)


# A loop: 'praten' may be taken again while 'overleg' has been entered fewer than three
# times; the claim counts the visits of a scene the routes do not read.
LOOP = """\
start: overleg
scenes:
  overleg:
    text: O
    choices:
      - {id: praten, text: P, if: "visits(overleg) < 3", goto: gang}
      - {id: besluiten, text: B, goto: klaar}
  gang:
    text: G
    choices:
      - {id: terug, text: T, goto: overleg}
      - {id: koffie, text: K, goto: automaat}
  automaat:
    text: ""
    next:
      - {goto: overleg}
  klaar:
    text: ""
    next:
      - {goto: einde}
endings:
  einde: {title: E, text: e, requires: "CLAIM"}
"""


@pytest.mark.parametrize("claim, counterexample", [
    ("visits(automaat) < 3", None),
    ("visits(automaat) < 2", ["praten", "koffie", "praten", "koffie", "besluiten"]),
    ("not visited(gang) or chosen(gang, terug)", ["praten", "koffie", "besluiten"]),
    ("visits(automaat) + visits(gang) != 3", ["praten", "terug", "praten", "koffie",
                                               "besluiten"]),
])
def test_claims_on_visits_in_a_loop(claim, counterexample):
    sc = load(LOOP.replace("CLAIM", claim))
    r = explore(sc)
    if counterexample is None:
        assert not r.violations and r.ok
        return
    path = r.violations["einde"]
    assert len(path) == len(counterexample)
    end = play_ids(sc, [s.choice for s in path])
    assert end.scene == "einde" and not sc.endings["einde"].requires(end)
    assert [s.choice for s in path] == counterexample
    if "+" not in claim:  # counts compared with numbers: the key keeps no visits of them
        assert r.states == explore(sc, claims=False).states


def test_a_claim_on_a_meter_still_sees_the_value_it_arrives_with():
    text = CHAIN.replace("CLAIM", "m >= 50").replace(
        "{id: fout, text: F, misstep: true, goto: d}",
        "{id: fout, text: F, misstep: true, effects: {m: -5}, goto: d}")
    sc = load(text)
    r = explore(sc)
    assert choices(r.violations["goed"]) == ["a/goed", "b/goed", "c/fout"]


def test_every_failing_ending_gets_its_own_shortest_counterexample():
    text = CHAIN.replace("CLAIM", "missteps() == 0").replace(
        "      - {goto: goed}",
        '      - {if: "not f", goto: slecht}\n      - {goto: goed}') \
        + '  slecht: {title: S, text: s, requires: "chosen(a, fout) or missteps() == 0"}\n'
    r = explore(load(text))
    assert choices(r.violations["goed"]) == ["a/goed", "b/goed", "c/fout"]
    assert choices(r.violations["slecht"]) == ["a/goed", "b/fout", "c/goed"]
