"""The pause menu (Esc): resume, take back the last choice, start again, settings, menu."""
from __future__ import annotations

import pygame

from ..intents import Back, OpenSettings, Restart, Resume, ShowHistory, ToMenu, Undo
from ..widgets import Button
from .base import OverPlay


class PauseScreen(OverPlay):
    def layout_key(self) -> tuple:
        s = self.play.session
        return (len(s.decisions), self.app.settings.allow_undo)

    def undo_note(self, ui) -> str:
        """Why taking back is not possible now ("" when it is)."""
        if not self.app.settings.allow_undo:
            return ui.t("undo_off")
        return "" if self.play.session.decisions else ui.t("undo_none")

    def make_buttons(self, ui) -> list[Button]:
        note = self.undo_note(ui)
        return [
            Button(ui.t("resume"), value=Resume()),
            Button(ui.t("undo"), value=Undo(), enabled=not note, note=note),
            Button(ui.t("history"), value=ShowHistory()),
            Button(ui.t("restart"), value=Restart()),
            Button(ui.t("settings"), value=OpenSettings()),
            Button(ui.t("to_menu"), value=ToMenu()),
        ]

    def layout(self, ui) -> None:
        t = ui.theme
        self.buttons = self.make_buttons(ui)
        width = min(t.size[0] - 2 * t.margin, t.px(560))
        pad = t.px(32)
        bw = width - 2 * pad
        heights = [b.height_for(bw, ui) for b in self.buttons]
        head = ui.text.line_height(t.h2) + t.px(16)
        height = head + sum(heights) + t.px(14) * (len(heights) - 1) + 2 * pad
        self.rect = pygame.Rect(0, 0, width, min(height, t.size[1] - 2 * t.px(10)))
        self.rect.center = (t.size[0] // 2, t.size[1] // 2)
        y = self.rect.top + pad + head
        for b, bh in zip(self.buttons, heights):
            b.layout((self.rect.left + pad, y, bw, bh), ui)
            y += bh + t.px(14)
        self.focus.set(self.buttons, keep=False)
        self.focus.focus(self.buttons[0], keyboard=True)

    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            self.app.pop(self)
            return
        hit = self.focus.process_event(intent)
        if hit is not None:
            self.act(hit.value)

    def act(self, value) -> None:
        if isinstance(value, Resume):
            self.app.pop(self)
        elif isinstance(value, Undo):
            self.app.pop(self)
            self.play.undo()
        elif isinstance(value, Restart):
            self.ask("ask_restart", self._restart)
        elif isinstance(value, ShowHistory):
            from .history import HistoryScreen
            self.app.pop(self)
            self.app.push(HistoryScreen(self.app, self.play))
        elif isinstance(value, OpenSettings):
            from .settings import SettingsScreen
            self.app.push(SettingsScreen(self.app))
        elif isinstance(value, ToMenu):
            self.ask("ask_menu", self.app.to_title)

    def ask(self, key: str, then) -> None:
        """Starting again and leaving lose the play on screen: ask first."""
        from .ask import AskScreen
        ui = self.ui
        self.app.push(AskScreen(self.app, ui.t(key), ui.t(key + "_detail"), ui.t(key + "_yes"),
                                ui.t("ask_no"), then))

    def _restart(self) -> None:
        self.app.pop(self)
        self.play.restart()

    def draw(self, surface) -> None:
        self.draw_panel(surface, self.ui.t("pause"), (32, 26))
        self.focus.draw(surface)
