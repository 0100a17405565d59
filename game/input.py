"""The one place that reads pygame events and key codes: it turns them into intents."""
from __future__ import annotations

import pygame

from .intents import (Back, Choose, Confirm, Intent, Navigate, PointerDown, PointerMove,
                      PointerUp, Quit, Redraw, Resize, Scroll, TextSize, ToggleFullscreen, Undo)

_NUMBERS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
_NUMBERS.update({getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)})
_ARROWS = {pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1),
           pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0)}
_CONFIRM = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}
_PAGE = {pygame.K_PAGEUP: -8, pygame.K_PAGEDOWN: 8, pygame.K_HOME: -10_000,
         pygame.K_END: 10_000}
_RESIZE_EVENTS = {pygame.VIDEORESIZE, pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED}
_REDRAW_EVENTS = {pygame.VIDEOEXPOSE, pygame.WINDOWEXPOSED, pygame.WINDOWFOCUSGAINED,
                  pygame.WINDOWRESTORED, pygame.WINDOWSHOWN}


class InputMapper:
    """Keeps the last pointer position so that wheel events know where they happened."""

    def __init__(self):
        self.pointer: tuple[int, int] | None = None

    def translate(self, events) -> list[Intent]:
        out: list[Intent] = []
        for event in events:
            intent = self._one(event)
            if intent is not None:
                out.append(intent)
        return out

    def _one(self, e) -> Intent | None:
        t = e.type
        if t == pygame.QUIT:
            return Quit()
        if t == pygame.KEYDOWN:
            return self._key(e.key, e.mod)
        if t == pygame.MOUSEMOTION:
            self.pointer = tuple(e.pos)
            return PointerMove(self.pointer)
        if t == pygame.MOUSEBUTTONDOWN and e.button == 1:
            self.pointer = tuple(e.pos)
            return PointerDown(self.pointer)
        if t == pygame.MOUSEBUTTONUP and e.button == 1:
            self.pointer = tuple(e.pos)
            return PointerUp(self.pointer)
        if t == pygame.MOUSEWHEEL:
            dy = getattr(e, "precise_y", e.y) or e.y
            return Scroll(-3 * dy, self.pointer)
        if t in _RESIZE_EVENTS:
            size = (getattr(e, "w", 0) or getattr(e, "x", 0), getattr(e, "h", 0) or getattr(e, "y", 0))
            return Resize(tuple(size))
        if t in _REDRAW_EVENTS:
            return Redraw()
        return None

    @staticmethod
    def _key(key: int, mod: int) -> Intent | None:
        ctrl = bool(mod & (pygame.KMOD_CTRL | pygame.KMOD_META))
        if ctrl and key == pygame.K_z:
            return Undo()
        if ctrl and key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            return TextSize(+1)
        if ctrl and key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            return TextSize(-1)
        if ctrl and key == pygame.K_q:
            return Quit()
        if key in _NUMBERS:
            return Choose(_NUMBERS[key])
        if key in _ARROWS:
            return Navigate(*_ARROWS[key])
        if key == pygame.K_TAB:
            return Navigate(0, -1 if mod & pygame.KMOD_SHIFT else 1)
        if key in _CONFIRM:
            return Confirm()
        if key == pygame.K_ESCAPE:
            return Back()
        if key == pygame.K_BACKSPACE:
            return Undo()
        if key in _PAGE:
            return Scroll(_PAGE[key])
        if key == pygame.K_F11:
            return ToggleFullscreen()
        return None
