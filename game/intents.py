"""What the player means, independent of the device: screens and widgets see only these.

``game.input`` turns raw pygame events into intents; nothing else reads key codes. A
button carries the intent it stands for as its ``value`` (``Button(..., value=Proceed())``),
and a screen matches what was pressed by type, as it matches a key.
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


# ---- what a button stands for (its ``value``); a button may also carry a key's intent:
# ---- Back (back, close), Undo (take back), Adjust (− / + on a count of hands)

@dataclass(frozen=True)
class ChooseChoice(Intent):
    """Take this choice of the scene."""

    choice_id: str


@dataclass(frozen=True)
class ReadOn(Intent):
    """A scene without a decision: continue to the next."""


@dataclass(frozen=True)
class Proceed(Intent):
    """The consequence has been read: on to where the choice leads."""


@dataclass(frozen=True)
class DoneReading(Intent):
    """The whole situation has been seen: a timed decision's clock starts."""


@dataclass(frozen=True)
class Resume(Intent):
    """Close the pause menu: back to the play."""


@dataclass(frozen=True)
class ShowHistory(Intent):
    """What was read and chosen so far."""


@dataclass(frozen=True)
class Restart(Intent):
    """Start the scenario again (after asking)."""


@dataclass(frozen=True)
class OpenSettings(Intent):
    pass


@dataclass(frozen=True)
class ToMenu(Intent):
    """Leave for the title screen."""


@dataclass(frozen=True)
class PlayAgain(Intent):
    pass


@dataclass(frozen=True)
class Answer(Intent):
    """Yes or no to a question the screen asked."""

    yes: bool


@dataclass(frozen=True)
class SetLanguage(Intent):
    code: str  # "nl" or "en"


@dataclass(frozen=True)
class Turn(Intent):
    """The previous (-1) or next (+1) page or step."""

    step: int


@dataclass(frozen=True)
class ShowTab(Intent):
    tab: str


@dataclass(frozen=True)
class NextGroup(Intent):
    """The debrief of several scenarios: the next scenario's sessions."""


@dataclass(frozen=True)
class NextCompared(Intent):
    """The comparison of two sessions: another one on this side ("a" or "b")."""

    side: str


@dataclass(frozen=True)
class ReplaySession(Intent):
    pass


@dataclass(frozen=True)
class MarkScenario(Intent):
    """Mark all sessions of the focused session's scenario."""


@dataclass(frozen=True)
class OpenDebrief(Intent):
    pass


@dataclass(frozen=True)
class PickScenario(Intent):
    index: int  # 0-based, in the catalogue


@dataclass(frozen=True)
class ResumeWorkshop(Intent):
    """Go on with the workshop that was interrupted."""


@dataclass(frozen=True)
class NewWorkshop(Intent):
    pass


@dataclass(frozen=True)
class StartWorkshop(Intent):
    pass


@dataclass(frozen=True)
class TakeBreak(Intent):
    """Interrupt the workshop (it resumes from the store)."""


@dataclass(frozen=True)
class VoteStep(Intent):
    """The room view's next step: open the vote, reveal the hands, take the option, or
    continue."""


@dataclass(frozen=True)
class ToggleCountdown(Intent):
    pass


@dataclass(frozen=True)
class NextTeam(Intent):
    """After a team's ending: the next team plays, or the summary when all have."""


@dataclass(frozen=True)
class OpenSessions(Intent):
    """The list of recorded sessions (replay, group debrief)."""


@dataclass(frozen=True)
class OpenWorkshop(Intent):
    pass


@dataclass(frozen=True)
class ResumePlay(Intent):
    """Go on with the play that was left unfinished."""


@dataclass(frozen=True)
class WhatIf(Intent):
    """A replay: play on from this step."""


@dataclass(frozen=True)
class SwitchVersion(Intent):
    """A replay: show the scenario as played, or as it is now."""
