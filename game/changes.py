"""What changed in the meters at one step of play, and why, as the screen tells it.

The engine records every change with its cause (``engine.state.Change``: a choice's
effects, or a scene's ``on_enter``): ``Outcome.changes`` for a choice and the arrival in its
target, what ``Session.proceed``/``advance`` return for the routes after it, and
``Session.opening`` for the first scene. The screen shows each part where it happens with
its cause; this module only groups the engine's records, it works nothing out itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

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


def net(changes, meters) -> Changes:
    """Each meter from its first value to its last, over the engine's change records."""
    out: Changes = {}
    for c in changes:
        if c.name in meters:
            out[c.name] = (out[c.name][0] if c.name in out else c.before, c.after)
    return {m: (a, b) for m, (a, b) in out.items() if a != b}


def arrival(changes, meters) -> Arrival:
    """The ``on_enter`` part of the engine's change records."""
    entered = [c for c in changes if c.on_enter and c.name in meters]
    scenes = {c.scene for c in entered}
    moved = net(entered, meters)
    return Arrival(moved, next(iter(scenes)) if moved and len(scenes) == 1 else None)


def split_outcome(scenario, outcome) -> tuple[Changes, Arrival]:
    """A choice's outcome as (the choice's own changes, the arrival in its target scene)."""
    own = net([c for c in outcome.changes if not c.on_enter], scenario.meters)
    return own, arrival(outcome.changes, scenario.meters)


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
        self.note = arrival(session.opening, self.scenario.meters) if not session.decisions \
            else Arrival()
        self.pending = Arrival()

    def chose(self, outcome) -> tuple[Changes, Arrival]:
        """A choice was made: (its own changes, those of arriving where it leads)."""
        own, arrived = split_outcome(self.scenario, outcome)
        self.pending = arrived
        return own, arrived

    def moved(self, changes) -> Arrival:
        """After ``proceed`` or ``advance`` (``changes``: what the engine says it changed):
        the note for the scene the player is in now."""
        self.note = merge(self.pending, arrival(changes, self.scenario.meters))
        self.pending = Arrival()
        return self.note

    def forget(self) -> None:
        """After undo, restart or reload: nothing arrived that the screen could name."""
        self.note, self.pending = Arrival(), Arrival()
