"""What one phone is sent: its own state, and of the room only what the projector shows.

Room voting: the open decision (situation in short and the lettered options) and the
device's own vote; the totals only once the vote is closed, so nobody votes with the room.
Solo play: the device's own session (``play.SoloPlay.view``). Never: who voted what, other
devices, facilitator notes, or anything of a choice not yet made. Options are named by
their letters only: a scenario's choice ids are the author's words and may give hints.
"""
from __future__ import annotations

from .room import SOLO, Device, Room


def phone_view(room: Room, device: Device, solo=None) -> dict:
    out = {"mode": room.mode, "name": device.name, "lang": device.lang,
           "room": room.code, "closed": room.round_closed}
    if room.mode == SOLO:
        if solo is not None:
            out["solo"] = solo.play_of(device).view()
        return out
    out["ballot"] = ballot_view(room, device)
    return out


def ballot_view(room: Room, device: Device) -> dict | None:
    ballot = room.ballot
    if ballot is None:
        return None
    letters = {o.id: o.letter for o in ballot.choices}
    mine = ballot.votes.get(device.id)
    view = {"id": ballot.id, "open": ballot.open, "situation": ballot.situation,
            "options": [{"id": o.letter, "letter": o.letter, "text": o.text}
                        for o in ballot.choices],
            "mine": letters[mine] if mine else None}
    if not ballot.open:
        view["totals"] = {letters[k]: n for k, n in ballot.totals().items()}
    return view
