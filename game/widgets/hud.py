"""The meters as a heads-up display: bars that move to their new value, with the delta.

A change is shown as a coloured stretch of the bar and a badge (+8 / −12) in the colour of
whether the change is good for that meter (``Meter.good``).
"""
from __future__ import annotations

import pygame

from .draw import box

ANIMATION_SECONDS = 0.7


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "0"


class MeterHud:
    def __init__(self, scenario, lang: str, values: dict[str, int]):
        self.scenario, self.lang = scenario, lang
        self.meters = list(scenario.meters.values())
        self.target = dict(values)
        self.shown = {k: float(v) for k, v in values.items()}
        self.start = dict(self.shown)
        self.changes: dict[str, tuple[int, int]] = {}
        self.elapsed = ANIMATION_SECONDS
        self.rect = pygame.Rect(0, 0, 0, 0)
        self._ui = None

    @property
    def animating(self) -> bool:
        return self.elapsed < ANIMATION_SECONDS

    def set_values(self, values: dict[str, int], changes: dict | None = None,
                   animate: bool = True) -> None:
        """Move to ``values``; ``changes`` (meter -> (before, after)) get a delta badge."""
        self.changes = dict(changes or {})
        if values == self.target:
            return
        self.start = dict(self.shown)
        self.target = dict(values)
        self.elapsed = 0.0 if animate else ANIMATION_SECONDS
        if not animate:
            self.shown = {k: float(v) for k, v in values.items()}

    def update(self, dt: float) -> bool:
        if not self.animating:
            return False
        self.elapsed = min(ANIMATION_SECONDS, self.elapsed + dt)
        x = self.elapsed / ANIMATION_SECONDS
        ease = 1 - (1 - x) ** 3
        for k, goal in self.target.items():
            a = self.start.get(k, goal)
            self.shown[k] = a + (goal - a) * ease
        return True

    def process_event(self, intent) -> bool:
        return False

    # ---- layout and drawing -------------------------------------------------------------
    def rows(self, width: int, ui) -> int:
        return -(-len(self.meters) // self.columns(width, ui)) if self.meters else 0

    def columns(self, width: int, ui) -> int:
        return max(1, min(len(self.meters) or 1, width // ui.theme.px(190)))

    def fits(self, width: int, ui) -> bool:
        """Whether every label fits whole beside its value in a cell of this width."""
        if not self.meters:
            return True
        t = ui.theme
        cols = self.columns(width, ui)
        cell = (width - t.px(24) * (cols - 1)) // cols
        extra = ui.text.size("100", t.small, "bold")[0] + ui.text.size("−88", t.small, "bold")[0]
        return all(ui.text.size(m.label.get(self.lang, self.scenario.languages), t.small)[0]
                   + extra + t.px(20) <= cell for m in self.meters)

    def height_for(self, width: int, ui) -> int:
        return self.rows(width, ui) * self._cell_h(ui)

    def _cell_h(self, ui) -> int:
        return ui.text.line_height(ui.theme.small) + ui.theme.px(30)

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui

    def draw(self, surface) -> None:
        if self._ui is None or not self.meters:
            return
        ui, t = self._ui, self._ui.theme
        cols = self.columns(self.rect.width, ui)
        gap = t.px(24)
        cw = (self.rect.width - gap * (cols - 1)) // cols
        for i, meter in enumerate(self.meters):
            r, c = divmod(i, cols)
            cell = pygame.Rect(self.rect.left + c * (cw + gap), self.rect.top + r * self._cell_h(ui),
                               cw, self._cell_h(ui))
            self._meter(surface, cell, meter)

    def _meter(self, surface, cell, meter) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        value = self.shown.get(meter.id, meter.start)
        shown_int = round(value)
        delta = self.changes.get(meter.id)
        badge = None
        if delta is not None and delta[1] != delta[0]:
            d = delta[1] - delta[0]
            good = (d > 0) == (meter.good == "high")
            badge = ui.text.render(signed(d), t.small, p.good if good else p.bad, "bold")
        num = ui.text.render(str(shown_int), t.small, p.text, "bold")
        right = num.get_width() + (badge.get_width() + t.px(10) if badge else 0)
        label = meter.label.get(self.lang, self.scenario.languages)
        label = ui.text.ellipsize(label, t.small, cell.width - right - t.px(10))
        surface.blit(ui.text.render(label, t.small, p.text), cell.topleft)
        surface.blit(num, (cell.right - num.get_width(), cell.top))
        if badge:
            surface.blit(badge, (cell.right - right, cell.top))
        bar = pygame.Rect(cell.left, cell.top + ui.text.line_height(t.small) + t.px(4),
                          cell.width, t.px(14))
        self._bar(surface, bar, meter, value, delta)

    def _bar(self, surface, bar, meter, value, delta) -> None:
        p, t = self._ui.palette, self._ui.theme
        span = max(1, meter.max - meter.min)

        def x_of(v):
            return bar.left + round(bar.width * (min(max(v, meter.min), meter.max) - meter.min) / span)

        box(surface, bar, p.track, bar.height // 2)
        fill_w = x_of(value) - bar.left
        if fill_w > 0:
            box(surface, (bar.left, bar.top, fill_w, bar.height), p.fill, bar.height // 2)
        if delta is not None and delta[0] != delta[1]:
            a, b = x_of(delta[0]), x_of(value)
            good = (delta[1] > delta[0]) == (meter.good == "high")
            lo, hi = min(a, b), max(a, b)
            if hi - lo >= 1:
                box(surface, (lo, bar.top - t.px(3), hi - lo, bar.height + t.px(6)),
                    p.good if good else p.bad, t.px(3))
