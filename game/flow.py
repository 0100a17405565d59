"""A vertical flow of rendered pieces, turned into one surface: how long content is laid
out once and then blitted (and scrolled) every frame without re-rendering text."""
from __future__ import annotations

import pygame

from .widgets.draw import box


class Flow:
    def __init__(self, width: int):
        self.width = max(1, width)
        self.y = 0
        self._ops: list = []

    @property
    def height(self) -> int:
        return self.y

    def add(self, surface: pygame.Surface, x: int = 0, after: int = 0) -> pygame.Rect:
        rect = pygame.Rect(x, self.y, surface.get_width(), surface.get_height())
        self._ops.append(("blit", surface, rect.topleft))
        self.y += rect.height + after
        return rect

    def add_beside(self, surface: pygame.Surface, x: int, y: int) -> None:
        """Place without moving the cursor (a badge next to a line)."""
        self._ops.append(("blit", surface, (x, y)))

    def space(self, h: int) -> None:
        self.y += h

    def draw(self, fn, after: int = 0, height: int = 0) -> None:
        """A custom drawing ``fn(surface, left, top)`` that takes ``height`` pixels."""
        self._ops.append(("draw", fn, self.y))
        self.y += height + after

    def card(self, inner: "Flow", fill, border, radius: int, pad: int, border_width: int = 1,
             x: int = 0, width: int | None = None, after: int = 0) -> pygame.Rect:
        """``inner`` (laid out ``2*pad`` narrower) on a rounded box."""
        w = width if width is not None else self.width - x
        rect = pygame.Rect(x, self.y, w, inner.height + 2 * pad)
        self._ops.append(("card", inner, rect, fill, border, radius, pad, border_width))
        self.y += rect.height + after
        return rect

    def paint(self, surface: pygame.Surface, dx: int = 0, dy: int = 0) -> None:
        for op in self._ops:
            kind = op[0]
            if kind == "blit":
                surface.blit(op[1], (op[2][0] + dx, op[2][1] + dy))
            elif kind == "draw":
                op[1](surface, dx, op[2] + dy)
            else:
                _, inner, rect, fill, border, radius, pad, bw = op
                r = rect.move(dx, dy)
                box(surface, r, fill, radius, border, bw if border is not None else 0)
                inner.paint(surface, r.left + pad, r.top + pad)

    def render(self, background) -> pygame.Surface:
        """An opaque surface (fast to blit) of the flow on ``background``."""
        surf = pygame.Surface((self.width, max(1, self.height)))
        surf.fill(background)
        self.paint(surf)
        if pygame.display.get_surface() is not None:
            surf = surf.convert()
        return surf
