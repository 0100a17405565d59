"""What the player means, independent of the device: screens and widgets see only these.

``game.input`` turns raw pygame events into intents; nothing else reads key codes. A
button carries the intent it stands for as its ``value`` (``Button(..., value=Proceed())``),
and a screen matches what was pressed by type, as it matches a key.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import dataclass_transform


@dataclass_transform(frozen_default=True)
class Intent:
    """Base class of every intent. Every subclass is made a frozen dataclass: intents are
    values, equal when their kind and fields are (``Proceed() == Proceed()``, ``Choose(2)``),
    hashable, and never changed."""

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        dataclass(frozen=True)(cls)  # in place: the class stays the one defined here


class Choose(Intent):
    number: int  # 1-based, as printed on the button (0: the 0 key, for typing counts)


class Navigate(Intent):
    dx: int = 0
    dy: int = 0


class TabKey(Navigate):
    """Tab (Shift+Tab: dy=-1): moves the focus like an arrow, and a screen may give it its
    own meaning (workshop mode: the facilitator view)."""


class Confirm(Intent):
    """Enter or Space: activate the focused button, or continue."""


class Mark(Confirm):
    """Space: confirms like Enter everywhere, and marks an item in a list that has marks."""


class Back(Intent):
    """Esc: close the top screen or open the pause menu."""


class Undo(Intent):
    """Ctrl+Z or Backspace: take back the last decision (if the settings allow it)."""


class Scroll(Intent):
    lines: float  # positive scrolls the content up (towards its end)
    pos: tuple[int, int] | None = None  # where the wheel turned; None for the keyboard


class PointerMove(Intent):
    pos: tuple[int, int]


class PointerDown(Intent):
    pos: tuple[int, int]


class PointerUp(Intent):
    pos: tuple[int, int]


class Resize(Intent):
    size: tuple[int, int]


class TextSize(Intent):
    step: int  # +1 larger, -1 smaller


class ToggleFullscreen(Intent):
    """F11: full screen on or off."""


class Redraw(Intent):
    """The window was exposed or regained focus: draw again."""


class Quit(Intent):
    """Close the window."""


class Letter(Intent):
    """A letter key without Ctrl, lower case: workshop mode names the choices A, B, C."""

    char: str


class Adjust(Intent):
    """+ or − without Ctrl: one more or one fewer (a count of hands)."""

    step: int


class TypeText(Intent):
    """Text typed while the top screen takes text (``text_mode``)."""

    text: str


class Erase(Intent):
    """Backspace while the top screen takes text."""


POINTER = (PointerMove, PointerDown, PointerUp)


# ---- what a button stands for (its ``value``); a button may also carry a key's intent:
# ---- Back (back, close), Undo (take back), Adjust (− / + on a count of hands)

class ChooseChoice(Intent):
    """Take this choice of the scene."""

    choice_id: str


class ReadOn(Intent):
    """A scene without a decision: continue to the next."""


class Proceed(Intent):
    """The consequence has been read: on to where the choice leads."""


class DoneReading(Intent):
    """The whole situation has been seen: a timed decision's clock starts."""


class Resume(Intent):
    """Close the pause menu: back to the play."""


class ShowHistory(Intent):
    """What was read and chosen so far."""


class Restart(Intent):
    """Start the scenario again (after asking)."""


class OpenSettings(Intent):
    """The settings screen."""


class ToMenu(Intent):
    """Leave for the title screen."""


class PlayAgain(Intent):
    """After an ending: the scenario again from its start."""


class Answer(Intent):
    """Yes or no to a question the screen asked."""

    yes: bool


class SetLanguage(Intent):
    code: str  # "nl" or "en"


class Turn(Intent):
    """The previous (-1) or next (+1) page or step."""

    step: int


class ShowTab(Intent):
    tab: str


class NextGroup(Intent):
    """The debrief of several scenarios: the next scenario's sessions."""


class NextCompared(Intent):
    """The comparison of two sessions: another one on this side ("a" or "b")."""

    side: str


class ReplaySession(Intent):
    """The replay of the session in focus."""


class MarkScenario(Intent):
    """Mark all sessions of the focused session's scenario."""


class OpenDebrief(Intent):
    """The group debrief of the sessions chosen."""


class PickScenario(Intent):
    index: int  # 0-based, in the catalogue


class ResumeWorkshop(Intent):
    """Go on with the workshop that was interrupted."""


class NewWorkshop(Intent):
    """Set up a new workshop."""


class StartWorkshop(Intent):
    """The setup is done: the workshop begins."""


class TakeBreak(Intent):
    """Interrupt the workshop (it resumes from the store)."""


class VoteStep(Intent):
    """The room view's next step: open the vote, reveal the hands, take the choice, or
    continue."""


class ToggleCountdown(Intent):
    """The vote's countdown on or off."""


class NextTeam(Intent):
    """After a team's ending: the next team plays, or the summary when all have."""


class OpenSessions(Intent):
    """The list of recorded sessions (replay, group debrief)."""


class OpenWorkshop(Intent):
    """Workshop mode, from the title screen."""


class ResumePlay(Intent):
    """Go on with the play that was left unfinished."""


class WhatIf(Intent):
    """A replay: play on from this step."""


class SwitchVersion(Intent):
    """A replay: show the scenario as played, or as it is now."""
