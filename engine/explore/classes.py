"""Exploring a scenario without loops by classes of states: one node per way a play can
still go, not per combination of values.

The merge key (``key``) keeps, per scene, every variable that some condition ahead may read,
each on its own, so two states that differ in a meter stay apart even where nothing ahead
reads it on their branch (a flag already sent the play to an ending; the choice that would
read it is not offered to them). Here, for every scene from the endings back to the start,
a decision diagram (``diagram``) gives the *class* of every state in that scene: what the
play can still do from there, as the choices on offer, each with its label and the class
it leads into. Two states with the same class play exactly alike, and states of different
classes do not (the classes are the coarsest partition that respects every label and the
route scenes passed, from which the scenes reached are counted: a bisimulation quotient).
The parent's diagram is built from the children's, read through the effects of the step
between (a view in ``Diagrams.combine``), and from the conditions of its
choices and routes, which are diagrams too (``conditions``).

Only states a play can be in need a class: first, forward from the start state, the set of
states that can enter each scene is computed as a diagram too (``setops.transfer``), seen
through the merge key's layout (``key.Keyer``: the variables still read there, a meter by
its class between cut points) but for the meter with the most cut points, which the sets
leave free (``_keep``); elsewhere a diagram says ``DONT_CARE``. A set may so hold states no
play is in (their classes are computed and never reached), never fewer than can be there.
Without the sets, the classes of states no play reaches would be counted too, many times
more than the real ones.

The graph is then walked from the start class breadth first (``classwalk``).

It applies when the scenes form no loop (each scene is entered at most once per play, so
``visits(x)`` is 0 or 1 and ``missteps()`` a counter that each misstep raises once), no
query is asked, and every condition reads its variables in comparisons with numbers
(``conditions.Unsupported`` otherwise); the search state by state does the rest.
"""
from __future__ import annotations

from .conditions import Variables
from .cuts import MISSTEPS
from .changes import in_turn
from .diagram import Diagrams, TooBig
from .exploration import post_order
from .state import start_state

STOP, ENDING, STUCK = 0, 1, 2  # what a way arrives at: a class, an ending, a stuck scene
NODES_PER_STATE = 2  # the diagrams may take this many nodes per state of the explorer's bound;
# beyond, the search state by state takes over (and names what filled the budget)


def applies(acyclic: bool, query) -> bool:
    return acyclic and query is None


class Classes:
    """The class diagram of every scene reachable from the start.

    ``arrivals[x]``: for a play that has just entered node ``x`` (its ``on_enter`` applied),
    a diagram of the ways it comes to rest: a tuple of (passed, kind, target, scene,
    values), ``passed`` being the route scenes left on the way, ``values`` the meters an
    ending's claim reads (the least value of the class that decides the claim); ``reach[x]``
    a set holding every state that can enter scene ``x`` (and maybe more, see ``_keep``).
    ``contents[c]`` is class ``c``: (scene, v), ``v`` the leaf numbers its scene's combine
    met (read by ``offered``); ``slots[x]`` where each way on from scene ``x`` stands among
    the parts of that combine (``_parts``); ``plans[x]`` how to read a class of ``x``
    (``_plan``)."""

    def __init__(self, search, bound: int):
        self.search, self.scenario = search, search.scenario
        self.finest = self._finest()
        self.vars = Variables(self.scenario, last=self.finest)
        self.d = Diagrams(self.vars.rank, self.vars.ranges, NODES_PER_STATE * bound)
        self.contents: list = []
        self.arrivals: dict = {}
        self.slots: dict = {}
        self.plans: dict = {}
        self._build()

    def _order(self) -> list:
        """Every node reachable from the start, each after all the nodes it leads to."""
        scenes = self.scenario.scenes
        ids = [self.scenario.start]
        index = {ids[0]: 0}
        succ: list = []
        k = 0
        while k < len(ids):
            scene = scenes.get(ids[k])
            outs = []
            for t in (scene.targets() if scene is not None else ()):
                if t not in index:
                    index[t] = len(ids)
                    ids.append(t)
                outs.append(index[t])
            succ.append(outs)
            k += 1
        return [ids[i] for i in post_order(succ)[0]]

    def _build(self) -> None:
        order = self._order()
        self.reach = self._reachable(order[::-1])
        scenes, endings = self.scenario.scenes, self.scenario.endings
        for x in order:
            if x in endings:
                self.arrivals[x] = self._ending(x)
            elif x not in self.reach:
                continue  # no play comes here
            elif scenes[x].next:
                self.arrivals[x] = self._router(scenes[x])
            else:
                self.arrivals[x] = self._decision(scenes[x])

    def _ways(self, scene) -> list:
        """(condition diagram, taken diagram, target, changes in the order applied) for
        every way on from ``scene``: its routes (one is taken when it holds and no sure
        route before it holds) or its choices."""
        d, v = self.d, self.vars
        out = []
        if scene.next:
            blocked = d.false
            for r in scene.next:
                cond = v.condition(d, r.condition)
                taken = d.false if r.chance is not None and r.chance <= 0 else \
                    d.both(cond, d.combine(lambda x: not x[0], (blocked,)))
                out.append((cond, taken, r.goto, in_turn(self._entering(r.goto), v.ranges)))
                if r.chance is None or r.chance >= 100:
                    blocked = d.any_of((blocked, cond))
            return out
        for c in scene.choices:
            cond = v.condition(d, c.condition)
            out.append((cond, cond, c.goto, in_turn([v.choice(scene.id, c), v.effects(c.effects)]
                                                    + self._entering(c.goto), v.ranges)))
        return out

    def _entering(self, target: str) -> list:
        """The changes of entering ``target``, in the order applied."""
        scene = self.scenario.scenes.get(target)
        return [self.vars.visit(target)] + \
            ([self.vars.effects(scene.on_enter)] if scene is not None else [])

    def _reachable(self, order) -> dict:
        """scene -> a set holding every state a play can be in on entering it (and maybe
        more, see ``_keep``), forward from the start state through every way on."""
        d = self.d
        start = start_state(self.scenario)
        keep = self._keep()
        reach = {start.scene: d.project(d.point(self.vars.reader(start), list(self.vars.rank)),
                                        keep.get(start.scene, {}))}
        self.ways = {}
        for x in order:
            scene = self.scenario.scenes.get(x)
            if scene is None or x not in reach:
                continue
            ways = self.ways[x] = self._ways(scene)
            alike: dict = {}  # ways into one scene with one change: their states move together
            for _, taken, target, change in ways:
                if target in keep:  # not an ending: nothing is asked of the states there
                    k = (target, frozenset(change.ops.items()))
                    was = alike.get(k)
                    alike[k] = (change, taken if was is None else d.either(was[1], taken))
            for (target, _), (change, taken) in alike.items():
                s = d.transfer(reach[x], change, keep[target], taken)
                if s != d.false:
                    reach[target] = d.either(reach.get(target, d.false), s)
        return reach

    def _finest(self):
        """The meter with the most cut points in the merge key's layout, summed over the
        scenes (its whole range where it is kept by value), or None. The reachable sets
        leave it free (``_keep``), and the diagrams test it last: there, below everything
        that the reachable sets test, the most of their classes are made in one sweep
        (``Diagrams.combine``; a quarter fewer instructions in ``desinformatie``, measured
        in ``docs/performance.md``)."""
        weight: dict = {}
        for _, specs, _, _, _ in self.search.key.layout.values():
            for m, cs in specs:
                meter = self.scenario.meters[m]
                weight[m] = weight.get(m, 0) + (meter.max - meter.min if cs is None
                                                else len(cs))
        return max(weight, key=weight.get) if weight else None

    def _keep(self) -> dict:
        """scene -> what of a state the reachable sets keep there, as ``Diagrams.project``
        takes it: the merge key's layout (``key.Keyer``: every variable a condition ahead can
        read, a meter by its classes between cut points), but for the meter with the most
        cut points in all, which is left free. A set may hold more states than can be there
        (the classes of those are computed and never reached), never fewer; that meter's
        classes are the costliest to keep apart and the most of them can be reached anyway
        (measured in ``docs/performance.md``: 1.3–3× faster in four of the five scenarios,
        the same in the fifth)."""
        layout = self.search.key.layout
        finest = self.finest
        out = {}
        for sid, (flags, specs, visited, chosen, mis) in layout.items():
            keep = {f: None for f in flags}
            keep.update((m, cs) for m, cs in specs if m != finest)
            keep.update((("visit", x), None) for x in visited)
            keep.update((("chosen",) + p, None) for p in chosen)
            if mis is not None:
                keep[MISSTEPS] = mis[0]
            out[sid] = {v: cs for v, cs in keep.items() if v in self.vars.rank}
        return out

    def _ending(self, eid: str) -> int:
        search = self.search
        names = search.names.get(eid) if search.facts is not None else None
        if not names:
            return self.d.leaf((((), ENDING, eid, eid, ()),))
        parts = tuple(self.vars.claim_classes(self.d, search.claims[eid], m) for m in names)
        return self.d.combine(lambda v: (((), ENDING, eid, eid, v),), parts)

    def _parts(self, scene) -> tuple:
        """The parts of a scene's combine, and per way on (in order) the index of its
        condition among them (None: it always holds) and of its target's arrivals read
        through the step, or None for both where it never holds. Last the states that can
        be here."""
        parts, slots = [], []
        d = self.d
        for cond, _, target, changes in self.ways[scene.id]:
            if cond == d.false:
                slots.append((None, None))
                continue
            if cond != d.true:
                parts.append(cond)
            there = self.arrivals.get(target)  # None: no play takes this way
            parts.append(d.dc if there is None else d.view(there, changes))
            slots.append((None if cond == d.true else len(parts) - 2, len(parts) - 1))
        self.slots[scene.id] = slots
        return tuple(parts) + (self.reach[scene.id],), slots

    def _router(self, scene) -> int:
        routes = scene.next
        sid = scene.id
        prefix = (sid,)
        d = self.d
        nodes, true, dc, leaf = d.nodes, d.true, d.dc, d.leaf
        parts, slots = self._parts(scene)
        sure = [r.chance is None or r.chance >= 100 for r in routes]
        ways = [(j, c, x) for j, (c, x) in enumerate(slots)
                if x is not None and not (routes[j].chance is not None and routes[j].chance <= 0)]

        passing: dict = {}  # the arrivals of a target -> those of passing this scene first

        def settle(v):  # (``combine`` asks only where the care set holds: v[-1] is true)
            out = []
            holding = [(j, x) for j, c, x in ways if c is None or v[c] == true]
            for k, (j, x) in enumerate(holding):
                if sure[j]:
                    if k == 0:  # one route taken (most routers): its arrivals, passing here
                        there = v[x]
                        got = passing.get(there)
                        if got is None:
                            got = passing[there] = dc if there == dc else leaf(tuple(
                                [(prefix + passed, kind, target, at, values)
                                 for passed, kind, target, at, values in nodes[there][1]]))
                        return got
                    holding = holding[:k + 1]
                    break
            else:
                out.append((prefix, STUCK, sid, sid, ()))
            for j, x in reversed(holding):
                if v[x] == dc:  # no play comes here in this state: neither does one come
                    return dc  # to it (``combine``'s care set is wider)
                for passed, kind, target, at, values in nodes[v[x]][1]:
                    out.append((prefix + passed, kind, target, at, values))
            return leaf(tuple(out))
        first_sure = next((k for k, (j, c, x) in enumerate(ways) if c is None and sure[j]),
                          None)
        conds = [(c, x) for j, c, x in ways if c is not None and sure[j]]

        def simplify(parts):  # (``combine`` has made DONT_CARE where no play can be)
            for c, x in conds:
                if parts[c] == true:  # no later route can matter
                    return parts[:x + 1] + (d.dc,) * (len(parts) - x - 2) + parts[-1:]
            return parts
        taken = {j for j, _, _ in ways}
        never = {i for j, (c, x) in enumerate(slots) if x is not None and j not in taken
                 for i in (c, x) if i is not None}
        if never:  # chance 0: never taken, whatever it reads
            parts = tuple(d.dc if i in never else p for i, p in enumerate(parts))
        if first_sure is not None:  # a route that always holds: none after it matters
            last = ways[first_sure][2]
            parts = parts[:last + 1] + (d.dc,) * (len(parts) - last - 2) + parts[-1:]
        return d.combine(settle, parts, simplify if conds else None, care=True, ids=True)

    def _decision(self, scene) -> int:
        sid = scene.id
        d = self.d
        true, false, dc = d.true, d.false, d.dc
        parts, slots = self._parts(scene)
        ways = [(c, x) for c, x in slots if x is not None]
        conds = [(c, x) for c, x in ways if c is not None]
        contents, nodes, budget = self.contents, d.nodes, d.budget

        def moves(v):  # a new class: ``combine`` asks once for each ``v``
            # where the step of a choice on offer goes no play comes to, no play comes
            # here either (as in ``_router``); a choice not on offer leads to DONT_CARE
            if dc in v and any(v[x] == dc and (c is None or v[c] == true) for c, x in ways):
                return dc
            contents.append((sid, v))
            n = len(nodes)  # a leaf no other holds: made without ``Diagrams.leaf``
            nodes.append((None, (((), STOP, len(contents) - 1, sid, ()),), n))
            if n >= budget:
                raise TooBig
            return n

        def simplify(parts):  # (``combine`` has made DONT_CARE where no play can be)
            for c, x in conds:
                if parts[c] == false and parts[x] != dc:  # not on offer: where it leads
                    parts = parts[:x] + (dc,) + parts[x + 1:]  # cannot matter
            return parts
        return d.combine(moves, parts, simplify if conds else None, care=True, ids=True)

    def scene_of(self, c: int) -> str:
        return self.contents[c][0]

    def offered(self, c: int) -> list:
        """The steps of class ``c``: (step number, arrivals) for every choice on offer, in
        order, ``arrivals`` being every way its step comes to rest: (passed, kind, target,
        scene, values) as in ``arrivals``."""
        sid, v = self.contents[c]
        plan = self.plans.get(sid) or self._plan(sid)
        nodes = self.d.nodes
        if plan[0] is not None:  # no choice with a condition: all are on offer
            return [(number, nodes[v[x]][1]) for number, x in plan[0]]
        true, out = self.d.true, []
        for ci, x, numbers in plan[1]:
            if ci is None or v[ci] == true:
                out.append((numbers[len(out)], nodes[v[x]][1]))
        return out

    def _plan(self, sid: str) -> tuple:
        """How to read a class of scene ``sid``: (step number, index of its arrivals) per
        choice when none has a condition, else None; and per choice that can be on offer
        (the index of its condition or None, of its arrivals, its step numbers by
        place)."""
        scene = self.scenario.scenes[sid]
        row = self.search.labels.row(scene)
        plan = [(ci, x, row[choice.id]) for choice, (ci, x) in zip(scene.choices, self.slots[sid])
                if x is not None]
        fixed = [(numbers[k], x) for k, (_, x, numbers) in enumerate(plan)] \
            if all(ci is None for ci, _, _ in plan) else None
        got = self.plans[sid] = (fixed, plan)
        return got

    def start(self) -> list:
        """The moves from the start: where the start state comes to rest."""
        s = start_state(self.scenario)
        arrivals = self.d.value(self.arrivals[s.scene], self.vars.reader(s))
        label = self.search.edge_label
        return [(0, label(0, passed, at, values), kind, target, passed)
                for passed, kind, target, at, values in arrivals]
