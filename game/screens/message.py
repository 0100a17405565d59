"""A scenario that cannot be played: the checker's diagnostics, in the format every
command uses (``path:line:col: error[E012]: message (hint)``), and a way on."""
from __future__ import annotations

import pygame

from ..flow import Flow
from ..intents import Back, Scroll, ToMenu
from ..widgets import Button, FocusGroup, ScrollView
from ..widgets.draw import box
from .base import Screen


class ErrorScreen(Screen):
    def __init__(self, app, path: str, diagnostics, title_key: str = "error_title"):
        super().__init__(app)
        self.path, self.title_key = path, title_key
        self.diagnostics = list(diagnostics)
        self.view = ScrollView()
        self.focus = FocusGroup()

    @property
    def errors(self):
        """Error diagnostics (warnings do not stop a scenario); plain strings are kept."""
        out = [d for d in self.diagnostics if getattr(d, "severity", None) is None
               or d.severity.value == "error"]
        return out or self.diagnostics

    def layout_key(self) -> tuple:
        return (tuple(self.diagnostics),)

    def layout(self, ui) -> None:
        t, p, r = ui.theme, ui.palette, ui.text
        w, h = t.size
        m = t.margin
        bh = t.px(52)
        self.button = Button(ui.t("to_menu"), value=ToMenu())
        self.button.layout((m, h - m - bh, t.px(300), bh), ui)
        self.card = pygame.Rect(m, m, w - 2 * m, self.button.rect.top - t.px(20) - m)
        inner = self.card.inflate(-2 * t.px(28), -2 * t.px(24))
        inner.width -= t.px(14)
        flow = Flow(inner.width)
        flow.add(r.block(ui.t(self.title_key), t.h2, p.bad, inner.width, "bold"), after=t.px(10))
        if self.title_key == "error_title":
            flow.add(r.block(ui.t("error_intro", n=len(self.errors)), t.body, p.text, inner.width),
                     after=t.px(8))
        if self.app.watch:
            flow.add(r.block(ui.t("error_watch"), t.body, p.muted, inner.width, "italic"),
                     after=t.px(8))
        flow.space(t.px(12))
        for d in self.errors:
            flow.add(r.block(str(d), t.small, p.text, inner.width), after=t.px(10))
        self.view.layout(inner, ui)
        self.view.set_content(flow.render(p.panel), keep_offset=True)
        self.focus.set([self.button])

    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            self._leave()
            return
        if isinstance(intent, Scroll):
            self.view.process_event(intent)
            return
        if isinstance(self.focus.pressed(intent), ToMenu):
            self._leave()

    def _leave(self) -> None:
        self.app.watcher = None
        if len(self.app.stack) > 1:
            self.app.pop(self)
        else:
            self.app.to_title()

    def draw(self, surface) -> None:
        t, p = self.ui.theme, self.ui.palette
        box(surface, self.card, p.panel, t.radius, p.bad, max(3, t.px(4)))
        self.view.draw(surface)
        self.focus.draw(surface)
