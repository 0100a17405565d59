"""The history view (H, or the pause menu): the texts of this play so far, scene by scene,
with the option taken in each, over the play screen; Esc or H closes it."""
from __future__ import annotations

import pygame

from ..flow import Flow
from ..intents import Back, Letter, Scroll
from ..widgets import Button, ScrollView
from .base import OverPlay
from .scene_view import SceneView


class HistoryScreen(OverPlay):
    def __init__(self, app, play):
        super().__init__(app, play)
        self.view = ScrollView()

    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        self.rect = pygame.Rect(t.margin, t.px(16), w - 2 * t.margin, h - 2 * t.px(16))
        pad = t.px(28)
        self.close = Button(ui.t("history_close"), value=Back())
        bw = min(self.rect.width - 2 * pad, max(t.px(320), ui.text.size(
            self.close.label, self.close.text_px(ui))[0] + t.px(60)))  # one line if it can
        bh = self.close.height_for(bw, ui)
        self.close.layout((self.rect.right - pad - bw, self.rect.bottom - pad - bh, bw, bh), ui)
        head = ui.text.line_height(t.h2) + t.px(12)
        area = pygame.Rect(self.rect.left + pad, self.rect.top + pad + head,
                           self.rect.width - 2 * pad, self.rect.height - 3 * pad - head - bh)
        self.view.layout(area, ui)
        flow = self._flow(ui, area.width - t.px(20))
        self.view.set_content(flow.render(ui.palette.panel))
        self.view.offset = self.view.max_offset  # the latest at the bottom, in view
        self.focus.set([self.close], keep=False)
        self.focus.focus(self.close, keyboard=True)

    def _flow(self, ui, width: int) -> Flow:
        t, p = ui.theme, ui.palette
        play = self.play
        flow = Flow(width)
        if not play.history.pages:
            flow.add(ui.text.block(ui.t("history_empty"), t.body, p.muted, width, "italic"))
        for page in play.history.pages:
            SceneView(ui, play.scenario, page.seen, play.lang, play.app.images,
                      t.px(300)).build_into(flow)
            if page.choice is not None:
                lead = ui.t("timed_out") if page.timed_out else ui.t("you_chose")
                flow.add(ui.text.block(lead, t.small, p.muted, width), after=t.px(2))
                flow.add(ui.text.block(page.choice, t.body, p.text, width, "bold"),
                         after=t.px(10))

            def rule(surface, x, top):
                pygame.draw.line(surface, p.border, (x, top), (x + width, top), t.border_width)
            flow.draw(rule, after=t.px(22), height=t.border_width)
        return flow

    def handle(self, intent) -> None:
        if isinstance(intent, Back) or (isinstance(intent, Letter) and intent.char == "h"):
            self.app.pop(self)
        elif isinstance(intent, Scroll):
            self.view.process_event(intent)
        elif isinstance(self.focus.pressed(intent), Back):
            self.app.pop(self)

    def draw(self, surface) -> None:
        self.draw_panel(surface, self.ui.t("history_title"), (28, 24))
        self.view.draw(surface)
        self.focus.draw(surface)
