"""Short moments of motion: a scene fades in when the player arrives, and an ending's band
sweeps in with a burst of sparks for a good ending. Both are off under reduced motion
(``animate=False``: they start finished) and report ``True`` from ``update`` only while they
run, so the loop draws just long enough."""
from __future__ import annotations

import math

import pygame

FADE_SECONDS = 0.3
REWARD_SECONDS = 1.2
SPARKS = 14


def ease(x: float) -> float:
    return 1 - (1 - x) ** 3


class Fade:
    """The main area fading in from the background after a scene change."""

    def __init__(self):
        self.progress = 1.0

    def start(self, animate: bool = True) -> None:
        self.progress = 0.0 if animate else 1.0

    def update(self, dt: float) -> bool:
        if self.progress >= 1.0:
            return False
        self.progress = min(1.0, self.progress + dt / FADE_SECONDS)
        return True

    def draw(self, surface, rect, colour) -> None:
        if self.progress >= 1.0:
            return
        veil = pygame.Surface(pygame.Rect(rect).size, pygame.SRCALPHA)
        veil.fill((*colour[:3], round(255 * (1 - ease(self.progress)))))
        surface.blit(veil, pygame.Rect(rect).topleft)


class Reward:
    """An ending's moment: its coloured band sweeps in; a good ending sends up sparks."""

    def __init__(self, animate: bool = True, sparks: bool = False):
        self.progress = 0.0 if animate else 1.0
        self.sparks = sparks

    @property
    def running(self) -> bool:
        return self.progress < 1.0

    def update(self, dt: float) -> bool:
        if not self.running:
            return False
        self.progress = min(1.0, self.progress + dt / REWARD_SECONDS)
        return True

    def band(self, surface, band, colour) -> None:
        """The ending's band in its tone, sweeping in from the left."""
        band = pygame.Rect(band)
        sweep = ease(min(1.0, self.progress * 1.6))
        pygame.draw.rect(surface, colour, (band.left, band.top, round(band.width * sweep),
                                           band.height))

    def burst(self, surface, centre: tuple[int, int], size: int, colour) -> None:
        """For a good ending, sparks flying out from ``centre`` (``size``: how far), drawn
        over the screen."""
        t = max(0.0, (self.progress - 0.2) / 0.8)  # after the sweep has begun
        if not (self.sparks and self.running) or t <= 0:
            return
        reach = size * (0.3 + 0.9 * ease(t))
        dot = max(2, round(size * 0.07 * (1 - t)))
        for i in range(SPARKS):
            a = 2 * math.pi * (i + 0.5) / SPARKS
            x, y = centre[0] + math.cos(a) * reach * 1.6, centre[1] + math.sin(a) * reach
            pygame.draw.circle(surface, colour, (round(x), round(y)), dot)
