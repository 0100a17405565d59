"""Sets of play states as decision diagrams (leaves True and False): union, intersection,
one state, and where a set goes through a step (``transfer``: the image under a change, seen
through what still matters in the scene it arrives in). Mixed into ``diagram.Diagrams``."""
from __future__ import annotations

from bisect import bisect_right

from .changes import Change, after, deltas_of


class SetOperations:
    """The operations on sets; ``self`` is a ``diagram.Diagrams``."""

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
        return self._remembered(a, b, self.unions, self.either)

    def both(self, a: int, b: int) -> int:
        """The intersection of two sets (remembered across calls)."""
        if a == b or b == self.true or a == self.false:
            return a
        if a == self.true or b == self.false:
            return b
        return self._remembered(a, b, self.meets, self.both)

    def _remembered(self, a: int, b: int, memo: dict, op) -> int:
        """``op(a, b)`` of two inner nodes, from ``memo`` when done before (both are
        symmetric: the pair is kept in order)."""
        if a > b:
            a, b = b, a
        got = memo.get((a, b))
        if got is None:
            got = memo[(a, b)] = self._merge(a, b, op)
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
            d = self._within(var, v, v + 1, d)
        return d

    def _within(self, var, a: int, b: int, d: int) -> int:
        """The states of ``d`` whose ``var`` lies in a..b-1 (``d`` does not test ``var``)."""
        lo, hi = self.ranges[var]
        cuts, kids = [], []
        if a > lo:
            cuts.append(a)
            kids.append(self.false)
        kids.append(d)
        if b <= hi:
            cuts.append(b)
            kids.append(self.false)
        return self.node(var, cuts, kids)

    def image(self, d: int, change: Change) -> int:
        """The set of states after ``change``, from the set ``d`` before it (exact)."""
        return self.transfer(d, change, None)

    def project(self, d: int, keep: dict) -> int:
        """The set ``d`` seen through ``keep`` (var -> sorted cut points, or None to keep the
        value): a variable not in ``keep`` is forgotten, and a set of values of a variable
        with cut points grows to the whole classes between cut points it touches."""
        return self.transfer(d, Change({}), keep)

    def transfer(self, d: int, change: Change, keep: dict | None, within: int | None = None
                 ) -> int:
        """``project(image(both(d, within), change), keep)`` in one pass (``keep`` None:
        every variable kept exactly; ``within`` None: all states)."""
        false = self.false
        within = self.true if within is None else within
        if d == false or within == false:
            return false
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
            deltas = deltas_of(op)
            return after(a, deltas, lo, hi), after(b - 1, deltas, lo, hi) + 1

        def go(n, w, i):
            if n == false or w == false:
                return false
            key = (n, w, i)
            got = memo.get(key)
            if got is not None:
                return got
            en, ew = nodes[n], nodes[w]
            top, best = None, None
            for var in (en[0], ew[0], changed[i] if i < last else None):
                if var is not None and (best is None or rank[var] < best):
                    top, best = var, rank[var]
            if top is None:
                got = n  # both leaves: True
            else:
                lo, hi = ranges[top]
                if en[0] == top and ew[0] == top:
                    cuts = tuple(sorted(set(en[1]) | set(ew[1])))
                else:
                    cuts = en[1] if en[0] == top else ew[1] if ew[0] == top else ()
                starts = (lo,) + cuts
                pairs = [(en[2][bisect_right(en[1], a)] if en[0] == top else n,
                          ew[2][bisect_right(ew[1], a)] if ew[0] == top else w)
                         for a in starts]
                if i < last and changed[i] == top:
                    got = self._kept(top, keep, [values(top, a, b) + (go(x, y, i + 1),)
                                                 for a, b, (x, y) in
                                                 zip(starts, cuts + (hi + 1,), pairs)])
                else:
                    kids = [go(x, y, i) for x, y in pairs]
                    if keep is not None and top not in keep:
                        got = self.any_of(kids)
                    elif keep is None or keep[top] is None or \
                            self._on_grid(cuts, keep[top]):
                        got = self.node(top, cuts, kids)
                    else:
                        got = self._kept(top, keep, list(zip(starts, cuts + (hi + 1,), kids)))
            memo[key] = got
            return got

        def alone(n, i):
            """``go(n, true, i)``: no intersection to make."""
            if n == false:
                return false
            key = (n, i)
            got = memo.get(key)
            if got is not None:
                return got
            en = nodes[n]
            var = en[0]
            if i < last and (var is None or rank[changed[i]] <= rank[var]):
                top = changed[i]
                lo, hi = ranges[top]
                if var == top:
                    cuts, kids = en[1], en[2]
                    starts = (lo,) + cuts
                else:
                    cuts, kids, starts = (), (n,), (lo,)
                got = self._kept(top, keep, [values(top, a, b) + (alone(k, i + 1),) for a, b, k
                                             in zip(starts, cuts + (hi + 1,), kids)])
            elif var is None:
                got = n  # True
            else:
                cuts = en[1]
                kids = [alone(k, i) for k in en[2]]
                if keep is not None and var not in keep:
                    got = self.any_of(kids)
                elif keep is None or keep[var] is None or self._on_grid(cuts, keep[var]):
                    got = self.node(var, cuts, kids)
                else:
                    lo, hi = ranges[var]
                    got = self._kept(var, keep, list(zip((lo,) + cuts, cuts + (hi + 1,), kids)))
            memo[key] = got
            return got
        return alone(d, 0) if within == self.true else go(d, within, 0)

    def _on_grid(self, cuts, grid) -> bool:
        """Do the intervals between ``cuts`` each lie within one class of ``grid``?"""
        on = self.grids.get(id(grid))
        if on is None or on[0] is not grid:
            on = self.grids[id(grid)] = (grid, frozenset(grid))
        return on[1].issuperset(cuts)

    def _kept(self, var, keep: dict, mapped) -> int:
        """The set whose states with ``var`` in a..b-1 are those of ``kid`` for each (a, b,
        kid) of ``mapped``, seen through ``keep`` (see ``project``)."""
        if keep is None:
            return self._segments(var, mapped)
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

    def _segments(self, var, mapped) -> int:
        """The set whose states with ``var`` in a..b-1 are those of ``kid``, for each
        (a, b, kid) of ``mapped`` (a union where they overlap; empty elsewhere)."""
        lo, hi = self.ranges[var]
        points = sorted({p for a, b, _ in mapped for p in (a, b) if p <= hi} | {lo})
        kids = [self.any_of([k for a, b, k in mapped if a <= p < b]) for p in points]
        return self.node(var, points[1:], kids)
