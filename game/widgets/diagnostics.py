"""--watch: the diagnostics of an edit that does not load, over the play screen below its
top bar (the player stays where they were until the file loads again)."""
from __future__ import annotations

import pygame

from .draw import box, dim


def draw_errors(surface, ui, top: int, errors) -> None:
    t, p = ui.theme, ui.palette
    area = pygame.Rect(0, top, *t.size).clip(surface.get_rect())
    area.height = t.size[1] - top
    dim(surface, area, p.overlay)
    rect = area.inflate(-2 * t.margin, -2 * t.margin)
    box(surface, rect, p.panel, t.radius, p.bad, max(3, t.px(4)))
    x, y, width = rect.left + t.px(24), rect.top + t.px(20), rect.width - t.px(48)
    for text, px, colour, style in (
            (ui.t("watch_errors"), t.body, p.bad, "bold"),
            (ui.t("error_watch"), t.small, p.muted, "regular")):
        img = ui.text.block(text, px, colour, width, style)
        surface.blit(img, (x, y))
        y += img.get_height() + t.px(8)
    for d in errors:
        img = ui.text.block(str(d), t.small, p.text, width)
        if y + img.get_height() > rect.bottom - t.px(16):
            break
        surface.blit(img, (x, y))
        y += img.get_height() + t.px(6)
