"""The decision diagrams of the class explorer (``engine/explore/diagram.py``) against brute
force: over a small domain (two flags and a meter of -3..6, 40 states) every operation is
checked on every state, for seeded random diagrams, and the diagrams are checked to be
reduced and canonical (one function, one node)."""
from __future__ import annotations

import random
from bisect import bisect_right
from itertools import product

import pytest

from weerbaar.engine.explore.diagram import DONT_CARE, Change, Diagrams, TooBig

VARS = ("f", "g", "m")
RANK = {v: i for i, v in enumerate(VARS)}
RANGES = {"f": (0, 1), "g": (0, 1), "m": (-3, 6)}
POINTS = list(product(*(range(lo, hi + 1) for lo, hi in (RANGES[v] for v in VARS))))
SEEDS = range(60)


def store(budget: int = 1_000_000) -> Diagrams:
    return Diagrams(dict(RANK), dict(RANGES), budget)


def reader(point):
    return lambda var: point[RANK[var]]


def table(d: Diagrams, n: int) -> dict:
    """point -> the diagram's value there."""
    return {p: d.value(n, reader(p)) for p in POINTS}


def members(d: Diagrams, n: int) -> set:
    """The set of points a set diagram (leaves True/False) holds."""
    got = table(d, n)
    assert set(got.values()) <= {True, False}
    return {p for p, v in got.items() if v}


def random_cuts(rnd, var) -> tuple:
    lo, hi = RANGES[var]
    inner = range(lo + 1, hi + 1)
    return tuple(sorted(rnd.sample(inner, rnd.randint(0, len(inner)))))


def random_set(d: Diagrams, rnd, depth: int = 3) -> int:
    """A set built from ``interval``, ``classes`` and ``combine``."""
    if depth == 0 or rnd.random() < 0.25:
        var = rnd.choice(VARS)
        lo, hi = RANGES[var]
        if rnd.random() < 0.5:
            a = rnd.randint(lo - 2, hi + 2)
            inside = rnd.random() < 0.7
            return d.interval(var, a, rnd.randint(a, hi + 3), inside, not inside)
        cuts = random_cuts(rnd, var)
        return d.classes(var, cuts, [rnd.random() < 0.5 for _ in range(len(cuts) + 1)])
    op = rnd.choice(["and", "or", "xor", "not"])
    if op == "not":
        return d.combine(lambda v: not v[0], (random_set(d, rnd, depth - 1),))
    f = {"and": lambda v: v[0] and v[1], "or": lambda v: v[0] or v[1],
         "xor": lambda v: v[0] != v[1]}[op]
    return d.combine(f, (random_set(d, rnd, depth - 1), random_set(d, rnd, depth - 1)))


def random_valued(d: Diagrams, rnd) -> int:
    """A diagram with small whole numbers in its leaves."""
    parts = []
    for var in rnd.sample(VARS, rnd.randint(1, 3)):
        cuts = random_cuts(rnd, var)
        parts.append(d.classes(var, cuts, [rnd.randint(0, 3) for _ in range(len(cuts) + 1)]))
    return d.combine(sum, tuple(parts))


def random_change(rnd) -> dict:
    """var -> ("add", k) or ("set", c), for one to three variables (adds far enough to clamp)."""
    ops = {}
    for var in rnd.sample(VARS, rnd.randint(1, 3)):
        lo, hi = RANGES[var]
        if rnd.random() < 0.5:
            ops[var] = ("set", rnd.randint(lo, hi))
        else:
            ops[var] = ("add", rnd.randint(-(hi - lo) - 2, hi - lo + 2))
    return ops


def after(point, ops: dict):
    """The point after the change, clamped to each range."""
    out = list(point)
    for var, (op, x) in ops.items():
        lo, hi = RANGES[var]
        i = RANK[var]
        out[i] = x if op == "set" else min(hi, max(lo, out[i] + x))
    return tuple(out)


def from_table(d: Diagrams, values: dict, depth: int = 0, prefix=()) -> int:
    """The diagram of a truth table, built by splitting on every value of every variable
    (a third way to build a function, for canonicity)."""
    if depth == len(VARS):
        return d.leaf(values[prefix])
    lo, hi = RANGES[VARS[depth]]
    kids = [from_table(d, values, depth + 1, prefix + (x,)) for x in range(lo, hi + 1)]
    return d.node(VARS[depth], tuple(range(lo + 1, hi + 1)), kids)


# ---- the operations ---------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_combine_applies_the_function_on_every_state(seed):
    rnd, d = random.Random(seed), store()
    parts = tuple(random_valued(d, rnd) for _ in range(rnd.randint(1, 3)))
    weights = [rnd.randint(1, 5) for _ in parts]

    def f(v):
        return sum(w * x for w, x in zip(weights, v)) % 7
    got = table(d, d.combine(f, parts))
    for p in POINTS:
        assert got[p] == f(tuple(d.value(q, reader(p)) for q in parts)), p


@pytest.mark.parametrize("seed", SEEDS)
def test_either_both_and_any_of_are_union_and_intersection(seed):
    rnd, d = random.Random(seed), store()
    sets = [random_set(d, rnd) for _ in range(4)]
    a, b = sets[0], sets[1]
    assert members(d, d.either(a, b)) == members(d, a) | members(d, b)
    assert members(d, d.both(a, b)) == members(d, a) & members(d, b)
    assert members(d, d.any_of(sets)) == set().union(*(members(d, s) for s in sets))
    assert d.any_of([]) == d.false


@pytest.mark.parametrize("seed", SEEDS)
def test_compose_reads_the_diagram_after_the_change(seed):
    rnd, d = random.Random(seed), store()
    kept = []  # compose remembers results by the change's identity: keep every change alive
    for _ in range(4):
        n = random_valued(d, rnd) if rnd.random() < 0.5 else random_set(d, rnd)
        ops = random_change(rnd)
        kept.append(Change(ops))
        got = table(d, d.compose(n, kept[-1]))
        before = table(d, n)
        for p in POINTS:
            assert got[p] == before[after(p, ops)], (p, ops)


def test_compose_without_a_change_or_with_a_zero_add_is_the_same_diagram():
    rnd, d = random.Random(7), store()
    n = random_valued(d, rnd)
    assert d.compose(n, Change({})) == n
    zero = Change({"m": ("add", 0)})
    assert d.compose(n, zero) == n


@pytest.mark.parametrize("seed", SEEDS)
def test_image_is_exactly_the_states_after_the_change(seed):
    rnd, d = random.Random(seed), store()
    for _ in range(4):
        s = random_set(d, rnd)
        ops = random_change(rnd)
        assert members(d, d.image(s, Change(ops))) == {after(p, ops) for p in members(d, s)}
    assert d.image(d.false, Change({"m": ("add", 2)})) == d.false


def _class(var, x, cuts) -> int:
    return x if cuts is None else bisect_right(cuts, x)


@pytest.mark.parametrize("seed", SEEDS)
def test_project_keeps_exact_variables_and_whole_classes_of_cut_ones(seed):
    rnd, d = random.Random(seed), store()
    for _ in range(4):
        s = random_set(d, rnd)
        keep = {}
        for var in VARS:
            how = rnd.choice(["forget", "exact", "cuts"])
            if how != "forget":
                keep[var] = None if how == "exact" else random_cuts(rnd, var)
        inside = members(d, s)

        def seen(p):
            return tuple(_class(v, p[RANK[v]], cs) for v, cs in keep.items())
        classes = {seen(u) for u in inside}
        assert members(d, d.project(s, keep)) == {p for p in POINTS if seen(p) in classes}, keep


def test_point_holds_one_state():
    d = store()
    for p in POINTS[::7]:
        assert members(d, d.point(reader(p), list(VARS))) == {p}


# ---- don't care ---------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS[:20])
def test_a_dont_care_takes_any_value_and_the_rest_stays(seed):
    rnd, d = random.Random(seed), store()
    where, n = random_set(d, rnd), random_valued(d, rnd)
    got = d.combine(lambda v: v[1] if v[0] else DONT_CARE, (where, n))
    values = table(d, n)
    assert all(d.value(got, reader(p)) == values[p] for p in members(d, where))
    if not members(d, where):
        assert got == d.dc


def test_a_node_whose_children_are_all_dont_care_is_dont_care():
    d = store()
    assert d.node("m", (0, 3), (d.dc, d.dc, d.dc)) == d.dc
    assert d.node("m", (0, 3), (d.dc, d.true, d.dc)) == d.true
    assert d.node("m", (0, 3), (d.false, d.dc, d.true)) == d.interval("m", 3, 7, True, False)


def test_true_and_the_number_1_are_different_leaves():
    d = store()
    assert d.leaf(True) != d.leaf(1) and d.leaf(False) != d.leaf(0)
    assert d.value(d.leaf(1), reader(POINTS[0])) == 1


# ---- reduced and canonical -----------------------------------------------------------------

def _check_reduced(d: Diagrams) -> None:
    for n, entry in enumerate(d.nodes):
        if entry[0] is None:
            continue
        var, cuts, kids, flat = entry
        assert flat == all(d.nodes[k][0] is None for k in kids), entry
        lo, hi = RANGES[var]
        assert len(kids) == len(cuts) + 1 >= 2, entry
        assert list(cuts) == sorted(set(cuts)) and lo < cuts[0] and cuts[-1] <= hi, entry
        assert d.dc not in kids, entry
        assert all(a != b for a, b in zip(kids, kids[1:])), entry
        below = [d.nodes[k][0] for k in kids if d.nodes[k][0] is not None]
        assert all(RANK[v] > RANK[var] for v in below), entry  # ordered


@pytest.mark.parametrize("seed", SEEDS)
def test_every_node_is_reduced_and_ordered(seed):
    rnd, d = random.Random(seed), store()
    kept = []
    for _ in range(3):
        s = random_set(d, rnd)
        kept.append(Change(random_change(rnd)))
        d.compose(random_valued(d, rnd), kept[-1])
        d.image(s, kept[-1])
        d.project(s, {"m": random_cuts(rnd, "m"), "f": None})
    _check_reduced(d)
    entries = [(e[0], e[1], e[2]) if e[0] is not None else (None, e[1].__class__, e[1])
               for e in d.nodes]
    assert len(set(entries)) == len(entries)  # equal nodes are one node


@pytest.mark.parametrize("seed", SEEDS)
def test_one_function_is_one_node_however_it_is_built(seed):
    rnd, d = random.Random(seed), store()
    a, b = random_set(d, rnd), random_set(d, rnd)
    assert from_table(d, table(d, a)) == a
    assert d.combine(lambda v: v[0] and v[1], (a, b)) == d.both(a, b)
    assert d.combine(lambda v: v[0] or v[1], (a, b)) == d.either(b, a)

    def neg(x):
        return d.combine(lambda v: not v[0], (x,))
    assert neg(d.either(a, b)) == d.both(neg(a), neg(b))  # De Morgan
    n = random_valued(d, rnd)
    assert from_table(d, table(d, n)) == n
    everything = d.any_of([d.interval("m", -3, 2, True, False), d.interval("m", 2, 7, True, False)])
    assert everything == d.true


# ---- the budget -----------------------------------------------------------------------------

def _build_many(d: Diagrams) -> None:
    rnd = random.Random(3)
    for _ in range(10):
        random_set(d, rnd)


def test_more_nodes_than_the_budget_is_too_big():
    d = store()
    _build_many(d)
    needed = len(d.nodes)
    assert needed > 20
    _build_many(store(needed))  # exactly enough: no complaint
    with pytest.raises(TooBig):
        _build_many(store(needed - 1))
