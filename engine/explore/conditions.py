"""The variables of a play as decision-diagram variables, and conditions and effects over
them (for ``classes``).

Variables: every flag a condition reads (0/1), every choice a condition reads with ``chosen()`` (0/1), every
scene a condition reads with ``visited()`` or ``visits()`` (0/1: in a scenario without
loops a scene is entered at most once), the count of missteps when a condition reads
``missteps()``, and every meter (its range). They are tested in the order in which their
reading ends in the story (``_last_read``), but for one that may be asked to come last.
"""
from __future__ import annotations

from ..exprsyntax import Binary, Bool, Call, Name, Num, Unary
from .cuts import MISSTEPS, condition_cuts
from .changes import Change
from .diagram import Diagrams
from .exploration import post_order
from .key import control

_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def _counts_missteps(n) -> bool:
    """Does the condition call ``missteps()`` (which reads 0 in a scenario without misstep
    choices: ``uses.missteps`` is then empty)?"""
    if isinstance(n, Call):
        return n.func == "missteps"
    if isinstance(n, Unary):
        return _counts_missteps(n.operand)
    if isinstance(n, Binary):
        return _counts_missteps(n.left) or _counts_missteps(n.right)
    return False


def _constant(n):
    """The number ``n`` stands for (``-2`` is a minus applied to 2), or None."""
    if isinstance(n, (Num, Bool)):
        return int(n.value)
    if isinstance(n, Unary) and n.op == "-":
        inner = _constant(n.operand)
        return None if inner is None else -inner
    return None


class Unsupported(Exception):
    """A condition reads a variable in a form other than a comparison with a number."""


class Variables:
    def __init__(self, scenario, last=None):
        """``last``: a variable to test after all others (see ``classes.Classes._finest``)."""
        self.scenario = scenario
        conds = [c for s in scenario.scenes.values() for c in control(s)]
        read = {name for c in conds for name in c.uses.names}
        self.flags = [f for f in scenario.flags if f in read]  # the others cannot matter
        self.pairs = frozenset((s.id, c.id) for s in scenario.scenes.values()
                               for c in s.choices if c.misstep)
        chosen = sorted({p for c in conds for p in c.uses.chosen})
        visited = sorted({x for c in conds for x in c.uses.visited})
        counted = any(_counts_missteps(c.node) for c in conds)
        order = list(self.flags) + [("chosen",) + p for p in chosen] \
            + [("visit", x) for x in visited] + ([MISSTEPS] if counted else []) \
            + [m for m in scenario.meters]
        read_last = _last_read(scenario)
        end = len(read_last) + len(scenario.scenes)
        order.sort(key=lambda v: (v == last, read_last.get(v, end)))
        self.rank = {v: i for i, v in enumerate(order)}
        self.ranges = {v: (0, 1) for v in order}
        self.ranges.update((m.id, (m.min, m.max)) for m in scenario.meters.values())
        if counted:
            self.ranges[MISSTEPS] = (0, len(self.pairs))
        self.meters = {m.id: (m.min, m.max) for m in scenario.meters.values()}
        self._effects: dict = {}

    # ---- steps ---------------------------------------------------------------------------

    def effects(self, effects) -> Change:
        """The change of one ``Effects`` (as ``engine.rules.apply_effects`` applies it)."""
        got = self._effects.get(id(effects))
        if got is None:
            ops = {m: ("add", d) for m, d in effects.adds}
            ops.update((m, ("set", v)) for m, v in effects.assigns)
            ops.update((f, ("set", 1)) for f in effects.sets)
            ops.update((f, ("set", 0)) for f in effects.clears)
            ops = {v: op for v, op in ops.items() if v in self.rank}
            got = self._effects[id(effects)] = (effects, Change(ops))
        return got[1]

    def visit(self, scene: str) -> Change:
        var = ("visit", scene)
        return Change({var: ("set", 1)} if var in self.rank else {})

    def choice(self, scene: str, choice) -> Change:
        ops = {}
        var = ("chosen", scene, choice.id)
        if var in self.rank:
            ops[var] = ("set", 1)
        if choice.misstep and MISSTEPS in self.rank:
            ops[MISSTEPS] = ("add", 1)
        return Change(ops)

    # ---- reading a state -----------------------------------------------------------------

    def reader(self, s):
        """var -> its value in the play state ``s``."""
        def read(var):
            if var.__class__ is str:
                if var == MISSTEPS:
                    return len(self.pairs.intersection(s.chosen))
                return int(s.vars[var])
            if var[0] == "chosen":
                return int(var[1:] in s.chosen)
            return min(s.visits.get(var[1], 0), 1)
        return read

    # ---- conditions ----------------------------------------------------------------------

    def condition(self, d: Diagrams, cond) -> int:
        """The diagram of ``cond`` (leaves True/False); no condition: True."""
        if cond is None:
            return d.leaf(True)
        return self._build(d, cond.node)

    def _build(self, d: Diagrams, n) -> int:
        if isinstance(n, Binary) and n.op in ("and", "or"):
            left, right = self._build(d, n.left), self._build(d, n.right)
            if n.op == "and":
                return d.combine(lambda v: bool(v[0]) and bool(v[1]), (left, right))
            return d.combine(lambda v: bool(v[0]) or bool(v[1]), (left, right))
        if isinstance(n, Unary) and n.op == "not":
            return d.combine(lambda v: not v[0], (self._build(d, n.operand),))
        if isinstance(n, Bool):
            return d.leaf(bool(n.value))
        if isinstance(n, Binary) and n.op in _FLIP:
            a, b, op = n.left, n.right, n.op
            if _constant(a) is not None:
                a, b, op = b, a, _FLIP[op]
            var, c = self._term(a), _constant(b)
            if var is None or c is None:
                raise Unsupported
            lo, hi = self.ranges[var]
            if op == "!=":
                return d.interval(var, c, c + 1, False, True)
            a_, b_ = {">=": (c, hi + 1), ">": (c + 1, hi + 1), "<=": (lo, c + 1),
                      "<": (lo, c), "==": (c, c + 1)}[op]
            return d.interval(var, a_, b_, True, False)
        if isinstance(n, Num):
            return d.leaf(n.value != 0)
        var = self._term(n)  # a bare term: true when not 0
        if var is None:
            raise Unsupported
        return d.interval(var, 0, 1, False, True)

    def _term(self, n):
        """The variable a term reads, or None (a number, arithmetic, ``ending()``)."""
        if isinstance(n, Name):
            return n.name if n.name in self.ranges else None
        if isinstance(n, Call):
            if n.func == "missteps":
                return MISSTEPS if MISSTEPS in self.rank else None
            if n.func == "chosen":
                var = ("chosen",) + tuple(n.args)
                return var if var in self.rank else None
            if n.func in ("visited", "visits"):
                var = ("visit", n.args[0])
                return var if var in self.rank else None
        return None

    # ---- claims --------------------------------------------------------------------------

    def claim_classes(self, d: Diagrams, claim, meter: str) -> int:
        """A diagram of ``meter`` whose leaves are the least value of each class of values
        that ``claim`` cannot tell apart."""
        lo, hi = self.meters[meter]
        cuts = condition_cuts(claim.node, {meter: (lo, hi)}).get(meter, set())
        cuts = tuple(range(lo + 1, hi + 1)) if cuts is None else tuple(sorted(cuts))
        return d.classes(meter, cuts, (lo,) + cuts)



def _last_read(scenario) -> dict:
    """variable -> the place (in an order of the scenes where each comes after the scenes
    that lead to it) of the last scene whose conditions read it. Variables whose reading
    ends early are tested first: below them the diagrams no longer depend on them, so
    there they stay small."""
    ids = list(scenario.scenes)
    index = {x: i for i, x in enumerate(ids)}
    succ = [[index[t] for t in scenario.scenes[x].targets() if t in index] for x in ids]
    out: dict = {}
    for place, i in enumerate(reversed(post_order(succ)[0])):
        for cond in control(scenario.scenes[ids[i]]):
            uses = cond.uses
            for var in list(uses.names) + [("chosen",) + p for p in uses.chosen] \
                    + [("visit", x) for x in uses.visited] \
                    + ([MISSTEPS] if uses.missteps else []):
                out[var] = place
    return out
