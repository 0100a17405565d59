"""Starting SDL's video for the game window: refuse to play on no display, and pick the
cheapest way to put pixels on an X11 window.

- **No display.** Without ``DISPLAY`` (an SSH session, a container), SDL 2 silently falls
  back to its ``offscreen`` driver: the game would run in a window nobody can see and never
  end. ``open_display`` raises ``NoDisplayError`` instead, unless that driver was asked for
  (``SDL_VIDEODRIVER=offscreen``, or ``dummy`` for tests and screenshots).
- **X11 framebuffer.** By default SDL 2 shows an X11 window's pixels through an OpenGL
  texture, re-uploaded whole for every update: 12–17 ms of CPU per update at 1920×1080
  under Xvfb, even for a 30-pixel timer bar. X11's own framebuffer (shared memory) updates
  only the rects asked for (0.05 ms). We ask for it unless the user chose otherwise
  (``SDL_FRAMEBUFFER_ACCELERATION``). Measured in bench/frontend_perf.py.
"""
from __future__ import annotations

import os
import sys

import pygame

FALLBACK_DRIVERS = {"offscreen"}  # what SDL falls back to when there is no display


class NoDisplayError(RuntimeError):
    """There is no screen to open the game window on."""


def open_display() -> str:
    """Initialise SDL's video; the driver's name. Raises ``NoDisplayError``."""
    env = os.environ
    if (sys.platform.startswith("linux") and not env.get("SDL_VIDEODRIVER")
            and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY")):
        raise NoDisplayError("no display to open the game window on (neither DISPLAY nor "
                             "WAYLAND_DISPLAY is set)")
    pygame.display.init()
    driver = pygame.display.get_driver()
    asked = os.environ.get("SDL_VIDEODRIVER", "").lower()
    if driver in FALLBACK_DRIVERS and asked != driver:
        pygame.display.quit()
        raise NoDisplayError(f"no display to open the game window on (SDL found none and "
                             f"would draw {driver}, where nobody can see it)")
    if driver == "x11":
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
    return driver
