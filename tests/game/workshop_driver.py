"""Driving workshop mode as a facilitator does: keys, typed text and clicks, posted as real
pygame events into the app's loop. Used by the tests and by ``workshop_child.py``."""
from __future__ import annotations

import pygame

KEYS = {ch: getattr(pygame, f"K_{ch}") for ch in "abcdefghijklmnopqrstuvwxyz0123456789"}


class Facilitator:
    def __init__(self, app):
        self.app = app

    def step(self, n: int = 1, dt: float = 1 / 60) -> None:
        for _ in range(n):
            self.app.step(None, dt=dt)

    def key(self, key, mod: int = 0) -> None:
        if isinstance(key, str):
            key = KEYS[key]
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="",
                                             scancode=0))
        self.step()

    def keys(self, text: str) -> None:
        """Each character as its key ("a7b12": option A, 7 hands, option B, 12 hands)."""
        for ch in text:
            self.key(ch)

    def enter(self) -> None:
        self.key(pygame.K_RETURN)

    def tab(self) -> None:
        self.key(pygame.K_TAB)

    def type(self, text: str) -> None:
        """Typed text: a key press and its TEXTINPUT, as SDL sends them."""
        for ch in text:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=KEYS.get(ch.lower(), 0),
                                                 mod=0, unicode=ch, scancode=0))
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
            self.step()

    def click(self, pos) -> None:
        pos = tuple(int(v) for v in pos)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                             buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.step()

    def vote(self, counts: str, take: str | None = None) -> None:
        """Open the vote, enter ``counts`` ("a7b12"), reveal, pick ``take`` if given, decide."""
        self.enter()
        self.keys(counts)
        self.enter()
        self.step(n=3, dt=0.5)  # the bars grow
        if take:
            self.key(take)
        self.enter()

    def play_on(self, counts=lambda choices: "a1b2", on_decision=None, on_scene=None,
                limit: int = 200) -> None:
        """Play every team to its ending and on to the group result: ``counts(choices)``
        gives the keys of each vote; ``on_decision(screen)`` hears each decision taken."""
        from weerbaar.game.screens.workshop_end import TeamEndScreen
        from weerbaar.game.screens.workshop_play import WorkshopScreen
        from weerbaar.game.screens.workshop_summary import WorkshopSummaryScreen
        for _ in range(limit):
            top = self.app.top
            if isinstance(top, WorkshopSummaryScreen):
                return
            if isinstance(top, WorkshopScreen) and top.panel is None \
                    and not top.session.view.can_continue and top.board.rows:
                if on_scene is not None:
                    on_scene(top)
                before = len(top.session.decisions)
                self.vote(counts([r.choice_id for r in top.board.rows]))
                if on_decision is not None and len(top.session.decisions) > before:
                    on_decision(top)
            elif isinstance(top, (WorkshopScreen, TeamEndScreen)):
                self.enter()
            else:
                raise AssertionError(f"unexpected screen {type(top).__name__}")
        raise AssertionError("the workshop did not end")
