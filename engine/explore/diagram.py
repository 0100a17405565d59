"""Decision diagrams over the variables of a play: functions from every state to a value,
stored so that equal parts are stored once.

A diagram is a node number. A leaf holds a value; an inner node tests one variable (a
meter, a flag as 0/1, a choice taken, a scene visited, the count of missteps) and has one
child per interval of its values: ``cuts`` t1 < ... < tk split lo..hi into [lo, t1),
[t1, t2), ..., [tk, hi + 1). Variables are tested in one fixed order from the root down,
no node has two equal neighbouring children, and equal nodes are one node (a reduced,
ordered multi-valued decision diagram). Three operations build them:

- ``combine(f, parts)``: the diagram of ``f(values of parts)`` (an n-ary apply);
- ``compose(d, change)``: the diagram of ``d`` read after a step that changes variables
  (a flag set, a meter added to, clamped to its range), as a function of the state before;
- ``value(d, read)``: follow one state down to its leaf.
"""
from __future__ import annotations

from bisect import bisect_right


class _DontCare:
    """The value of a diagram where no play can be: any value will do there."""

    def __repr__(self) -> str:
        return "DONT_CARE"


DONT_CARE = _DontCare()


class TooBig(Exception):
    """More nodes than the diagram budget."""


class Change:
    """What one step does to the variables: var -> ("set", value) or ("add", delta), or
    ("adds", deltas) for several adds in turn (each clamped)."""

    __slots__ = ("ops",)

    def __init__(self, ops: dict):
        self.ops = ops

    def __bool__(self) -> bool:
        return bool(self.ops)


def in_turn(changes, ranges: dict) -> Change:
    """One change that does ``changes`` in the order given."""
    ops: dict = {}
    for change in changes:
        for var, (kind, x) in change.ops.items():
            if kind == "set":
                ops[var] = ("set", x)
                continue
            deltas = (x,) if kind == "add" else x
            old = ops.get(var)
            if old is None:
                ops[var] = ("adds", deltas)
            elif old[0] == "set":
                lo, hi = ranges[var]
                ops[var] = ("set", _after(old[1], deltas, lo, hi))
            else:
                ops[var] = ("adds", old[1] + deltas)
    return Change(ops)


def _deltas(op) -> tuple:
    return (op[1],) if op[0] == "add" else op[1]


def _after(x: int, deltas, lo: int, hi: int) -> int:
    for d in deltas:
        x += d
        x = lo if x < lo else hi if x > hi else x
    return x


class Diagrams:
    """A store of diagrams over variables with the given order (var -> rank) and ranges
    (var -> (lo, hi))."""

    def __init__(self, rank: dict, ranges: dict, budget: int):
        self.rank, self.ranges, self.budget = rank, ranges, budget
        self.table: dict = {}
        self.nodes: list = []  # number -> (var, cuts, kids), or (None, value) for a leaf
        self.composed: dict = {}
        self.unions: dict = {}
        self.resolved: dict = {}
        self.meets: dict = {}
        self.dc = self.leaf(DONT_CARE)
        self.true, self.false = self.leaf(True), self.leaf(False)

    def leaf(self, value) -> int:
        # keyed with the value's type too: True and 1 are equal in Python, not here
        return self._intern((None, value), (value.__class__, value))

    def _intern(self, entry, key=None) -> int:
        key = entry if key is None else key
        n = self.table.get(key)
        if n is None:
            n = self.table[key] = len(self.nodes)
            self.nodes.append(entry)
            if n >= self.budget:
                raise TooBig
        return n

    def node(self, var, cuts, kids) -> int:
        """The reduced node: neighbouring equal children joined, a single child returned.
        A child that is ``DONT_CARE`` takes its neighbour's place (the left one first)."""
        dc = self.dc
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
        entry = (var, tuple(out_cuts), tuple(out_kids))
        n = self.table.get(entry)
        return n if n is not None else self._intern(entry)

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

    def combine(self, f, parts: tuple, simplify=None) -> int:
        """The diagram of ``f(tuple of the parts' leaf values)``. A part is a diagram or a
        view ``(d, change)``: ``d`` read after ``change`` (``compose``, without building it).
        ``simplify(parts)``, when given, may replace parts that cannot change the result
        where the others already stand (by ``self.dc``, say), or return a node number: the
        result there."""
        memo: dict = {}
        nodes, rank, ranges, node, leaf = self.nodes, self.rank, self.ranges, self.node, \
            self.leaf
        resolve = self._resolve

        def go(parts):
            if simplify is not None:
                parts = simplify(parts)
                if parts.__class__ is int:
                    return parts
            got = memo.get(parts)
            if got is not None:
                return got
            entries = [nodes[p] if p.__class__ is int else resolve(p) for p in parts]
            top, best = None, None
            for e in entries:
                var = e[0]
                if var is not None:
                    r = rank[var]
                    if best is None or r < best:
                        top, best = var, r
            if top is None:
                got = leaf(f(tuple([e[1] for e in entries])))
            else:
                tested = [e for e in entries if e[0] == top]
                if len(tested) == 1:
                    cuts = tested[0][1]
                else:
                    cuts = sorted({t for e in tested for t in e[1]})
                kids = []
                for a in [ranges[top][0]] + list(cuts):
                    kids.append(go(tuple([e[2][bisect_right(e[1], a)] if e[0] == top else p
                                          for p, e in zip(parts, entries)])))
                got = node(top, cuts, kids)
            memo[parts] = got
            return got
        return go(tuple(parts))

    def _resolve(self, view) -> tuple:
        """The node entry of the view ``(d, change)``: (var, cuts, kids as views), or
        (None, value) at a leaf."""
        got = self.resolved.get(view)
        if got is not None:
            return got
        n, change = view
        ops, nodes = change.ops, self.nodes
        entry = nodes[n]
        op = ops.get(entry[0]) if entry[0] is not None else None
        while op is not None and op[0] == "set":
            n = entry[2][bisect_right(entry[1], op[1])]
            entry = nodes[n]
            op = ops.get(entry[0]) if entry[0] is not None else None
        if entry[0] is None:
            got = entry
        elif op is None:
            got = (entry[0], entry[1], tuple([(k, change) for k in entry[2]]))
        else:
            var = entry[0]
            lo, hi = self.ranges[var]
            deltas = _deltas(op)
            pre = [_pre_all(t, deltas, lo, hi) for t in entry[1]]
            cuts, kids = [], []
            for a, b, k in zip([lo] + pre, pre + [hi + 1], entry[2]):
                if a < b:
                    if kids:
                        cuts.append(a)
                    kids.append((k, change))
            got = (var, tuple(cuts), tuple(kids)) if len(kids) > 1 else \
                self._resolve(kids[0])
        self.resolved[view] = got
        return got

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
                var, cuts, kids = entry
                op = ops.get(var)
                if op is None:
                    got = self.node(var, cuts, [go(k) for k in kids])
                elif op[0] == "set":
                    got = go(kids[bisect_right(cuts, op[1])])
                else:
                    lo, hi = ranges[var]
                    deltas = _deltas(op)
                    pre = [_pre_all(t, deltas, lo, hi) for t in cuts]
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

    # ---- sets of states (leaves True/False) ---------------------------------------------

    def any_of(self, parts) -> int:
        """The union of the sets ``parts``."""
        out = self.false
        for p in parts:
            out = self.either(out, p)
        return out

    def either(self, a: int, b: int) -> int:
        """The union of two sets (remembered across calls: unions repeat)."""
        if a == b or b == self.false or a == self.true:
            return a
        if a == self.false or b == self.true:
            return b
        if a > b:
            a, b = b, a
        got = self.unions.get((a, b))
        if got is None:
            got = self.unions[(a, b)] = self._merge(a, b, self.either)
        return got

    def both(self, a: int, b: int) -> int:
        """The intersection of two sets (remembered across calls)."""
        if a == b or b == self.true or a == self.false:
            return a
        if a == self.true or b == self.false:
            return b
        if a > b:
            a, b = b, a
        got = self.meets.get((a, b))
        if got is None:
            got = self.meets[(a, b)] = self._merge(a, b, self.both)
        return got

    def _merge(self, a: int, b: int, op) -> int:
        """One level of a binary operation on two inner nodes, ``op`` on the children."""
        na, nb = self.nodes[a], self.nodes[b]
        ra = self.rank[na[0]] if na[0] is not None else None
        rb = self.rank[nb[0]] if nb[0] is not None else None
        if rb is None or (ra is not None and ra < rb):
            return self.node(na[0], na[1], [op(k, b) for k in na[2]])
        if ra is None or rb < ra:
            return self.node(nb[0], nb[1], [op(a, k) for k in nb[2]])
        cuts = sorted(set(na[1]) | set(nb[1]))
        lo = self.ranges[na[0]][0]
        kids = [op(na[2][bisect_right(na[1], t)], nb[2][bisect_right(nb[1], t)])
                for t in [lo] + cuts]
        return self.node(na[0], cuts, kids)

    def point(self, read, order) -> int:
        """The set holding one state: every variable of ``order`` at its value."""
        d = self.true
        for var in reversed(order):
            v = read(var)
            d = self.node(var, (v, v + 1), (self.false, d, self.false))
        return d

    def image(self, d: int, change: Change) -> int:
        """The set of states after ``change``, from the set ``d`` before it (exact)."""
        changed = sorted(change.ops, key=self.rank.__getitem__)
        if not changed or d == self.false:
            return d
        memo: dict = {}
        nodes, rank, ranges, ops = self.nodes, self.rank, self.ranges, change.ops
        last = len(changed)

        def values(var, a, b):
            """The values of ``var`` after the change, from a..b-1 before: an interval."""
            op = ops[var]
            if op[0] == "set":
                return op[1], op[1] + 1
            lo, hi = ranges[var]
            deltas = _deltas(op)
            return _after(a, deltas, lo, hi), _after(b - 1, deltas, lo, hi) + 1

        def go(n, i):
            if n == self.false or i == last:
                return n
            got = memo.get((n, i))
            if got is not None:
                return got
            var = changed[i]
            entry = nodes[n]
            if entry[0] is not None and rank[entry[0]] < rank[var]:
                got = self.node(entry[0], entry[1], [go(k, i) for k in entry[2]])
            elif entry[0] == var:
                lo, hi = ranges[var]
                mapped = [values(var, a, b) + (go(k, i + 1),) for a, b, k in
                          zip((lo,) + entry[1], entry[1] + (hi + 1,), entry[2])]
                got = self._segments(var, mapped)
            else:  # ``var`` is free here: every value it can take after the change
                lo, hi = ranges[var]
                got = self._segments(var, [values(var, lo, hi + 1) + (go(n, i + 1),)])
            memo[(n, i)] = got
            return got
        return go(d, 0)

    def _segments(self, var, mapped) -> int:
        """The set whose states with ``var`` in a..b-1 are those of ``kid``, for each
        (a, b, kid) of ``mapped`` (a union where they overlap; empty elsewhere)."""
        lo, hi = self.ranges[var]
        points = sorted({p for a, b, _ in mapped for p in (a, b) if p <= hi} | {lo})
        kids = [self.any_of([k for a, b, k in mapped if a <= p < b]) for p in points]
        return self.node(var, points[1:], kids)

    def project(self, d: int, keep: dict) -> int:
        """The set ``d`` seen through ``keep`` (var -> sorted cut points, or None to keep the
        value): a variable not in ``keep`` is forgotten, and a set of values of a variable
        with cut points grows to the whole classes between cut points it touches."""
        return self.transfer(d, Change({}), keep)

    def transfer(self, d: int, change: Change, keep: dict) -> int:
        """``project(image(d, change), keep)`` in one pass."""
        if d == self.false:
            return d
        changed = sorted(change.ops, key=self.rank.__getitem__)
        memo: dict = {}
        nodes, rank, ranges, ops = self.nodes, self.rank, self.ranges, change.ops
        last = len(changed)

        def values(var, a, b):
            """The values of ``var`` after the change, from a..b-1 before: an interval."""
            op = ops.get(var)
            if op is None:
                return a, b
            if op[0] == "set":
                return op[1], op[1] + 1
            lo, hi = ranges[var]
            deltas = _deltas(op)
            return _after(a, deltas, lo, hi), _after(b - 1, deltas, lo, hi) + 1

        def go(n, i):
            if n == self.false:
                return n
            got = memo.get((n, i))
            if got is not None:
                return got
            entry = nodes[n]
            var = entry[0]
            nxt = changed[i] if i < last else None
            if var is None and nxt is None:
                got = n
            elif var is not None and (nxt is None or rank[var] < rank[nxt]):
                kids = [go(k, i) for k in entry[2]]
                if var not in keep:
                    got = self.any_of(kids)
                elif keep[var] is None:
                    got = self.node(var, entry[1], kids)
                else:
                    lo, hi = ranges[var]
                    got = self._kept(var, keep, list(zip((lo,) + entry[1],
                                                         entry[1] + (hi + 1,), kids)))
            elif var == nxt:
                lo, hi = ranges[var]
                got = self._kept(var, keep, [values(var, a, b) + (go(k, i + 1),) for a, b, k in
                                             zip((lo,) + entry[1], entry[1] + (hi + 1,),
                                                 entry[2])])
            else:  # ``nxt`` is free here: every value it can take after the change
                lo, hi = ranges[nxt]
                got = self._kept(nxt, keep, [values(nxt, lo, hi + 1) + (go(n, i + 1),)])
            memo[(n, i)] = got
            return got
        return go(d, 0)

    def _kept(self, var, keep: dict, mapped) -> int:
        """The set whose states with ``var`` in a..b-1 are those of ``kid`` for each (a, b,
        kid) of ``mapped``, seen through ``keep`` (see ``project``)."""
        if var not in keep:
            return self.any_of([k for _, _, k in mapped])
        grid = keep[var]
        if grid is None:
            return self._segments(var, mapped)
        lo, hi = self.ranges[var]
        bounds = (lo,) + grid + (hi + 1,)
        cover: list = [[] for _ in range(len(grid) + 1)]
        for a, b, k in mapped:
            for j in range(bisect_right(bounds, a) - 1, bisect_right(bounds, b - 1)):
                cover[j].append(k)
        return self.node(var, grid, [self.any_of(c) for c in cover])

    def value(self, d: int, read):
        """The leaf value for the state whose variables ``read(var)`` gives."""
        nodes = self.nodes
        entry = nodes[d]
        while entry[0] is not None:
            entry = nodes[entry[2][bisect_right(entry[1], read(entry[0]))]]
        return entry[1]


def _pre_all(t: int, deltas, lo: int, hi: int) -> int:
    """The least x in lo..hi whose value after ``deltas`` in turn is >= t."""
    for d in reversed(deltas):
        t = _pre(t, d, lo, hi)
    return t


def _pre(t: int, d: int, lo: int, hi: int) -> int:
    """The least x in lo..hi with clamp(x + d) >= t, as a cut before the add (hi + 1: no
    such x; lo: every x)."""
    if t <= lo:
        return lo
    if t > hi:
        return hi + 1
    return min(max(lo, t - d), hi + 1)
