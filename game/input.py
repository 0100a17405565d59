"""The one place that reads pygame events and key codes: it turns them into intents."""
from __future__ import annotations

import pygame

from .intents import (Adjust, Back, Choose, Confirm, Erase, Intent, Letter, Mark, Navigate,
                      PointerDown, PointerMove, PointerUp, Quit, Redraw, Resize, Scroll, TabKey,
                      TextSize, ToggleFullscreen, TypeText, Undo)

_NUMBERS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
_NUMBERS.update({getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)})
_NUMBERS.update({pygame.K_0: 0, pygame.K_KP0: 0})
_LETTERS = {getattr(pygame, f"K_{c}"): c for c in "abcdefghijklmnopqrstuvwxyz"}
_ADJUST = {pygame.K_PLUS: 1, pygame.K_EQUALS: 1, pygame.K_KP_PLUS: 1,
           pygame.K_MINUS: -1, pygame.K_KP_MINUS: -1}
_ARROWS = {pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1),
           pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0)}
_CONFIRM = {pygame.K_RETURN, pygame.K_KP_ENTER}
_PAGE = {pygame.K_PAGEUP: -8, pygame.K_PAGEDOWN: 8, pygame.K_HOME: -10_000,
         pygame.K_END: 10_000}
_RESIZE_EVENTS = {pygame.VIDEORESIZE, pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED}
_REDRAW_EVENTS = {pygame.VIDEOEXPOSE, pygame.WINDOWEXPOSED, pygame.WINDOWFOCUSGAINED,
                  pygame.WINDOWRESTORED, pygame.WINDOWSHOWN}


class InputMapper:
    """Keeps the last pointer position so that wheel events know where they happened."""

    def __init__(self):
        self.pointer: tuple[int, int] | None = None
        # set by the app from the top screen: typed text arrives as TypeText, and keys that
        # type (letters, digits, space) mean nothing else meanwhile
        self.text_mode = False

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
            return self._text_key(e.key, e.mod) if self.text_mode else self._key(e.key, e.mod)
        if t == pygame.TEXTINPUT:
            return TypeText(e.text) if self.text_mode and e.text else None
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
            return TabKey(0, -1 if mod & pygame.KMOD_SHIFT else 1)
        if key in _CONFIRM:
            return Confirm()
        if key == pygame.K_SPACE:
            return Mark()
        if key == pygame.K_ESCAPE:
            return Back()
        if key == pygame.K_BACKSPACE:
            return Undo()
        if key in _PAGE:
            return Scroll(_PAGE[key])
        if key == pygame.K_F11:
            return ToggleFullscreen()
        if key in _LETTERS and not ctrl:
            return Letter(_LETTERS[key])
        if key in _ADJUST:
            return Adjust(_ADJUST[key])
        return None

    @staticmethod
    def _text_key(key: int, mod: int) -> Intent | None:
        """Keys while typing: the characters themselves come as TEXTINPUT events."""
        if key in _CONFIRM:
            return Confirm()
        if key == pygame.K_BACKSPACE:
            return Erase()
        if key in (pygame.K_TAB, pygame.K_ESCAPE, pygame.K_F11, pygame.K_PAGEUP,
                   pygame.K_PAGEDOWN) or key in _ARROWS:
            return InputMapper._key(key, mod)
        if mod & (pygame.KMOD_CTRL | pygame.KMOD_META) and key == pygame.K_q:
            return Quit()
        return None
