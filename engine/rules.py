"""The rules of play, as plain functions over a play state.

A play state is any object with ``vars`` (meter and flag values), ``visits`` (scene id ->
times entered), ``chosen`` (set of (scene, choice) pairs), ``seed`` and ``step``. The
``transitions`` machine (``engine.machine``) calls these in its guards and callbacks, and the
explorer (``engine.explore``) calls them directly, so both play by the same rules.
"""
from __future__ import annotations

from .model import Effects, Route, Scenario, Scene


def initial_vars(scenario: Scenario) -> dict:
    out = {m.id: m.start for m in scenario.meters.values()}
    out.update((f, False) for f in scenario.flags)
    return out


def apply_effects(vars: dict, effects: Effects, scenario: Scenario) -> None:
    meters = scenario.meters
    for key, delta in effects.adds:
        vars[key] = meters[key].clamp(vars[key] + delta)
    for key, value in effects.assigns:  # within the meter's range: the loader checked it
        vars[key] = value
    for flag in effects.sets:
        vars[flag] = True
    for flag in effects.clears:
        vars[flag] = False


def enter(state, node_id: str, scenario: Scenario) -> None:
    """Arrive in a scene or ending: count the visit and apply the scene's on_enter effects."""
    state.visits[node_id] = state.visits.get(node_id, 0) + 1
    scene = scenario.scenes.get(node_id)
    if scene is not None and scene.on_enter:
        apply_effects(state.vars, scene.on_enter, scenario)


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
