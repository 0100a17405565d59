"""Decision diagrams over the variables of a play: functions from every state to a value,
stored so that equal parts are stored once.

A diagram is a node number. A leaf holds a value; an inner node tests one variable (a
meter, a flag as 0/1, a choice taken, a scene visited, the count of missteps) and has one
child per interval of its values: ``cuts`` t1 < ... < tk split lo..hi into [lo, t1),
[t1, t2), ..., [tk, hi + 1). Variables are tested in one fixed order from the root down,
no node has two equal neighbouring children, and equal nodes are one node (a reduced,
ordered multi-valued decision diagram). The operations:

- ``combine(f, parts)``: the diagram of ``f(values of parts)`` (an n-ary apply); a part may
  be a view ``(d, change)``: ``d`` read after a step (``changes``), not built;
- ``compose(d, change)``: the diagram of ``d`` read after a step that changes variables
  (a flag set, a meter added to, clamped to its range), as a function of the state before;
- ``value(d, read)``: follow one state down to its leaf;
- on sets of states (leaves True/False), ``setops``: union, intersection, the set after a
  step.

A leaf may be ``DONT_CARE`` where no play can be; a node then takes its neighbour's value
there, so diagrams stay small where it does not matter what they say.
"""
from __future__ import annotations

from bisect import bisect_right

from .changes import Change, deltas_of, pre_all
from .setops import SetOperations


class _DontCare:
    """The value of a diagram where no play can be: any value will do there."""

    def __repr__(self) -> str:
        return "DONT_CARE"


DONT_CARE = _DontCare()


class TooBig(Exception):
    """More nodes than the diagram budget."""


class Diagrams(SetOperations):
    """A store of diagrams over variables with the given order (var -> rank) and ranges
    (var -> (lo, hi))."""

    def __init__(self, rank: dict, ranges: dict, budget: int):
        self.rank, self.ranges, self.budget = rank, ranges, budget
        self.table: dict = {}
        # number -> (var, cuts, kids, every kid a leaf), or (None, value, number): a leaf
        self.nodes: list = []
        self.composed: dict = {}
        self.unions: dict = {}
        self.resolved: dict = {}
        self.deepest: dict = {}
        self.widened: dict = {}
        self.grids: dict = {}
        self.shifts: dict = {}
        self.spreads: dict = {}
        self.meets: dict = {}
        self.dc = self.leaf(DONT_CARE)
        self.true, self.false = self.leaf(True), self.leaf(False)

    def leaf(self, value) -> int:
        # keyed with the value's type too: True and 1 are equal in Python, not here
        key = (value.__class__, value)
        n = self.table.get(key)
        return n if n is not None else self._add(key, (None, value, len(self.nodes)))

    def _add(self, key, entry) -> int:
        """A node that the table does not hold yet, found later by ``key``."""
        n = self.table[key] = len(self.nodes)
        self.nodes.append(entry)
        if n >= self.budget:
            raise TooBig
        return n

    def node(self, var, cuts, kids) -> int:
        """The reduced node: neighbouring equal children joined, a single child returned.
        A child that is ``DONT_CARE`` takes its neighbour's place (the left one first)."""
        dc = self.dc
        if len(kids) == 2:  # most nodes: a flag, or a meter cut once
            a, b = kids
            if a == b or b == dc:
                return a
            if a == dc:
                return b
            key = (var, tuple(cuts), (a, b))
            n = self.table.get(key)
            return n if n is not None else self._inner(key)
        if dc in kids:
            real = [k for k in kids if k != dc]
            if not real:
                return dc
            kids, prev = list(kids), real[0]
            for i, k in enumerate(kids):
                if k == dc:
                    kids[i] = prev
                else:
                    prev = k
        prev = kids[0]
        out_cuts, out_kids = [], [prev]
        for t, k in zip(cuts, kids[1:]):
            if k != prev:
                out_cuts.append(t)
                out_kids.append(k)
                prev = k
        if len(out_kids) == 1:
            return prev
        key = (var, tuple(out_cuts), tuple(out_kids))
        n = self.table.get(key)
        return n if n is not None else self._inner(key)

    def _inner(self, key) -> int:
        """A new inner node (var, cuts, kids), not in the table: its entry adds whether
        every child is a leaf (``combine`` then makes the leaves of that level in one
        sweep)."""
        nodes = self.nodes
        return self._add(key, key + (all([nodes[k][0] is None for k in key[2]]),))

    def interval(self, var, a: int, b: int, inside, outside) -> int:
        """``inside`` (a leaf value) for values a..b-1 of ``var``, ``outside`` elsewhere."""
        lo, hi = self.ranges[var]
        a, b = max(a, lo), min(b, hi + 1)
        if a >= b:
            return self.leaf(outside)
        i, o = self.leaf(inside), self.leaf(outside)
        cuts, kids = [], []
        if a > lo:
            kids.append(o)
            cuts.append(a)
        kids.append(i)
        if b <= hi:
            cuts.append(b)
            kids.append(o)
        return self.node(var, cuts, kids)

    def classes(self, var, cuts, values) -> int:
        """A diagram of one variable: ``values[i]`` on the i-th interval of ``cuts``."""
        return self.node(var, tuple(cuts), tuple(self.leaf(v) for v in values))

    def combine(self, f, parts: tuple, simplify=None, care: bool = False, ids: bool = False
                ) -> int:
        """The diagram of ``f(tuple of the parts' leaf values)``. A part is a diagram or a
        view ``(d, change)``: ``d`` read after ``change`` (``compose``, without building it).
        ``simplify(parts)``, when given, may replace parts that cannot change the result
        where the others already stand (by ``self.dc``, say). With ``care``, the last part is a set of states outside of which the
        result does not matter (``f`` sees True there, ``DONT_CARE`` is the result outside);
        it is never split on a variable no other part tests there (it is widened to every
        value of it instead: the others cannot tell those values apart). With ``ids``, ``f``
        is given the parts' leaf numbers instead of their values and returns a node number;
        it is asked once for each tuple of leaf numbers."""
        memo: dict = {}
        nodes, rank, ranges, node, leaf = self.nodes, self.rank, self.ranges, self.node, \
            self.leaf
        resolve, false, widen, spread = self._resolve, self.false, self._widen, self._spread
        dc = self.dc

        def go(parts):
            if care and parts[-1] == false:
                return dc
            if simplify is not None:
                parts = simplify(parts)
            got = memo.get(parts)  # (keyed by parts, and by tuples of leaf numbers: a
            if got is not None:  # tuple of leaves is its own)
                return got
            entries = [nodes[p] if p.__class__ is int else resolve(p) for p in parts]
            top, best = None, None
            for e in (entries[:-1] if care else entries):
                var = e[0]
                if var is not None:
                    r = rank[var]
                    if best is None or r < best:
                        top, best = var, r
            if care:
                kept = parts[-1]
                while kept != false and entries[-1][0] is not None and \
                        (best is None or rank[entries[-1][0]] < best):
                    kept = widen(kept)
                    entries[-1] = nodes[kept]
                if kept != parts[-1]:
                    got = go(parts[:-1] + (kept,))
                    memo[parts] = got
                    return got
            if top is None and ids:  # asked once per tuple of leaves, as in ``sweep``
                v = tuple([e[2] for e in entries])
                got = memo.get(v)
                if got is None:
                    got = memo[v] = f(v)
            elif top is None:
                got = leaf(f(tuple([e[1] for e in entries])))
            else:
                tested = [e for e in entries if e[0] == top]
                if len(tested) == 1:
                    cuts = tested[0][1]
                else:
                    cuts = tuple(sorted({t for e in tested for t in e[1]}))
                width = len(cuts) + 1
                # a part that is a leaf stands as its number (a view may lead to it), so
                # that a row of leaves is a tuple of leaf numbers
                columns = [([p if e[0] is not None else e[2]] * width if e[0] != top else
                            e[2] if e[1] == cuts else
                            [e[2][i] for i in spread(e[1], cuts)])
                           for p, e in zip(parts, entries)]
                # every row a tuple of leaves: the level is made in one loop
                if all([e[3] if e[0] == top else e[0] is None for e in entries]):
                    got = node(top, cuts, sweep(zip(*columns)))
                else:
                    got = node(top, cuts, [go(c) for c in zip(*columns)])
            memo[parts] = got
            return got

        def sweep(rows) -> list:
            """``go`` of each of ``rows``, parts that are all leaves, in one loop."""
            out = []
            for parts in rows:
                if care and parts[-1] == false:
                    out.append(dc)
                    continue
                if simplify is not None:
                    parts = simplify(parts)
                got = memo.get(parts)
                if got is None:
                    got = memo[parts] = f(parts) if ids else \
                        leaf(f(tuple([nodes[p][1] for p in parts])))
                out.append(got)
            return out
        return go(tuple(parts))

    def _spread(self, cuts: tuple, finer: tuple) -> tuple:
        """For each interval between the cut points ``finer`` (which hold ``cuts``), the
        index of the interval between ``cuts`` that holds it."""
        key = (cuts, finer)
        got = self.spreads.get(key)
        if got is None:
            got = self.spreads[key] = (0,) + tuple(bisect_right(cuts, a) for a in finer)
        return got

    def _widen(self, s: int) -> int:
        """The set ``s`` with the variable its root tests left free."""
        got = self.widened.get(s)
        if got is None:
            got = self.widened[s] = self.any_of(self.nodes[s][2])
        return got

    def _resolve(self, view) -> tuple:
        """The node entry of the view ``(d, change)``: (var, cuts, kids as views, every
        kid a leaf), or the leaf's own entry (None, value, number)."""
        got = self.resolved.get(view)
        if got is not None:
            return got
        n, change = view
        ops, nodes = change.ops, self.nodes
        deepest = self._deepest(change)
        entry = nodes[n]
        op = ops.get(entry[0]) if entry[0] is not None else None
        while op is not None and op[0] == "set":
            n = entry[2][bisect_right(entry[1], op[1])]
            entry = nodes[n]
            op = ops.get(entry[0]) if entry[0] is not None else None
        if entry[0] is None:
            got = entry
        elif op is None:
            got = (entry[0], entry[1], tuple([self._view(k, change, deepest)
                                              for k in entry[2]]), entry[3])
        else:
            cuts, kept = self._shifted(entry[0], entry[1], op)
            was = entry[2]
            kids = [self._view(was[i], change, deepest) for i in kept]
            if len(kids) > 1:
                got = (entry[0], cuts, tuple(kids), entry[3])
            else:
                got = nodes[kids[0]] if kids[0].__class__ is int else self._resolve(kids[0])
        self.resolved[view] = got
        return got

    def _shifted(self, var, cuts: tuple, op) -> tuple:
        """The cut points of a node on ``var`` read before the add ``op``, and which of its
        children each interval between them has (an interval that no value before the add
        lands in is gone)."""
        key = (var, cuts, op)
        got = self.shifts.get(key)
        if got is None:
            lo, hi = self.ranges[var]
            deltas = deltas_of(op)
            pre = [pre_all(t, deltas, lo, hi) for t in cuts]
            new, kept = [], []
            for i, (a, b) in enumerate(zip([lo] + pre, pre + [hi + 1])):
                if a < b:
                    if kept:
                        new.append(a)
                    kept.append(i)
            got = self.shifts[key] = (tuple(new), tuple(kept))
        return got

    def _deepest(self, change: Change) -> int:
        """The rank of the last variable ``change`` changes (-1: none)."""
        got = self.deepest.get(change)
        if got is None:
            rank = self.rank
            got = self.deepest[change] = max((rank[v] for v in change.ops if v in rank),
                                             default=-1)
        return got

    def _view(self, n: int, change: Change, deepest: int):
        """``n`` read after ``change``: ``n`` itself when nothing below it changes."""
        var = self.nodes[n][0]
        return n if var is None or self.rank[var] > deepest else (n, change)

    def view(self, n: int, change: Change):
        """A part for ``combine``: ``n`` read after ``change`` (``compose`` without building
        it)."""
        return self._view(n, change, self._deepest(change)) if change else n

    def compose(self, d: int, change: Change) -> int:
        """``d`` read after ``change``, as a function of the state before it."""
        if not change:
            return d
        memo = self.composed
        ops = change.ops
        nodes, ranges = self.nodes, self.ranges

        def go(n):
            key = (n, change)  # the change itself: it stays alive while remembered
            got = memo.get(key)
            if got is not None:
                return got
            entry = nodes[n]
            if entry[0] is None:
                got = n
            else:
                var, cuts, kids = entry[:3]
                op = ops.get(var)
                if op is None:
                    got = self.node(var, cuts, [go(k) for k in kids])
                elif op[0] == "set":
                    got = go(kids[bisect_right(cuts, op[1])])
                else:
                    lo, hi = ranges[var]
                    deltas = deltas_of(op)
                    pre = [pre_all(t, deltas, lo, hi) for t in cuts]
                    starts = [lo] + pre
                    ends = pre + [hi + 1]
                    new_cuts, new_kids = [], []
                    for a, b, k in zip(starts, ends, kids):
                        if a < b:
                            if new_kids:
                                new_cuts.append(a)
                            new_kids.append(go(k))
                    got = self.node(var, new_cuts, new_kids)
            memo[key] = got
            return got
        return go(d)

    def value(self, d: int, read):
        """The leaf value for the state whose variables ``read(var)`` gives."""
        nodes = self.nodes
        entry = nodes[d]
        while entry[0] is not None:
            entry = nodes[entry[2][bisect_right(entry[1], read(entry[0]))]]
        return entry[1]
