"""The bare state of a play, and how it steps, for the explorer and random walks.

A ``PlayState`` has exactly what ``engine.rules`` reads (``vars``, ``visits``, ``chosen``,
``seed``, ``step``) plus the ``scene`` it stands in. Stepping goes through the rule
functions of ``engine.rules``, so the explorer plays by the rules of the machine.
"""
from __future__ import annotations

from ..model import Scenario
from .. import rules


class PlayState:
    """The bare state of a play, for exploring and random walks."""

    __slots__ = ("scene", "vars", "visits", "chosen", "seed", "step")

    def __init__(self, scene, vars, visits, chosen, seed=0, step=0):
        self.scene, self.vars, self.visits, self.chosen = scene, vars, visits, chosen
        self.seed, self.step = seed, step

    def copy(self) -> "PlayState":
        return PlayState(self.scene, self.vars.copy(), self.visits.copy(), self.chosen.copy(),
                         self.seed, self.step)


def start_state(scenario: Scenario, seed: int = 0) -> PlayState:
    s = PlayState(scenario.start, rules.initial_vars(scenario), {}, set(), seed)
    rules.arrive(scenario, s, scenario.start)
    return s


# One step, the same as the machine's: the two halves of ``engine.rules`` with the scene moved
# in between (``tests/engine/test_differential.py`` plays thousands of walks both ways).
take = rules.take
follow = rules.follow


class StepError(ValueError):
    """A choice id that is not available where the play stands, or a play that is stuck."""


def settle(scenario: Scenario, s: PlayState, limit: int | None = None) -> PlayState:
    """Follow the first route that holds (seeded chance as the machine rolls it) until the
    play stands in a decision scene or an ending; raise StepError when stuck or looping."""
    limit = limit if limit is not None else len(scenario.scenes) + 1
    for _ in range(limit):
        scene = scenario.scenes.get(s.scene)
        if scene is None or not scene.next:
            return s
        route = rules.first_route(scene, s)
        if route is None:
            raise StepError(f"stuck in scene '{s.scene}': no route holds")
        follow(scenario, s, route)
    raise StepError(f"the routes from scene '{s.scene}' go round without a decision")


def play_ids(scenario: Scenario, choice_ids, seed: int = 0) -> PlayState:
    """Play a sequence of choice ids from the start, as the machine would (routes settled
    between decisions); raise StepError for a choice that is not available."""
    s = settle(scenario, start_state(scenario, seed))
    for cid in choice_ids:
        scene = scenario.scenes.get(s.scene)
        choice = next((c for c in rules.available_choices(scene, s) if c.id == cid), None) \
            if scene is not None else None
        if choice is None:
            raise StepError(f"choice '{cid}' is not available in '{s.scene}'")
        take(scenario, s, choice)
        settle(scenario, s)
    return s
