"""A shrinking bar for a timed decision, with the seconds left in words."""
from __future__ import annotations

import math

import pygame

from .draw import box


class TimerBar:
    def __init__(self, seconds: float):
        self.total = float(seconds)
        self.left = float(seconds)
        self.rect = pygame.Rect(0, 0, 0, 0)
        self._ui = None

    @property
    def expired(self) -> bool:
        return self.left <= 0

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui

    def process_event(self, intent) -> bool:
        return False

    def update(self, dt: float) -> bool:
        """Count down; True while the displayed state changes."""
        if self.left <= 0:
            return False
        self.left = max(0.0, self.left - dt)
        return True

    def height_for(self, ui) -> int:
        return ui.text.line_height(ui.theme.small)

    def draw(self, surface) -> None:
        if self._ui is None:
            return
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        label = ui.text.render(ui.t("time_left", n=math.ceil(self.left)), t.small, p.text, "bold")
        surface.blit(label, (self.rect.right - label.get_width(),
                             self.rect.centery - label.get_height() // 2))
        bar = pygame.Rect(self.rect.left, 0, self.rect.width - label.get_width() - t.px(16), t.px(14))
        bar.centery = self.rect.centery
        box(surface, bar, p.track, bar.height // 2)
        frac = self.left / self.total if self.total else 0
        colour = p.timer if frac < 0.25 else p.fill
        w = round(bar.width * frac)
        if w > 0:
            box(surface, (bar.left, bar.top, w, bar.height), colour, bar.height // 2)
