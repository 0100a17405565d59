"""What the vote board of workshop mode says: its heading (the phase, the count, the
majority, a tie or an override), the label of its main button, and the keys in the footer.
Words only: the board's state decides, the room view draws them."""
from __future__ import annotations

from ..widgets.tally import READ, REVEALED, VOTING
from ..workshop_vote import letter


class BoardWords:
    def __init__(self, ui, board, *, team: str, scene: str, reading_on: bool):
        self.ui, self.board, self.team, self.scene = ui, board, team, scene
        self.reading_on = reading_on  # a scene that only continues: no vote

    def heading(self, width: int) -> tuple[str, str]:
        """The heading and the line under it; on one line when they fit."""
        title, status = self.texts()
        joined = f"{title} · {status}"
        if status and self.ui.text.size(joined, self.ui.theme.fs(30), "bold")[0] <= width:
            return joined, ""
        return title, status

    def texts(self) -> tuple[str, str]:
        t, b = self.ui.t, self.board
        if self.reading_on:
            return t("vote_read_on"), ""
        if not b.rows:
            return t("stuck", error=self.scene), ""
        if b.phase == READ:
            return t("vote_question", team=self.team), ""
        if b.phase == VOTING:
            return f"{t('vote_counting')} · {t('vote_total', n=b.vote.total)}", ""
        return t("vote_result", n=b.vote.total), self.result()

    def result(self) -> str:
        """After the reveal: the majority, a tie, or the facilitator's override."""
        t, b = self.ui.t, self.board
        vote = b.vote
        name = {c: letter(i) for i, c in enumerate(vote.choices)}
        leaders = " / ".join(name[c] for c in vote.leaders)
        if b.chosen is None:
            return t("vote_tie_pick", letters=leaders)
        chosen = name[b.chosen]
        if vote.majority is None:
            return (t("vote_tie_decided", letter=chosen, letters=leaders) if vote.total
                    else t("vote_none_decided", letter=chosen))
        if b.chosen == vote.majority:
            return t("vote_majority", letter=chosen)
        return t("vote_override", letter=chosen, majority=name[vote.majority])

    def action(self) -> tuple[str, bool]:
        """The main button's label, and whether it can be pressed."""
        t, b = self.ui.t, self.board
        if self.reading_on:
            return t("continue"), True
        if not b.rows:
            return t("to_menu"), True
        if b.phase == READ:
            return t("vote_open"), True
        if b.phase == VOTING:
            return t("vote_reveal"), True
        if b.chosen is None:
            return t("vote_pick_first"), False
        return t("vote_take", letter=letter(b.selected)), True

    def hint(self) -> str:
        b = self.board
        if self.reading_on or not b.rows:
            return self.ui.t("hint_read_on")
        key = {READ: "hint_read", VOTING: "hint_voting", REVEALED: "hint_revealed"}[b.phase]
        return self.ui.t(key, last=b.rows[-1].letter)
