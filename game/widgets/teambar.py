"""The top bar of workshop mode: which team plays (a chip the room can read), the scenario,
and the meters. The meters get a row of their own when their labels need the width."""
from __future__ import annotations

import pygame

from .draw import box
from .hud import MeterHud


def chip(surface, ui, text: str, topleft, fill, px: int | None = None) -> pygame.Rect:
    """A rounded label in capitals, e.g. the team's name; gives its rect."""
    t, p = ui.theme, ui.palette
    img = ui.text.render(text.upper(), px or t.fs(22), p.accent_text if fill == p.accent else p.panel,
                         "bold")
    rect = pygame.Rect(topleft, (img.get_width() + t.px(24), img.get_height() + t.px(8)))
    box(surface, rect, fill, t.px(8))
    surface.blit(img, img.get_rect(center=rect.center))
    return rect


def chip_size(ui, text: str, px: int | None = None) -> tuple[int, int]:
    t = ui.theme
    w, h = ui.text.size(text.upper(), px or t.fs(22), "bold")
    return w + t.px(24), h + t.px(8)


class TeamBar:
    def __init__(self, scenario, lang: str, values: dict[str, int]):
        self.scenario, self.lang = scenario, lang
        self.hud = MeterHud(scenario, lang, values)
        self.team, self.detail = "", ""
        self.height = 0
        self._ui = None

    def layout(self, ui, team: str, detail: str) -> None:
        """Lay out across the window's top; sets ``height``. Nothing is cut: the step and
        the scenario's title go beside the team's chip when they fit, else wrap under it."""
        self._ui, self.team, self.detail = ui, team, detail
        t = ui.theme
        w = t.size[0]
        m, gap, pad = t.margin, t.px(28), t.px(14)
        title_w = int((w - 2 * m) * 0.36)
        hud_w = w - 2 * m - title_w - gap
        self.stacked = not self.hud.fits(hud_w, ui)
        self.title_w = w - 2 * m if self.stacked else title_w
        head_h = self._heading(ui)
        if self.stacked:
            hud_h = self.hud.height_for(w - 2 * m, ui)
            self.hud.layout((m, pad + head_h + t.px(8), w - 2 * m, hud_h), ui)
            self.height = head_h + t.px(8) + hud_h + 2 * pad
        else:
            self.height = max(self.hud.height_for(hud_w, ui), head_h) + 2 * pad
            self.hud.layout((m + title_w + gap, pad, hud_w, self.height - 2 * pad), ui)

    def _heading(self, ui) -> int:
        """Places the step (``detail``) and the scenario's title around the chip: beside it
        while they fit on its line (the title only when stacked), else each wrapped under
        what came before. Their height with the chip's."""
        t, p = ui.theme, ui.palette
        chip_w, chip_h = chip_size(ui, self.team)
        title = self.scenario.title.get(self.lang, self.scenario.languages)
        items = ((self.detail, p.text, "bold", False),
                 ("· " + title if self.stacked else title, p.muted, "regular", not self.stacked))
        self.parts, x, bottom = [], min(chip_w, self.title_w) + t.px(12), chip_h
        for text, colour, style, own_line in items:
            if not text:
                continue
            one = ui.text.size(text, t.small, style)[0]
            if own_line or x + one > self.title_w:  # under what came before, wrapped
                img = ui.text.block(text.removeprefix("· "), t.small, colour, self.title_w,
                                    style)
                self.parts.append((img, (0, bottom + t.px(4))))
                bottom, x = bottom + t.px(4) + img.get_height(), self.title_w
            else:  # beside the chip, on its line
                img = ui.text.render(text, t.small, colour, style)
                self.parts.append((img, (x, (chip_h - img.get_height()) // 2)))
                x += one + t.px(12)
        return bottom

    def update(self, dt: float) -> bool:
        return self.hud.update(dt)

    def draw(self, surface) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        w = t.size[0]
        box(surface, (0, 0, w, self.height), p.panel)
        pygame.draw.line(surface, p.border, (0, self.height), (w, self.height), t.border_width)
        pad, m = t.px(14), t.margin
        team = ui.text.ellipsize(self.team, t.fs(22), self.title_w - t.px(30), "bold")
        chip(surface, ui, team, (m, pad), p.accent)
        for img, (x, y) in self.parts:
            surface.blit(img, (m + x, pad + y))
        self.hud.draw(surface)
