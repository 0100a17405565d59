"""What the store gives back: plain, immutable records of sessions, decisions and notes."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from ..engine.state import Decision

EMPTY: Mapping = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """One recorded decision: the engine's ``Decision`` plus what the store knows of it."""

    seq: int                      # order of recording in the session, never reused
    decision: Decision
    made_at: str                  # ISO 8601, UTC
    undone: str | None = None     # None, "undo" or "restart"
    votes: Mapping[str, int] = field(default_factory=lambda: EMPTY)  # workshop: hands per option
    overridden: bool = False      # workshop: the facilitator overrode the majority

    @property
    def active(self) -> bool:
        return self.undone is None


@dataclass(frozen=True, slots=True)
class Note:
    """A facilitator's note, typed at a step of the play (workshop mode)."""

    step: int                     # decisions made when the note was written
    scene: str
    text: str
    written_at: str


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One line of the session list."""

    id: str
    scenario_id: str
    label: str
    mode: str
    started_at: str
    ended_at: str | None
    ending: str | None
    decisions: int                # decisions on the path (undone ones not counted)


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """A whole recorded session."""

    id: str
    scenario_id: str
    scenario_version: str
    content_hash: str
    language: str
    label: str
    mode: str
    seed: int
    started_at: str
    ended_at: str | None = None
    ending: str | None = None
    final_vars: Mapping | None = None
    extra: Mapping = field(default_factory=lambda: EMPTY)
    history: tuple[DecisionRecord, ...] = ()   # every decision, in the order recorded
    notes: tuple[Note, ...] = field(default=())

    @property
    def path(self) -> tuple[DecisionRecord, ...]:
        """The decisions that stand (not undone), in order."""
        return tuple(r for r in self.history if r.active)

    @property
    def decisions(self) -> tuple[Decision, ...]:
        return tuple(r.decision for r in self.path)

    @property
    def ended(self) -> bool:
        return self.ending is not None

    def choice_ids(self) -> list[str]:
        return [d.choice for d in self.decisions]
