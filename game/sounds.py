"""Optional sound cues, off by default (``Settings.sound``): a soft click when a choice is
taken, a low tick each second of a timer's last ten, and a chime at an ending. The tones
are made when first needed (sine waves with a short fade in and out): no sound files. If
the audio device cannot start, the game stays silent and says nothing."""
from __future__ import annotations

import math
from array import array

import pygame

RATE = 22050
CUES = {  # name: (frequencies in Hz, played one after the other; seconds each; volume)
    "choice": ((660.0,), 0.06, 0.25),
    "tick": ((440.0,), 0.04, 0.2),
    "ending": ((523.25, 659.25, 783.99), 0.16, 0.3),
}


def tone(freqs, seconds: float, volume: float, channels: int = 1) -> bytes:
    """16-bit samples of ``freqs`` one after the other, each faded in and out."""
    n = max(1, int(RATE * seconds))
    fade = max(1, n // 8)
    out = array("h")
    for f in freqs:
        for i in range(n):
            env = min(1.0, i / fade, (n - i) / fade)
            v = int(32767 * volume * env * math.sin(2 * math.pi * f * i / RATE))
            out.extend([v] * channels)
    return out.tobytes()


class Cues:
    def __init__(self):
        self.sounds: dict | None = None  # None: not started yet; {}: no audio here
        self.played: list[str] = []      # the cues asked for (tests read it)

    def _ready(self) -> bool:
        if self.sounds is None:
            try:
                if not pygame.mixer.get_init():
                    pygame.mixer.init(RATE, -16, 1)
                rate, _size, channels = pygame.mixer.get_init()
                self.sounds = {name: pygame.mixer.Sound(buffer=tone(f, s * RATE / rate, v,
                                                                    channels))
                               for name, (f, s, v) in CUES.items()}
            except pygame.error:
                self.sounds = {}
        return bool(self.sounds)

    def play(self, name: str, settings) -> None:
        if not settings.sound:
            return
        self.played.append(name)
        if self._ready():
            self.sounds[name].play()
