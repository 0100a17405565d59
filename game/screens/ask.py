"""A question before something that cannot be undone ("Opnieuw beginnen?", "Naar het
menu?"): two buttons over the screen below, the safe one focused; Esc is no."""
from __future__ import annotations

import pygame

from ..intents import Answer, Back
from ..widgets import Button, FocusGroup
from ..widgets.draw import box, dim
from .base import Screen


class AskScreen(Screen):
    opaque = False

    def __init__(self, app, question: str, detail: str, yes: str, no: str, on_yes):
        super().__init__(app)
        self.question, self.detail, self.on_yes = question, detail, on_yes
        self.yes_label, self.no_label = yes, no
        self.focus = FocusGroup()

    def layout(self, ui) -> None:
        t = ui.theme
        width = min(t.size[0] - 2 * t.margin, t.px(640))
        pad = t.px(32)
        inner = width - 2 * pad
        self.title = ui.text.block(self.question, t.h2, ui.palette.text, inner, "bold")
        self.body = ui.text.block(self.detail, t.body, ui.palette.text, inner)
        self.no = Button(self.no_label, value=Answer(yes=False))
        self.yes = Button(self.yes_label, value=Answer(yes=True))
        bh = max(self.no.height_for(inner, ui), self.yes.height_for(inner, ui))
        height = (2 * pad + self.title.get_height() + t.px(12) + self.body.get_height()
                  + t.px(24) + 2 * bh + t.px(12))
        self.rect = pygame.Rect(0, 0, width, height)
        self.rect.center = (t.size[0] // 2, t.size[1] // 2)
        y = self.rect.bottom - pad - 2 * bh - t.px(12)
        self.no.layout((self.rect.left + pad, y, inner, bh), ui)
        self.yes.layout((self.rect.left + pad, y + bh + t.px(12), inner, bh), ui)
        self.focus.set([self.no, self.yes], keep=False)
        self.focus.focus(self.no, keyboard=True)  # the safe answer first

    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            self.app.pop(self)
            return
        value = self.focus.pressed(intent)
        if isinstance(value, Answer):
            self.app.pop(self)
            if value.yes:
                self.on_yes()

    def draw(self, surface) -> None:
        t, p = self.ui.theme, self.ui.palette
        dim(surface, surface.get_rect(), p.overlay)
        box(surface, self.rect, p.panel, t.radius + t.px(4), p.border, t.border_width)
        x, y = self.rect.left + t.px(32), self.rect.top + t.px(32)
        surface.blit(self.title, (x, y))
        surface.blit(self.body, (x, y + self.title.get_height() + t.px(12)))
        self.focus.draw(surface)
