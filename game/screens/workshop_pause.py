"""The workshop's pause (Esc): the pause menu with the facilitator's way on: go on, take
back the last decision, settings, or interrupt the workshop (everything is in the store;
Workshop on the title screen, or the same command, resumes it)."""
from __future__ import annotations

from ..widgets import Button
from .pause import PauseScreen


class WorkshopPauseScreen(PauseScreen):
    def make_buttons(self, ui) -> list[Button]:
        note = self.undo_note(ui)
        return [
            Button(ui.t("resume"), value="resume"),
            Button(ui.t("workshop_undo"), value="undo", enabled=not note, note=note),
            Button(ui.t("settings"), value="settings"),
            Button(ui.t("workshop_break"), value="break", note=ui.t("workshop_break_note")),
        ]

    def act(self, value) -> None:
        if value == "break":
            self.app.to_title()
            self.app.toast(self.ui.t("workshop_interrupted"))
        else:
            super().act(value)
