"""The state of one play, as plain data: what a save holds, and nothing else.

``PlayState`` is to a ``Session`` what ink's ``StoryState`` is to its ``Story``: the session
(``engine.session``) advances it through the scenario's ``transitions`` machine; views and
explanations (``engine.views``, ``engine.reasons``) read it; ``engine.saves`` turns it into
versioned JSON and back. It holds no reference to the scenario, the machine or any listener,
so copying it is cheap and a copy is a complete snapshot.

The rules of play (``engine.rules``) read and write a play state through five attributes:
``vars``, ``visits``, ``chosen``, ``seed`` and ``step``; the machine moves ``scene``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum
from typing import NamedTuple


class Phase(str, Enum):
    SCENE = "scene"              # the player reads a scene and chooses or continues
    CONSEQUENCE = "consequence"  # a choice was made; its outcome is on show
    ENDED = "ended"              # an ending has been reached


# The phases as plain names: an enum member looked up on its class (``Phase.SCENE``) costs a
# tenth of a microsecond, and a step asks several times.
SCENE, CONSEQUENCE, ENDED = Phase.SCENE, Phase.CONSEQUENCE, Phase.ENDED


class Decision(NamedTuple):
    """One choice a player made, with the state around it. Plain, immutable data (a named
    tuple: made at every step, so it must be cheap)."""

    index: int
    scene: str
    choice: str
    offered: tuple[str, ...]
    hidden: tuple[str, ...]
    target: str
    before: dict
    after: dict
    step: int = 0
    seconds: float | None = None
    timed_out: bool = False

    def changes(self) -> dict[str, tuple]:
        """Variables whose value differs: name -> (before, after)."""
        before = self.before
        return {k: (before[k], v) for k, v in self.after.items() if before.get(k) != v}

    def to_dict(self) -> dict:
        d = self._asdict()
        d["offered"], d["hidden"] = list(self.offered), list(self.hidden)
        d["before"], d["after"] = dict(self.before), dict(self.after)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Decision":
        return cls(index=d["index"], scene=d["scene"], choice=d["choice"],
                   offered=tuple(d["offered"]), hidden=tuple(d["hidden"]), target=d["target"],
                   before=dict(d["before"]), after=dict(d["after"]), step=d.get("step", 0),
                   seconds=d.get("seconds"), timed_out=d.get("timed_out", False))


class Change(NamedTuple):
    """One variable changed by one cause: a choice's effects, or a scene's ``on_enter``."""

    name: str
    before: int | bool
    after: int | bool
    scene: str            # the scene whose choice or arrival caused it
    choice: str = ""      # the choice, or "" for the scene's on_enter effects

    @property
    def on_enter(self) -> bool:
        return not self.choice


@dataclass(slots=True)
class PlayState:
    """Where one play stands. Every field is saved; see ``engine.saves``."""

    scene: str
    seed: int = 0
    phase: Phase = Phase.SCENE
    step: int = 0                                                # machine steps taken
    vars: dict = field(default_factory=dict)                     # meter and flag values
    visits: dict = field(default_factory=dict)                   # node -> times entered
    chosen: set = field(default_factory=set)                     # {(scene, choice)}
    decisions: list = field(default_factory=list)                # [Decision]
    undone: list = field(default_factory=list)                   # [Decision], taken back
    causes: dict = field(default_factory=dict)                   # var -> (decision index, ...)
    arrivals: dict = field(default_factory=dict)                 # node -> first decision there

    def copy(self) -> "PlayState":
        """A snapshot: later steps of either copy do not change the other."""
        return PlayState(self.scene, self.seed, self.phase, self.step, dict(self.vars),
                         dict(self.visits), set(self.chosen), list(self.decisions),
                         list(self.undone), dict(self.causes), dict(self.arrivals))

    @property
    def ended(self) -> bool:
        return self.phase is Phase.ENDED


STATE_FIELDS = tuple(f.name for f in fields(PlayState))
