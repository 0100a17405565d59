"""A shrinking bar for a timed decision, with the seconds left in words.

A timer can be ``held`` until the player has seen the whole situation: it then waits and
offers "Ik ben klaar met lezen" (``ready``), and the play screen releases it when the text
has been scrolled to its end or the button is pressed.

A running timer must cost nothing: ``update`` says when what it shows changes, at most
``MAX_REDRAWS`` times a second, and the screen then redraws only this bar (``patch``)."""
from __future__ import annotations

import math

import pygame

from ..intents import DoneReading
from .button import Button
from .draw import box

MAX_REDRAWS = 10  # per second
STEPS = 200  # the bar shrinks in this many visible steps (finer than a pixel is not seen)


class TimerBar:
    def __init__(self, seconds: float):
        self.total = float(seconds)
        self.left = float(seconds)
        self.rect = pygame.Rect(0, 0, 0, 0)
        self._ui = None
        self._shown = self._face()
        self._since = 0.0  # seconds since the last change that was reported
        self.changed = False  # shows something new since it was last drawn
        self.held = False  # waits until the player has read the whole situation
        self.ready: Button | None = None  # "Ik ben klaar met lezen", while held

    @property
    def expired(self) -> bool:
        return self.left <= 0

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui
        self.ready = None
        if self.held:
            self.ready = Button(ui.t("done_reading"), value=DoneReading())
            w = ui.text.size(self.ready.label, ui.theme.fs(24))[0] + ui.theme.px(48)
            self.ready.layout((self.rect.right - w, self.rect.top, w, self.rect.height), ui)

    def release(self) -> None:
        """The player has seen everything: the time starts to run."""
        self.held, self.ready, self.changed = False, None, True

    def process_event(self, intent) -> bool:
        return False

    def _face(self) -> tuple[int, int]:
        """What the bar shows: the whole seconds left and the bar's length in steps."""
        frac = self.left / self.total if self.total else 0
        return math.ceil(self.left), round(frac * STEPS)

    def update(self, dt: float) -> bool:
        """Count down; True when what the bar shows changed (at most 10 times a second,
        and always when the time runs out)."""
        if self.left <= 0 or self.held:
            return False
        self.left = max(0.0, self.left - dt)
        self._since += dt
        face = self._face()
        if face == self._shown or (self._since < 1 / MAX_REDRAWS and self.left > 0):
            return False
        self._shown, self._since, self.changed = face, 0.0, True
        return True

    def height_for(self, ui) -> int:
        if self.held:  # room for the button, kept low: the options need the height
            return max(ui.theme.px(40), ui.text.line_height(ui.theme.fs(24)) + ui.theme.px(6))
        return ui.text.line_height(ui.theme.small)

    def repaint(self, surface) -> list:
        """Redraw the bar alone on the window's background if it changed; the rects drawn."""
        if not self.changed or self._ui is None:
            return []
        surface.fill(self._ui.palette.bg, self.rect)
        self.draw(surface)
        return [self.rect]

    def draw(self, surface) -> None:
        if self._ui is None:
            return
        self.changed = False
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        words = ui.t("time_held" if self.held else "time_left", n=math.ceil(self.left))
        label = ui.text.render(words, t.small, p.text, "bold")
        right = self.ready.rect.left - t.px(16) if self.ready else self.rect.right
        surface.blit(label, (right - label.get_width(), self.rect.centery - label.get_height() // 2))
        if self.ready:
            self.ready.draw(surface)
        bar = pygame.Rect(self.rect.left, 0, right - self.rect.left - label.get_width() - t.px(16),
                          t.px(14))
        bar.centery = self.rect.centery
        box(surface, bar, p.track, bar.height // 2)
        frac = self.left / self.total if self.total else 0
        colour = p.timer if frac < 0.25 else p.fill
        w = round(bar.width * frac)
        if w > 0:
            box(surface, (bar.left, bar.top, w, bar.height), colour, bar.height // 2)
