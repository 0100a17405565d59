"""The claims, checked after the search over the paths of the merged state graph.

States merged by the key are alike in everything the key keeps, so every path in the merged
graph is the projection of a real play and every real play maps to a path. What a claim
reads of the path (flags, choices taken, missteps, scenes visited) is therefore not kept in
the key: every edge of the graph carries a label (the choice it took, the watched scenes it
entered, and on arrival in an ending the meters that the ending's claim reads), and a
breadth-first search over the product (graph node × the path facts of ``facts``), limited to
nodes from which a claimed ending can be reached, tests each claim on every distinct way
to arrive. Breadth-first in decisions: the first failing arrival is a shortest
counterexample.

A label is stored once (``Labels``) and kept on the edge as its number. Every step (scene,
choice, number) has a number before the search (0 is the way from the start); the search
keeps it as the edge's parent too, so a plain edge costs no label at all. An edge that
entered a watched scene or carries meters gets the number of (step number, entered, values).
"""
from __future__ import annotations

from collections import deque

from .facts import PathFacts
from .exploration import Shape, PathChoice, can_reach


class Labels:
    """Edge labels, each stored once; calling with a label gives its number. The steps of a
    scene are numbered together when the search first expands it: ``row(scene)[choice
    id][number - 1]``."""

    def __init__(self):
        self.ids: dict = {}
        self.items: list = [None]
        self.rows: dict = {}

    def row(self, scene) -> dict:
        row = self.rows.get(scene.id)
        if row is None:
            k = len(scene.choices)
            row = self.rows[scene.id] = {c.id: [self((scene.id, c.id, n)) for n in range(1, k + 1)]
                                         for c in scene.choices}
        return row

    def __call__(self, label) -> int:
        i = self.ids.get(label)
        if i is None:
            i = self.ids[label] = len(self.items)
            self.items.append(label)
        return i


def parts(items: list, lab: int) -> tuple:
    """(scene, choice, number, entered, values) of label ``lab``; scene None: the start."""
    label = items[lab]
    entered = values = ()
    if label is not None and not isinstance(label[0], str):  # (step, entered, values)
        step, entered, values = label
        label = items[step]
    return (None, None, 0, entered, values) if label is None else label + (entered, values)


class _Product:
    """One breadth-first search over (node, facts), facts packed as by ``PathFacts``.

    Before it, the nodes that can reach a claimed ending are found (``near``; no other node
    is entered), and per node the facts that can still matter from there (``live``); the
    search forgets the rest, so plays that differ only in facts no claim ahead reads merge.
    The start is node ``n`` (one past the last), with an edge to every node the start
    settles in."""

    def __init__(self, g, shape: Shape, items: list, facts: PathFacts, claims: dict,
                 names: dict):
        self.facts, self.claims, self.names, self.items = facts, claims, names, items
        n = self.n = len(g.edges)
        self.goal = [None] * (n + 1)
        for i in g.endings:
            if g.scene[i] in claims:
                self.goal[i] = g.scene[i]
        goals = [i for i in g.endings if self.goal[i] is not None]
        self.near = [False] * (n + 1)
        for i in can_reach(shape.reverse, goals):
            self.near[i] = True
        self.edges = g.edges + [[j for j, _ in g.starts]]
        self.labels = g.labels + [[lab for _, lab in g.starts]]
        kinds = [facts.step(*parts(items, lab)[:2], parts(items, lab)[3])
                 for lab in range(len(items))]
        self.trans = [k[:3] for k in kinds]  # (keep, put, more): see PathFacts.step
        self.kills = [k[3] for k in kinds]
        self.goals = len(goals)
        self.live = self._live(goals, shape)

    def _live(self, goals, shape: Shape) -> list:
        """node -> the facts that can matter from there (read by a claim ahead and not
        overwritten on the way): one sweep with successors first, in a graph with loops
        repeated until nothing changes."""
        live = [0] * (self.n + 1)
        for i in goals:
            live[i] = self.facts.reads(self.claims[self.goal[i]])
        near, goal, edges, labels, kills = self.near, self.goal, self.edges, self.labels, \
            self.kills
        order = [i for i in shape.order if near[i] and goal[i] is None]
        changed = True
        while changed:
            changed = False
            for i in order:
                need = 0
                for k, lab in zip(edges[i], labels[i]):
                    need |= live[k] & ~kills[lab]
                if need != live[i]:
                    live[i] = need
                    changed = shape.cyclic
        return live

    def holds(self, lab: int, f: int, ending: str) -> bool:
        """Does the claim of ``ending`` hold on arrival by label ``lab`` with facts ``f``?"""
        values = parts(self.items, lab)[4]
        state = self.facts.state(f, ending, self.names[ending], values)
        return bool(self.claims[ending].test(state))

    def run(self) -> dict:
        """ending -> the first (so shortest) path that arrives there with its claim false."""
        goal, edges, labels, trans = self.goal, self.edges, self.labels, self.trans
        live = [mask if near else None for mask, near in zip(self.live, self.near)]
        size, found, labs = self.n + 1, {}, len(self.items)
        # (facts * labs + label) * size + ending node -> the claim holds on that arrival (one
        # label can lead into several endings: a chance route after the step)
        verdicts: dict = {}
        came: dict = {}  # product node (facts * size + node) -> (previous, label)
        queue = deque([self.n])
        while queue and len(found) < self.goals:
            here = queue.popleft()
            f, i = divmod(here, size)
            for j, lab in zip(edges[i], labels[i]):
                mask = live[j]
                if mask is None:  # no claimed ending ahead
                    continue
                keep, put, more = trans[lab]
                h = (f & keep) | put
                if more is not None:
                    h = more(h)
                h &= mask
                ending = goal[j]
                if ending is None:
                    there = h * size + j
                    if there not in came:
                        came[there] = (here, lab)
                        queue.append(there)
                elif ending not in found:
                    key = (h * labs + lab) * size + j
                    v = verdicts.get(key)
                    if v is None:
                        v = verdicts[key] = self.holds(lab, h, ending)
                    if not v:
                        found[ending] = self.path(came, here, lab)
        return found

    def path(self, came: dict, prev: int, lab: int) -> list[PathChoice]:
        out = []
        while True:
            scene, choice, number, _, _ = parts(self.items, lab)
            if scene is not None:
                out.append(PathChoice(scene, choice, number))
            if prev == self.n:
                return out[::-1]
            prev, lab = came[prev]


def counterexamples(g, shape: Shape, items: list, facts: PathFacts, claims: dict,
                    names: dict) -> dict:
    """ending -> the shortest path (Steps) that arrives there where its claim fails.

    ``g`` is the explored graph (``edges`` and ``labels`` per node, ``starts`` as (node,
    label), ``scene``, ``endings``), ``items`` the labels by number; ``names[e]`` are the
    meters whose values the labels into ``e`` carry."""
    if not any(g.scene[i] in claims for i in g.endings):
        return {}
    return _Product(g, shape, items, facts, claims, names).run()
