"""The walk over the classes of states (``classes``): the graph the explorer reports on, built
breadth first from the start class, as ``search._Search`` builds it from the start state, in
the same order, so it has the same first paths, the same playthroughs, endings and problems,
and the claims are proved over it the same way (``proof``). No state is stepped after the
start: the classes already say where each choice leads.
"""
from __future__ import annotations

from collections import deque

from .classes import ENDING, STOP, STUCK, Classes
from .conditions import Unsupported
from .diagram import TooBig


class TooMany(Exception):
    """More than the budget allows: the search state by state reports the budget."""


def build_graph(search, bound: int) -> None:
    """Explore by classes into ``search.g``: the breadth-first pass of ``search._Search``,
    over the classes instead of the states (raises ``TooMany`` when a budget is exceeded or
    a condition is beyond the diagrams)."""
    try:
        classes = Classes(search, bound)
        starts = classes.start()
    except (TooBig, Unsupported, RecursionError) as e:  # the last: hundreds of variables
        raise TooMany from e
    g, exploration = search.g, search.exploration
    reached, taken = exploration.scenes_reached, exploration.choices_taken
    items = search.labels.items
    index: dict = {}
    queue: deque = deque()
    classed: list = []  # (class, node)

    def arrive(origin, number, lab, kind, target) -> None:
        """A move to a class, an ending or a stuck scene not met before."""
        if len(g.parent) >= bound:
            raise TooMany
        i = len(g.parent)
        g.parent.append(origin)
        scene = classes.scene_of(target) if kind == STOP else target
        reached.add(scene)
        g.scene.append(scene)
        g.edges.append([])
        g.labels.append([])
        g.link(origin, i, lab)
        if kind == STUCK:
            g.problems.append(("stuck", i))
        elif kind == ENDING:
            index[target] = i
            g.endings.add(i)
            exploration.endings_reached.add(target)
        else:
            index[target] = i
            queue.append((i, target))
            classed.append((target, i))

    for number, lab, kind, target, passed in starts:
        reached.update(passed)
        j = index.get(target) if kind != STUCK else None
        if j is None:
            arrive(None, number, lab, kind, target)
        else:
            g.link(None, j, lab)
    numbers = set()  # the steps taken
    label = search.edge_label
    plain = not search.watched and not any(search.names.values())  # a label is the step
    while queue:
        i, c = queue.popleft()
        steps = classes.offered(c)
        if not steps:
            g.problems.append(("soft-lock", i))
        edges, labels = g.edges[i], g.labels[i]
        for number, arrivals in steps:
            numbers.add(number)
            for passed, kind, target, at, values in arrivals:
                lab = number if plain else label(number, passed, at, values)
                if passed:  # a class holds a state a play is in: all it does is played
                    reached.update(passed)
                j = index.get(target) if kind != STUCK else None
                if j is None:
                    arrive((i, number), number, lab, kind, target)
                else:  # ``_Graph.link``, written out: most moves come here
                    edges.append(j)
                    labels.append(lab)
    taken.update(items[n][:2] for n in numbers)
    # a class leads only into classes made before it (of the scenes it leads to, whose
    # diagrams come first), endings and stuck scenes: children first, as ``Shape`` wants
    classed.sort()
    ends = set(range(len(g.parent))).difference([i for _, i in classed])
    g.order = sorted(ends) + [i for _, i in classed]
