"""What is behind a panel (the consequence over the play screen): nothing there moves, so it
is drawn and dimmed once per layout and then blitted as one copy."""
from __future__ import annotations

from .draw import dim


class Behind:
    def __init__(self):
        self._key = None
        self._copy = None

    def forget(self) -> None:
        self._copy = None

    def draw(self, surface, area, key, paint, ui) -> None:
        """``paint(surface)`` draws what is behind; ``key`` changes when its layout does."""
        area = area.clip(surface.get_rect())
        if self._copy is None or self._key != key:
            surface.fill(ui.palette.bg, area)
            paint(surface)
            copy = surface.subsurface(area).copy()
            dim(copy, copy.get_rect(), ui.palette.overlay)
            self._key, self._copy = key, copy
        surface.blit(self._copy, area.topleft)
