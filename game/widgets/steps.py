"""A row of marks, one per step of a replay (or per decision of a debrief): where you are,
what kind each step is, and a click to jump there."""
from __future__ import annotations

import pygame

from ..intents import PointerDown, PointerMove, PointerUp
from .draw import box


class StepStrip:
    """``kinds``: one per step, "decision" (a tall mark), "ending" (in ``colours``' colour)
    or anything else (a small one: a scene read on the way)."""

    def __init__(self, kinds: list[str], colours: dict[int, tuple] | None = None):
        self.kinds, self.colours = list(kinds), dict(colours or {})
        self.current = 0
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.hover: int | None = None
        self._pressed: int | None = None
        self._cells: list[pygame.Rect] = []
        self._ui = None

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui
        n = max(1, len(self.kinds))
        per, px = self.rect.width / n, ui.theme.px
        gap = px(6) if per > px(20) else px(3) if per > px(8) else 1
        w = (self.rect.width - gap * (n - 1)) / n
        self._cells = [pygame.Rect(round(self.rect.left + i * (w + gap)), self.rect.top,
                                   max(2, round(w)), self.rect.height)
                       for i in range(len(self.kinds))]

    def _at(self, pos) -> int | None:
        return next((i for i, c in enumerate(self._cells) if c.collidepoint(pos)), None)

    def process_event(self, intent) -> int | None:
        """The step clicked, or None."""
        if isinstance(intent, PointerMove):
            self.hover = self._at(intent.pos)
        elif isinstance(intent, PointerDown):
            self._pressed = self._at(intent.pos)
        elif isinstance(intent, PointerUp):
            hit = self._at(intent.pos)
            pressed, self._pressed = self._pressed, None
            if hit is not None and hit == pressed:
                return hit
        return None

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface) -> None:
        if self._ui is None:
            return
        t, p = self._ui.theme, self._ui.palette
        for i, (kind, cell) in enumerate(zip(self.kinds, self._cells)):
            h = cell.height if kind in ("decision", "ending") else max(4, cell.height // 3)
            mark = pygame.Rect(cell.left, cell.centery - h // 2, cell.width, h)
            if i == self.current:
                colour = p.accent
            elif i in self.colours:
                colour = self.colours[i]
            else:
                colour = p.fill if kind == "decision" else p.border
            box(surface, mark, colour, min(t.px(4), cell.width // 2))
            if i == self.current or i == self.hover:
                ring = mark.inflate(t.px(6), t.px(6))
                box(surface, ring, None, t.px(5), p.focus if i == self.hover else p.accent,
                    max(2, t.px(2)))
