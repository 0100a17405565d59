"""Keeping the room across a crash: the room code, its secret and the devices that joined,
in a small file beside the session database (``sessions.db.phones.json``, readable by the
owner only), written whenever a device joins or starts a solo session.

When the workshop is started again on the same database, scenario and mode within
``MAX_AGE`` hours, the room comes back with the same code and secret: the phones' tokens are
valid again and they reconnect by themselves; solo sessions go on from the store. A round
that was closed is not kept.
"""
from __future__ import annotations

import base64
import json
import os
import threading
import time
from pathlib import Path

from .limits import Limits
from .room import Device, Room

FORMAT = "weerbaar-phones-room"
MAX_AGE = 12 * 3600  # seconds: a workshop day


def path_for(db: Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".phones.json")


def restore(path: Path, *, mode: str, scenario: str, limits: Limits | None = None,
            now=time.time) -> Room | None:
    """The room kept at ``path`` if it fits (same scenario and mode, not too old), else None."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if (data.get("format") != FORMAT or data["mode"] != mode or data["scenario"] != scenario
                or now() - float(data["saved"]) > MAX_AGE):
            return None
        room = Room(mode, limits or Limits(), code=str(data["code"]),
                    secret=base64.b64decode(data["secret"]))
        for d in data["devices"]:
            room.devices[d["id"]] = Device(str(d["id"]), str(d["name"]), str(d["lang"]))
        room.session_ids.update({str(k): str(v) for k, v in data["sessions"].items()})
        return room
    except (OSError, ValueError, KeyError, TypeError):
        return None


class Keeper:
    """A room listener that writes the room to ``path`` when its devices or sessions change."""

    def __init__(self, room: Room, path: Path, scenario: str, now=time.time):
        self.room, self.path, self.scenario, self.now = room, Path(path), scenario, now
        self._last = None
        self._lock = threading.Lock()
        self.error: str | None = None

    def __call__(self) -> None:
        room = self.room
        if room.round_closed:
            self.forget()
            return
        key = (len(room.devices), len(room.session_ids))
        with self._lock:
            if key == self._last:
                return
            self._last = key
            self._write()

    def _write(self) -> None:
        room = self.room
        data = {"format": FORMAT, "scenario": self.scenario, "mode": room.mode,
                "code": room.code, "secret": base64.b64encode(room.signer.secret).decode(),
                "saved": self.now(),
                "devices": [{"id": d.id, "name": d.name, "lang": d.lang}
                            for d in list(room.devices.values())],
                "sessions": dict(room.session_ids)}
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
            os.replace(tmp, self.path)
            self.error = None
        except OSError as exc:  # the workshop goes on; only a crash would lose the room
            self.error = str(exc)

    def forget(self) -> None:
        try:
            self.path.unlink()
        except OSError:
            pass
