"""A short notice at the bottom of the window that goes away by itself."""
from __future__ import annotations

import pygame

from .draw import box

TOAST_SECONDS = 6.0


class Toast:
    def __init__(self, message: str, seconds: float = TOAST_SECONDS, tone: str = "neutral"):
        self.message, self.left, self.tone = message, seconds, tone

    @property
    def done(self) -> bool:
        return self.left <= 0

    def process_event(self, intent) -> bool:
        return False

    def update(self, dt: float) -> bool:
        was = self.done
        self.left -= dt
        return self.done != was

    def draw(self, surface, ui) -> None:
        t, p = ui.theme, ui.palette
        w = min(surface.get_width() - 2 * t.margin, t.px(900))
        pad = t.px(16)
        text = ui.text.block(self.message, t.small, p.bg, w - 2 * pad - t.px(8))
        rect = pygame.Rect(0, 0, w, text.get_height() + 2 * pad)
        rect.midbottom = (surface.get_width() // 2, surface.get_height() - t.px(52))
        fill = t.tone_colour(self.tone) if self.tone != "neutral" else p.text
        box(surface, rect, fill, t.radius, p.border, t.border_width)
        surface.blit(text, (rect.left + pad + t.px(4), rect.top + pad))
