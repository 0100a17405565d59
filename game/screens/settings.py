"""Settings: language, text size, window or full screen, high contrast, reduced motion,
and whether a choice may be taken back. Every change applies at once and is saved."""
from __future__ import annotations

from dataclasses import replace

import pygame

from ..intents import Back, Confirm, Navigate, PointerDown, PointerMove, PointerUp, Scroll
from ..i18n import own_name
from ..settings import LANGUAGES, TEXT_SIZES
from ..widgets import Button, WidgetColumn
from ..widgets.draw import box
from .base import Screen


def rows(ui) -> list[tuple[str, str, list[tuple[object, str]]]]:
    """(field, label, [(value, label)]) for every setting, in the order shown."""
    onoff = [(False, ui.t("off")), (True, ui.t("on"))]
    return [
        ("language", ui.t("language"), [(code, own_name(code)) for code in LANGUAGES]),
        ("text_size", ui.t("text_size"), [(i, ui.t(f"size_{i}")) for i in range(len(TEXT_SIZES))]),
        ("fullscreen", ui.t("display"), [(False, ui.t("windowed")), (True, ui.t("fullscreen"))]),
        ("high_contrast", ui.t("high_contrast"), onoff),
        ("reduced_motion", ui.t("reduced_motion"), onoff),
        ("allow_undo", ui.t("allow_undo"), onoff),
        ("sound", ui.t("sound"), onoff),
    ]


class SettingRow:
    """A label and a row of segments, one per value; the current one is selected."""

    def __init__(self, field: str, label: str, options, current):
        self.field, self.label = field, label
        self.options = options
        self.segments = [Button(text, "selected" if value == current else "segment", value=value)
                         for value, text in options]
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.focused = False
        self._ui = None

    def _split(self, width: int, ui) -> tuple[int, int]:
        label_w = int(width * 0.36)
        return label_w, width - label_w - ui.theme.px(16)

    def height_for(self, width: int, ui) -> int:
        label_w, seg_w = self._split(width, ui)
        each = (seg_w - ui.theme.px(8) * (len(self.segments) - 1)) // len(self.segments)
        label_h = len(ui.text.wrap(self.label, ui.theme.body, label_w, "bold")) * \
            ui.text.line_height(ui.theme.body)
        return max(label_h, max(b.height_for(each, ui) for b in self.segments))

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui
        label_w, seg_w = self._split(self.rect.width, ui)
        gap = ui.theme.px(8)
        each = (seg_w - gap * (len(self.segments) - 1)) // len(self.segments)
        x = self.rect.right - seg_w
        for b in self.segments:
            b.layout((x, self.rect.top, each, self.rect.height), ui)
            x += each + gap
        self._label_w = label_w

    def current_index(self) -> int:
        return next(i for i, b in enumerate(self.segments) if b.style == "selected")

    def process_event(self, intent):
        """The value clicked, or None."""
        hit = None
        for b in self.segments:
            if b.process_event(intent):
                hit = b.value
        return hit

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        if self.focused:
            box(surface, self.rect.inflate(t.px(20), t.px(14)), None, t.radius, p.focus,
                max(3, t.px(4)))
        label = ui.text.block(self.label, t.body, p.text, self._label_w, "bold")
        surface.blit(label, (self.rect.left, self.rect.centery - label.get_height() // 2))
        for b in self.segments:
            b.draw(surface)


class SettingsScreen(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.column = WidgetColumn()
        self.rows: list[SettingRow] = []
        self.row = 0  # the row the keyboard is on; len(rows) is the back button
        self.keyboard = True  # a screen opens with a focused element: the first row

    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m = t.margin
        s = ui.settings
        self.rows = [SettingRow(f, label, opts, getattr(s, f)) for f, label, opts in rows(ui)]
        width = min(w - 2 * m, t.px(1040))
        left = (w - width) // 2
        self.head_y = m
        top = m + ui.text.line_height(t.h1) + ui.text.line_height(t.small) + t.px(24)
        bh = t.px(52)
        self.back = Button(ui.t("back"), value=Back())
        self.back.layout((left, h - m - bh, t.px(220), bh), ui)
        area = pygame.Rect(left + t.px(10), top, width - t.px(40), self.back.rect.top - t.px(24) - top)
        places, y = [], t.px(10)
        for r in self.rows:
            rh = r.height_for(area.width, ui)
            places.append((r, pygame.Rect(0, y, area.width, rh)))
            y += rh + t.px(16)
        self.column.layout(area, ui, places)
        self.left = left
        self._mark()

    def _mark(self) -> None:
        for i, r in enumerate(self.rows):
            r.focused = self.keyboard and i == self.row
        self.back.focused = self.keyboard and self.row == len(self.rows)

    def _apply(self, field: str, value) -> None:
        self.app.set_settings(replace(self.app.settings, **{field: value}))

    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            self.app.pop(self)
            return
        if isinstance(intent, Scroll):
            self.column.process_event(intent)
            return
        if isinstance(intent, Navigate):
            self.keyboard = True
            if intent.dy:
                self.row = max(0, min(len(self.rows), self.row + intent.dy))
                if self.row < len(self.rows):
                    self.column.reveal(self.rows[self.row])
            elif intent.dx and self.row < len(self.rows):
                r = self.rows[self.row]
                i = max(0, min(len(r.options) - 1, r.current_index() + intent.dx))
                self._apply(r.field, r.options[i][0])
            self._mark()
            return
        if isinstance(intent, Confirm):
            if self.keyboard and self.row == len(self.rows):
                self.app.pop(self)
            return
        if isinstance(intent, (PointerMove, PointerDown, PointerUp)):
            if isinstance(intent, PointerMove) and self.keyboard:
                self.keyboard = False
                self._mark()
            if self.back.process_event(intent):
                self.app.pop(self)
                return
            for r in self.rows:
                value = r.process_event(intent)
                if value is not None:
                    self._apply(r.field, value)
                    return

    def draw(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        title = ui.text.render(ui.t("settings"), t.h1, p.text, "bold")
        surface.blit(title, (self.left, self.head_y))
        hint = ui.text.render(ui.text.ellipsize(ui.t("settings_hint"), t.small, t.size[0] - 2 * t.margin),
                              t.small, p.muted)
        surface.blit(hint, (self.left, self.head_y + ui.text.line_height(t.h1)))
        self.column.draw(surface)
        self.back.draw(surface)
