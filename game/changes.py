"""What changed in the meters at one step of play, and why, as the screen tells it.

The engine applies a choice's effects and then the ``on_enter`` effects of the scene it leads
to in one step; routes (``next``) and routers apply the ``on_enter`` effects of the scenes
they pass. The screen shows each part where it happens with its cause, so this module splits
a step's meter changes by cause. It uses the engine's own rule (``rules.apply_effects``) and
never decides anything itself: the totals are always the session's before and after values.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from engine import rules

Changes = dict  # meter id -> (before, after)


@dataclass(frozen=True, slots=True)
class Arrival:
    """Meter changes caused by arriving in scenes (their ``on_enter``), not by a choice.

    ``scene`` is the scene whose ``on_enter`` caused them, or ``None`` when several scenes
    did on the way (routers passed in one step)."""

    changes: Changes = field(default_factory=dict)
    scene: str | None = None

    def __bool__(self) -> bool:
        return bool(self.changes)


def diff(before: dict, after: dict, meters) -> Changes:
    return {m: (before[m], after[m]) for m in meters if before[m] != after[m]}


def split_outcome(scenario, outcome) -> tuple[Changes, Arrival]:
    """A choice's outcome as (the choice's own changes, the arrival in its target scene)."""
    d = outcome.decision
    mid = dict(d.before)
    rules.apply_effects(mid, outcome.choice.effects, scenario)
    own = diff(d.before, mid, scenario.meters)
    rest = diff(mid, d.after, scenario.meters)
    return own, Arrival(rest, d.target if rest else None)


class StepWatch:
    """Meters and visits before an engine step; ``arrival()`` after it says what changed."""

    def __init__(self, session):
        self.session = session
        self.meters = session.meters()
        self.visits = dict(session.visits)

    def arrival(self) -> Arrival:
        s = self.session
        changes = diff(self.meters, s.meters(), s.scenario.meters)
        if not changes:
            return Arrival()
        entered = [sid for sid, n in s.visits.items() if n > self.visits.get(sid, 0)
                   and _moves_meters(s.scenario, sid)]
        return Arrival(changes, entered[0] if len(entered) == 1 else None)


def _moves_meters(scenario, scene_id: str) -> bool:
    scene = scenario.scenes.get(scene_id)
    return scene is not None and any(k in scenario.meters for k, _ in scene.on_enter.adds)


def opening(session) -> Arrival:
    """The ``on_enter`` changes of the scenes a new play opened with (the start scene and
    the routers after it), shown in the first scene."""
    sc = session.scenario
    if session.decisions:
        return Arrival()
    changes = diff(rules.initial_vars(sc), session.meters(), sc.meters)
    entered = [sid for sid in session.visits if _moves_meters(sc, sid)]
    return Arrival(changes, entered[0] if changes and len(entered) == 1 else None)


def merge(first: Arrival, then: Arrival) -> Arrival:
    """Two arrivals in a row as one: each meter from its first value to its last."""
    if not first:
        return then
    if not then:
        return first
    changes = dict(first.changes)
    for m, (a, b) in then.changes.items():
        changes[m] = (changes[m][0] if m in changes else a, b)
    changes = {m: (a, b) for m, (a, b) in changes.items() if a != b}
    return Arrival(changes, None)


class ChangeTeller:
    """What a play screen tells about meter changes, kept in step with its session.

    ``note`` is the arrival shown in the current scene ("Door dit bericht: −15 Vertrouwen");
    a choice's own changes go to the consequence panel, and the ``on_enter`` part of the
    scene it leads to waits in ``pending`` until the player gets there."""

    def __init__(self, session):
        self.scenario = session.scenario
        self.note = opening(session)
        self.pending = Arrival()

    def chose(self, outcome) -> tuple[Changes, Arrival]:
        """A choice was made: (its own changes, those of arriving where it leads)."""
        own, arrival = split_outcome(self.scenario, outcome)
        self.pending = arrival
        return own, arrival

    def moved(self, watch: StepWatch) -> Arrival:
        """After ``proceed`` or ``advance``: the note for the scene the player is in now."""
        self.note = merge(self.pending, watch.arrival())
        self.pending = Arrival()
        return self.note

    def forget(self) -> None:
        """After undo, restart or reload: nothing arrived that the screen could name."""
        self.note, self.pending = Arrival(), Arrival()
