"""What a condition reads, in the form the explorer's merge key needs.

For a meter compared with a number (``m >= 60``) only the *cut* matters: the value where the
outcome flips (60: 59 and 60 differ, 60 and 99 do not). A meter read in any other form
(``a + b > 100``) must be kept exact. ``missteps()`` is treated as a counter meter when the
scenario has no cycles (each misstep choice is then taken at most once per play).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import expr

MISSTEPS = "missteps()"  # the counter's name among the meters; no meter can be named so
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


@dataclass
class Reads:
    """What the conditions evaluated in one place read: flags, visits, choices taken, and
    per meter the cut points (None: the exact value)."""

    flags: set = field(default_factory=set)
    visited: set = field(default_factory=set)
    chosen: set = field(default_factory=set)
    cuts: dict = field(default_factory=dict)

    def add_condition(self, cond, meters: dict, flags: set, counting: bool) -> None:
        uses = cond.uses
        self.flags |= uses.names & flags
        self.visited |= uses.visited
        self.chosen |= uses.chosen
        if uses.missteps and not counting:
            self.chosen |= uses.missteps
        for m, cs in condition_cuts(cond.node, meters).items():
            self.add_cuts(m, cs)

    def add_meters(self, cond, meters: dict) -> None:
        """Only the meters ``cond`` reads (``meters`` without ``MISSTEPS``): what a claim
        needs of the state it arrives with; what it reads of the path (flags included) is
        checked apart (``facts``)."""
        for m, cs in condition_cuts(cond.node, meters).items():
            self.add_cuts(m, cs)

    def add_cuts(self, m: str, cs) -> bool:
        """Merge cut points for ``m``; True when something was added."""
        have = self.cuts.get(m, set())
        if have is None:
            return False
        if cs is None:
            self.cuts[m] = None
            return True
        if m in self.cuts and cs <= have:
            return False
        self.cuts[m] = have | cs
        return True


def _var(n, meters: dict):
    if isinstance(n, expr.Name) and n.name in meters:
        return n.name
    if isinstance(n, expr.Call) and n.func == "missteps" and MISSTEPS in meters:
        return MISSTEPS
    return None


def condition_cuts(node, meters: dict) -> dict:
    """Per meter read by ``node``: the set of cut points inside its range, or None (exact)."""
    out: dict = {}
    exact: set = set()

    def walk(n):
        if isinstance(n, expr.Binary) and n.op in _FLIP:
            a, b, op = n.left, n.right, n.op
            if isinstance(a, expr.Num):
                a, b, op = b, a, _FLIP[op]
            m = _var(a, meters)
            if m is not None and isinstance(b, expr.Num):
                c = b.value
                cut = {">=": {c}, "<": {c}, ">": {c + 1}, "<=": {c + 1}}.get(op, {c, c + 1})
                lo, hi = meters[m]
                out.setdefault(m, set()).update(x for x in cut if lo < x <= hi)
                return
        m = _var(n, meters)
        if m is not None:
            exact.add(m)
        for child in (getattr(n, "left", None), getattr(n, "right", None),
                      getattr(n, "operand", None)):
            if child is not None:
                walk(child)
    walk(node)
    for m in exact:
        out[m] = None
    return out


def pull(cuts: set, deltas, lo: int, hi: int) -> set:
    """The cut points before a step that adds ``deltas`` in turn (each add clamped to
    lo..hi; ``None`` for a ``set:`` that puts the meter at a value), given the cut points
    after it. Otherwise as follows (each add clamped to
    lo..hi), given the cut points after it: for v -> clamp(v + d), 'after >= c' is
    'before >= c - d' when c - d lies in (lo, hi], and is decided either way otherwise."""
    for d in reversed(deltas):
        if d is None:  # the meter is set to a value here: what it was before cannot matter
            return set()
        cuts = {c - d for c in cuts if lo < c - d <= hi}
    return cuts
