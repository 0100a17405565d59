"""What a step does to the variables of a play, for decision diagrams: a flag or meter set
to a value, a meter added to (clamped to its range), several changes in turn as one."""
from __future__ import annotations


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
                ops[var] = ("set", after(old[1], deltas, lo, hi))
            else:
                ops[var] = ("adds", old[1] + deltas)
    return Change(ops)


def deltas_of(op) -> tuple:
    return (op[1],) if op[0] == "add" else op[1]


def after(x: int, deltas, lo: int, hi: int) -> int:
    for d in deltas:
        x += d
        x = lo if x < lo else hi if x > hi else x
    return x


def pre_all(t: int, deltas, lo: int, hi: int) -> int:
    """The least x in lo..hi whose value after ``deltas`` in turn is >= t."""
    for d in reversed(deltas):
        t = pre(t, d, lo, hi)
    return t


def pre(t: int, d: int, lo: int, hi: int) -> int:
    """The least x in lo..hi with clamp(x + d) >= t, as a cut before the add (hi + 1: no
    such x; lo: every x)."""
    if t <= lo:
        return lo
    if t > hi:
        return hi + 1
    return min(max(lo, t - d), hi + 1)
