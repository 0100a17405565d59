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

    def _title_blocks(self, ui, width: int) -> int:
        """The "Wat als" chip with the scenario's title beside it, and under them from
        which step of whose replay this plays on; wrapped, never cut. Their height."""
        t, p = ui.theme, ui.palette
        self.chip = ui.text.render(ui.t("what_if_chip").upper(), t.small, p.panel, "bold")
        chip_w = self.chip.get_width() + t.px(24)
        title = self.scenario.title.get(self.lang, self.scenario.languages)
        self.title_img = ui.text.block(title, t.small, p.text, width - chip_w - t.px(12), "bold")
        note = ui.t("whatif_note", n=self.from_step + 1, label=self.replay.record.label)
        self.role_img = ui.text.block(note, t.small, p.muted, width)
        self.role_at = (0, max(self.title_img.get_height(), self.chip.get_height() + t.px(8))
                        + t.px(4))
        return self.role_at[1] + self.role_img.get_height()

    def _draw_title(self, surface) -> None:
        ui, t = self.ui, self.ui.theme
        head_h = self.role_at[1] + self.role_img.get_height()
        y = t.px(12) if self.stacked else max(t.px(6), (self.top_h - head_h) // 2)
        rect = draw_chip(surface, ui, self.chip, t.margin, y)
        surface.blit(self.title_img, (rect.right + t.px(12),
                                      y + max(0, (rect.height - ui.text.line_height(t.small)) // 2)))
        surface.blit(self.role_img, (t.margin, y + self.role_at[1]))


def draw_chip(surface, ui, chip, x: int, top: int) -> pygame.Rect:
    """The "Wat als" chip (its text rendered as ``chip``) at (x, top); its rect."""
    t = ui.theme
    rect = pygame.Rect(x, top, chip.get_width() + t.px(24), chip.get_height() + t.px(8))
    box(surface, rect, ui.palette.mixed, t.px(6))
    surface.blit(chip, chip.get_rect(center=rect.center))
    return rect


class WhatIfEnding(EndingScreen):
    """The ending of a "what if", marked as such beside the ending the team really reached;
    again from the same step, or back to the replay."""

    def _above_story(self, flow, ui, width: int) -> None:
        t, p, r = ui.theme, ui.palette, ui.text
        chip = r.render(ui.t("what_if_chip").upper(), t.small, p.panel, "bold")

        def paint(surface, x, top):
            draw_chip(surface, ui, chip, x, top)
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
