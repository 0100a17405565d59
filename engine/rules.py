"""The rules of play, as plain functions over a play state: the one definition of a step.

A play state is any object with ``vars`` (meter and flag values), ``visits`` (scene id ->
times entered), ``chosen`` (set of (scene, choice) pairs), ``seed`` and ``step``
(``engine.state.PlayState`` is one). A step has two halves: leaving a scene (``leave`` for a
choice, ``pass_on`` for a route) and arriving in the next (``arrive``). The ``transitions``
machine (``engine.machine``) calls the halves from its callbacks, around its own change of
state; the explorer and random play call ``take`` and ``follow``, which are the same halves
with the scene moved in between. So the session and the explorer play by the same rules,
and ``tests/engine/test_differential.py`` checks that they agree on thousands of walks.

The functions that change state take an optional ``changes`` list; given one, they append
an ``engine.state.Change`` for every variable they change, with its cause.
"""
from __future__ import annotations

from .model import NO_EFFECTS, Effects, Route, Scenario, Scene
from .state import Change


def initial_vars(scenario: Scenario) -> dict:
    out = {m.id: m.start for m in scenario.meters.values()}
    out.update((f, False) for f in scenario.flags)
    return out


def apply_effects(vars: dict, effects: Effects, scenario: Scenario, changes: list | None = None,
                  scene: str = "", choice: str = "") -> None:
    meters = scenario.meters
    if changes is None:
        for key, delta in effects.adds:
            vars[key] = meters[key].clamp(vars[key] + delta)
        for key, value in effects.assigns:  # within the meter's range: the loader checked it
            vars[key] = value
        for flag in effects.sets:
            vars[flag] = True
        for flag in effects.clears:
            vars[flag] = False
        return
    # The same writes in the same order, each recorded. (Each meter is named once among the
    # adds and never both added to and set: the loader refuses duplicate keys and E013.)
    for key, delta in effects.adds:
        old = vars[key]
        new = meters[key].clamp(old + delta)
        if old != new:
            vars[key] = new
            changes.append(_change(Change, (key, old, new, scene, choice)))
    writes = effects.assigns
    if effects.sets or effects.clears:
        writes = list(writes)
        for flag in effects.sets:
            writes.append((flag, True))
        for flag in effects.clears:
            writes.append((flag, False))
    for key, new in writes:
        old = vars[key]
        if old != new:
            vars[key] = new
            changes.append(_change(Change, (key, old, new, scene, choice)))


_change = tuple.__new__  # a Change made from its fields in order, without the keyword checks


def leave(scenario: Scenario, state, scene_id: str, choice, changes: list | None = None) -> None:
    """The first half of a choice: note it, count the step, apply its effects."""
    state.chosen.add((scene_id, choice.id))
    state.step += 1
    if choice.effects is not NO_EFFECTS:  # (an empty Effects changes nothing either)
        apply_effects(state.vars, choice.effects, scenario, changes, scene_id, choice.id)


def pass_on(state) -> None:
    """The first half of following a route: count the step."""
    state.step += 1


def arrive(scenario: Scenario, state, node_id: str, changes: list | None = None) -> None:
    """The second half of every step: count the visit and apply the scene's on_enter effects."""
    state.visits[node_id] = state.visits.get(node_id, 0) + 1
    scene = scenario.scenes.get(node_id)
    if scene is not None and scene.on_enter is not NO_EFFECTS:
        apply_effects(state.vars, scene.on_enter, scenario, changes, node_id)


def take(scenario: Scenario, state, choice, changes: list | None = None) -> None:
    """A whole step by ``choice`` from the state's scene (the explorer's way to play)."""
    leave(scenario, state, state.scene, choice, changes)
    state.scene = choice.goto
    arrive(scenario, state, choice.goto, changes)


def follow(scenario: Scenario, state, route, changes: list | None = None) -> None:
    """A whole step along ``route`` from the state's scene."""
    pass_on(state)
    state.scene = route.goto
    arrive(scenario, state, route.goto, changes)


def roll(seed: int, step: int, scene_id: str, index: int) -> int:
    """A percentage 0..99 fixed by (seed, step, scene, route): seeded chance that replays."""
    h = (seed * 0x9E3779B1 + step * 0x85EBCA77 + index * 0xC2B2AE3D) & 0xFFFFFFFF
    for ch in scene_id.encode("utf-8"):
        h = ((h ^ ch) * 0x01000193) & 0xFFFFFFFF
    h ^= h >> 16
    h = (h * 0x7FEB352D) & 0xFFFFFFFF
    h ^= h >> 15
    return h % 100


def route_holds(route: Route, state, scene_id: str) -> bool:
    if route.condition is not None and not route.condition.test(state):
        return False
    if route.chance is not None and roll(state.seed, state.step, scene_id, route.index) >= route.chance:
        return False
    return True


def is_available(choice, state) -> bool:
    return choice.condition is None or bool(choice.condition.test(state))


def available_choices(scene: Scene, state) -> list:
    return [c for c in scene.choices if c.condition is None or c.condition.test(state)]


def first_route(scene: Scene, state):
    for r in scene.next:
        if route_holds(r, state, scene.id):
            return r
    return None


def is_router(scene: Scene) -> bool:
    """A scene with routes and no text at all passes on without waiting for the player."""
    return bool(scene.next) and all(not any(v.text.values.values()) for v in scene.text)
