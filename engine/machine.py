"""The scenario as a ``transitions`` state machine, built once and shared by many sessions.

One state per scene and ending; one transition per choice (trigger ``scene/choice``) and
per ``next`` route (trigger ``scene/next``, tried in order, first match wins); conditions
become guards, a choice's effects its ``before`` callback, and every arrival (visit count,
the scene's ``on_enter`` effects) the machine's ``after_state_change`` callback; all of them
call ``engine.rules``. Sessions attach
themselves as models. ``auto_transitions`` stays off: it would add a ``to_<state>``
trigger from every state to every state (a million transitions at 1,000 scenes).
"""
from __future__ import annotations

from transitions import Machine

from .gcpause import paused_gc

from . import rules
from .model import Scenario

NEXT = "next"


def choice_trigger(scene_id: str, choice_id: str) -> str:
    return f"{scene_id}/{choice_id}"


def route_trigger(scene_id: str) -> str:
    return f"{scene_id}/{NEXT}"


class _Guard:
    """A condition as a transitions guard: evaluated on the session the event is for."""

    __slots__ = ("condition",)

    def __init__(self, condition):
        self.condition = condition

    def __call__(self, event) -> bool:
        return bool(self.condition.test(event.model))


class _RouteGuard:
    __slots__ = ("route", "scene_id")

    def __init__(self, route, scene_id):
        self.route, self.scene_id = route, scene_id

    def __call__(self, event) -> bool:
        return rules.route_holds(self.route, event.model, self.scene_id)


class _Consequence:
    """A choice's callback: note that it was chosen and apply its effects."""

    __slots__ = ("pair", "effects", "scenario")

    def __init__(self, pair, effects, scenario):
        self.pair, self.effects, self.scenario = pair, effects, scenario

    def __call__(self, event) -> None:
        model = event.model
        model.chosen.add(self.pair)
        if self.effects:
            rules.apply_effects(model.vars, self.effects, self.scenario)


class _Arrival:
    """Every state change ends with an arrival: count the visit, apply on_enter effects."""

    __slots__ = ("scenario",)

    def __init__(self, scenario):
        self.scenario = scenario

    def __call__(self, event) -> None:
        rules.enter(event.model, event.model.state, self.scenario)


def _count_step(event) -> None:
    event.model.step += 1


class ScenarioMachine:
    """A ``transitions.Machine`` for one scenario, with plain methods for the rest of the engine."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        with paused_gc():
            self._build(scenario)

    def _build(self, scenario: Scenario) -> None:
        self.machine = Machine(model=None, states=[*scenario.scenes, *scenario.endings],
                               initial=scenario.start, auto_transitions=False, send_event=True,
                               before_state_change=[_count_step],
                               after_state_change=[_Arrival(scenario)])
        add = self.machine.add_transition
        for sid, scene in scenario.scenes.items():
            for c in scene.choices:
                add(choice_trigger(sid, c.id), sid, c.goto,
                    before=[_Consequence((sid, c.id), c.effects, scenario)],
                    conditions=[_Guard(c.condition)] if c.condition else None)
            for r in scene.next:
                guard = [_RouteGuard(r, sid)] if r.condition or r.chance is not None else None
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
