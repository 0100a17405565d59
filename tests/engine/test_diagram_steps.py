"""The step operations the decision diagrams gained for the faster class explorer, against
brute force over the domain of ``test_diagram`` (two flags and a meter of -3..6): changes
merged ``in_turn`` (adds clamped one by one), views (``Diagrams.view``) read inside
``combine``, ``combine`` with a care set, ``transfer`` (the image of a set, projected, in
one pass), and ``compose`` remembering its results per change (not per ``id``, which a
later change can reuse)."""
from __future__ import annotations

import random

import pytest

from weerbaar.engine.explore.changes import Change, in_turn
from weerbaar.engine.explore.diagram import DONT_CARE, Diagrams

from .test_diagram import (POINTS, RANGES, RANK, SEEDS, VARS, members, random_change,
                           random_cuts, random_set, random_valued, store, table)


def after_all(point, changes) -> tuple:
    """The point after every change in turn; an ("adds", deltas) op adds one by one, each
    clamped to the range."""
    out = list(point)
    for change in changes:
        for var, (op, x) in change.ops.items():
            lo, hi = RANGES[var]
            i = RANK[var]
            if op == "set":
                out[i] = x
                continue
            for delta in ((x,) if op == "add" else x):
                out[i] = min(hi, max(lo, out[i] + delta))
    return tuple(out)


def random_steps(rnd) -> list:
    return [Change(random_change(rnd)) for _ in range(rnd.randint(1, 4))]


def random_keep(rnd) -> dict:
    keep = {}
    for var in VARS:
        how = rnd.choice(["forget", "exact", "cuts"])
        if how != "forget":
            keep[var] = None if how == "exact" else random_cuts(rnd, var)
    return keep


def seen(keep: dict, point) -> tuple:
    """What ``project`` keeps of a point: the exact values and the classes between cuts."""
    return tuple(point[RANK[v]] if cs is None else sum(t <= point[RANK[v]] for t in cs)
                 for v, cs in keep.items())


@pytest.mark.parametrize("seed", SEEDS)
def test_changes_in_turn_are_one_change_that_does_them_in_order(seed):
    rnd, d = random.Random(seed), store()
    steps = random_steps(rnd)
    joined = in_turn(steps, RANGES)
    assert all(after_all(p, [joined]) == after_all(p, steps) for p in POINTS), joined.ops
    n, s = random_valued(d, rnd), random_set(d, rnd)
    got = table(d, d.compose(n, joined))
    before = table(d, n)
    assert all(got[p] == before[after_all(p, steps)] for p in POINTS)
    assert members(d, d.image(s, joined)) == {after_all(p, steps) for p in members(d, s)}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_view_in_combine_reads_its_diagram_after_its_change(seed):
    rnd, d = random.Random(seed), store()
    change = in_turn(random_steps(rnd), RANGES)
    n, other = random_valued(d, rnd), random_valued(d, rnd)

    def f(v):
        return v[0] * 7 + v[1]
    got = d.combine(f, (d.view(n, change), other))
    assert got == d.combine(f, (d.compose(n, change), other))  # one function, one node
    assert d.view(n, Change({})) == n
    before, beside = table(d, n), table(d, other)
    assert table(d, got) == {p: f((before[after_all(p, [change])], beside[p]))
                             for p in POINTS}


@pytest.mark.parametrize("seed", SEEDS)
def test_combine_with_care_is_the_function_inside_the_care_set(seed):
    """With ``care``, the last part is a set: inside it the result is ``f`` (which sees
    True for that part); outside it any value will do (``f`` says so, as the classes do)."""
    rnd, d = random.Random(seed), store()
    n, other, care = random_valued(d, rnd), random_valued(d, rnd), random_set(d, rnd)
    while care == d.false:
        care = random_set(d, rnd)
    change = in_turn(random_steps(rnd), RANGES)

    def f(v):
        return v[0] * 7 + v[1] if v[-1] else DONT_CARE
    got = table(d, d.combine(f, (d.view(n, change), other, care), care=True))
    before, beside = table(d, n), table(d, other)
    for p in members(d, care):
        assert got[p] == before[after_all(p, [change])] * 7 + beside[p], p


@pytest.mark.parametrize("seed", SEEDS)
def test_transfer_is_the_image_projected(seed):
    rnd, d = random.Random(seed), store()
    for _ in range(3):
        s, keep = random_set(d, rnd), random_keep(rnd)
        change = in_turn(random_steps(rnd), RANGES)
        moved = {after_all(p, [change]) for p in members(d, s)}
        kept = {seen(keep, p) for p in moved}
        got = d.transfer(s, change, keep)
        assert members(d, got) == {p for p in POINTS if seen(keep, p) in kept}, \
            (change.ops, keep)
        assert got == d.project(d.image(s, change), keep)
    assert d.transfer(d.false, change, keep) == d.false


def test_transfer_without_a_change_is_project():
    rnd, d = random.Random(11), store()
    for _ in range(20):
        s, keep = random_set(d, rnd), random_keep(rnd)
        assert d.transfer(s, Change({}), keep) == d.project(s, keep)


def test_compose_is_right_for_a_change_made_after_another_was_dropped():
    """A change that is gone must not lend its remembered results to a new one (the memo
    once keyed them by ``id(change)``, which Python reuses)."""
    d = Diagrams({"m": 0}, {"m": (0, 9)}, 1000)
    n = d.classes("m", tuple(range(1, 10)), tuple(range(10)))
    for k in range(200):
        got = d.compose(n, Change({"m": ("add", k % 7)}))  # the change is dropped at once
        assert d.value(got, lambda var: 3) == min(9, 3 + k % 7), k


@pytest.mark.parametrize("seed", SEEDS)
def test_transfer_within_a_set_is_the_transfer_of_the_intersection(seed):
    """``transfer(s, change, keep, within)`` walks the pair (``s``, ``within``); without a
    set to intersect with it walks ``s`` alone: both give the one node of the same set."""
    rnd, d = random.Random(seed), store()
    for _ in range(3):
        s, within, keep = random_set(d, rnd), random_set(d, rnd), random_keep(rnd)
        change = in_turn(random_steps(rnd), RANGES) if rnd.random() < 0.7 else Change({})
        assert d.transfer(s, change, keep, within) == d.transfer(d.both(s, within), change, keep)
        exact = d.transfer(s, change, None, within)
        assert members(d, exact) == {after_all(p, [change])
                                     for p in members(d, d.both(s, within))}


@pytest.mark.parametrize("seed", SEEDS)
def test_combine_by_leaf_numbers_is_combine_by_values_and_asks_once_per_tuple(seed):
    rnd, d = random.Random(seed), store()
    n, other, care = random_valued(d, rnd), random_valued(d, rnd), random_set(d, rnd)
    view = d.view(n, in_turn(random_steps(rnd), RANGES))
    asked = []

    def by_numbers(numbers):
        asked.append(numbers)
        return d.leaf(d.nodes[numbers[0]][1] * 7 + d.nodes[numbers[1]][1])
    plain = d.combine(lambda v: v[0] * 7 + v[1], (view, other))
    assert d.combine(by_numbers, (view, other), ids=True) == plain
    assert len(asked) == len(set(asked))
    asked.clear()
    cared = table(d, d.combine(by_numbers, (view, other, care), care=True, ids=True))
    whole = table(d, plain)
    assert all(cared[p] == whole[p] for p in members(d, care))
    assert len(asked) == len(set(asked)), "asked twice for one tuple of leaves"
