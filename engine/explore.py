"""Proof that a scenario works: walk its whole state space, or play it at random.

``explore(scenario)`` visits every reachable state (scene, meters, flags, and the visits and
choices that conditions read), merging equal states, and reports what was reached and what
not, soft-locks, endless loops, path lengths and, for every ending, the shortest sequence of
choices that reaches it. ``random_walks`` plays seeded random sessions by the same rules.
Both call ``engine.rules`` directly: no machine, no history, so they are fast.
"""
from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field

from . import rules
from .model import Scenario

DEFAULT_BOUND = 200_000
WALK_CAP = 500


class PlayState:
    """The bare state of a play, for exploring and random walks."""

    __slots__ = ("scene", "vars", "visits", "chosen", "seed", "step")

    def __init__(self, scene, vars, visits, chosen, seed=0, step=0):
        self.scene, self.vars, self.visits, self.chosen = scene, vars, visits, chosen
        self.seed, self.step = seed, step

    def copy(self) -> "PlayState":
        return PlayState(self.scene, dict(self.vars), dict(self.visits), set(self.chosen),
                         self.seed, self.step)


def start_state(scenario: Scenario, seed: int = 0) -> PlayState:
    s = PlayState(scenario.start, rules.initial_vars(scenario), {}, set(), seed)
    rules.enter(s, scenario.start, scenario)
    return s


def take(scenario: Scenario, s: PlayState, choice) -> None:
    """Take ``choice`` in place: mark it, apply its effects, enter its target."""
    s.chosen.add((s.scene, choice.id))
    rules.apply_effects(s.vars, choice.effects, scenario)
    s.step += 1
    s.scene = choice.goto
    rules.enter(s, choice.goto, scenario)


def follow(scenario: Scenario, s: PlayState, route) -> None:
    s.step += 1
    s.scene = route.goto
    rules.enter(s, route.goto, scenario)


@dataclass
class Step:
    scene: str
    choice: str
    number: int  # 1-based position among the choices available then


@dataclass
class Problem:
    kind: str        # "soft-lock" | "endless loop"
    scene: str
    path: list[Step]


@dataclass
class Report:
    scenario: str
    states: int = 0
    bound: int = DEFAULT_BOUND
    bound_hit: bool = False
    scenes_reached: set = field(default_factory=set)
    choices_taken: set = field(default_factory=set)
    endings_reached: set = field(default_factory=set)
    scenes_missed: list = field(default_factory=list)
    choices_missed: list = field(default_factory=list)
    endings_missed: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    shortest: dict[str, list[Step]] = field(default_factory=dict)  # ending -> path
    min_decisions: int | None = None
    max_decisions: int | None = None   # None when cycles make it unbounded
    median_decisions: float | None = None
    playthroughs: int | None = None    # distinct complete paths (None when unbounded)
    has_cycles: bool = False

    @property
    def ok(self) -> bool:
        return not (self.problems or self.scenes_missed or self.choices_missed
                    or self.endings_missed or self.bound_hit)

    def to_dict(self) -> dict:
        def path(p):
            return [{"scene": s.scene, "choice": s.choice, "number": s.number} for s in p]
        return {
            "scenario": self.scenario, "ok": self.ok, "states": self.states, "bound": self.bound,
            "bound_hit": self.bound_hit,
            "reached": {"scenes": len(self.scenes_reached), "choices": len(self.choices_taken),
                        "endings": len(self.endings_reached)},
            "missed": {"scenes": self.scenes_missed, "choices": self.choices_missed,
                       "endings": self.endings_missed},
            "problems": [{"kind": p.kind, "scene": p.scene, "path": path(p.path)}
                         for p in self.problems],
            "decisions": {"min": self.min_decisions, "max": self.max_decisions,
                          "median": self.median_decisions, "playthroughs": self.playthroughs,
                          "cycles": self.has_cycles},
            "endings": {e: path(p) for e, p in self.shortest.items()},
        }


class _Keyer:
    """Builds the merge key of a state from just what the conditions can read."""

    def __init__(self, scenario: Scenario):
        self.names = tuple(rules.initial_vars(scenario))
        visited, chosen = set(), set()
        for cond in _conditions(scenario):
            visited |= cond.uses.visited
            chosen |= cond.uses.chosen
        self.visited, self.chosen = tuple(sorted(visited)), frozenset(chosen)

    def __call__(self, s: PlayState):
        v = s.vars
        return (s.scene, tuple(v[n] for n in self.names),
                tuple(x in s.visits for x in self.visited),
                frozenset(s.chosen & self.chosen) if self.chosen else None)


def _conditions(scenario: Scenario):
    for scene in scenario.scenes.values():
        for v in scene.text:
            if v.condition:
                yield v.condition
        for p in scene.posts:
            if p.condition:
                yield p.condition
        for c in scene.choices:
            if c.condition:
                yield c.condition
        for r in scene.next:
            if r.condition:
                yield r.condition
    for e in scenario.endings.values():
        for v in e.text:
            if v.condition:
                yield v.condition


def _settle(scenario: Scenario, s: PlayState, key, entered: set):
    """Follow routes from ``s`` until a choice scene or an ending.

    Yields ("stop", state) for every place the play can come to rest, ("stuck", state) for a
    scene where no route holds, ("loop", state) for routes that go round without a decision.
    Chance routes branch both ways.
    """
    todo = [(s, frozenset())]
    while todo:
        s, seen = todo.pop()
        entered.add(s.scene)
        scene = scenario.scenes.get(s.scene)
        if scene is None or not scene.next:
            yield "stop", s
            continue
        k = key(s)
        if k in seen:
            yield "loop", s
            continue
        seen = seen | {k}
        went = False
        for r in scene.next:
            if r.condition is not None and not r.condition.test(s):
                continue
            if r.chance is not None and r.chance <= 0:
                continue
            nxt = s.copy()
            follow(scenario, nxt, r)
            todo.append((nxt, seen))
            if r.chance is None or r.chance >= 100:
                went = True
                break
        if not went:  # no route holds, or every holding route is a chance that can fail
            yield "stuck", s


def explore(scenario: Scenario, bound: int = DEFAULT_BOUND) -> Report:
    report = Report(scenario.id, bound=bound)
    key = _Keyer(scenario)
    states: dict = {}          # key -> index
    parent: list = []          # index -> (parent index, Step) or None
    node_scene: list = []
    edges: list[list[int]] = []
    ending_nodes, problem_nodes = set(), []
    queue = deque()

    def add(s: PlayState, origin, kind="stop"):
        k = key(s)
        if kind == "stop" and k in states:
            if origin is not None:
                edges[origin[0]].append(states[k])
            return
        if len(parent) >= bound:
            report.bound_hit = True
            return
        i = len(parent)
        parent.append(origin)
        node_scene.append(s.scene)
        edges.append([])
        if origin is not None:
            edges[origin[0]].append(i)
        if kind != "stop":
            problem_nodes.append((kind, i))
            return
        states[k] = i
        if s.scene in scenario.endings:
            ending_nodes.add(i)
            report.endings_reached.add(s.scene)
        else:
            queue.append((i, s))

    for kind, s in _settle(scenario, start_state(scenario), key, report.scenes_reached):
        add(s, None, kind)
    while queue:
        i, s = queue.popleft()
        scene = scenario.scenes[s.scene]
        available = rules.available_choices(scene, s)
        if not available:
            problem_nodes.append(("soft-lock", i))
            continue
        for n, choice in enumerate(available, 1):
            report.choices_taken.add((scene.id, choice.id))
            nxt = s.copy()
            take(scenario, nxt, choice)
            for kind, settled in _settle(scenario, nxt, key, report.scenes_reached):
                add(settled, (i, Step(scene.id, choice.id, n)), kind)
    report.states = len(parent)
    _paths(report, parent, edges, ending_nodes)

    def path_to(i) -> list[Step]:
        steps = []
        while parent[i] is not None:
            i, step = parent[i]
            steps.append(step)
        return steps[::-1]

    stuck = set()
    for kind, i in problem_nodes:
        name = "soft-lock" if kind in ("soft-lock", "stuck") else "endless loop"
        stuck.add(i)
        report.problems.append(Problem(name, node_scene[i], path_to(i)))
    for i in _cannot_end(edges, ending_nodes, stuck):
        report.problems.append(Problem("endless loop", node_scene[i], path_to(i)))
    # the first time BFS reaches an ending is along a shortest path
    for i in sorted(ending_nodes, key=lambda i: len(path_to(i))):
        report.shortest.setdefault(node_scene[i], path_to(i))
    report.scenes_reached &= set(scenario.scenes)
    report.scenes_missed = [s for s in scenario.scenes if s not in report.scenes_reached]
    report.choices_missed = [f"{s.id}/{c.id}" for s in scenario.scenes.values() for c in s.choices
                             if (s.id, c.id) not in report.choices_taken]
    report.endings_missed = [e for e in scenario.endings if e not in report.endings_reached]
    return report


def _cannot_end(edges, ending_nodes, stuck) -> list[int]:
    """States (not already reported) from which no ending can be reached: trapped in a loop."""
    reverse: list[list[int]] = [[] for _ in edges]
    for i, outs in enumerate(edges):
        for j in outs:
            reverse[j].append(i)
    good, todo = set(ending_nodes), list(ending_nodes)
    while todo:
        j = todo.pop()
        for i in reverse[j]:
            if i not in good:
                good.add(i)
                todo.append(i)
    trapped = [i for i in range(len(edges)) if i not in good and i not in stuck]
    # report one state per trapped region: those whose parents can still end
    return [i for i in trapped if not reverse[i] or any(p in good for p in reverse[i])][:5]


def _paths(report: Report, parent, edges, ending_nodes) -> None:
    """Path lengths in decisions over all complete playthroughs (unless cycles make them endless)."""
    n = len(edges)
    if n == 0:
        return
    order, state = [], [0] * n  # iterative DFS for a topological order and cycle detection
    for root in range(n):
        if state[root]:
            continue
        stack = [(root, iter(edges[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                order.append(node)
                stack.pop()
            elif state[nxt] == 0:
                state[nxt] = 1
                stack.append((nxt, iter(edges[nxt])))
            elif state[nxt] == 1:
                report.has_cycles = True
    lengths = [set() for _ in range(n)]  # per node: counts of paths by length to an ending
    counts: list[dict] = [dict() for _ in range(n)]
    for node in order:  # children before parents
        if node in ending_nodes:
            counts[node] = {0: 1}
            continue
        c: dict = {}
        for child in edges[node]:
            for length, k in counts[child].items():
                c[length + 1] = c.get(length + 1, 0) + k
        counts[node] = c
    roots = [i for i in range(n) if parent[i] is None]
    total: dict = {}
    for r in roots:
        for length, k in counts[r].items():
            total[length] = total.get(length, 0) + k
    if not total:
        return
    report.min_decisions = min(total)
    if not report.has_cycles:
        report.max_decisions = max(total)
        report.playthroughs = sum(total.values())
        half, acc = report.playthroughs / 2, 0
        for length in sorted(total):
            acc += total[length]
            if acc >= half:
                report.median_decisions = length
                break


@dataclass
class WalkReport:
    runs: int
    seed: int
    steps: int = 0
    scenes_reached: set = field(default_factory=set)
    choices_taken: set = field(default_factory=set)
    endings: dict = field(default_factory=dict)   # ending -> count
    stuck: int = 0
    capped: int = 0
    lengths: list = field(default_factory=list)


def random_walks(scenario: Scenario, runs: int, seed: int = 0, cap: int = WALK_CAP,
                 rng=None, on_choice=None) -> WalkReport:
    """Play ``runs`` sessions choosing uniformly at random among the available choices."""
    rnd = (rng or random.Random(seed)).random
    rep = WalkReport(runs, seed)
    scenes, endings, meters = scenario.scenes, scenario.endings, scenario.meters
    for run in range(runs):
        s = start_state(scenario, seed + run)
        decisions = 0
        while True:
            rep.scenes_reached.add(s.scene)
            if s.scene in endings:
                rep.endings[s.scene] = rep.endings.get(s.scene, 0) + 1
                break
            scene = scenes[s.scene]
            if scene.next:
                route = rules.first_route(scene, s)
                if route is None:
                    rep.stuck += 1
                    break
                follow(scenario, s, route)
                continue
            available = [c for c in scene.choices if c.condition is None or c.condition.test(s)]
            if not available or decisions >= cap:
                rep.stuck += not available
                rep.capped += bool(available)
                break
            choice = available[int(rnd() * len(available))]
            if on_choice is not None:
                on_choice(choice)
            rep.choices_taken.add((scene.id, choice.id))
            take(scenario, s, choice)
            decisions += 1
        rep.steps += decisions
        rep.lengths.append(decisions)
    return rep
