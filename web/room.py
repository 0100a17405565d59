"""What the room shares: its code, the devices that joined, the open ballot, solo progress.

The pygame loop (the facilitator) and the server's event loop (the phones) both use a
``Room``, so every change happens under its lock and ends with ``changed()``, which wakes
the phones' live connections (``on_change`` is set by the server to a thread-safe call).
Solo sessions themselves (``play.SoloPlay``) are touched only on the server's thread; the
room keeps a plain copy of each one's progress for the projector.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable

from .ballot import Ballot, BallotClosed, ForeignChoice, BallotChoice
from .limits import Limits, clean_name
from .tokens import Signer, new_room_code

VOTE, SOLO = "vote", "solo"
DEFAULT_NAME = {"nl": "Deelnemer", "en": "Participant"}


class RoomFull(Exception):
    """The room admits no more devices."""


class RoundClosed(Exception):
    """The facilitator closed the solo round: no more steps."""


@dataclass
class Device:
    id: str
    name: str
    lang: str


@dataclass(frozen=True)
class Progress:
    """The projector's view of one solo play."""

    name: str
    decisions: int
    ending: str | None = None


@dataclass
class Room:
    mode: str = VOTE
    limits: Limits = field(default_factory=Limits)
    code: str = field(default_factory=new_room_code)
    languages: tuple[str, ...] = ("nl", "en")
    secret: bytes | None = field(default=None, repr=False)  # None: a new one

    def __post_init__(self):
        self.signer = Signer(self.code, self.secret)
        self.secret = None
        self.devices: dict[str, Device] = {}
        self.ballot: Ballot | None = None
        self.progress: dict[str, Progress] = {}
        self.session_ids: dict[str, str] = {}     # device -> recorded solo session
        self.round_closed = False
        self.version = 0
        self.on_change: Callable[[], None] = lambda: None   # the server's live updates
        self.listeners: list[Callable[[], None]] = []         # others (the game window)
        self._lock = threading.RLock()
        self._ballots = 0

    def changed(self) -> None:
        with self._lock:
            self.version += 1
        self.on_change()
        for listener in list(self.listeners):
            listener()

    # ---- devices --------------------------------------------------------------------------
    def join(self, name: str, lang: str) -> tuple[Device, str]:
        """A new device in the room: its record and its token."""
        lang = lang if lang in self.languages else self.languages[0]
        with self._lock:
            if len(self.devices) >= self.limits.max_devices:
                raise RoomFull()
            device_id, token = self.signer.issue()
            name = self._unique(clean_name(name) or
                                f"{DEFAULT_NAME.get(lang, 'Deelnemer')} {len(self.devices) + 1}")
            device = self.devices[device_id] = Device(device_id, name, lang)
        self.changed()
        return device, token

    def _unique(self, name: str) -> str:
        taken = {d.name.casefold() for d in self.devices.values()}
        candidate, n = name, 2
        while candidate.casefold() in taken:
            candidate = f"{name[:36]} {n}"
            n += 1
        return candidate

    def set_language(self, device: Device, lang: str) -> bool:
        """The device's language from now on; False for a language the room does not offer."""
        if lang not in self.languages:
            return False
        with self._lock:
            device.lang = lang
        return True

    def device(self, token: object) -> Device | None:
        """The joined device a token belongs to, or None (unsigned, or not of this room)."""
        device_id = self.signer.device_of(token)
        with self._lock:
            return self.devices.get(device_id) if device_id else None

    # ---- room voting (the facilitator opens and closes; phones vote) ----------------------
    def open_ballot(self, situation: str, choices) -> Ballot:
        """Open a vote on ``choices`` ((id, letter, text) each); a vote still open closes."""
        with self._lock:
            self._ballots += 1
            self.ballot = Ballot(self._ballots, situation,
                                 tuple(BallotChoice(*o) for o in choices))
            ballot = self.ballot
        self.changed()
        return ballot

    def close_ballot(self) -> dict[str, int]:
        """Close the vote; the phones' final totals (empty when none was open)."""
        with self._lock:
            if self.ballot is None:
                return {}
            totals = self.ballot.close()
        self.changed()
        return totals

    def reopen_ballot(self) -> None:
        """Open the last vote again, with the votes it had (the result was taken back)."""
        with self._lock:
            if self.ballot is None:
                return
            self.ballot.open = True
        self.changed()

    def cast(self, device: Device, ballot_id: int, letter: str) -> None:
        """``device`` votes for the option with ``letter`` (phones know options by their
        letters). Raises ``BallotClosed`` (not the open ballot) or ``ForeignChoice``."""
        with self._lock:
            if self.ballot is None or self.ballot.id != ballot_id:
                raise BallotClosed()
            choice_id = next((o.id for o in self.ballot.choices if o.letter == letter), None)
            if choice_id is None:
                raise ForeignChoice()
            changed = self.ballot.cast(device.id, choice_id)
        if changed:
            self.changed()

    def totals(self) -> dict[str, int]:
        with self._lock:
            return self.ballot.totals() if self.ballot else {}

    def counts(self) -> tuple[int, int]:
        """(devices joined, devices that voted on the current ballot)."""
        with self._lock:
            return len(self.devices), len(self.ballot.votes) if self.ballot else 0

    # ---- solo play ------------------------------------------------------------------------
    def note_progress(self, device: Device, session_id: str, decisions: int,
                      ending: str | None) -> None:
        with self._lock:
            self.session_ids[device.id] = session_id
            self.progress[device.id] = Progress(device.name, decisions, ending)
        self.changed()

    def progress_summary(self) -> tuple[dict[int, int], dict[str, int]]:
        """How many plays stand at each decision (by decisions made), and how many reached
        each ending."""
        at, endings = {}, {}
        with self._lock:
            for p in self.progress.values():
                if p.ending:
                    endings[p.ending] = endings.get(p.ending, 0) + 1
                else:
                    at[p.decisions] = at.get(p.decisions, 0) + 1
        return dict(sorted(at.items())), endings

    def close_round(self) -> list[str]:
        """No more solo steps; the recorded sessions of the round, for the group debrief."""
        with self._lock:
            self.round_closed = True
            ids = list(self.session_ids.values())
        self.changed()
        return ids
