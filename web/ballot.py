"""The room's vote on one decision, by phone: one vote per device, changeable until closed.

A ballot knows its options (choice ids with their letters and texts) and, per device, the
option it chose; sending the same vote again changes nothing, sending another replaces it.
Totals are all that leave the ballot: who voted what is never shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class BallotClosed(Exception):
    """A vote for a ballot that is closed (or was never opened)."""


class ForeignChoice(Exception):
    """A vote for an option that is not on this ballot."""


@dataclass(frozen=True)
class BallotChoice:
    id: str
    letter: str
    text: str


@dataclass
class Ballot:
    id: int
    situation: str
    choices: tuple[BallotChoice, ...]
    open: bool = True
    votes: dict[str, str] = field(default_factory=dict)   # device -> option id

    def cast(self, device: str, choice_id: str) -> bool:
        """Record ``device``'s vote; True when it changed anything."""
        if not self.open:
            raise BallotClosed()
        if choice_id not in {o.id for o in self.choices}:
            raise ForeignChoice()
        changed = self.votes.get(device) != choice_id
        self.votes[device] = choice_id
        return changed

    def totals(self) -> dict[str, int]:
        counts = {o.id: 0 for o in self.choices}
        for choice_id in self.votes.values():
            counts[choice_id] += 1
        return counts

    def close(self) -> dict[str, int]:
        self.open = False
        return self.totals()
