"""Why things happened: a condition's outcome with the values it read and the decisions
behind them. Functions of a scenario and a play state; they change nothing.

Every decision that changed a variable is noted in the state's ``causes``, every first
arrival in a scene in its ``arrivals``: ``explain`` turns those into a ``Reason``, which is
what the debrief says ("this message came because in scene 1 you chose ...").
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from types import SimpleNamespace

from . import rules
from .expr import Call, compile_node
from .model import Scenario
from .state import PlayState


@dataclass(frozen=True, slots=True)
class Cause:
    """A decision that a condition's outcome depends on."""

    decision: int
    scene: str
    choice: str


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a condition held or not: its source, the values it read, and the decisions behind them.

    ``values`` holds every meter and flag the condition read by name, and every call by its
    ``term`` ("visits(overleg)": 3, "chosen(begin, reageren)": True, "missteps()": 2).
    ``node`` is the condition's syntax tree (``engine.expr``), for saying it in words;
    ``chance`` the percentage of a route's roll (``holds`` is then the route's outcome);
    ``parts`` the reasons a combined reason (``combine``) was made of."""

    condition: str
    holds: bool
    values: tuple[tuple[str, object], ...] = ()
    causes: tuple[Cause, ...] = ()
    node: object = None
    chance: int | None = None
    parts: tuple["Reason", ...] = ()


def term(call: Call) -> str:
    """The key under which ``Reason.values`` holds what a call returned."""
    return f"{call.func}({', '.join(call.args)})"


def _calls(node):
    if isinstance(node, Call):
        yield node
    for child in (getattr(node, "operand", None), getattr(node, "left", None),
                  getattr(node, "right", None)):
        if child is not None:
            yield from _calls(child)


def explain(state: PlayState, condition) -> Reason:
    """Evaluate ``condition`` in ``state`` and name the decisions its outcome depends on."""
    uses = condition.uses
    values = [(n, state.vars[n]) for n in uses.names]
    node = condition.node
    if node is not None:
        env = SimpleNamespace(missteps=uses.missteps)
        values += [(term(c), _call_value(c, state, env)) for c in _calls(node)]
    values = tuple(sorted(dict(values).items()))
    idx = set()
    for n in uses.names:
        idx.update(state.causes.get(n, ()))
    for s in uses.visited:
        if s in state.arrivals:
            idx.add(state.arrivals[s])
    for d in state.decisions:
        if (d.scene, d.choice) in uses.chosen:
            idx.add(d.index)
    decisions = state.decisions
    causes = tuple(Cause(i, decisions[i].scene, decisions[i].choice) for i in sorted(idx))
    return Reason(condition.source, condition(state), values, causes, node)


def _call_value(call: Call, state: PlayState, env: SimpleNamespace):
    """What the call returns in ``state``, computed the way the condition computes it."""
    return compile_node(call, env)(state)


def combine(reasons: list[Reason]) -> Reason | None:
    """Several failed conditions as one reason (a fallback chosen because none held)."""
    if not reasons:
        return None
    causes = sorted({c for r in reasons for c in r.causes}, key=lambda c: c.decision)
    values = dict(v for r in reasons for v in r.values)
    return Reason(" / ".join(r.condition for r in reasons if r.condition), False,
                  tuple(sorted(values.items())), tuple(causes), parts=tuple(reasons))


def text_reason(scenario: Scenario, state: PlayState) -> Reason | None:
    """Why the shown text variant was chosen (None when the scene has one text)."""
    variants = scenario.node(state.scene).text
    if len(variants) == 1:
        return None
    for v in variants:
        if v.condition is None or v.condition.test(state):
            if v.condition is not None:
                return explain(state, v.condition)
            break
    # the fallback is shown because every earlier variant's condition failed
    return combine([explain(state, x.condition) for x in variants if x.condition])


def route_reason(scenario: Scenario, state: PlayState) -> Reason | None:
    """Why the route the current scene is about to take holds (None if it has no routes)."""
    scene = scenario.scenes.get(state.scene)
    if scene is None or not scene.next:
        return None
    failed = []
    for r in scene.next:
        holds = rules.route_holds(r, state, scene.id)
        if holds and r.condition is None and r.chance is None:
            return combine(failed)  # the fallback: taken because no earlier route held
        if holds:
            return _route(state, r, True)
        if r.condition is not None or r.chance is not None:
            failed.append(_route(state, r, False))
    return combine(failed)


def _route(state: PlayState, route, holds: bool) -> Reason:
    """A route's reason: its condition explained, with the chance it was rolled against."""
    if route.condition is None:
        return Reason("", holds, chance=route.chance)
    return replace(explain(state, route.condition), holds=holds, chance=route.chance)
