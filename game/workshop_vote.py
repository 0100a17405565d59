"""A show of hands at one decision: the counts per option, the majority, a tie, and whether
the option taken overrides the room.

Plain data, no pygame and no game rules: the options are the choice ids the engine offers
(``Session.available_choices``), and the result is one of them, passed back to
``Session.choose``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

MAX_COUNT = 999


def letter(index: int) -> str:
    """A, B, C … for the options, as the room calls them."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


@dataclass
class Vote:
    choices: tuple[str, ...]                       # choice ids, in the order shown
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self):
        self.choices = tuple(self.choices)
        self.counts = {c: max(0, min(MAX_COUNT, int(self.counts.get(c, 0)))) for c in self.choices}

    def set(self, choice_id: str, n: int) -> None:
        if choice_id in self.counts:
            self.counts[choice_id] = max(0, min(MAX_COUNT, int(n)))

    def add(self, choice_id: str, delta: int) -> None:
        if choice_id in self.counts:
            self.set(choice_id, self.counts[choice_id] + delta)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def leaders(self) -> tuple[str, ...]:
        """The options with the most hands (every option while nobody voted)."""
        most = max(self.counts.values(), default=0)
        return tuple(c for c in self.choices if self.counts[c] == most)

    @property
    def majority(self) -> str | None:
        """The one option with the most hands; None on a tie (or no hands at all)."""
        leaders = self.leaders
        return leaders[0] if len(leaders) == 1 and self.total else None

    @property
    def tie(self) -> bool:
        return self.majority is None

    def share(self, choice_id: str) -> float:
        return self.counts.get(choice_id, 0) / self.total if self.total else 0.0

    def overrides(self, choice_id: str) -> bool:
        """Taking ``choice_id`` goes against the room: a clear majority chose another, or
        it is not among those tied for the most hands."""
        if self.majority is not None:
            return choice_id != self.majority
        return self.total > 0 and choice_id not in self.leaders

    def to_dict(self) -> dict[str, int]:
        return dict(self.counts)
