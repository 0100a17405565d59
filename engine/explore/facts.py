"""What the claims read of the path a play took, packed into one int.

A claim (an ending's ``requires``) may read the path: which choices were taken
(``chosen(s, c)``), how many missteps (``missteps()``), which scenes were entered and how
often (``visited(x)``, ``visits(x)``). A flag is a fact of the path too: it starts false and
only the effects of the choices taken and the scenes entered set or clear it. The merge key
leaves these out (``key``); ``proof`` walks the product of the merged graph and these facts,
and ``PathFacts`` says how one edge of the graph changes them and what state a claim sees
at the end. The fields of the int:

- a flag that a claim reads: one bit;
- a choice that a claim reads with ``chosen()``: one bit;
- a scene read with ``visited()`` only: one bit; a scene whose ``visits()`` a claim compares
  with numbers: a counter that stops at the count above which no claim tells counts apart
  (``engine.visits.caps``);
- the other misstep choices (those no ``chosen()`` reads): one bit each, and once
  ``missteps()`` reaches the highest count a claim tells apart, the field becomes the
  lowest that many bits (so plays that only differ beyond that merge).

A claim that reads a visit count in arithmetic in a scenario with loops has no such bound;
``exact_claims`` names those, and the search keeps all they read in the key instead.
"""
from __future__ import annotations

from .. import visits
from .cuts import MISSTEPS, condition_cuts


def misstep_pairs(scenario) -> tuple:
    return tuple(sorted((s.id, c.id) for s in scenario.scenes.values()
                        for c in s.choices if c.misstep))


def exact_claims(claims: dict, cyclic: bool) -> set:
    """The endings whose claim reads a visit count that no cut bounds, in a cyclic graph."""
    if not cyclic:
        return set()
    return {e for e, c in claims.items() if None in visits.caps([c]).values()}


def _mis_cap(conds, npairs: int):
    """The highest count of missteps the claims tell apart (0: none reads it; None: every
    count matters)."""
    cuts: set = set()
    for c in conds:
        if c.uses.missteps:
            cs = condition_cuts(c.node, {MISSTEPS: (0, npairs)}).get(MISSTEPS, set())
            if cs is None:
                return None
            cuts |= cs
    return max(cuts, default=0)


class ClaimState:
    """The small state a claim is tested on in the product: the flags and meters it read
    on arrival, and the path facts of one path."""

    __slots__ = ("scene", "vars", "visits", "chosen")

    def __init__(self, scene, vars, visits, chosen):
        self.scene, self.vars, self.visits, self.chosen = scene, vars, visits, chosen


class PathFacts:
    """The layout of the path facts that ``claims`` (ending -> condition) read."""

    def __init__(self, scenario, claims: dict):
        pairs = misstep_pairs(scenario)
        conds = list(claims.values())
        self.flags = [f for f in scenario.flags if any(f in c.uses.names for c in conds)]
        self.direct = sorted({p for c in conds for p in c.uses.chosen})
        caps = visits.caps(conds)
        read = {x for c in conds for x in c.uses.visited}
        seen = sorted(x for x in read if x not in caps)
        counted = sorted(x for x in read if x in caps)
        self.bits: dict = {}  # ("flag", name), ("chosen", pair), ("visited", scene) -> bit
        for name in [("flag", f) for f in self.flags] + [("chosen", p) for p in self.direct] \
                + [("visited", x) for x in seen]:
            self.bits[name] = 1 << len(self.bits)
        self.on_choice = {(s.id, c.id): self._flag_ops(c.effects)
                          for s in scenario.scenes.values() for c in s.choices}
        self.on_enter = {sid: self._flag_ops(s.on_enter) for sid, s in scenario.scenes.items()}
        self.on_enter = {sid: ops for sid, ops in self.on_enter.items() if ops != (0, 0)}
        # the scenes an edge label must list: read by a claim, or setting a flag it reads
        self.watched = frozenset(read | set(self.on_enter))
        shift = len(self.bits)
        self.counters: dict = {}  # scene -> (shift, mask, cap)
        for x in counted:
            cap = 1 if caps[x] is None else caps[x]  # None: no loop, so one visit at most
            width = cap.bit_length()
            self.counters[x] = (shift, (1 << width) - 1, cap)
            shift += width
        self.mis_shift = shift
        self.mis_cap = _mis_cap(conds, len(pairs))
        self.others = [] if self.mis_cap == 0 else \
            [p for p in pairs if p not in set(self.direct)]
        self.mis_bit = {p: 1 << (shift + k) for k, p in enumerate(self.others)}
        self.mis_mask = (1 << len(self.others)) - 1

    def _flag_ops(self, effects) -> tuple[int, int]:
        """(set, clear) masks of the flags read by claims, as ``engine.rules`` applies
        ``effects``: sets first, then clears."""
        if effects is None:
            return (0, 0)
        bits = self.bits
        clear = sum(bits[("flag", f)] for f in set(effects.clears) if ("flag", f) in bits)
        put = sum(bits[("flag", f)] for f in set(effects.sets) if ("flag", f) in bits)
        return (put & ~clear, clear)

    def reads(self, cond) -> int:
        """The fields of the facts that ``cond`` reads."""
        uses, bits = cond.uses, self.bits
        mask = sum(bits[("flag", f)] for f in self.flags if f in uses.names)
        mask |= sum(bits[("chosen", p)] for p in uses.chosen)
        mask |= sum(bit for (kind, x), bit in bits.items() if kind == "visited"
                    and x in uses.visited)
        for x, (shift, field, _) in self.counters.items():
            if x in uses.visited:
                mask |= field << shift
        if uses.missteps:
            mask |= self.mis_mask << self.mis_shift
            mask |= sum(bits[("chosen", p)] for p in self.direct if p in uses.missteps)
        return mask

    def step(self, scene, choice, entered) -> tuple:
        """What one edge does to the facts: the choice taken in ``scene`` (None for the
        start) and the watched scenes entered on the way, in order. Returns (keep, put,
        more, kills): the edge takes ``f`` to ``(f & keep) | put``, then through ``more``
        when that is not None (visit counters, missteps reaching the cap); ``kills`` are the
        bits it overwrites, whose value before it cannot matter."""
        pair, adds = (scene, choice), {}
        put, clear = self.on_choice.get(pair, (0, 0))
        put |= self.bits.get(("chosen", pair), 0) | self.mis_bit.get(pair, 0)
        for x in entered:
            p, c = self.on_enter.get(x, (0, 0))
            put, clear = (put & ~c) | p | self.bits.get(("visited", x), 0), (clear & ~p) | c
            if x in self.counters:
                adds[x] = adds.get(x, 0) + 1
        kills = (put | clear) & ~(self.mis_mask << self.mis_shift)
        counters = [self.counters[x] + (n,) for x, n in adds.items()]
        saturate = pair in self.mis_bit and self.mis_cap is not None
        if not (counters or saturate):
            return ~clear, put, None, kills

        def more(f):
            for shift, mask, cap, n in counters:
                f = (f & ~(mask << shift)) | (min(((f >> shift) & mask) + n, cap) << shift)
            return self._saturate(f) if saturate else f
        return ~clear, put, more, kills

    def _saturate(self, f: int) -> int:
        field = (f >> self.mis_shift) & self.mis_mask
        if field.bit_count() < self.mis_cap:
            return f
        lowest = (1 << self.mis_cap) - 1
        return (f & ~(self.mis_mask << self.mis_shift)) | (lowest << self.mis_shift)

    def state(self, f: int, ending: str, names, values) -> ClaimState:
        """The state a claim at ``ending`` sees: the meters ``names`` = ``values`` and the
        facts ``f``."""
        values = dict(zip(names, values))
        values.update((x, bool(f & self.bits[("flag", x)])) for x in self.flags)
        chosen = {p for p in self.direct if f & self.bits[("chosen", p)]}
        chosen.update(p for p in self.others if f & self.mis_bit[p])
        seen = {x: 1 for (kind, x), bit in self.bits.items() if kind == "visited" and f & bit}
        for x, (shift, mask, _) in self.counters.items():
            if (f >> shift) & mask:
                seen[x] = (f >> shift) & mask
        return ClaimState(ending, values, seen, chosen)
