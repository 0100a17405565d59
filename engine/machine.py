"""The scenario as a ``transitions`` state machine, built once and shared by many sessions.

One state per scene and ending; one transition per choice (trigger ``scene/choice``) and
per ``next`` route (trigger ``scene/next``, tried in order, first match wins); conditions
become guards and effects become callbacks that call ``engine.rules``. Sessions attach
themselves as models. ``auto_transitions`` stays off: it would add a ``to_<state>``
trigger from every state to every state (a million transitions at 1,000 scenes).
"""
from __future__ import annotations

from functools import partial

from transitions import Machine, State

from . import rules
from .model import Scenario

NEXT = "next"


def choice_trigger(scene_id: str, choice_id: str) -> str:
    return f"{scene_id}/{choice_id}"


def route_trigger(scene_id: str) -> str:
    return f"{scene_id}/{NEXT}"


def _guard(condition, event) -> bool:
    return bool(condition.test(event.model))


def _route_guard(route, scene_id, event) -> bool:
    return rules.route_holds(route, event.model, scene_id)


def _effects(effects, scenario, event) -> None:
    rules.apply_effects(event.model.vars, effects, scenario)


def _mark_chosen(pair, event) -> None:
    event.model.chosen.add(pair)


def _count_step(event) -> None:
    event.model.step += 1


def _enter(node_id, scenario, event) -> None:
    rules.enter(event.model, node_id, scenario)


class ScenarioMachine:
    """A ``transitions.Machine`` for one scenario, with plain methods for the rest of the engine."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        states = [State(node_id, on_enter=[partial(_enter, node_id, scenario)])
                  for node_id in (*scenario.scenes, *scenario.endings)]
        self.machine = Machine(model=None, states=states, initial=scenario.start,
                               auto_transitions=False, send_event=True,
                               before_state_change=[_count_step])
        add = self.machine.add_transition
        for sid, scene in scenario.scenes.items():
            for c in scene.choices:
                before = [partial(_mark_chosen, (sid, c.id))]
                if c.effects:
                    before.append(partial(_effects, c.effects, scenario))
                add(choice_trigger(sid, c.id), sid, c.goto, before=before,
                    conditions=[partial(_guard, c.condition)] if c.condition else None)
            for r in scene.next:
                guard = [partial(_route_guard, r, sid)] if r.condition or r.chance is not None else None
                add(route_trigger(sid), sid, r.goto, conditions=guard)

    def attach(self, model) -> None:
        self.machine.add_model(model, initial=self.scenario.start)

    def detach(self, model) -> None:
        self.machine.remove_model(model)

    def fire(self, model, trigger: str) -> bool:
        """Fire ``trigger`` for ``model``; False if no transition's guards held."""
        return self.machine.events[trigger].trigger(model)

    def place(self, model, node_id: str) -> None:
        """Put ``model`` in ``node_id`` without callbacks (restoring a saved session)."""
        self.machine.set_state(node_id, model)

    @property
    def transition_count(self) -> int:
        return sum(len(t) for e in self.machine.events.values() for t in e.transitions.values())


_CACHE_SIZE = 16
_cache: dict[int, ScenarioMachine] = {}


def machine_for(scenario: Scenario) -> ScenarioMachine:
    """The shared machine of ``scenario``, built on first use (the last few are kept)."""
    key = id(scenario)
    m = _cache.get(key)
    if m is None or m.scenario is not scenario:
        m = _cache[key] = ScenarioMachine(scenario)
        while len(_cache) > _CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
    return m
