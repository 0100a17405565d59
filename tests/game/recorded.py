"""Recorded sessions for the replay and debrief tests: plays made through the engine with
the store's recorder (as the game and the terminal player make them), and helpers to reach
the screens from the title screen as a facilitator would."""
from __future__ import annotations

import sqlite3

import pygame
import pytest

from weerbaar.engine import load_scenario
from weerbaar.game.recording import GameRecording
from weerbaar.storage import SessionStore

from ..storage.helpers import record


def record_plays(db, scenario_path, plays) -> list[str]:
    """``plays``: (label, moves) pairs; give the session ids in order."""
    scenario = load_scenario(str(scenario_path))
    with SessionStore(db) as store:
        return [record(store, scenario, moves, label=label) for label, moves in plays]


def row_counts(db) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("sessions", "decisions", "votes", "notes", "scenario_sources")}


def open_sessions_from_title(d):
    """Click "Terugkijken" on the title screen; give the session list."""
    from weerbaar.game.screens.sessions_list import SessionsScreen
    d.click(d.top.replay_button.rect.center)
    assert isinstance(d.top, SessionsScreen)
    return d.top


def open_replay_from_title(d):
    """From the title screen, the replay of the session in focus in the list (the latest)."""
    open_sessions_from_title(d)
    d.key(pygame.K_RETURN)
    return d.top


@pytest.fixture
def db(tmp_path):
    return tmp_path / "workshop.db"


@pytest.fixture
def recorded_driver(driver, db):
    """A driver on the title screen of an app that records into ``db``."""
    def start(**kw):
        return driver(recording=GameRecording(db, kw.pop("label", None)), **kw)
    return start
