"""Fonts, word wrapping and rendered text, all cached: a frame mostly blits surfaces.

Characters the main font lacks (emoji in a post, arrows) are set in a fallback font, run by
run on the same baseline, so an author's 👍 shows as a thumb and not as an empty box.
The renderer also remembers every string it rendered (``rendered``), so tests can ask
whether a title was drawn without reading pixels glyph by glyph.
"""
from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache

import pygame
import pyphen

from . import paths

CACHE_SIZE = 3000
LINE_SPACING = 1.3
MAIN_STYLES = ("regular", "bold", "italic")
HYPHEN_DICTS = {"nl": "nl_NL", "en": "en_GB"}  # the game's languages: pyphen's dictionaries
MIN_HYPHENATED = 9  # letters: shorter words are not hyphenated to fill a line
MIN_PIECE = 3  # letters on either side of a hyphen made to fill a line
FILL_BELOW = 0.6  # a line is hyphenated into only while it is less full than this


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
    def __init__(self, regular=paths.FONT_REGULAR, bold=paths.FONT_BOLD, italic=paths.FONT_ITALIC,
                 fallbacks=paths.FALLBACK_FONTS):
        self._files = {"regular": regular, "bold": bold, "italic": italic}
        self._files.update((f"fallback{i}", path) for i, path in enumerate(fallbacks))
        self._fallbacks = [f"fallback{i}" for i in range(len(fallbacks))]
        self._fonts: dict[tuple[int, str], pygame.font.Font] = {}
        self._covers: dict[tuple[str, str], bool] = {}
        self._surfaces = _LRU(CACHE_SIZE)
        self._wraps = _LRU(CACHE_SIZE)
        self.rendered: set[str] = set()
        self.lang: str | None = None  # hyphenation at this language's syllables; None: off

    def set_language(self, lang: str | None) -> None:
        if lang != self.lang:
            self.lang = lang
            self._wraps.clear()
            self._surfaces.clear()

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

    # ---- fallback fonts -----------------------------------------------------------------
    def _has(self, style: str, ch: str) -> bool:
        """Whether the font of ``style`` draws ``ch`` (not its empty 'missing' box)."""
        if " " <= ch <= "~":
            return style in MAIN_STYLES  # ASCII: the main font has it
        key = (style, ch)
        known = self._covers.get(key)
        if known is None:
            font = self.font(32, style)
            missing = font.render("\ue000", True, (0, 0, 0))
            glyph = font.render(ch, True, (0, 0, 0))
            known = self._covers[key] = (glyph.get_size() != missing.get_size() or
                                         pygame.image.tobytes(glyph, "RGBA")
                                         != pygame.image.tobytes(missing, "RGBA"))
        return known

    def runs(self, text: str, style: str = "regular") -> list[tuple[str, str]]:
        """``text`` cut into (style, piece) runs: the main font where it has the glyph, else
        the first fallback that has it (else the main font's box)."""
        out: list[tuple[str, str]] = []
        for ch in text:
            use = style
            if not self._has(style, ch):
                use = next((f for f in self._fallbacks if self._has(f, ch)), style)
            if out and out[-1][0] == use:
                out[-1] = (use, out[-1][1] + ch)
            else:
                out.append((use, ch))
        return out

    def covers(self, ch: str, style: str = "regular") -> bool:
        """Whether ``ch`` has a glyph in the font of ``style`` or in a fallback."""
        return any(self._has(f, ch) for f in (style, *self._fallbacks))

    def _plain(self, text: str, style: str) -> bool:
        """Whether the main font draws all of ``text`` (one run, no fallback)."""
        return text.isascii() or all(ch in "\n\t" or self._has(style, ch) for ch in text)

    def size(self, text: str, px: int, style: str = "regular") -> tuple[int, int]:
        if self._plain(text, style):
            return self.font(px, style).size(text)
        sizes = [self.font(px, s).size(piece) for s, piece in self.runs(text, style)]
        return sum(w for w, _ in sizes), max((h for _, h in sizes), default=0)

    def render(self, text: str, px: int, colour, style: str = "regular") -> pygame.Surface:
        """One line of text (no wrapping), antialiased, with alpha."""
        key = (text, px, style, tuple(colour))
        surf = self._surfaces.hit(key)
        if surf is None:
            if self._plain(text, style):
                surf = self.font(px, style).render(text, True, colour)
            else:
                surf = self._render_runs(text, px, colour, style)
            if pygame.display.get_surface() is not None:
                surf = surf.convert_alpha()
            self._surfaces.put(key, surf)
            self.rendered.add(text)
        return surf

    def _render_runs(self, text: str, px: int, colour, style: str) -> pygame.Surface:
        main = self.font(px, style)
        pieces = [(self.font(px, s), self.font(px, s).render(piece, True, colour))
                  for s, piece in self.runs(text, style)]
        ascent = max(f.get_ascent() for f, _ in pieces)
        height = max(ascent - f.get_ascent() + img.get_height() for f, img in pieces)
        surf = pygame.Surface((max(1, sum(img.get_width() for _, img in pieces)),
                               max(height, main.get_height())), pygame.SRCALPHA)
        x = 0
        for f, img in pieces:
            surf.blit(img, (x, ascent - f.get_ascent()))
            x += img.get_width()
        return surf

    def wrap(self, text: str, px: int, width: int, style: str = "regular",
             fill: bool = True) -> list[str]:
        """Lines of ``text`` that fit ``width``, broken at spaces (and inside a word only
        when the word alone is wider than the line). Newlines start a new paragraph. With a
        language set, long words are hyphenated at syllables: to ``fill`` a line, and always
        when a word alone is wider than the line."""
        key = (text, px, style, width, fill)
        lines = self._wraps.hit(key)
        if lines is None:
            cuts = _cutter(HYPHEN_DICTS.get(self.lang)) if self.lang else None
            lines = self._wraps.put(key, _wrap(lambda s: self.size(s, px, style)[0], text,
                                               max(1, width), cuts, fill))
        return lines

    def ellipsize(self, text: str, px: int, width: int, style: str = "regular") -> str:
        if self.size(text, px, style)[0] <= width:
            return text
        while text and self.size(text + "…", px, style)[0] > width:
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


@lru_cache(maxsize=4)
def _cutter(dictionary: str | None):
    """The places a word may be hyphenated, by pyphen's dictionary (None: nowhere)."""
    if dictionary is None:
        return None
    hyphenator = pyphen.Pyphen(lang=dictionary)

    def cuts(word: str) -> list[int]:
        at = set(hyphenator.positions(word))
        at.update(i + 1 for i, ch in enumerate(word[:-1]) if ch == "-" and i > 0)
        return sorted(at, reverse=True)
    return cuts


def _wrap(measure, text: str, width: int, cuts=None, fill: bool = True) -> list[str]:
    """``measure(s)`` is the width of ``s`` in pixels; ``cuts(word)`` the places where a
    word may be hyphenated (a visible hyphen at a syllable boundary), longest first."""
    out: list[str] = []
    for para in text.replace("\r\n", "\n").split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if measure(candidate) <= width:
                line = candidate
                continue
            sparse = not line or measure(line) < FILL_BELOW * width  # a gap worth filling
            if cuts is not None and ((fill and sparse and _letters(word) >= MIN_HYPHENATED)
                                     or measure(word) > width):
                least = MIN_PIECE if measure(word) <= width else 1
                head, word = _hyphenate(measure, line, word, width, cuts, least)
                if head:
                    out.append(head)
                    line = ""
            if line:
                out.append(line)
            line = ""
            while measure(word) > width and len(word) > 1:  # a word wider than a line
                head, word = _hyphenate(measure, "", word, width, cuts) if cuts else ("", word)
                if not head:  # no syllable fits: cut where it must
                    cut = _fit(measure, word, width)
                    head, word = word[:cut], word[cut:]
                out.append(head)
            line = word
        out.append(line)
    return out


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _hyphenate(measure, line: str, word: str, width: int, cuts,
               least: int = 1) -> tuple[str, str]:
    """(``line`` with as much of ``word`` as fits, hyphenated; the rest), or ("", word).
    Each side of the hyphen keeps at least ``least`` letters."""
    for at in cuts(word):
        if _letters(word[:at]) < least or _letters(word[at:]) < least:
            continue
        piece = word[:at] if word[at - 1] == "-" else word[:at] + "-"
        candidate = f"{line} {piece}" if line else piece
        if measure(candidate) <= width:
            return candidate, word[at:]
    return "", word


def _fit(measure, word: str, width: int) -> int:
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(word[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo
