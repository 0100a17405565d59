"""Exploring by classes keeps the classes of states that play differently: its node count
lies between the coarsest bisimulation of the graph the search state by state explores
(states refined while they differ in which labelled step leads into which block) and that
search's states, and equals the bisimulation where no route scene is passed (a class also
keeps apart the route scenes its plays pass, which the scenes reached are counted from)."""
from pathlib import Path

import pytest

from weerbaar.engine import load_scenario
from weerbaar.engine.explore import explore
from weerbaar.engine.explore.exploration import Exploration
from weerbaar.engine.explore.search import _Search

from .test_explore_exact import valid_scenario

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(p for p in (ROOT / "scenarios").glob("*.yaml")
                 if not p.name.endswith(".transcripts.yaml"))


def coarsest_bisimulation(scenario, claims: bool, states: list | None = None) -> int:
    """Blocks of the coarsest partition of the state search's graph that keeps every label
    (the step, the watched scenes entered, the meters a claim reads on arrival); the
    search's own number of states is appended to ``states``."""
    search = _Search(scenario, Exploration(scenario.id), 10 ** 7, claims, None)
    search.run()
    g, items = search.g, search.labels.items
    if states is not None:
        states.append(len(g.scene))
    problems = {i for _, i in g.problems}
    ids: dict = {}
    block = [ids.setdefault((s, i in problems and i), len(ids)) for i, s in enumerate(g.scene)]
    count = len(ids)
    while True:
        ids = {}
        block = [ids.setdefault((block[i], tuple((items[lab], block[j]) for j, lab
                                                 in zip(g.edges[i], g.labels[i]))), len(ids))
                 for i in range(len(g.scene))]
        if len(ids) == count:
            return count
        count = len(ids)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_the_classes_of_a_shipped_scenario_are_near_its_coarsest_bisimulation(path):
    scenario = load_scenario(str(path))
    r = explore(scenario)
    searched: list = []
    floor = coarsest_bisimulation(scenario, True, searched)
    assert r.by_classes and floor <= r.states <= 1.2 * floor
    assert r.states < searched[0] or r.states < 10


def test_the_classes_of_generated_scenarios_are_their_coarsest_bisimulation():
    exact = 0
    for seed in range(60):
        scenario = valid_scenario(seed)
        routed = any(scene.next for scene in scenario.scenes.values())
        for claims in (True, False):
            r = explore(scenario, claims=claims)
            if not r.by_classes:  # a condition adds meters (a + b > 50): state by state
                continue
            searched: list = []
            floor = coarsest_bisimulation(scenario, claims, searched)
            assert floor <= r.states <= searched[0], (seed, claims)
            if not routed:
                exact += 1
                assert r.states == floor, (seed, claims)
    assert exact >= 30
