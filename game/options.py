"""What the command line asks of the game window, made once in the CLI wiring
(``cli/play.py``, ``cli/workshop.py``, ``cli/replay.py``) and handed to ``game.app.run``.

The window reads typed, frozen values, never an argparse namespace.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_COUNTDOWN = 60  # seconds, for scenes without a timer of their own
DEFAULT_PORT = 8765


@dataclass(frozen=True)
class GameOptions:
    """The window's options: ``seed`` for chance, ``lang`` the interface language (None:
    the settings'), ``watch`` reloads a scenario file on change, ``db`` the session
    database (None: the default one), ``label`` the name sessions get (None: numbered)."""

    seed: int = 0
    lang: str | None = None
    watch: bool = False
    db: Path | None = None
    label: str | None = None


@dataclass(frozen=True)
class PhoneOptions:
    """``--phones``: where the phone server listens, and whether everyone plays alone."""

    host: str | None = None
    port: int = DEFAULT_PORT
    solo: bool = False


@dataclass(frozen=True)
class WorkshopOptions:
    """``weerbaar workshop FILE``: the teams, the seed (None: a new one), the facilitator's
    countdown and the phones (None: no phone server)."""

    teams: str | None = None
    seed: int | None = None
    countdown: int = DEFAULT_COUNTDOWN
    phones: PhoneOptions | None = None
