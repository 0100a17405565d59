"""Seeded random play by the rules of ``engine.rules``: many sessions, fast."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .. import rules
from ..model import Scenario
from .state import follow, start_state, take

WALK_CAP = 500


@dataclass
class WalkResults:
    runs: int
    seed: int
    steps: int = 0
    scenes_reached: set = field(default_factory=set)
    choices_taken: set = field(default_factory=set)
    endings: dict = field(default_factory=dict)   # ending -> count
    stuck: int = 0
    capped: int = 0
    looped: int = 0      # plays caught in a loop of routes with no decision in it
    loop_scene: str = ""  # where the first such loop was noticed
    lengths: list = field(default_factory=list)


def random_walks(scenario: Scenario, runs: int, seed: int = 0, cap: int = WALK_CAP,
                 rng=None, on_choice=None) -> WalkResults:
    """Play ``runs`` sessions choosing uniformly at random among the available choices.
    Run ``n`` plays with seed ``seed + n`` (the seed of its chance routes). A play stops at
    ``cap`` decisions, and after more route steps in a row than there are scenes (a loop of
    ``next`` routes: counted in ``looped``)."""
    rnd = (rng or random.Random(seed)).random
    rep = WalkResults(runs, seed)
    scenes, endings = scenario.scenes, scenario.endings
    route_cap = len(scenes) + 1
    for run in range(runs):
        s = start_state(scenario, seed + run)
        decisions = routes = 0
        while True:
            rep.scenes_reached.add(s.scene)
            if s.scene in endings:
                rep.endings[s.scene] = rep.endings.get(s.scene, 0) + 1
                break
            scene = scenes[s.scene]
            if scene.next:
                route = rules.first_route(scene, s)
                if route is None:
                    rep.stuck += 1
                    break
                routes += 1
                if routes > route_cap:
                    rep.looped += 1
                    rep.loop_scene = rep.loop_scene or s.scene
                    break
                follow(scenario, s, route)
                continue
            routes = 0
            available = rules.available_choices(scene, s)
            if not available or decisions >= cap:
                rep.stuck += not available
                rep.capped += bool(available)
                break
            choice = available[int(rnd() * len(available))]
            if on_choice is not None:
                on_choice(choice)
            rep.choices_taken.add((scene.id, choice.id))
            take(scenario, s, choice)
            decisions += 1
        rep.steps += decisions
        rep.lengths.append(decisions)
    return rep
