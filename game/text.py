"""Fonts, word wrapping and rendered text, all cached: a frame mostly blits surfaces.

The renderer also remembers every string it rendered (``rendered``), so tests can ask
whether a title was drawn without reading pixels glyph by glyph.
"""
from __future__ import annotations

from collections import OrderedDict

import pygame

from . import paths

CACHE_SIZE = 3000
LINE_SPACING = 1.3


class _LRU(OrderedDict):
    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.limit:
            self.popitem(last=False)
        return value

    def hit(self, key):
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value


class TextRenderer:
    def __init__(self, regular=paths.FONT_REGULAR, bold=paths.FONT_BOLD, italic=paths.FONT_ITALIC):
        self._files = {"regular": regular, "bold": bold, "italic": italic}
        self._fonts: dict[tuple[int, str], pygame.font.Font] = {}
        self._surfaces = _LRU(CACHE_SIZE)
        self._wraps = _LRU(CACHE_SIZE)
        self.rendered: set[str] = set()

    def font(self, px: int, style: str = "regular") -> pygame.font.Font:
        key = (px, style)
        f = self._fonts.get(key)
        if f is None:
            try:
                f = pygame.font.Font(str(self._files[style]), px)
            except (OSError, FileNotFoundError):  # a missing font file: the default font
                f = pygame.font.Font(None, px)
            self._fonts[key] = f
        return f

    def line_height(self, px: int) -> int:
        return round(px * LINE_SPACING)

    def size(self, text: str, px: int, style: str = "regular") -> tuple[int, int]:
        return self.font(px, style).size(text)

    def render(self, text: str, px: int, colour, style: str = "regular") -> pygame.Surface:
        """One line of text (no wrapping), antialiased, with alpha."""
        key = (text, px, style, tuple(colour))
        surf = self._surfaces.hit(key)
        if surf is None:
            surf = self.font(px, style).render(text, True, colour)
            if pygame.display.get_surface() is not None:
                surf = surf.convert_alpha()
            self._surfaces.put(key, surf)
            self.rendered.add(text)
        return surf

    def wrap(self, text: str, px: int, width: int, style: str = "regular") -> list[str]:
        """Lines of ``text`` that fit ``width``, broken at spaces (and inside a word only
        when the word alone is wider than the line). Newlines start a new paragraph."""
        key = (text, px, style, width)
        lines = self._wraps.hit(key)
        if lines is None:
            lines = self._wraps.put(key, _wrap(self.font(px, style), text, max(1, width)))
        return lines

    def ellipsize(self, text: str, px: int, width: int, style: str = "regular") -> str:
        font = self.font(px, style)
        if font.size(text)[0] <= width:
            return text
        while text and font.size(text + "…")[0] > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def clamp(self, text: str, px: int, width: int, max_lines: int,
              style: str = "regular") -> list[str]:
        """Wrapped lines, at most ``max_lines``, the last ending in … if text was cut."""
        lines = self.wrap(text, px, width, style)
        if len(lines) <= max_lines:
            return lines
        kept = lines[:max_lines]
        kept[-1] = self.ellipsize(kept[-1] + " …", px, width, style)
        return kept

    def block(self, text: str, px: int, colour, width: int, style: str = "regular",
              max_lines: int | None = None) -> pygame.Surface:
        """A wrapped paragraph as one surface, exactly as tall as its lines."""
        key = ("\0block", text, px, style, tuple(colour), width, max_lines)
        surf = self._surfaces.hit(key)
        if surf is not None:
            return surf
        lines = (self.clamp(text, px, width, max_lines, style) if max_lines
                 else self.wrap(text, px, width, style))
        lh = self.line_height(px)
        surf = pygame.Surface((max(1, width), max(1, lh * len(lines))), pygame.SRCALPHA)
        pad = (lh - self.font(px, style).get_height()) // 2
        for i, line in enumerate(lines):
            if line:
                surf.blit(self.render(line, px, colour, style), (0, i * lh + pad))
        self.rendered.add(text)
        return self._surfaces.put(key, surf)

    def clear(self) -> None:
        self._surfaces.clear()
        self._wraps.clear()


def _wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    out: list[str] = []
    for para in text.replace("\r\n", "\n").split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                out.append(line)
            line = ""
            while font.size(word)[0] > width and len(word) > 1:  # a word wider than a line
                cut = _fit(font, word, width)
                out.append(word[:cut])
                word = word[cut:]
            line = word
        out.append(line)
    return out


def _fit(font, word: str, width: int) -> int:
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(word[:mid])[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo
