"""A one-line text field: typed text arrives as ``TypeText`` intents (the screen that holds
it says ``text_mode``), Backspace as ``Erase``. It shows the end of a long line."""
from __future__ import annotations

import pygame

from ..intents import Erase, TypeText
from .draw import box

MAX_LENGTH = 280


class TextField:
    def __init__(self, value: str = "", placeholder: str = "", max_length: int = MAX_LENGTH):
        self.value, self.placeholder, self.max_length = value, placeholder, max_length
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.active = True
        self._ui = None

    def height_for(self, ui) -> int:
        return ui.text.line_height(ui.theme.body) + 2 * ui.theme.px(12)

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui

    def process_event(self, intent) -> bool:
        """True when the text changed."""
        if isinstance(intent, TypeText):
            room = self.max_length - len(self.value)
            text = "".join(ch for ch in intent.text if ch.isprintable())[:max(0, room)]
            self.value += text
            return bool(text)
        if isinstance(intent, Erase) and self.value:
            self.value = self.value[:-1]
            return True
        return False

    def clear(self) -> None:
        self.value = ""

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface) -> None:
        if self._ui is None:
            return
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        box(surface, self.rect, p.panel, t.px(8), p.focus if self.active else p.border,
            max(2, t.px(3)) if self.active else t.border_width)
        pad = t.px(14)
        width = self.rect.width - 2 * pad - t.px(6)
        px = t.body
        if self.value:
            shown = self.value
            if ui.text.size(shown, px)[0] > width:  # keep the end in view
                while shown and ui.text.size("…" + shown, px)[0] > width:
                    shown = shown[1:]
                shown = "…" + shown
            img = ui.text.render(shown, px, p.text)
        else:
            img = ui.text.render(ui.text.ellipsize(self.placeholder, px, width, "italic"), px,
                                 p.muted, "italic")
        y = self.rect.centery - img.get_height() // 2
        surface.blit(img, (self.rect.left + pad, y))
        if self.active:
            x = self.rect.left + pad + (img.get_width() if self.value else 0) + t.px(2)
            pygame.draw.line(surface, p.text, (x, y + t.px(4)), (x, y + img.get_height() - t.px(4)),
                             max(2, t.px(2)))
