"""What the explorer found: coverage, problems, path lengths, shortest paths and claims,
and the graph algorithms that compute the figures from the explored state graph."""
from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_BOUND = 200_000


@dataclass
class PathChoice:
    scene: str
    choice: str
    number: int  # 1-based position among the choices available then


@dataclass
class Problem:
    kind: str        # "soft-lock" | "endless loop" | "dead end" (no loop, and no ending ahead)
    scene: str
    path: list[PathChoice]


@dataclass
class Exploration:
    scenario: str
    states: int = 0
    bound: int = DEFAULT_BOUND
    bound_hit: bool = False
    budget: str = ""                    # why the explorer stopped or refused, in words
    scenes_reached: set = field(default_factory=set)
    choices_taken: set = field(default_factory=set)
    endings_reached: set = field(default_factory=set)
    scenes_missed: list = field(default_factory=list)
    choices_missed: list = field(default_factory=list)
    endings_missed: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    shortest: dict[str, list[PathChoice]] = field(default_factory=dict)  # ending -> path
    violations: dict[str, list[PathChoice]] = field(default_factory=dict)  # ending -> counterexample
    witness: list[PathChoice] | None = None   # the shortest play where the query held
    min_decisions: int | None = None
    max_decisions: int | None = None   # None when cycles make it unbounded
    median_decisions: int | None = None
    playthroughs: int | None = None    # distinct complete paths, exact (None when unbounded)
    has_cycles: bool = False
    by_classes: bool = False  # explored by classes of states (``classes``), not state by state

    @property
    def ok(self) -> bool:
        return not (self.problems or self.scenes_missed or self.choices_missed
                    or self.endings_missed or self.bound_hit or self.violations)

    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario, "ok": self.ok, "states": self.states, "bound": self.bound,
            "bound_hit": self.bound_hit, "budget": self.budget,
            "reached": {"scenes": len(self.scenes_reached), "choices": len(self.choices_taken),
                        "endings": len(self.endings_reached)},
            "missed": {"scenes": self.scenes_missed, "choices": self.choices_missed,
                       "endings": self.endings_missed},
            "problems": [{"kind": p.kind, "scene": p.scene, "path": path_dicts(p.path)}
                         for p in self.problems],
            "decisions": {"min": self.min_decisions, "max": self.max_decisions,
                          "median": self.median_decisions, "playthroughs": self.playthroughs,
                          "cycles": self.has_cycles},
            "endings": {e: path_dicts(p) for e, p in self.shortest.items()},
            "claims": {e: path_dicts(p) for e, p in self.violations.items()},
        }


def path_dicts(path: list[PathChoice]) -> list[dict]:
    return [{"scene": s.scene, "choice": s.choice, "number": s.number} for s in path]


def post_order(succ: list[list[int]]) -> tuple[list[int], bool]:
    """Nodes 0..n-1 with every node after its successors (iterative DFS), and whether a
    cycle was met."""
    order, state, cyclic = [], [0] * len(succ), False
    for root in range(len(succ)):
        if state[root]:
            continue
        stack = [(root, iter(succ[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                order.append(node)
                stack.pop()
            elif state[nxt] == 0:
                state[nxt] = 1
                stack.append((nxt, iter(succ[nxt])))
            elif state[nxt] == 1:
                cyclic = True
    return order, cyclic


class Shape:
    """What the graph algorithms share, computed once: the edges reversed, and every node
    after its successors (``post_order``) with whether a cycle was met."""

    def __init__(self, edges, order=None):
        """``order``: every node after its successors, when the caller knows one (the
        graph then has no cycle)."""
        self.reverse = reverse_edges(edges)
        if order is None:
            self.order, self.cyclic = post_order(edges)
        else:
            self.order, self.cyclic = order, False


def reverse_edges(edges) -> list[list[int]]:
    """For every node, the nodes with an edge into it."""
    reverse: list[list[int]] = [[] for _ in edges]
    for i, outs in enumerate(edges):
        for j in outs:
            reverse[j].append(i)
    return reverse


def can_reach(reverse, goals) -> set:
    """The nodes from which one of ``goals`` can be reached (``reverse`` from
    ``reverse_edges``)."""
    near, todo = set(goals), list(goals)
    while todo:
        j = todo.pop()
        for i in reverse[j]:
            if i not in near:
                near.add(i)
                todo.append(i)
    return near


def cannot_end(reverse, parent, scene, ending_nodes, stuck) -> list[int]:
    """States (not already reported) from which no ending can be reached: trapped in a loop.
    Per scene the first such state found (nodes are numbered breadth first, so along a
    shortest path), where that path enters the trap (its parent can still end); at most 5."""
    good = can_reach(reverse, ending_nodes)
    first: dict = {}
    for i in range(len(reverse)):
        if i not in good and i not in stuck and scene[i] not in first:
            first[scene[i]] = i
    return [i for i in first.values() if parent[i] is None or parent[i][0] in good][:5]


FIGURE_CELLS = 2_000_000  # the median needs a length histogram per state; beyond this, none


def path_figures(exploration: Exploration, roots, edges, ending_nodes, shape: Shape) -> None:
    """Path lengths in decisions over all complete playthroughs (unless cycles make them
    endless). Counts are exact integers: 2**1030 playthroughs are counted, not estimated.
    Shortest, longest and count take one pass; the median needs a histogram of lengths per
    state and is left out when that would exceed ``FIGURE_CELLS`` cells."""
    if not edges:
        return
    order, exploration.has_cycles = shape.order, shape.cyclic
    n = len(edges)
    low, high, count = [None] * n, [None] * n, [0] * n
    of_low, of_high, of_count = low.__getitem__, high.__getitem__, count.__getitem__
    for node in order:  # children before parents
        outs = edges[node]
        if node in ending_nodes:
            low[node], high[node], count[node] = 0, 0, 1
        elif outs:
            lows = list(map(of_low, outs))
            if None in lows:  # a child that cannot end
                outs = [c for c in outs if low[c] is not None]
                if not outs:
                    continue
                lows = list(map(of_low, outs))
            low[node] = 1 + min(lows)
            high[node] = 1 + max(map(of_high, outs))
            count[node] = sum(map(of_count, outs))
    reached = [r for r in roots if low[r] is not None]
    if not reached:
        return
    exploration.min_decisions = min(low[r] for r in reached)
    if exploration.has_cycles:
        return
    exploration.max_decisions = max(high[r] for r in reached)
    exploration.playthroughs = sum(count[r] for r in reached)
    if n * (exploration.max_decisions - exploration.min_decisions + 1) <= FIGURE_CELLS:
        exploration.median_decisions = _median(order, reached, edges, ending_nodes, low,
                                          exploration.playthroughs)


def _median(order, roots, edges, ending_nodes, low, total: int) -> int:
    """The median length, from a histogram of lengths per state held in one integer: in
    fields of ``width`` bits, how many paths from the state have its shortest length, one
    more, and so on. A state's histogram is the sum of its successors', each moved up one
    decision (a shift), so the work is done by integer arithmetic; a field never overflows,
    since no count exceeds ``total``."""
    width = (total.bit_length() + 8) // 8 * 8  # whole bytes, to read the fields back
    hist = [0] * len(edges)
    for node in order:
        if node in ending_nodes:
            hist[node] = 1
        elif low[node] is not None:
            base = low[node] - 1
            hist[node] = sum([hist[c] << ((low[c] - base) * width) for c in edges[node]
                              if low[c] is not None])
    top = min(low[r] for r in roots)
    whole = sum(hist[r] << ((low[r] - top) * width) for r in roots)
    data, size, acc = whole.to_bytes((whole.bit_length() + 7) // 8 or 1, "little"), width // 8, 0
    k = 0
    while k + size < len(data):  # the last field holds the longest: the median if no other
        acc += int.from_bytes(data[k:k + size], "little")
        if 2 * acc >= total:  # integers only: no float overflow
            break
        k += size
    return top + k // size
