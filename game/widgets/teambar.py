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
        """Lay out across the window's top; sets ``height``."""
        self._ui, self.team, self.detail = ui, team, detail
        t = ui.theme
        w = t.size[0]
        m, gap, pad = t.margin, t.px(28), t.px(14)
        title_w = int((w - 2 * m) * 0.36)
        hud_w = w - 2 * m - title_w - gap
        self.stacked = not self.hud.fits(hud_w, ui)
        # stacked: the scenario's title beside the chip; else under it, beside the meters
        head_h = chip_size(ui, team)[1] + (0 if self.stacked else
                                           ui.text.line_height(t.small) + t.px(4))
        if self.stacked:
            self.title_w = w - 2 * m
            hud_h = self.hud.height_for(w - 2 * m, ui)
            self.hud.layout((m, pad + head_h + t.px(8), w - 2 * m, hud_h), ui)
            self.height = head_h + t.px(8) + hud_h + 2 * pad
        else:
            self.title_w = title_w
            self.height = max(self.hud.height_for(hud_w, ui), head_h) + 2 * pad
            self.hud.layout((m + title_w + gap, pad, hud_w, self.height - 2 * pad), ui)

    def update(self, dt: float) -> bool:
        return self.hud.update(dt)

    def draw(self, surface) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        w = t.size[0]
        box(surface, (0, 0, w, self.height), p.panel)
        pygame.draw.line(surface, p.border, (0, self.height), (w, self.height), t.border_width)
        pad, m = t.px(14), t.margin
        team = ui.text.ellipsize(self.team, t.fs(22), self.title_w - t.px(30), "bold")
        rect = chip(surface, ui, team, (m, pad), p.accent)
        x = rect.right + t.px(12)
        if self.detail:
            room = m + self.title_w - x
            img = ui.text.render(ui.text.ellipsize(self.detail, t.small, room, "bold"), t.small,
                                 p.text, "bold")
            surface.blit(img, (x, rect.centery - img.get_height() // 2))
            x += img.get_width() + t.px(12)
        title = self.scenario.title.get(self.lang, self.scenario.languages)
        if self.stacked:
            room = m + self.title_w - x
            if room > t.px(60):
                img = ui.text.render(ui.text.ellipsize("· " + title, t.small, room), t.small,
                                     p.muted)
                surface.blit(img, (x, rect.centery - img.get_height() // 2))
        else:
            img = ui.text.render(ui.text.ellipsize(title, t.small, self.title_w), t.small, p.muted)
            surface.blit(img, (m, rect.bottom + t.px(4)))
        self.hud.draw(surface)
