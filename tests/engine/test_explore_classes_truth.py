"""The class explorer against the truth, not against the state search: on generated scenarios
without loops (``acyclicgen``, and ``routedgen``, whose steps often end in a router that
sends one step into several endings) every play is enumerated one by one, following BOTH
outcomes of every chance route, and what the explorer reports by classes must be what the
plays show: endings, choices and scenes reached, the shortest way to each ending, the traps
(soft-locks and stuck routes) and the shortest way into each, whether a play can be trapped
where no ending is reachable, the shortest and longest playthrough, and every failing claim
with a real, shortest counterexample. The number of playthroughs is left out: with chance
it depends on what counts as one (see ``test_classes_regressions.py``). The search state by
state is held to the same truth: a bug of the claims check that both shared was found here."""
from __future__ import annotations

from collections import defaultdict

import pytest

from weerbaar.engine import rules
from weerbaar.engine.explore import explore, start_state, take
from weerbaar.engine.explore.state import follow

from . import acyclicgen, routedgen
from .test_explore_classes import by_classes
from .test_explore_exact import valid_scenario

SOURCES = {"acyclic": acyclicgen.generate, "routed": routedgen.routed}
CASES = [(name, seed) for name in SOURCES for seed in range(150)]
PLAY_CAP = 4000  # scenarios with more plays are left out (counted: most are kept)


def ways_on(scene, s) -> list:
    """Every way the routes of ``scene`` can go from ``s``: a route, or None for stuck.
    Routes are tried in order; one with chance may fail its roll, so the next is tried too;
    the first sure route that holds ends the list; with none, the play can be stuck."""
    out = []
    for r in scene.next:
        if r.condition is not None and not r.condition.test(s):
            continue
        if r.chance is not None and r.chance <= 0:
            continue
        out.append(r)
        if r.chance is None or r.chance >= 100:
            return out
    return out + [None]


class Truth:
    """Every play of a scenario without loops, enumerated."""

    def __init__(self, sc):
        self.sc = sc
        self.scenes: set = set()
        self.choices: set = set()
        self.endings = defaultdict(list)  # ending -> [(decisions, final state)]
        self.traps = defaultdict(list)  # scene -> [decisions]: soft-locked or stuck there
        self.trapped = False  # some decision state from which no ending can be reached
        self.plays = 0
        self.walk(start_state(sc), ())

    def walk(self, s, path) -> bool:
        """Play on from ``s`` (just entered its scene); True when an ending can be reached."""
        self.plays += 1
        if self.plays > PLAY_CAP:
            raise OverflowError
        sc, sid = self.sc, s.scene
        if sid in sc.endings:
            self.endings[sid].append((path, s))
            return True
        self.scenes.add(sid)
        scene = sc.scenes[sid]
        if scene.next:
            ends = False
            for r in ways_on(scene, s):
                if r is None:
                    self.traps[sid].append(path)
                    continue
                nxt = s.copy()
                follow(sc, nxt, r)
                ends = self.walk(nxt, path) or ends
            return ends
        available = rules.available_choices(scene, s)
        if not available:
            self.traps[sid].append(path)
            return False
        ends = False
        for c in available:
            self.choices.add((sid, c.id))
            nxt = s.copy()
            take(sc, nxt, c)
            ends = self.walk(nxt, path + ((sid, c.id),)) or ends
        self.trapped |= not ends
        return ends


def steps(path) -> tuple:
    return tuple((x.scene, x.choice) for x in path)


def _compare(r, truth: Truth) -> None:
    sc = truth.sc
    assert r.endings_reached == set(truth.endings)
    assert r.choices_taken == truth.choices
    assert r.scenes_reached == truth.scenes
    for e, plays in truth.endings.items():
        assert steps(r.shortest[e]) in {p for p, _ in plays}, e
        assert len(r.shortest[e]) == min(len(p) for p, _ in plays), e
    lengths = [len(p) for plays in truth.endings.values() for p, _ in plays]
    if lengths:
        assert (r.min_decisions, r.max_decisions) == (min(lengths), max(lengths))
    traps = defaultdict(list)
    for p in r.problems:
        if p.kind == "soft-lock":
            traps[p.scene].append(len(p.path))
    assert set(traps) == set(truth.traps)
    assert all(min(traps[x]) == min(map(len, truth.traps[x])) for x in traps), traps
    assert any(p.kind == "dead end" for p in r.problems) == truth.trapped
    failing = {e: [p for p, s in plays if not sc.endings[e].requires(s)]
               for e, plays in truth.endings.items() if sc.endings[e].requires is not None}
    failing = {e: ps for e, ps in failing.items() if ps}
    assert set(r.violations) == set(failing)
    for e, paths in failing.items():
        assert steps(r.violations[e]) in paths, e  # a real play that ends there, claim false
        assert len(r.violations[e]) == min(map(len, paths)), e


def truth_or_none(sc):
    try:
        return Truth(sc)
    except OverflowError:
        return None


@pytest.mark.parametrize("name,seed", CASES, ids=[f"{n}-{s}" for n, s in CASES])
def test_the_classes_report_what_every_play_shows(name, seed, monkeypatch):
    sc = valid_scenario(seed, SOURCES[name])
    truth = truth_or_none(sc)
    if truth is None:
        pytest.skip(f"more than {PLAY_CAP} plays")
    r, _ = by_classes(sc, monkeypatch)
    _compare(r, truth)
    _compare(explore(sc, by_classes=False), truth)  # and the state search, which shared a bug


def test_the_truth_is_told_where_the_classes_ran_and_where_it_is_hard(monkeypatch):
    """Most scenarios are enumerated and explored by classes, and among them are plays that
    end stuck, soft-locked, trapped, with a claim failing, past a chance route."""
    ran = kept = 0
    seen: set = set()
    for name, seed in CASES:
        sc = valid_scenario(seed, SOURCES[name])
        truth = truth_or_none(sc)
        if truth is None:
            continue
        kept += 1
        ran += by_classes(sc, monkeypatch)[1]
        seen |= {"stuck" if sc.scenes[x].next else "soft-lock" for x in truth.traps}
        seen |= {"trapped"} if truth.trapped else set()
        seen |= {"claim fails" for e, plays in truth.endings.items()
                 if sc.endings[e].requires is not None
                 and any(not sc.endings[e].requires(s) for _, s in plays)}
        seen |= {"chance" for x in sc.scenes.values() for rt in x.next
                 if rt.chance is not None and 0 < rt.chance < 100}
    assert kept >= 0.9 * len(CASES), kept
    assert ran >= 0.8 * kept, (ran, kept)
    assert seen == {"stuck", "soft-lock", "trapped", "claim fails", "chance"}, seen
