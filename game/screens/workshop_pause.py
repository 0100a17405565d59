"""The workshop's pause (Esc): the pause menu with the facilitator's way on: go on, take
back the last decision, settings, or interrupt the workshop (everything is in the store;
Workshop on the title screen, or the same command, resumes it)."""
from __future__ import annotations

from ..intents import OpenSettings, Resume, TakeBreak, Undo
from ..widgets import Button
from .pause import PauseScreen


class WorkshopPauseScreen(PauseScreen):
    def make_buttons(self, ui) -> list[Button]:
        note = self.undo_note(ui)
        return [
            Button(ui.t("resume"), value=Resume()),
            Button(ui.t("workshop_undo"), value=Undo(), enabled=not note, note=note),
            Button(ui.t("settings"), value=OpenSettings()),
            Button(ui.t("workshop_break"), value=TakeBreak(), note=ui.t("workshop_break_note")),
        ]

    def act(self, value) -> None:
        if isinstance(value, TakeBreak):
            self.app.to_title()
            self.app.toast(self.ui.t("workshop_interrupted"))
        else:
            super().act(value)
