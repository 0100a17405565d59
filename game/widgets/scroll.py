"""A box that shows a pre-rendered content surface and scrolls it when it is taller."""
from __future__ import annotations

import pygame

from ..intents import Scroll
from .draw import box, chevron


class ScrollView:
    def __init__(self, keyboard: bool = True):
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.content: pygame.Surface | None = None
        self.offset = 0
        self.keyboard = keyboard  # PageUp/PageDown scroll this view
        self._ui = None
        self._fade: pygame.Surface | None = None

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui
        self.offset = min(self.offset, self.max_offset)

    def set_content(self, surface: pygame.Surface | None, keep_offset: bool = False) -> None:
        """``surface`` is opaque; its top-left pixel is taken as the background that the
        last visible line fades into when more content follows below."""
        self.content = surface
        self.offset = min(self.offset, self.max_offset) if keep_offset else 0
        self._fade = None
        if surface is not None and self.overflows and self._ui is not None:
            self._fade = _fade(self.rect.width, self._ui.text.line_height(self._ui.theme.body),
                               tuple(surface.get_at((0, 0)))[:3])

    def fill(self, rect, ui, build, background, keep_offset: bool = False) -> None:
        """Lay out in ``rect`` and show ``build(ui, width)`` (a Flow at the view's width)
        rendered on ``background``."""
        self.layout(rect, ui)
        self.set_content(build(ui, self.rect.width).render(background), keep_offset)

    @property
    def max_offset(self) -> int:
        if self.content is None:
            return 0
        return max(0, self.content.get_height() - self.rect.height)

    @property
    def overflows(self) -> bool:
        return self.max_offset > 0

    def process_event(self, intent) -> bool:
        if not isinstance(intent, Scroll) or not self.overflows:
            return False
        if intent.pos is None and not self.keyboard:
            return False
        if intent.pos is not None and not self.rect.collidepoint(intent.pos):
            return False
        step = self._ui.text.line_height(self._ui.theme.body) if self._ui else 30
        before = self.offset
        self.offset = int(max(0, min(self.max_offset, self.offset + intent.lines * step)))
        return self.offset != before

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface) -> None:
        if self.content is None or not self.rect.width:
            return
        area = pygame.Rect(0, self.offset, self.rect.width, self.rect.height)
        surface.blit(self.content, self.rect.topleft, area)
        if self._fade is not None and self.offset < self.max_offset:
            surface.blit(self._fade, (self.rect.left, self.rect.bottom - self._fade.get_height()))
        if self.overflows and self._ui is not None:
            self._scrollbar(surface)

    def _scrollbar(self, surface) -> None:
        t, p = self._ui.theme, self._ui.palette
        w = t.px(8)
        track = pygame.Rect(self.rect.right + t.px(6), self.rect.top, w, self.rect.height)
        box(surface, track, p.track, w // 2)
        total = self.content.get_height()
        h = max(t.px(40), self.rect.height * self.rect.height // total)
        y = track.top + (track.height - h) * self.offset // max(1, self.max_offset)
        box(surface, (track.left, y, w, h), p.muted, w // 2)
        if self.offset < self.max_offset:  # a "more below" cue over the last line
            size = t.px(18)
            cue = pygame.Rect(0, 0, size, size // 2)
            cue.midbottom = (track.centerx, self.rect.bottom + t.px(14))
            chevron(surface, cue, p.muted, down=True)


def _fade(width: int, height: int, colour) -> pygame.Surface:
    """A band that goes from transparent to ``colour``: text runs out softly, not cut."""
    band = pygame.Surface((max(1, width), max(1, height)), pygame.SRCALPHA)
    for y in range(height):
        a = round(255 * (y / max(1, height - 1)) ** 1.5)
        band.fill((*colour, a), (0, y, width, 1))
    return band


class WidgetColumn:
    """Interactive widgets in a scrolling box: each widget has a place in the content
    (``place(widget, rect)`` with rects relative to the box), and the column moves them
    with the scroll offset and clips their drawing to the box."""

    def __init__(self):
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.offset = 0
        self.places: list[tuple[object, pygame.Rect]] = []
        self._ui = None

    def layout(self, rect, ui, places) -> None:
        self.rect, self._ui, self.places = pygame.Rect(rect), ui, list(places)
        self.offset = min(self.offset, self.max_offset)
        self._apply()

    @property
    def content_height(self) -> int:
        return max((r.bottom for _, r in self.places), default=0)

    @property
    def max_offset(self) -> int:
        return max(0, self.content_height - self.rect.height)

    def _apply(self) -> None:
        for widget, r in self.places:
            widget.layout(r.move(self.rect.left, self.rect.top - self.offset), self._ui)

    def process_event(self, intent) -> bool:
        if not isinstance(intent, Scroll) or not self.max_offset:
            return False
        if intent.pos is not None and not self.rect.collidepoint(intent.pos):
            return False
        step = self._ui.text.line_height(self._ui.theme.body)
        before = self.offset
        self.offset = int(max(0, min(self.max_offset, self.offset + intent.lines * step)))
        self._apply()
        return before != self.offset

    def reveal(self, widget) -> None:
        """Scroll so that ``widget`` (one of ours) is fully in view."""
        for w, r in self.places:
            if w is widget:
                pad = self._ui.theme.px(10) if self._ui else 0
                if r.top - pad < self.offset:
                    self.offset = max(0, r.top - pad)
                elif r.bottom + pad > self.offset + self.rect.height:
                    self.offset = min(self.max_offset, r.bottom + pad - self.rect.height)
                self._apply()
                return

    def visible(self, widget) -> bool:
        return widget.rect.colliderect(self.rect)

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface) -> None:
        clip = surface.get_clip()
        margin = self._ui.theme.px(8) if self._ui else 0  # room for focus rings
        surface.set_clip(self.rect.inflate(2 * margin, 2 * margin).clip(clip))
        for widget, _ in self.places:
            if widget.rect.colliderect(self.rect):
                widget.draw(surface)
        surface.set_clip(clip)
        if self.max_offset and self._ui is not None:
            t, p = self._ui.theme, self._ui.palette
            w = t.px(8)
            track = pygame.Rect(self.rect.right + t.px(10), self.rect.top, w, self.rect.height)
            box(surface, track, p.track, w // 2)
            h = max(t.px(40), self.rect.height * self.rect.height // self.content_height)
            y = track.top + (track.height - h) * self.offset // self.max_offset
            box(surface, (track.left, y, w, h), p.muted, w // 2)
