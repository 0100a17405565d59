"""Solo play on the server's thread: each device its own recorded session.

``SoloRound`` opens its own connection to the workshop's session store (SQLite connections
stay on the thread that made them; WAL lets the game window read while the phones write)
and starts a device's session when the device first asks for it, under the pseudonym it
joined with.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..engine.model import Scenario

from . import play
from .room import Device, Room, RoundClosed


class StaleStep(Exception):
    """The phone acted on a state it no longer stands in (a resent or doubled request)."""


@dataclass
class SoloSetup:
    scenario: Scenario
    db: Path
    seed: int
    workshop: str   # the workshop's id, kept with every session


class SoloRound:
    def __init__(self, room: Room, setup: SoloSetup):
        self.room, self.setup = room, setup
        self.plays: dict[str, play.SoloPlay] = {}
        self._store = None

    def _open(self):
        if self._store is None:
            self._store = play.open_store(self.setup.db)
        return self._store

    def play_of(self, device: Device) -> play.SoloPlay:
        found = self.plays.get(device.id)
        sc = self.setup.scenario
        lang = device.lang if device.lang in sc.languages else sc.default_language
        if found is None and device.id in self.room.session_ids:  # the room was kept: resume
            found = play.SoloPlay.resume(self._open(), sc, self.room.session_ids[device.id], lang)
            if found is not None:
                self.plays[device.id] = found
                self._report(device, found)
        if found is None:
            found = self.plays[device.id] = play.SoloPlay.start(
                self._open(), sc, seed=self.setup.seed, lang=lang, pseudonym=device.name,
                room=self.room.code, workshop=self.setup.workshop)
            self._report(device, found)
        return found

    def set_language(self, device: Device) -> None:
        """Show the device's session in its language from now on, if the scenario has it."""
        found = self.plays.get(device.id)
        if found is not None and device.lang in self.setup.scenario.languages:
            found.lang = device.lang

    def step(self, device: Device, seq: object, choice: str | None) -> play.SoloPlay:
        """Choose ``choice``, or continue when it is None. Raises ``StaleStep``,
        ``RoundClosed`` or ``play.StepRefused``; nothing is recorded then."""
        if self.room.round_closed:
            raise RoundClosed()
        p = self.play_of(device)
        if seq != p.seq:
            raise StaleStep()
        if choice is None:
            p.go_on()
        else:
            p.choose(choice)
        self._report(device, p)
        return p

    def _report(self, device: Device, p: play.SoloPlay) -> None:
        decisions, ending = p.progress()
        self.room.note_progress(device, p.session_id, decisions, ending)

    def close(self) -> None:
        for p in self.plays.values():
            p.close()
        self.plays.clear()
        if self._store is not None:
            self._store.close()
            self._store = None
