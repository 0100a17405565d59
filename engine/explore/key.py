"""The merge key of a play state: just what can still matter from where the play stands.

Two states merge when no play from there on can tell them apart. A backward data-flow
analysis over the scene graph (a fixed point, so cycles are fine) finds per scene:

- the flags, visits and choices that a condition deciding the way on (a choice's or
  route's ``if``, or a query at an ending) can still read before an effect on the way
  overwrites them ("live"), and the meters that a claim (an ending's ``requires``) reads;
- per meter, the cut points where such a condition can still flip, pulled back through the
  clamped adds on the way (``m >= 60`` two scenes on, after ``m: +10``, is a cut at 50 here).
  The key holds the meter's class (how many cuts lie at or below the value), not the value.
  A meter with more than ``CUT_CAP`` cuts in one scene, or read in a form other than a
  comparison with a number, is kept exact.

Text variants and posts do not decide the way, so they are left out: the explorer proves
where a play can go, not every sentence it can show. What a claim reads of the path (the
flags, the choices taken, ``missteps()``, the scenes visited) is left out too: the claims
are checked after the search, over the paths of the merged graph (``proof``).
"""
from __future__ import annotations

from bisect import bisect_right
from operator import itemgetter

from .. import visits
from ..model import Scenario
from .cuts import MISSTEPS, Reads, pull
from .exploration import post_order
from .state import PlayState

CUT_CAP = 1024


def control(scene):
    """The conditions that decide where a play can go from ``scene`` (not what it shows)."""
    for c in scene.choices:
        if c.condition is not None:
            yield c.condition
    for r in scene.next:
        if r.condition is not None:
            yield r.condition


def is_acyclic(scenario: Scenario) -> bool:
    ids = list(scenario.scenes)
    index = {sid: i for i, sid in enumerate(ids)}
    succ = [[index[t] for t in scenario.scenes[sid].targets() if t in index] for sid in ids]
    return not post_order(succ)[1]


class Edge:
    """One way from a scene to the next node, with what it changes on the way."""

    __slots__ = ("source", "target", "deltas", "kill_flags", "kill_chosen", "misstep")

    def __init__(self, scenario: Scenario, source: str, choice, target: str):
        self.source, self.target = source, target
        effects = [choice.effects] if choice is not None else []
        scene = scenario.scenes.get(target)
        if scene is not None:
            effects.append(scene.on_enter)
        self.deltas: dict[str, list[int]] = {}
        self.kill_flags = set()
        for e in effects:
            for m, d in e.adds:
                self.deltas.setdefault(m, []).append(d)
            for m, _ in e.assigns:  # set: to a value (engine.rules applies adds, then these)
                self.deltas.setdefault(m, []).append(None)
            self.kill_flags.update(e.sets, e.clears)
        self.kill_chosen = {(source, choice.id)} if choice is not None else set()
        self.misstep = choice is not None and choice.misstep


class Keyer:
    """Builds the merge key of a state (see the module docstring). ``extra`` maps an ending
    to conditions evaluated on arrival there on the state (a query); ``claims`` maps an
    ending to conditions of which only the meters are kept (see ``facts``)."""

    def __init__(self, scenario: Scenario, extra: dict | None = None,
                 claims: dict | None = None):
        self.scenario = scenario
        self.counting = is_acyclic(scenario)
        self.pairs = tuple(sorted((s.id, c.id) for s in scenario.scenes.values()
                                  for c in s.choices if c.misstep))
        self.ranges = {m.id: (m.min, m.max) for m in scenario.meters.values()}
        if self.counting:
            self.ranges[MISSTEPS] = (0, len(self.pairs))
        # counts matter only for scenes a visits() compares (engine.visits); others: seen or not
        self.caps = visits.caps([c for scene in scenario.scenes.values() for c in control(scene)]
                                + [c for conds in (extra or {}).values() for c in conds])
        live = self._propagate(self._reads(extra or {}, claims or {}))
        self.layout = {sid: self._layout(live[sid]) for sid in scenario.scenes}
        self.makers = {sid: self._maker(sid, lay) for sid, lay in self.layout.items()}
        self.keep = {sid: (frozenset(lay[3]) | frozenset(self.pairs), frozenset(lay[2]))
                     for sid, lay in self.layout.items()}

    def _reads(self, extra: dict, claims: dict) -> dict:
        flags = set(self.scenario.flags)
        meters = {m: r for m, r in self.ranges.items() if m != MISSTEPS}
        reads = {}
        for sid, scene in self.scenario.scenes.items():
            r = reads[sid] = Reads()
            for cond in control(scene):
                r.add_condition(cond, self.ranges, flags, self.counting)
        for eid in self.scenario.endings:
            r = reads[eid] = Reads()
            for cond in extra.get(eid, ()):
                r.add_condition(cond, self.ranges, flags, self.counting)
            for cond in claims.get(eid, ()):
                r.add_meters(cond, meters)
        return reads

    def _propagate(self, live: dict) -> dict:
        """live(S) = reads(S) and what every next node reads, passed back along the edges."""
        scenario = self.scenario
        into: dict[str, list[Edge]] = {n: [] for n in live}
        for sid, scene in scenario.scenes.items():
            for c in scene.choices:
                into[c.goto].append(Edge(scenario, sid, c, c.goto))
            for r in scene.next:
                into[r.goto].append(Edge(scenario, sid, None, r.goto))
        todo, queued = list(live), set(live)
        while todo:
            t = todo.pop()
            queued.discard(t)
            for edge in into[t]:
                if self._pass_back(edge, live[t], live[edge.source]) and edge.source not in queued:
                    queued.add(edge.source)
                    todo.append(edge.source)
        return live

    def _pass_back(self, edge: Edge, after: Reads, before: Reads) -> bool:
        changed = False
        for mine, theirs in ((before.flags, after.flags - edge.kill_flags),
                             (before.visited, after.visited - ({edge.target} - set(self.caps))),
                             (before.chosen, after.chosen - edge.kill_chosen)):
            if not theirs <= mine:
                mine |= theirs
                changed = True
        for m, cs in after.cuts.items():
            if cs is not None:
                lo, hi = self.ranges[m]
                deltas = [1] if m == MISSTEPS and edge.misstep else edge.deltas.get(m, ())
                cs = pull(cs, deltas, lo, hi)
                if len(cs) > CUT_CAP:
                    cs = None
            changed |= before.add_cuts(m, cs)
        return changed

    def _layout(self, r: Reads):
        names = [n for n in self.scenario.flags if n in r.flags]
        specs = []
        for m in self.scenario.meters:
            if m in r.cuts:
                cs = r.cuts[m]
                if cs is None or cs:
                    specs.append((m, None if cs is None else tuple(sorted(cs))))
        mis = None
        if MISSTEPS in r.cuts and (r.cuts[MISSTEPS] is None or r.cuts[MISSTEPS]):
            cs = r.cuts[MISSTEPS]
            mis = None if cs is None else tuple(sorted(cs))
            mis = (mis,)
        return (tuple(names), tuple(specs), tuple(sorted(r.visited)), tuple(sorted(r.chosen)),
                mis)

    def __call__(self, s: PlayState):
        make = self.makers.get(s.scene)
        return (s.scene,) if make is None else make(s)  # an ending: nothing can follow

    def _maker(self, sid: str, layout):
        """A function of a state at ``sid`` that gives its key (built once per scene)."""
        flags, specs, visited, chosen, mis = layout
        exact = flags + tuple(m for m, cs in specs if cs is None)
        classed = tuple((m, cs) for m, cs in specs if cs is not None)
        get = itemgetter(*exact) if exact else (lambda v: ())
        pairs = frozenset(self.pairs)
        caps, seen = self.caps, visits.seen

        def key(s):
            v = s.vars
            out = (sid, get(v))
            if classed:
                out += (tuple([bisect_right(cs, v[m]) for m, cs in classed]),)
            if visited:
                out += (tuple([seen(s.visits, x, caps) for x in visited]) if caps
                        else tuple([x in s.visits for x in visited]),)
            if chosen:
                out += (tuple([p in s.chosen for p in chosen]),)
            if mis is not None:
                count = len(pairs.intersection(s.chosen))
                out += (count if mis[0] is None else bisect_right(mis[0], count),)
            return out
        return key

    def prune(self, s: PlayState) -> None:
        """Forget the choices and visits that nothing from ``s``'s scene on can read (the
        misstep choices are kept: ``missteps()`` counts them). Copying a state then costs
        what can still matter, not the length of the path so far."""
        keep = self.keep.get(s.scene)
        if keep is not None:
            chosen, visits = keep
            s.chosen = s.chosen & chosen
            s.visits = {x: n for x, n in s.visits.items() if x in visits}

    def meter_values(self, scene: str, key) -> dict:
        """meter -> what the key of ``scene`` holds for it: the value where the meter is kept
        exactly, (scene, class) where it is kept by class. Where a state budget goes."""
        layout = self.layout.get(scene)
        if layout is None:
            return {}
        flags, specs = layout[0], layout[1]
        exact = flags + tuple(m for m, cs in specs if cs is None)
        classed = [m for m, cs in specs if cs is not None]
        values = key[1] if len(exact) != 1 else (key[1],)
        out = {m: values[len(flags) + j] for j, m in enumerate(exact[len(flags):])}
        if classed:
            out.update((m, (scene, c)) for m, c in zip(classed, key[2]))
        return out
