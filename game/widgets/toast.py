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

    def size(self, ui, window_w: int) -> tuple[int, int]:
        t = ui.theme
        w = min(window_w - 2 * t.margin, t.px(900))
        return w, self._text(ui, w).get_height() + 2 * t.px(16)

    def _text(self, ui, w: int):
        t = ui.theme
        return ui.text.block(self.message, t.small, ui.palette.bg, w - 2 * t.px(16) - t.px(8))

    def draw(self, surface, ui, rect) -> None:
        t, p = ui.theme, ui.palette
        pad = t.px(16)
        fill = t.tone_colour(self.tone) if self.tone != "neutral" else p.text
        box(surface, rect, fill, t.radius, p.border, t.border_width)
        surface.blit(self._text(ui, rect.width), (rect.left + pad + t.px(4), rect.top + pad))


def place(size, window, keep_clear, ui) -> pygame.Rect:
    """Where a notice goes: at the bottom of the window over the hint line, else at the top,
    never over the screen's buttons (``keep_clear``) where either place allows."""
    t = ui.theme
    rect = pygame.Rect(0, 0, *size)
    rect.midbottom = (window.width // 2, window.height - t.px(8))
    if any(rect.colliderect(r) for r in keep_clear):
        top = rect.copy()
        top.top = t.px(8)
        if not any(top.colliderect(r) for r in keep_clear):
            return top
    return rect
