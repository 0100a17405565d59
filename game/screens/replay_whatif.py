""""Wat als": play on live from a step of a replay, with another choice.

The session comes from ``Replay.what_if(step)``: rebuilt by the engine, standing where the
step stood, with no listeners, so nothing of it is recorded and the recording stays as it
was. It plays in the normal play screen, marked "wat als" in its top bar; Esc (or the
ending's button) goes back to the replay, and "again" starts over from the same step.
"""
from __future__ import annotations

import pygame

from ...engine.state import Phase

from ..intents import Back, Scroll
from ..widgets.draw import box
from .ending import EndingScreen
from .play import PlayScreen


class WhatIfScreen(PlayScreen):
    def __init__(self, app, replay, step: int):
        self.replay, self.from_step = replay, step
        super().__init__(app, replay.scenario, replay.what_if(step))

    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            self.leave()
            return
        super().handle(intent)

    def leave(self) -> None:
        """Back to the replay, closing this play (and its ending, if it is on top)."""
        while self.app.top is not None and self.app.top is not self:
            self.app.pop()
        self.app.pop(self)

    def restart(self) -> None:
        """Again from the same step (not from the scenario's start)."""
        self.session = self.replay.what_if(self.from_step)
        self._reset_view()

    def _after_move(self) -> None:
        self._enter_scene()
        if self.session.ended:
            self.app.push(WhatIfEnding(self.app, self))

    def _hint(self) -> str:
        hint = super()._hint()
        if not hint:
            return hint
        s = self.session
        if s.phase is Phase.CONSEQUENCE or s.view.can_continue:
            return self.ui.t("whatif_continue_hint")
        n = sum(1 for b in self.focus.buttons if b.number)
        return self.ui.t("whatif_choose_hint", n=n)

    def _draw_title(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        chip = ui.text.render(ui.t("what_if_chip").upper(), t.small, p.panel, "bold")
        rect = pygame.Rect(t.margin, 0, chip.get_width() + t.px(24), chip.get_height() + t.px(8))
        lh = ui.text.line_height(t.small)
        rect.top = max(t.px(6), (self.top_h - rect.height - lh) // 2)
        if self.stacked:
            rect.top = t.px(12)
        box(surface, rect, p.mixed, t.px(6))
        surface.blit(chip, chip.get_rect(center=rect.center))
        title = self.scenario.title.get(self.lang, self.scenario.languages)
        x = rect.right + t.px(12)
        right = t.margin + self.title_w
        img = ui.text.render(ui.text.ellipsize(title, t.small, right - x, "bold"), t.small, p.text,
                             "bold")
        surface.blit(img, (x, rect.centery - img.get_height() // 2))
        note = ui.t("whatif_note", n=self.from_step + 1, label=self.replay.record.label)
        sub = ui.text.render(ui.text.ellipsize(note, t.small, self.title_w), t.small, p.muted)
        if self.stacked:
            surface.blit(sub, (right - sub.get_width(), rect.top))
        else:
            surface.blit(sub, (t.margin, rect.bottom + t.px(4)))


class WhatIfEnding(EndingScreen):
    """The ending of a "what if", marked as such beside the ending the team really reached;
    again from the same step, or back to the replay."""

    def _above_story(self, flow, ui, width: int) -> None:
        t, p, r = ui.theme, ui.palette, ui.text
        chip = r.render(ui.t("what_if_chip").upper(), t.small, p.panel, "bold")

        def paint(surface, x, top):
            rect = pygame.Rect(x, top, chip.get_width() + t.px(24), chip.get_height() + t.px(8))
            box(surface, rect, p.mixed, t.px(6))
            surface.blit(chip, chip.get_rect(center=rect.center))
        flow.draw(paint, after=t.px(8), height=chip.get_height() + t.px(8))
        flow.add(r.block(self._really_reached(ui), t.body, p.text, width, "italic"),
                 after=t.px(18))

    def _really_reached(self, ui) -> str:
        scenario, record = self.play.replay.scenario, self.play.replay.record
        ending = scenario.endings.get(record.ending) if record.ending else None
        if record.ending is None:
            return ui.t("whatif_unfinished")
        title = self.tx(ending.title) if ending else record.ending
        tone = ui.t(f"tone_{ending.tone if ending else 'neutral'}").lower()
        return ui.t("whatif_reached", title=title, tone=tone)

    def layout(self, ui) -> None:
        super().layout(ui)
        t = ui.theme
        self.again.label = ui.t("whatif_again", n=self.play.from_step + 1)
        self.menu.label = ui.t("whatif_back")
        x, gap = self.again.rect.left, t.px(20)
        for b in (self.again, self.menu):
            bw = ui.text.size(b.label, t.fs(24))[0] + t.px(48)
            b.layout((x, b.rect.top, bw, b.rect.height), ui)
            x += bw + gap

    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            self.play.leave()
            return
        if isinstance(intent, Scroll):
            super().handle(intent)
            return
        hit = self.focus.process_event(intent)
        if hit is self.again:
            self.play.restart()
            self.app.pop(self)
        elif hit is self.menu:
            self.play.leave()
