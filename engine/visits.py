"""Counting visits: ``visits(scene)`` in conditions, and what the explorer keeps of counts.

``visited(scene)`` says whether a play has been in a scene; ``visits(scene)`` says how
often (``visits(overleg) >= 3``). For the explorer, two states that differ only in a count
can merge when no condition can tell the counts apart: when every ``visits(x)`` is compared
with a number, counts above the largest such number behave alike, so the state key keeps
``min(count, largest + 1)``; otherwise (``visits(x)`` in arithmetic) the exact count.
"""
from __future__ import annotations

from .expr import Binary, Call, Num, Unary

COMPARISONS = ("==", "!=", "<", "<=", ">", ">=")


def caps(conditions) -> dict[str, int | None]:
    """scene -> the count above which ``visits(scene)`` no longer matters (None: never)."""
    out: dict[str, int | None] = {}

    def note(scene, cap):
        if scene in out and (out[scene] is None or cap is None):
            out[scene] = None
        else:
            out[scene] = max(out.get(scene, 0), cap) if cap is not None else None

    def walk(n):
        if isinstance(n, Binary) and n.op in COMPARISONS:
            for a, b in ((n.left, n.right), (n.right, n.left)):
                if _is_visits(a) and isinstance(b, Num):
                    note(a.args[0], b.value + 1)
                    return
        if _is_visits(n):
            note(n.args[0], None)
        elif isinstance(n, Unary):
            walk(n.operand)
        elif isinstance(n, Binary):
            walk(n.left)
            walk(n.right)

    for cond in conditions:
        if cond is not None and cond.node is not None:
            walk(cond.node)
    return out


def _is_visits(n) -> bool:
    return isinstance(n, Call) and n.func == "visits"


def seen(visits: dict, scene: str, caps: dict):
    """What a state key keeps of the visits to ``scene``."""
    if scene not in caps:
        return scene in visits
    cap = caps[scene]
    n = visits.get(scene, 0)
    return n if cap is None else min(n, cap)
