"""What the player has read and chosen so far in this play, for the history view: the
scenes as they were seen (``SceneSnapshot``) with the option taken in each. Plain data kept
by the play screen; an undo drops what came after, a restart all of it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    seen: object             # the scene as the player saw it (screens.scene_view.SceneSnapshot)
    choice: str | None       # the option taken there (None: the scene only continued)
    timed_out: bool
    before: int              # decisions made before this scene


class History:
    def __init__(self):
        self.pages: list[Page] = []

    def add(self, seen, decisions_before: int, choice: str | None = None,
            timed_out: bool = False) -> None:
        self.pages.append(Page(seen, choice, timed_out, decisions_before))

    def undo_to(self, decisions: int) -> None:
        """The play went back to ``decisions`` decisions: forget what came after."""
        self.pages = [p for p in self.pages if p.before < decisions]

    def clear(self) -> None:
        self.pages = []
