"""Exploring by classes keeps exactly the classes of states that play differently: its node
count is the coarsest bisimulation of the graph the search state by state explores (states
refined while they differ in which labelled step leads into which block), on every shipped
scenario and on generated ones."""
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
def test_the_classes_of_a_shipped_scenario_are_its_coarsest_bisimulation(path):
    scenario = load_scenario(str(path))
    r = explore(scenario)
    searched: list = []
    assert r.by_classes and r.states == coarsest_bisimulation(scenario, True, searched)
    assert r.states < searched[0] or r.states < 10


def test_the_classes_of_generated_scenarios_are_their_coarsest_bisimulation():
    by_classes = 0
    for seed in range(60):
        scenario = valid_scenario(seed)
        for claims in (True, False):
            r = explore(scenario, claims=claims)
            if r.by_classes:  # not where a condition adds meters (a + b > 50): state by state
                by_classes += 1
                assert r.states == coarsest_bisimulation(scenario, claims), (seed, claims)
    assert by_classes >= 60
