"""The exhaustive search: every reachable state, merged by the key of ``key.Keyer``, in
breadth-first order (so the first path found to anything is a shortest one in decisions).

Claims are checked after the search (``proof``): every edge of the graph is labelled with
the step it took (its number, which the edge's parent keeps anyway), the scenes it entered
that a claim watches and, into an ending, the meters that the ending's claim reads on the
state that arrived. The key keeps those meters, not the path facts (flags included: the path
sets them). A query is tested on the way instead, on every arrival in an ending (before it
merges into the ending's one state); the key keeps what the query reads, so the first
arrival where it holds is a shortest witness.
"""
from __future__ import annotations

from collections import deque

from .. import rules
from ..gcpause import paused_gc
from ..model import Scenario
from .facts import PathFacts, exact_claims
from . import classes, classwalk
from .key import Keyer, is_acyclic
from .proof import Labels, counterexamples
from .exploration import (DEFAULT_BOUND, Exploration, PathChoice, Problem, Shape, cannot_end,
                          path_figures)
from .state import PlayState, follow, start_state, take

SCENE_BUDGET = 50_000  # beyond this many scenes the explorer does not try


def settle_all(scenario: Scenario, s: PlayState, key, entered: set) -> list:
    """Follow routes from ``s`` until a choice scene or an ending.

    Returns (kind, state, passed): ("stop", ...) for every place the play can come to rest,
    ("stuck", ...) for a scene where no route holds, ("loop", ...) for routes that go round
    without a decision; ``passed`` is the scenes left on the way, in order. Chance routes
    branch both ways. ``s`` itself may be moved along.
    """
    scenes = scenario.scenes
    scene = scenes.get(s.scene)
    entered.add(s.scene)
    if scene is None or not scene.next:
        return [("stop", s, ())]
    out, todo = [], [(s, (), ())]
    while todo:
        s, passed, seen = todo.pop()
        scene = scenes.get(s.scene)
        entered.add(s.scene)
        if scene is None or not scene.next:
            out.append(("stop", s, passed))
            continue
        if s.scene in passed:  # a scene met again: compare whole keys to find a loop
            k = key(s)
            if k in seen:
                out.append(("loop", s, passed))
                continue
            seen = seen + (k,)
        passed = passed + (s.scene,)
        holding = [r for r in scene.next if (r.condition is None or r.condition.test(s))
                   and not (r.chance is not None and r.chance <= 0)]
        sure = next((j for j, r in enumerate(holding) if r.chance is None or r.chance >= 100),
                    None)
        if sure is None:  # no route holds, or every holding route is a chance that can fail
            out.append(("stuck", s, passed))
        branches = holding if sure is None else holding[:sure + 1]
        for j, r in enumerate(branches):
            nxt = s if j == len(branches) - 1 and sure is not None else s.copy()
            follow(scenario, nxt, r)
            todo.append((nxt, passed, seen))
    return out


class _Graph:
    """The explored states: parents (for shortest paths), edges (with their labels, when
    claims are checked), endings and problems."""

    def __init__(self):
        self.index: dict = {}
        self.parent: list = []
        self.scene: list[str] = []
        self.edges: list[list[int]] = []
        self.labels: list[list] = []  # per edge, parallel to ``edges`` (see ``proof``)
        self.starts: list = []  # (node, label): every way the start settles
        self.steps: list = []  # step number -> (scene, choice, number): ``proof.Labels``
        self.endings: set[int] = set()
        self.problems: list = []
        self.order = None  # every node after its successors, where the builder knows one

    def link(self, origin, i: int, label) -> None:
        """An edge from ``origin`` (None: the start) to node ``i``."""
        if origin is None:
            self.starts.append((i, label))
        else:
            self.edges[origin[0]].append(i)
            self.labels[origin[0]].append(label)

    def path_to(self, i) -> list[PathChoice]:
        steps = []
        while self.parent[i] is not None:
            i, step = self.parent[i]
            steps.append(PathChoice(*self.steps[step]))
        return steps[::-1]

    def path_via(self, origin) -> list[PathChoice]:
        """``origin`` is (state index, step number): the step that led here."""
        return [] if origin is None else \
            self.path_to(origin[0]) + [PathChoice(*self.steps[origin[1]])]


def explore(scenario: Scenario, bound: int = DEFAULT_BOUND, claims: bool = True,
            query=None, by_classes: bool = True) -> Exploration:
    """Explore every reachable state (up to ``bound`` states). With ``claims``, every
    ending's ``requires`` is checked; with a compiled ``query`` condition, the search stops
    at the first ending arrival where it holds (``Exploration.witness``) and checks no claims.

    A scenario without loops is explored by classes of states (``classes``) where it can be;
    ``by_classes=False`` searches state by state everywhere (the same results but for
    ``states``: for comparison, in tests and benchmarks; the bound counts classes or states,
    so a bound between the two is hit only state by state)."""
    with paused_gc():  # many small objects, no cycles among them: the collector only costs
        return _explore(scenario, bound, claims and query is None, query, by_classes)


def _explore(scenario: Scenario, bound: int, claims: bool, query,
             by_classes: bool = True) -> Exploration:
    exploration = Exploration(scenario.id, bound=bound)
    if len(scenario.scenes) > SCENE_BUDGET:
        exploration.bound_hit = True
        exploration.budget = (f"{len(scenario.scenes):,} scenes is beyond what the explorer will "
                         f"try (at most {SCENE_BUDGET:,}); split the scenario")
        return exploration
    search = _Search(scenario, exploration, bound, claims, query)
    if by_classes and classes.applies(search.acyclic, query):
        try:
            classwalk.build_graph(search, bound)
            exploration.by_classes = True
        except classwalk.TooMany:  # the search state by state names what filled the budget
            exploration = Exploration(scenario.id, bound=bound)
            search = _Search(scenario, exploration, bound, claims, query)
            search.run()
    else:
        search.run()
    if exploration.bound_hit:
        exploration.budget = _budget_message(scenario, search.key, search.g, bound)
    shape = Shape(search.g.edges, search.g.order) if query is None else None
    if search.facts is not None:
        exploration.violations.update(counterexamples(search.g, shape, search.labels.items,
                                                 search.facts, search.claims, search.names))
    if query is None:
        _summarise(exploration, scenario, search.g, shape)
    exploration.states = len(search.g.parent)
    return exploration


class _Search:
    """One breadth-first search: states are added on arrival, expanded from the queue."""

    def __init__(self, scenario: Scenario, exploration: Exploration, bound: int, claims: bool,
                 query):
        self.scenario, self.exploration, self.bound = scenario, exploration, bound
        claimed = {e: x.requires for e, x in scenario.endings.items()
                   if claims and x.requires is not None}
        self.acyclic = is_acyclic(scenario)
        exact = exact_claims(claimed, not self.acyclic) if claimed else set()
        self.claims = {e: c for e, c in claimed.items() if e not in exact}
        self.checks = _checks(scenario, exact, query)  # tested on arrival, on the state
        self._key = None
        self.g = _Graph()
        self.queue: deque = deque()
        # targets where the play comes to rest at once (no routes): no settling needed
        self.rests = {sid for sid, sc in scenario.scenes.items() if not sc.next} \
            | set(scenario.endings)
        self.facts = PathFacts(scenario, self.claims) if self.claims else None
        self.labels = Labels()
        self.g.steps = self.labels.items
        self.watched = self.facts.watched if self.claims else frozenset()
        self.names = {e: tuple(m for m in scenario.meters if m in c.uses.names)
                      for e, c in self.claims.items()}

    @property
    def key(self) -> Keyer:
        """The merge key (built on first use; exploring by classes reads its layout)."""
        if self._key is None:
            self._key = Keyer(self.scenario,
                              {e: [c for _, c in cs] for e, cs in self.checks.items()},
                              {e: [c] for e, c in self.claims.items()})
        return self._key

    def run(self) -> None:
        entered = self.exploration.scenes_reached
        going = all(self.arrive(s, None, kind, passed)
                    for kind, s, passed in settle_all(self.scenario, start_state(self.scenario),
                                                      self.key, entered))
        while self.queue and going:
            going = self.expand(*self.queue.popleft())

    def expand(self, i: int, s: PlayState) -> bool:
        """Take every available choice from state ``i``; False when the search can stop."""
        scenario, entered, taken = self.scenario, self.exploration.scenes_reached, \
            self.exploration.choices_taken
        scene = scenario.scenes[s.scene]
        available = rules.available_choices(scene, s)
        row = self.labels.row(scene)
        if not available:
            self.g.problems.append(("soft-lock", i))
        last = len(available)
        for n, choice in enumerate(available, 1):
            taken.add((scene.id, choice.id))
            nxt = s if n == last else s.copy()  # nothing needs ``s`` after its last choice
            take(scenario, nxt, choice)
            origin = (i, row[choice.id][n - 1])
            if nxt.scene in self.rests:
                entered.add(nxt.scene)
                if not self.arrive(nxt, origin):
                    return False
                continue
            for kind, settled, passed in settle_all(scenario, nxt, self.key, entered):
                if not self.arrive(settled, origin, kind, passed):
                    return False
        return True

    def arrive(self, s: PlayState, origin, kind="stop", passed=()) -> bool:
        """Add a settled state, reached from ``origin`` after leaving the scenes ``passed``;
        False when the search can stop (the query held)."""
        g = self.g
        if kind == "stop" and s.scene in self.checks and \
                not _check(self.exploration, self.checks[s.scene], s, g, origin):
            return False
        lab = 0 if origin is None else origin[1]  # the step's number: a plain step's label
        if self.facts is not None and (self.watched or s.scene in self.names):
            lab = self.label(s, lab, passed)
        k = self.key(s)
        j = g.index.get(k) if kind == "stop" else None
        if j is not None:  # most arrivals: a state it merges with is known
            if origin is None:
                g.starts.append((j, lab))
            else:
                g.edges[origin[0]].append(j)
                g.labels[origin[0]].append(lab)
            return True
        if len(g.parent) >= self.bound:
            self.exploration.bound_hit = True
            return True
        i = len(g.parent)
        g.parent.append(origin)
        g.scene.append(s.scene)
        g.edges.append([])
        g.labels.append([])
        g.link(origin, i, lab)
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

    def label(self, s: PlayState, step: int, passed) -> int:
        """The label of the step numbered ``step`` that brought ``s`` (see ``proof``)."""
        names = self.names.get(s.scene)
        return self.edge_label(step, passed, s.scene,
                               tuple([s.vars[n] for n in names]) if names else ())

    def edge_label(self, step: int, passed, scene: str, values) -> int:
        """The label of step ``step`` arriving in ``scene`` after leaving the scenes
        ``passed``, with ``values`` of the meters the claim at ``scene`` reads."""
        if self.facts is None or not (self.watched or scene in self.names):
            return step
        watched = self.watched
        entered = tuple(x for x in passed + (scene,) if x in watched) if watched else ()
        if not (entered or self.names.get(scene)):
            return step
        return self.labels((step, entered, values))


def _checks(scenario: Scenario, exact: set, query) -> dict:
    """ending -> [(kind, condition)] to test on arrival there: a query, and the claims that
    must keep what they read in the key (``facts.exact_claims``)."""
    out: dict = {}
    for eid, ending in scenario.endings.items():
        if eid in exact:
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


def _summarise(exploration: Exploration, scenario: Scenario, g: _Graph, shape: Shape) -> None:
    # every way the start comes to rest begins playthroughs (a chance route there branches,
    # as one after a choice does), even where two ways arrive in one state
    path_figures(exploration, [i for i, _ in g.starts], g.edges, g.endings, shape)
    stuck = {i for _, i in g.problems}
    first: dict = {}  # (kind, scene) -> the first node found there: along a shortest path
    for kind, i in g.problems:
        key = ("soft-lock" if kind in ("soft-lock", "stuck") else "endless loop", g.scene[i])
        first[key] = min(i, first.get(key, i))
    if not exploration.bound_hit:  # unexpanded states would look trapped
        trap = "endless loop" if shape.cyclic else "dead end"  # no loop: each way soft-locks
        for i in cannot_end(shape.reverse, g.parent, g.scene, g.endings, stuck):
            key = (trap, g.scene[i])
            first[key] = min(i, first.get(key, i))
    for (kind, scene), i in sorted(first.items(), key=lambda item: item[1]):
        exploration.problems.append(Problem(kind, scene, g.path_to(i)))  # once per scene
    for i in g.endings:  # an ending is one state, first reached along a shortest path
        exploration.shortest[g.scene[i]] = g.path_to(i)
    exploration.scenes_reached &= set(scenario.scenes)
    exploration.scenes_missed = [s for s in scenario.scenes if s not in exploration.scenes_reached]
    exploration.choices_missed = [f"{s.id}/{c.id}" for s in scenario.scenes.values() for c in s.choices
                             if (s.id, c.id) not in exploration.choices_taken]
    exploration.endings_missed = [e for e in scenario.endings if e not in exploration.endings_reached]
