"""Starting the window: no display is a one-line error that suggests --text (never a game
in an invisible window), and `play FILE` with a file that cannot be played says so on
stderr and exits 2, besides showing it on screen."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pygame
import pytest

from weerbaar.game import display
from weerbaar.game.app import App
from weerbaar.game.app import run as run_app
from weerbaar.game.options import GameOptions

from .conftest import ROOT


def test_without_a_display_the_game_stops_at_once_and_suggests_text(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env.update(WEERBAAR_CONFIG_DIR=str(tmp_path / "c"), WEERBAAR_DATA_DIR=str(tmp_path / "d"))
    for argv in ([], ["play", str(ROOT / "scenarios" / "voorbeeld.yaml")]):
        t = time.monotonic()
        res = subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], env=env,
                             capture_output=True, text=True, timeout=60, cwd=tmp_path)
        assert time.monotonic() - t < 20
        assert res.returncode == 2
        lines = [ln for ln in res.stderr.splitlines() if ln.startswith("weerbaar")]
        assert len(lines) == 1 and "no display" in lines[0] and "--text" in lines[0]
        assert res.stdout == ""


def test_sdl_falling_back_to_offscreen_is_refused(monkeypatch):
    monkeypatch.setattr(pygame.display, "get_driver", lambda: "offscreen")
    with pytest.raises(display.NoDisplayError, match="offscreen"):
        display.open_display()
    monkeypatch.setenv("SDL_VIDEODRIVER", "offscreen")  # asked for: fine
    try:
        assert display.open_display() == "offscreen"
    finally:
        pygame.display.quit()  # the next test opens the dummy driver again


@pytest.mark.parametrize("content", [None, "title: [unclosed\n"])
def test_play_file_that_cannot_be_played_prints_on_stderr_and_exits_2(
        tmp_path, config_dir, monkeypatch, capsys, content):
    path = tmp_path / "stuk.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    shown = []

    def run(self, max_frames=None):  # the window: note what it shows instead of waiting
        shown.append(type(self.top).__name__)
        self.close()
        return 0
    monkeypatch.setattr(App, "run", run)
    args = GameOptions(db=tmp_path / "s.db")
    assert run_app(str(path), args) == 2
    err = capsys.readouterr().err
    assert f"{path}:" in err and "error[E0" in err
    assert shown == ["ErrorScreen"]
