"""Workshop mode with phones: the phone server beside the window, its room's ballot kept in
step with the room view's show of hands, and what the projector shows of it.

``PhoneLink`` starts ``web.server.PhoneServer`` (``weerbaar workshop FILE --phones``). In
room voting, when the facilitator opens the vote on the room view, the phones get the same
lettered options; when the hands are revealed, the phones' totals are added to the hands
typed in (people without a phone) and the vote on the phones closes. Taking the result
back (a count was wrong) reopens it. Only totals ever reach the window.
"""
from __future__ import annotations

import pygame

from ..web import keep
from ..web.play import situation
from ..web.room import SOLO, VOTE, Room
from ..web.server import PhoneServer
from ..web.solo import SoloSetup

from .widgets.tally import REVEALED, VOTING
from .workshop_vote import letter

PHONE_EVENT = pygame.event.custom_type()  # the room changed: wake the loop and draw


class PhoneLink:
    def __init__(self, server: PhoneServer):
        self.server, self.room = server, server.room
        self._key = None          # the decision the ballot is for
        self._added: dict[str, int] = {}   # phone totals added to the hands of that decision
        self._shown = None

    @classmethod
    def start(cls, *, solo: SoloSetup | None, host: str | None, port: int,
              db=None, scenario_id: str = "") -> "PhoneLink":
        """The server running. With ``db``, the room is kept beside it (``web.keep``) and
        one kept from a crashed run of the same workshop comes back, code and all."""
        mode = SOLO if solo is not None else VOTE
        room = keep.restore(keep.path_for(db), mode=mode, scenario=scenario_id) if db else None
        room = room or Room(mode)
        link = cls(PhoneServer(room, solo=solo, host=host, port=port).start())
        if db:
            keeper = keep.Keeper(room, keep.path_for(db), scenario_id)
            room.listeners.append(keeper)
            keeper()
        room.listeners.append(_wake_loop)
        return link

    @property
    def url(self) -> str:
        return self.server.url

    def stop(self) -> None:
        self.server.stop()

    # ---- room voting: the ballot follows the room view's board ----------------------------
    def sync(self, screen) -> bool:
        """Called by the room view every update; True when something new is to be drawn."""
        s, board = screen.session, screen.board
        key = (id(s), len(s.decisions), s.scene_id)
        ballot = self.room.ballot
        if board.phase == VOTING and board.rows:
            if self._key != key:
                self._key, self._added = key, {}
                self.room.open_ballot(situation(s, screen.lang), [
                    (r.choice_id, letter(i), r.text) for i, r in enumerate(board.rows)])
            elif ballot is not None and not ballot.open:  # the result was taken back
                for cid, n in self._added.items():
                    board.vote.add(cid, -n)
                self._added = {}
                self.room.reopen_ballot()
        elif board.phase == REVEALED and self._key == key and ballot is not None and ballot.open:
            self._added = self.room.close_ballot()
            for cid, n in self._added.items():
                board.vote.add(cid, n)
            board.reveal(animate=False)  # the majority again, with the phones' votes in
        elif self._key != key and ballot is not None and ballot.open:
            self.room.close_ballot()
        shown = (self.room.version, board.phase)
        changed, self._shown = shown != self._shown, shown
        return changed

    def status(self, words) -> str:
        joined, voted = self.room.counts()
        ballot = self.room.ballot
        text = words("phones_status", code=self.room.code, n=joined)
        if ballot is not None and ballot.open:
            text += " · " + words("phones_voted", n=voted)
        return text

    # ---- the QR code -----------------------------------------------------------------------
    def qr_surface(self, size: int, dark=(0, 0, 0), light=(255, 255, 255)) -> pygame.Surface:
        return qr_surface(self.url, size, dark, light)


def qr_surface(text: str, size: int, dark=(0, 0, 0), light=(255, 255, 255)) -> pygame.Surface:
    """A QR code of ``text`` as a square surface of about ``size`` pixels, crisp (whole
    pixels per module) and with its quiet zone."""
    import segno
    rows = [list(row) for row in segno.make(text, error="m").matrix_iter(scale=1, border=4)]
    n = len(rows)
    small = pygame.Surface((n, n))
    small.fill(light)
    for y, row in enumerate(rows):
        for x, on in enumerate(row):
            if on:
                small.set_at((x, y), dark)
    scale = max(1, size // n)
    return pygame.transform.scale(small, (n * scale, n * scale))


def _wake_loop() -> None:
    """From the server's thread: a pygame event, so the window redraws the counts."""
    try:
        pygame.event.post(pygame.event.Event(PHONE_EVENT))
    except pygame.error:  # the window has closed
        pass
