"""Why things happened: a condition's outcome with the values it read and the decisions
behind them. Functions of a scenario and a play state; they change nothing.

Every decision that changed a variable is noted in the state's ``causes``, every first
arrival in a scene in its ``arrivals``: ``explain`` turns those into a ``Reason``, which is
what the debrief says ("this message came because in scene 1 you chose ...").
"""
from __future__ import annotations

from dataclasses import dataclass

from . import rules
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
    """Why a condition held or not: its source, the values it read, and the decisions behind them."""

    condition: str
    holds: bool
    values: tuple[tuple[str, object], ...] = ()
    causes: tuple[Cause, ...] = ()


def explain(state: PlayState, condition) -> Reason:
    """Evaluate ``condition`` in ``state`` and name the decisions its outcome depends on."""
    uses = condition.uses
    values = tuple((n, state.vars[n]) for n in sorted(uses.names))
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
    return Reason(condition.source, condition(state), values, causes)


def combine(reasons: list[Reason]) -> Reason | None:
    """Several failed conditions as one reason (a fallback chosen because none held)."""
    if not reasons:
        return None
    causes = sorted({c for r in reasons for c in r.causes}, key=lambda c: c.decision)
    values = dict(v for r in reasons for v in r.values)
    return Reason(" / ".join(r.condition for r in reasons), False,
                  tuple(sorted(values.items())), tuple(causes))


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
        if rules.route_holds(r, state, scene.id):
            if r.condition is not None:
                return explain(state, r.condition)
            return combine(failed)
        if r.condition is not None:
            failed.append(explain(state, r.condition))
    return combine(failed)
