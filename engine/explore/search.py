"""The exhaustive search: every reachable state, merged by the key of ``key.Keyer``, in
breadth-first order (so the first path found to anything is a shortest one in decisions).

Claims are checked on the way: on every arrival in an ending, before the arrival merges
into the ending's one state, its ``requires`` (and a query, when one is asked) is tested
on the concrete state that arrived. The key keeps what those conditions read, so one test
per merged state speaks for every play it stands for.
"""
from __future__ import annotations

from collections import deque

from .. import rules
from ..gcpause import paused_gc
from ..model import Scenario
from .key import Keyer
from .exploration import DEFAULT_BOUND, Problem, Exploration, PathChoice, cannot_end, path_figures
from .state import PlayState, follow, start_state, take

SCENE_BUDGET = 50_000  # beyond this many scenes the explorer does not try


def settle_all(scenario: Scenario, s: PlayState, key, entered: set) -> list:
    """Follow routes from ``s`` until a choice scene or an ending.

    Returns ("stop", state) for every place the play can come to rest, ("stuck", state) for
    a scene where no route holds, ("loop", state) for routes that go round without a
    decision. Chance routes branch both ways. ``s`` itself may be moved along.
    """
    scenes = scenario.scenes
    scene = scenes.get(s.scene)
    entered.add(s.scene)
    if scene is None or not scene.next:
        return [("stop", s)]
    out, todo = [], [(s, (), ())]
    while todo:
        s, passed, seen = todo.pop()
        scene = scenes.get(s.scene)
        entered.add(s.scene)
        if scene is None or not scene.next:
            out.append(("stop", s))
            continue
        if s.scene in passed:  # a scene met again: compare whole keys to find a loop
            k = key(s)
            if k in seen:
                out.append(("loop", s))
                continue
            seen = seen + (k,)
        passed = passed + (s.scene,)
        holding = [r for r in scene.next if (r.condition is None or r.condition.test(s))
                   and not (r.chance is not None and r.chance <= 0)]
        sure = next((j for j, r in enumerate(holding) if r.chance is None or r.chance >= 100),
                    None)
        if sure is None:  # no route holds, or every holding route is a chance that can fail
            out.append(("stuck", s))
        branches = holding if sure is None else holding[:sure + 1]
        for j, r in enumerate(branches):
            nxt = s if j == len(branches) - 1 and sure is not None else s.copy()
            follow(scenario, nxt, r)
            todo.append((nxt, passed, seen))
    return out


class _Graph:
    """The explored states: parents (for shortest paths), edges, endings and problems."""

    def __init__(self):
        self.index: dict = {}
        self.parent: list = []
        self.scene: list[str] = []
        self.edges: list[list[int]] = []
        self.endings: set[int] = set()
        self.problems: list = []

    def path_to(self, i) -> list[PathChoice]:
        steps = []
        while self.parent[i] is not None:
            i, scene, choice, number = self.parent[i]
            steps.append(PathChoice(scene, choice, number))
        return steps[::-1]

    def path_via(self, origin) -> list[PathChoice]:
        """``origin`` is (state index, scene, choice, number): the step that led here."""
        return [] if origin is None else self.path_to(origin[0]) + [PathChoice(*origin[1:])]


def explore(scenario: Scenario, bound: int = DEFAULT_BOUND, claims: bool = True,
            query=None) -> Exploration:
    """Explore every reachable state (up to ``bound`` states). With ``claims``, every
    ending's ``requires`` is checked; with a compiled ``query`` condition, the search stops
    at the first ending arrival where it holds (``Exploration.witness``)."""
    with paused_gc():  # many small objects, no cycles among them: the collector only costs
        return _explore(scenario, bound, claims, query)


def _explore(scenario: Scenario, bound: int, claims: bool, query) -> Exploration:
    exploration = Exploration(scenario.id, bound=bound)
    if len(scenario.scenes) > SCENE_BUDGET:
        exploration.bound_hit = True
        exploration.budget = (f"{len(scenario.scenes):,} scenes is beyond what the explorer will "
                         f"try (at most {SCENE_BUDGET:,}); split the scenario")
        return exploration
    search = _Search(scenario, exploration, bound, _checks(scenario, claims, query))
    search.run()
    if exploration.bound_hit:
        exploration.budget = _budget_message(scenario, search.key, search.g, bound)
    if query is None:
        _summarise(exploration, scenario, search.g)
    exploration.states = len(search.g.parent)
    return exploration


class _Search:
    """One breadth-first search: states are added on arrival, expanded from the queue."""

    def __init__(self, scenario: Scenario, exploration: Exploration, bound: int, checks: dict):
        self.scenario, self.exploration, self.bound, self.checks = scenario, exploration, bound, checks
        self.key = Keyer(scenario, {e: [c for _, c in cs] for e, cs in checks.items()})
        self.g = _Graph()
        self.queue: deque = deque()
        # targets where the play comes to rest at once (no routes): no settling needed
        self.rests = {sid for sid, sc in scenario.scenes.items() if not sc.next} \
            | set(scenario.endings)

    def run(self) -> None:
        entered = self.exploration.scenes_reached
        going = all(self.arrive(s, None, kind)
                    for kind, s in settle_all(self.scenario, start_state(self.scenario),
                                              self.key, entered))
        while self.queue and going:
            going = self.expand(*self.queue.popleft())

    def expand(self, i: int, s: PlayState) -> bool:
        """Take every available choice from state ``i``; False when the search can stop."""
        scenario, entered, taken = self.scenario, self.exploration.scenes_reached, \
            self.exploration.choices_taken
        scene = scenario.scenes[s.scene]
        available = rules.available_choices(scene, s)
        if not available:
            self.g.problems.append(("soft-lock", i))
        for n, choice in enumerate(available, 1):
            taken.add((scene.id, choice.id))
            nxt = s.copy()
            take(scenario, nxt, choice)
            origin = (i, scene.id, choice.id, n)
            if nxt.scene in self.rests:
                entered.add(nxt.scene)
                if not self.arrive(nxt, origin):
                    return False
                continue
            for kind, settled in settle_all(scenario, nxt, self.key, entered):
                if not self.arrive(settled, origin, kind):
                    return False
        return True

    def arrive(self, s: PlayState, origin, kind="stop") -> bool:
        """Add a settled state; False when the search can stop (the query held)."""
        g = self.g
        if kind == "stop" and s.scene in self.checks and \
                not _check(self.exploration, self.checks[s.scene], s, g, origin):
            return False
        k = self.key(s)
        if kind == "stop" and k in g.index:
            if origin is not None:
                g.edges[origin[0]].append(g.index[k])
            return True
        if len(g.parent) >= self.bound:
            self.exploration.bound_hit = True
            return True
        i = len(g.parent)
        g.parent.append(origin)
        g.scene.append(s.scene)
        g.edges.append([])
        if origin is not None:
            g.edges[origin[0]].append(i)
        if kind != "stop":
            g.problems.append((kind, i))
        elif s.scene in self.scenario.endings:
            g.index[k] = i
            g.endings.add(i)
            self.exploration.endings_reached.add(s.scene)
        else:
            g.index[k] = i
            self.key.prune(s)
            self.queue.append((i, s))
        return True


def _checks(scenario: Scenario, claims: bool, query) -> dict:
    """ending -> [(kind, condition)] to test on arrival there."""
    out: dict = {}
    for eid, ending in scenario.endings.items():
        if claims and ending.requires is not None:
            out.setdefault(eid, []).append(("claim", ending.requires))
        if query is not None:
            out.setdefault(eid, []).append(("query", query))
    return out


def _check(exploration: Exploration, checks, s: PlayState, g: _Graph, origin) -> bool:
    for kind, cond in checks:
        if kind == "claim" and s.scene not in exploration.violations and not cond.test(s):
            exploration.violations[s.scene] = g.path_via(origin)
        elif kind == "query" and exploration.witness is None and cond.test(s):
            exploration.witness = g.path_via(origin)  # the first in breadth-first order: shortest
            return False
    return True


def _budget_message(scenario: Scenario, key: Keyer, g: _Graph, bound: int) -> str:
    """Name the meter that most likely filled the state budget: the one with the most
    distinct values (or classes) among the states kept."""
    seen: dict[str, set] = {}
    for k, i in g.index.items():
        for m, value in key.meter_values(g.scene[i], k).items():
            seen.setdefault(m, set()).add(value)
    if not seen:
        return f"stopped at the state budget of {bound:,} states"
    meter = max(seen, key=lambda m: len(seen[m]))
    lo, hi = scenario.meters[meter].min, scenario.meters[meter].max
    return (f"stopped at the state budget of {bound:,} states; meter '{meter}' ({lo}..{hi}) "
            f"took {len(seen[meter]):,} distinct values: narrow its range or let a loop end "
            "sooner")


def _summarise(exploration: Exploration, scenario: Scenario, g: _Graph) -> None:
    roots = [i for i in range(len(g.parent)) if g.parent[i] is None]
    path_figures(exploration, roots, g.edges, g.endings)
    stuck = set()
    for kind, i in g.problems:
        name = "soft-lock" if kind in ("soft-lock", "stuck") else "endless loop"
        stuck.add(i)
        exploration.problems.append(Problem(name, g.scene[i], g.path_to(i)))
    if not exploration.bound_hit:  # unexpanded states would look trapped
        for i in cannot_end(g.edges, g.endings, stuck):
            exploration.problems.append(Problem("endless loop", g.scene[i], g.path_to(i)))
    for i in g.endings:  # an ending is one state, first reached along a shortest path
        exploration.shortest[g.scene[i]] = g.path_to(i)
    exploration.scenes_reached &= set(scenario.scenes)
    exploration.scenes_missed = [s for s in scenario.scenes if s not in exploration.scenes_reached]
    exploration.choices_missed = [f"{s.id}/{c.id}" for s in scenario.scenes.values() for c in s.choices
                             if (s.id, c.id) not in exploration.choices_taken]
    exploration.endings_missed = [e for e in scenario.endings if e not in exploration.endings_reached]
