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
        """Whether every label fits whole on one line beside its value in a cell."""
        return self._label_lines(width, ui) <= 1

    def _label_room(self, cell_w: int, ui) -> int:
        """The width a label has: the whole cell (the value goes beside the bar)."""
        return max(1, cell_w)

    def _value_w(self, ui) -> int:
        """Room at the bar's right for the value and a delta badge."""
        t = ui.theme
        return (ui.text.size("100", t.small, "bold")[0] + ui.text.size("−88", t.small, "bold")[0]
                + t.px(20))

    def _cell_w(self, width: int, ui) -> int:
        cols = self.columns(width, ui)
        return (width - ui.theme.px(24) * (cols - 1)) // cols

    def _label(self, meter, width: int, ui) -> list[str]:
        """A meter's label, wrapped (never cut) to the room beside its value."""
        text = meter.label.get(self.lang, self.scenario.languages)
        return ui.text.wrap(text, ui.theme.small, self._label_room(self._cell_w(width, ui), ui),
                            fill=False)

    def _label_lines(self, width: int, ui) -> int:
        return max((len(self._label(m, width, ui)) for m in self.meters), default=1)

    def height_for(self, width: int, ui) -> int:
        return self.rows(width, ui) * self._cell_h(ui, self._label_lines(width, ui))

    def _cell_h(self, ui, lines: int = 1) -> int:
        return (lines + 1) * ui.text.line_height(ui.theme.small) + ui.theme.px(10)

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui

    def draw(self, surface) -> None:
        if self._ui is None or not self.meters:
            return
        ui, t = self._ui, self._ui.theme
        cols = self.columns(self.rect.width, ui)
        gap = t.px(24)
        cw = self._cell_w(self.rect.width, ui)
        lines = self._label_lines(self.rect.width, ui)
        ch = self._cell_h(ui, lines)
        for i, meter in enumerate(self.meters):
            r, c = divmod(i, cols)
            cell = pygame.Rect(self.rect.left + c * (cw + gap), self.rect.top + r * ch, cw, ch)
            self._meter(surface, cell, meter, lines)

    def _meter(self, surface, cell, meter, lines: int = 1) -> None:
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
        lh = ui.text.line_height(t.small)
        row = cell.top + lines * lh  # the bar, then the value and the delta at its right
        label = self._label(meter, self.rect.width, ui)
        for i, line in enumerate(label):  # just above the bar: the bars stay in one line
            surface.blit(ui.text.render(line, t.small, p.text),
                         (cell.left, row - (len(label) - i) * lh))
        right = cell.right - self._value_w(ui) + t.px(12)
        surface.blit(num, (right, row))
        if badge:
            surface.blit(badge, (cell.right - badge.get_width(), row))
        bar = pygame.Rect(cell.left, row + (lh - t.px(14)) // 2, right - t.px(12) - cell.left,
                          t.px(14))
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
