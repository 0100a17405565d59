"""A recorded workshop decision as the screens show it: the option taken with its letter,
the hands per option (lettered as the room saw them), and whether it was a tie or an
override. Read from the store's records, so it is the same after a resume."""
from __future__ import annotations

from dataclasses import dataclass

from ..debrief.texts import choice_text

from .workshop_vote import Vote, letter


@dataclass(frozen=True)
class DecisionLine:
    number: int                            # 1-based, on the team's path
    scene: str
    letter: str
    text: str                              # the option taken
    votes: tuple[tuple[str, int], ...]     # (letter, hands) in the order shown
    overridden: bool = False
    tie: bool = False

    def votes_text(self) -> str:
        return " · ".join(f"{name} {n}" for name, n in self.votes)

    def detail(self, t) -> str:
        """The hands, and a tie or an override; ``t`` translates (``Ui.t``)."""
        tag = t("summary_overridden") if self.overridden else t("summary_tie") if self.tie else ""
        return " · ".join(x for x in (self.votes_text(), tag) if x)


def decision_lines(record, scenario, lang: str) -> list[DecisionLine]:
    """One line per decision that stands on ``record``'s path."""
    out = []
    for i, rec in enumerate(record.path, 1):
        d = rec.decision
        offered = list(d.offered)
        name = letter(offered.index(d.choice)) if d.choice in offered else "?"
        votes = tuple((letter(j), int(rec.votes.get(c, 0))) for j, c in enumerate(offered)) \
            if rec.votes else ()
        tie = bool(rec.votes) and Vote(tuple(offered), dict(rec.votes)).tie
        out.append(DecisionLine(i, d.scene, name, choice_text(scenario, d.scene, d.choice, lang),
                                votes, rec.overridden, tie))
    return out

