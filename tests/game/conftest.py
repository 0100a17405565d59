"""Headless front-end tests: SDL's dummy drivers, a temporary config directory, and helpers
that post real pygame events into the queue and run the real loop one pass at a time."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"   # before pygame is imported anywhere
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import shutil  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHOWCASE = FIXTURES / "showcase.yaml"
EXAMPLE = ROOT / "scenarios" / "voorbeeld.yaml"


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    d = tmp_path / "config"
    monkeypatch.setenv("WEERBAAR_CONFIG_DIR", str(d))
    return d


@pytest.fixture
def scenario_dir(tmp_path):
    d = tmp_path / "scenarios"
    d.mkdir()
    shutil.copy(SHOWCASE, d / "showcase.yaml")
    shutil.copy(EXAMPLE, d / "voorbeeld.yaml")
    return d


@pytest.fixture
def make_app(config_dir, scenario_dir):
    from weerbaar.game.app import App
    apps = []

    def make(size=(1280, 720), **kw):
        kw.setdefault("scenarios_dir", scenario_dir)
        app = App(size=size, **kw)
        apps.append(app)
        return app
    yield make
    for app in apps:
        app.close()


class Driver:
    """Posts events as a player would and runs the app's loop one pass after each."""

    def __init__(self, app):
        self.app = app
        pygame.event.clear()

    def step(self, dt: float = 1 / 60, n: int = 1) -> None:
        for _ in range(n):
            self.app.step(None, dt=dt)

    def key(self, key: int, mod: int = 0) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="",
                                             scancode=0))
        self.step()

    def move(self, pos) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=tuple(pos), rel=(0, 0),
                                             buttons=(0, 0, 0)))
        self.step()

    def click(self, pos) -> None:
        pos = tuple(int(v) for v in pos)
        self.move(pos)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.step()

    def wheel(self, pos, y: int) -> None:
        self.move(pos)
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, precise_x=0.0,
                                             precise_y=float(y), flipped=False))
        self.step()

    def take(self, *numbers: int) -> None:
        """Per number: press its key (take that choice), then Enter (read on past the
        consequence)."""
        for n in numbers:
            self.key(getattr(pygame, f"K_{n}"))
            self.key(pygame.K_RETURN)

    def settings(self, **changes) -> None:
        """The facilitator changes settings (``allow_undo=False`` …)."""
        self.app.set_settings(replace(self.app.settings, **changes))

    def settle(self, seconds: float = 1.0) -> None:
        """Let animations finish."""
        self.step(dt=1 / 30, n=int(seconds * 30))

    @property
    def top(self):
        return self.app.top

    def pixels(self, rect) -> bytes:
        surface = pygame.display.get_surface()
        return pygame.image.tobytes(surface.subsurface(pygame.Rect(rect).clip(surface.get_rect())),
                                    "RGB")


@pytest.fixture
def driver(make_app):
    def start(path=None, **kw):
        app = make_app(**kw)
        app.to_title()
        d = Driver(app)
        if path is not None:
            app.open_scenario(path)
        d.step()
        return d
    return start
