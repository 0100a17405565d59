"""The scenario as a ``transitions`` state machine, built once and shared by every session.

One state per scene and ending; one transition per choice (trigger ``scene/choice``) and
per ``next`` route (trigger ``scene/next``, tried in order, first match wins). Conditions
become guards; a choice's ``before`` callback is its first half of the step
(``rules.leave``), a route's is ``rules.pass_on``, and the machine's ``after_state_change``
callback is the second half (``rules.arrive``). The machine moves the play state's ``scene``
(``model_attribute``), so the model it steps is an ``engine.state.PlayState``.

Sessions are not attached as models: ``transitions`` would write a trigger and an
``is_<state>`` method onto every model (50,000 attributes at 10,000 scenes), and creating a
session would cost as much as the scenario is large. Events are fired for a play state
directly (``fire(state, trigger)``), which ``transitions`` supports for any object that has
the model attribute. ``_LeanEvent`` and ``_LeanTransition`` keep ``transitions``' order of
work (conditions, before, change of state, after) but drop what this machine never uses —
the event queue, string callbacks, per-state enter/exit callbacks, debug logging, and the
``EventData`` object: guards are called with the play state, callbacks with the play state
and the list of changes — which is where most of the time of a step went.
``auto_transitions`` stays off: it would add a ``to_<state>`` trigger from every state to
every state.
"""
from __future__ import annotations

from transitions import Event, Machine, Transition

from . import rules
from . import gcpause
from .gcpause import paused_gc
from .model import Scenario

NEXT = "next"


def choice_trigger(scene_id: str, choice_id: str) -> str:
    return f"{scene_id}/{choice_id}"


def route_trigger(scene_id: str) -> str:
    return f"{scene_id}/{NEXT}"


class _LeanTransition(Transition):
    """A transition whose callbacks are plain callables taking the play state and the list
    of changes (``transitions``' ``EventData`` is not made: nothing here reads it)."""

    def execute(self, model, changes, checked, after) -> bool:
        if not checked:
            for cond in self.conditions:
                if cond.func(model) != cond.target:
                    return False
        for func in self.before:
            func(model, changes)
        model.scene = self.dest
        for func in after:
            func(model, changes)
        return True


class _LeanEvent(Event):
    def trigger(self, model, changes=None, checked=False) -> bool:
        after = self.machine.after_state_change
        for trans in self.transitions.get(model.scene, ()):
            if trans.execute(model, changes, checked, after):
                return True
        return False


class _Guard:
    """A condition as a transitions guard: evaluated on the play state the event is for."""

    __slots__ = ("test",)

    def __init__(self, condition):
        self.test = condition.test

    def __call__(self, model) -> bool:
        return bool(self.test(model))


class _RouteGuard:
    __slots__ = ("route", "scene_id")

    def __init__(self, route, scene_id):
        self.route, self.scene_id = route, scene_id

    def __call__(self, model) -> bool:
        return rules.route_holds(self.route, model, self.scene_id)


class _Leave:
    """A choice's ``before`` callback: the first half of its step."""

    __slots__ = ("scenario", "scene_id", "choice")

    def __init__(self, scenario, scene_id, choice):
        self.scenario, self.scene_id, self.choice = scenario, scene_id, choice

    def __call__(self, model, changes) -> None:
        rules.leave(self.scenario, model, self.scene_id, self.choice, changes)


def _pass_on(model, changes) -> None:
    rules.pass_on(model)


class _Arrive:
    """The machine's ``after_state_change`` callback: the second half of every step."""

    __slots__ = ("scenario",)

    def __init__(self, scenario):
        self.scenario = scenario

    def __call__(self, model, changes) -> None:
        rules.arrive(self.scenario, model, model.scene, changes)


class PlayMachine(Machine):
    event_cls = _LeanEvent
    transition_cls = _LeanTransition


class ScenarioMachine:
    """The shared ``transitions`` machine of one scenario, with plain methods for the engine."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        with paused_gc():
            self._build(scenario)

    def _build(self, scenario: Scenario) -> None:
        self.machine = PlayMachine(model=None, states=[*scenario.scenes, *scenario.endings],
                                   initial=scenario.start, auto_transitions=False,
                                   send_event=True, model_attribute="scene",
                                   after_state_change=[_Arrive(scenario)])
        add = self.machine.add_transition
        for sid, scene in scenario.scenes.items():
            for c in scene.choices:
                add(choice_trigger(sid, c.id), sid, c.goto, before=[_Leave(scenario, sid, c)],
                    conditions=[_Guard(c.condition)] if c.condition else None)
            for r in scene.next:
                guard = [_RouteGuard(r, sid)] if r.condition or r.chance is not None else None
                add(route_trigger(sid), sid, r.goto, before=[_pass_on], conditions=guard)
        self._events = self.machine.events
        # a choice is one transition from one scene (ids are unique within a scene)
        self._choices = {(sid, c.id): self._events[choice_trigger(sid, c.id)].transitions[sid][0]
                         for sid, scene in scenario.scenes.items() for c in scene.choices}
        self._after = self.machine.after_state_change
        self._choice_ids = {sid: tuple([c.id for c in scene.choices])
                            for sid, scene in scenario.scenes.items()}
        # (scene, choice) -> (its text varies, its feedback varies) with the play state, for
        # the choices where either does: only those need the state kept around a step
        self.varying = {(sid, c.id): (c.text.varies, c.feedback is not None and c.feedback.varies)
                        for sid, scene in scenario.scenes.items() for c in scene.choices
                        if c.text.varies or (c.feedback is not None and c.feedback.varies)}
        self.routers = frozenset(sid for sid, scene in scenario.scenes.items()
                                 if rules.is_router(scene))

    def fire(self, state, trigger: str, changes: list | None = None, checked: bool = False) -> bool:
        """Fire ``trigger`` for ``state``; False if no transition's guards held. With
        ``checked``, the caller has just found the guards to hold in this very state (a choice
        it offered), and they are not evaluated again."""
        return self._events[trigger].trigger(state, changes, checked)

    def fire_choice(self, state, scene_id: str, choice_id: str, changes: list | None = None
                    ) -> bool:
        """Take a choice the session has just offered in this very state (its guard held
        there, and is not evaluated again)."""
        return self._choices[scene_id, choice_id].execute(state, changes, True, self._after)

    def offer(self, scene_id: str, available) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The ids of a scene's choices ``available`` (as offered) and of the others (hidden),
        in the scene's order."""
        every = self._choice_ids[scene_id]
        if len(available) == len(every):
            return every, ()
        offered = tuple([c.id for c in available])
        return offered, tuple([i for i in every if i not in offered])

    def arrive_at_start(self, state, changes: list | None = None) -> None:
        """A new play stands in the start scene: the arrival half of a step, without a step."""
        state.scene = self.scenario.start
        rules.arrive(self.scenario, state, self.scenario.start, changes)

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
            gcpause.release()  # the dropped machine may be garbage now
    return m
