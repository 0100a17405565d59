"""What the player means, independent of the device: screens and widgets see only these.

``game.input`` turns raw pygame events into intents; nothing else reads key codes.
"""
from __future__ import annotations

from dataclasses import dataclass


class Intent:
    """Base class of every intent."""


@dataclass(frozen=True)
class Choose(Intent):
    number: int  # 1-based, as printed on the button (0: the 0 key, for typing counts)


@dataclass(frozen=True)
class Navigate(Intent):
    dx: int = 0
    dy: int = 0


@dataclass(frozen=True)
class TabKey(Navigate):
    """Tab (Shift+Tab: dy=-1): moves the focus like an arrow, and a screen may give it its
    own meaning (workshop mode: the facilitator view)."""


@dataclass(frozen=True)
class Confirm(Intent):
    """Enter or Space: activate the focused button, or continue."""


@dataclass(frozen=True)
class Mark(Confirm):
    """Space: confirms like Enter everywhere, and marks an item in a list that has marks."""


@dataclass(frozen=True)
class Back(Intent):
    """Esc: close the top screen or open the pause menu."""


@dataclass(frozen=True)
class Undo(Intent):
    """Ctrl+Z or Backspace: take back the last decision (if the settings allow it)."""


@dataclass(frozen=True)
class Scroll(Intent):
    lines: float  # positive scrolls the content up (towards its end)
    pos: tuple[int, int] | None = None  # where the wheel turned; None for the keyboard


@dataclass(frozen=True)
class PointerMove(Intent):
    pos: tuple[int, int]


@dataclass(frozen=True)
class PointerDown(Intent):
    pos: tuple[int, int]


@dataclass(frozen=True)
class PointerUp(Intent):
    pos: tuple[int, int]


@dataclass(frozen=True)
class Resize(Intent):
    size: tuple[int, int]


@dataclass(frozen=True)
class TextSize(Intent):
    step: int  # +1 larger, -1 smaller


@dataclass(frozen=True)
class ToggleFullscreen(Intent):
    pass


@dataclass(frozen=True)
class Redraw(Intent):
    """The window was exposed or regained focus: draw again."""


@dataclass(frozen=True)
class Quit(Intent):
    pass


@dataclass(frozen=True)
class Letter(Intent):
    """A letter key without Ctrl, lower case: workshop mode names options A, B, C."""

    char: str


@dataclass(frozen=True)
class Adjust(Intent):
    """+ or − without Ctrl: one more or one fewer (a count of hands)."""

    step: int


@dataclass(frozen=True)
class TypeText(Intent):
    """Text typed while the top screen takes text (``text_mode``)."""

    text: str


@dataclass(frozen=True)
class Erase(Intent):
    """Backspace while the top screen takes text."""


POINTER = (PointerMove, PointerDown, PointerUp)
