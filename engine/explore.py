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

from . import rules, visits
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
    rules.arrive(scenario, s, scenario.start)
    return s


take, follow = rules.take, rules.follow  # one step, the same as the machine's


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


def _control(scene):
    """The conditions that decide where a play can go from ``scene`` (not what it shows)."""
    for c in scene.choices:
        if c.condition is not None:
            yield c.condition
    for r in scene.next:
        if r.condition is not None:
            yield r.condition


def _cuts(condition, meters) -> dict[str, set[int]] | None:
    """Per meter, the values where ``condition`` can change its outcome: for ``m >= 60`` the
    cut is 60 (59 and 60 differ). None for a meter read in any other form (exact then)."""
    from . import expr
    out: dict[str, set[int]] = {}
    exact: set[str] = set()

    def walk(n):
        if isinstance(n, expr.Binary) and n.op in ("<", "<=", ">", ">=", "==", "!="):
            a, b, op = n.left, n.right, n.op
            if isinstance(b, expr.Name) and isinstance(a, expr.Num):
                a, b = b, a
                op = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}.get(op, op)
            if isinstance(a, expr.Name) and isinstance(b, expr.Num) and a.name in meters:
                c = b.value
                cut = {">=": {c}, "<": {c}, ">": {c + 1}, "<=": {c + 1}}.get(op, {c, c + 1})
                out.setdefault(a.name, set()).update(cut)
                return
        if isinstance(n, expr.Name) and n.name in meters:
            exact.add(n.name)
        for child in (getattr(n, "left", None), getattr(n, "right", None), getattr(n, "operand", None)):
            if child is not None:
                walk(child)
    walk(condition.node)
    for m in exact:
        out[m] = None
    return out


class _Keyer:
    """Builds the merge key of a state from just what can still matter from its scene on.

    Two states merge when no play from here on can tell them apart:
    - a flag, visit or choice matters only while a condition that decides the way on (a
      choice's or route's ``if``) can still read it from this scene on ("live");
    - a meter matters only near the values where such a condition can flip: with cut points
      T (``m >= 60`` flips at 60; the clamp bounds count too) and at most U up and L down
      still to come along any path, values v1 < v2 can be told apart only if some t - d with
      d in [-L, U] lies in (v1, v2]. Values between those regions merge. With cycles in the
      scene graph U and L are unbounded there, and meters stay exact.
    Text variants and posts do not decide the way, so they are left out: the explorer
    proves where a play can go, not every sentence it can show.
    """

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.names = tuple(rules.initial_vars(scenario))
        meters = scenario.meters
        reads, cuts = {}, {}
        for sid, scene in scenario.scenes.items():
            names, visited, chosen, mcuts = set(), set(), set(), {}
            for cond in _control(scene):
                names |= cond.uses.names
                visited |= cond.uses.visited
                chosen |= cond.uses.chosen
                for m, cs in _cuts(cond, meters).items():
                    mcuts[m] = None if cs is None or mcuts.get(m, set()) is None \
                        else mcuts.get(m, set()) | cs
            reads[sid] = (names, visited, chosen)
            cuts[sid] = mcuts
        live, live_cuts = _propagate(scenario, reads, cuts)
        # counts matter only for scenes a visits() reads (engine.visits); the rest: seen or not
        self.caps = visits.caps(c for scene in scenario.scenes.values() for c in _control(scene))
        up, down = _reach_deltas(scenario)
        self.layout = {}
        for sid in scenario.scenes:
            names, visited, chosen = live[sid]
            flags = tuple(n for n in self.names if n in names and n not in meters)
            specs = tuple((n, meters[n].min, _rep_table(meters[n], live_cuts[sid].get(n),
                                                        up[sid].get(n), down[sid].get(n)))
                          for n in self.names if n in meters and n in names)
            self.layout[sid] = (flags, specs, tuple(sorted(visited)), tuple(sorted(chosen)))

    def __call__(self, s: PlayState):
        layout = self.layout.get(s.scene)
        if layout is None:  # an ending: nothing can follow
            return (s.scene,)
        flags, specs, visited, chosen = layout
        v = s.vars
        return (s.scene, tuple([v[n] for n in flags]),
                tuple([v[n] if t is None else t[v[n] - lo] for n, lo, t in specs]),
                tuple([x in s.visits for x in visited]) if not self.caps
                else tuple([visits.seen(s.visits, x, self.caps) for x in visited]),
                tuple([p in s.chosen for p in chosen]))


def _successors(scenario: Scenario, sid: str):
    scene = scenario.scenes[sid]
    for c in scene.choices:
        if c.goto in scenario.scenes:
            yield c.goto
    for r in scene.next:
        if r.goto in scenario.scenes:
            yield r.goto


def _propagate(scenario: Scenario, reads, cuts):
    """live(S) = what S reads, and what every scene reachable from S reads (a fixed point)."""
    live = {sid: (set(a), set(b), set(c)) for sid, (a, b, c) in reads.items()}
    live_cuts = {sid: dict(c) for sid, c in cuts.items()}
    preds: dict[str, list[str]] = {sid: [] for sid in scenario.scenes}
    for sid in scenario.scenes:
        for t in _successors(scenario, sid):
            preds[t].append(sid)
    todo = list(scenario.scenes)
    while todo:
        t = todo.pop()
        for sid in preds[t]:
            changed = False
            for mine, theirs in zip(live[sid], live[t]):
                if not theirs <= mine:
                    mine |= theirs
                    changed = True
            for m, cs in live_cuts[t].items():
                have = live_cuts[sid].get(m, set())
                if have is None:
                    continue
                new = None if cs is None else have | cs
                if m not in live_cuts[sid] or new != have:
                    live_cuts[sid][m] = new
                    changed = True
            if changed:
                todo.append(sid)
    return live, live_cuts


def _reach_deltas(scenario: Scenario):
    """Per scene and meter: the most it can still rise (U) and fall (L) on any path from there.
    None where a cycle lies ahead (unbounded)."""
    meters = scenario.meters
    up: dict[str, dict] = {}
    down: dict[str, dict] = {}
    index = {sid: i for i, sid in enumerate(scenario.scenes)}
    ids = list(scenario.scenes)
    succ = [[index[t] for t in _successors(scenario, sid)] for sid in ids]
    order, cyclic = _post_order(succ)
    if cyclic:
        unbounded = {m: None for m in meters}
        return ({sid: unbounded for sid in ids}, {sid: unbounded for sid in ids})
    order = [ids[i] for i in order]

    def gains(effects, sign):
        out = {k: d for k, d in effects.adds if d * sign > 0}
        for k, _ in effects.assigns:  # a meter set to a value may move across its whole range
            out[k] = sign * (meters[k].max - meters[k].min)
        return out

    for sid in order:
        scene = scenario.scenes[sid]
        u = {m: 0 for m in meters}
        d = {m: 0 for m in meters}
        edges = [(c.effects, c.goto) for c in scene.choices] + [(None, r.goto) for r in scene.next]
        for effects, goto in edges:
            target = scenario.scenes.get(goto)
            pu = dict.fromkeys(meters, 0)
            pd = dict.fromkeys(meters, 0)
            for eff in (effects, target.on_enter if target is not None else None):
                if eff:
                    for k, v in gains(eff, 1).items():
                        pu[k] += v
                    for k, v in gains(eff, -1).items():
                        pd[k] -= v
            for m in meters:
                tu = up[goto][m] if goto in up else 0
                td = down[goto][m] if goto in down else 0
                u[m] = max(u[m], pu[m] + tu)
                d[m] = max(d[m], pd[m] + td)
        up[sid], down[sid] = u, d
    return up, down


def _rep_table(meter, cuts, up, down):
    """value - min -> the first value of its class; None when the meter must stay exact."""
    if cuts is None or up is None or down is None:
        return None
    points = set(cuts) | {meter.min, meter.max + 1}  # the clamp bounds flip behaviour too
    regions = sorted((t - up, t + down) for t in points)
    table, rep = [], meter.min
    for v in range(meter.min, meter.max + 1):
        if any(lo <= v <= hi for lo, hi in regions):
            rep = v
        table.append(rep)
    return tuple(table)


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
    if not report.bound_hit:  # unexpanded states would look trapped
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


def _post_order(succ: list[list[int]]) -> tuple[list[int], bool]:
    """Nodes 0..n-1 with every node after its successors (iterative DFS), and whether a
    cycle was met."""
    order, state, cyclic = [], [0] * len(succ), False
    for root in range(len(succ)):
        if state[root]:
            continue
        stack = [(root, iter(succ[root]))]
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
                stack.append((nxt, iter(succ[nxt])))
            elif state[nxt] == 1:
                cyclic = True
    return order, cyclic


def _paths(report: Report, parent, edges, ending_nodes) -> None:
    """Path lengths in decisions over all complete playthroughs (unless cycles make them endless)."""
    n = len(edges)
    if n == 0:
        return
    order, report.has_cycles = _post_order(edges)
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
