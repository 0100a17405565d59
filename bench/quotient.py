#!/usr/bin/env python3
"""How many of the state search's states a perfect merge key would keep: the coarsest
bisimulation of the graph it explores.

    python bench/quotient.py [FILE ...]      (default: the shipped scenarios)

The search state by state (``engine.explore.search``) merges two states when its key says that
nothing ahead can tell them apart; the key is built per variable (a flag, a meter's class, a choice taken), so states that differ in a
variable whose difference never changes what happens next stay apart. This script explores a
scenario (without claims), then refines the graph's states by partition refinement (states
start in one block per scene; a block splits while its states differ in which choice leads
into which block) and prints one JSON line per file: the explorer's states, the states of the
coarsest bisimulation, and their ratio. The quotient keeps every playthrough, every shortest
path and every ending a play can reach: it is the floor for any exact key. Exploring by
classes (``engine.explore.classes``, the way for scenarios without loops) reaches it:
``tests/engine/test_explore_quotient.py`` checks that (with every label kept, not only the
choice, its counts can be a little higher than this script's).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from weerbaar.engine import load_scenario  # noqa: E402
from weerbaar.engine.explore.exploration import Exploration  # noqa: E402
from weerbaar.engine.explore.search import _Search  # noqa: E402


def explored_graph(scenario):
    """The explorer's graph: scene per state, and per state its edges as (choice id, state)."""
    search = _Search(scenario, Exploration(scenario.id, bound=10**7), 10**7, False, None)
    search.run()
    g, items = search.g, search.labels.items

    def choice(label: int):
        item = items[label]
        if item is not None and not isinstance(item[0], str):  # (step, entered, values)
            item = items[item[0]]
        return None if item is None else item[1]
    moves = [[(choice(lab), j) for j, lab in zip(outs, labs)]
             for outs, labs in zip(g.edges, g.labels)]
    return g.scene, moves


def coarsest_bisimulation(scenes, moves) -> int:
    """The number of blocks of the coarsest partition, refined from one block per scene."""
    ids: dict = {}
    block = [ids.setdefault(s, len(ids)) for s in scenes]
    count = len(ids)
    while True:
        ids = {}
        block = [ids.setdefault((block[i], frozenset((c, block[j]) for c, j in moves[i])),
                                len(ids)) for i in range(len(scenes))]
        if len(ids) == count:
            return count
        count = len(ids)


def main(paths) -> None:
    for path in paths:
        scenario = load_scenario(str(path))
        t = time.process_time()
        scenes, moves = explored_graph(scenario)
        explored = time.process_time() - t
        floor = coarsest_bisimulation(scenes, moves)
        print(json.dumps({"file": Path(path).name, "states": len(scenes), "bisimulation": floor,
                          "ratio": round(len(scenes) / floor, 1),
                          "explore_cpu_s": round(explored, 3)}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:] or sorted(p for p in (ROOT / "scenarios").glob("*.yaml")
                                if not p.name.endswith(".transcripts.yaml")))
