"""Workshop mode with phones, through the real loop: the join screen's QR code, the phones'
votes added to the hands typed in, a taken-back result that reopens the phones' vote; solo
progress on the projector and the group debrief when the round closes."""
from __future__ import annotations

import httpx
import pygame
import pytest

from weerbaar.engine import load_scenario
from weerbaar.game.phones import PhoneLink, qr_surface
from weerbaar.game.phones_start import open_join, open_solo
from weerbaar.game.recording import GameRecording
from weerbaar.game.screens.debrief import DebriefScreen
from weerbaar.game.screens.phones_room import PhonesJoinScreen
from weerbaar.game.screens.workshop_play import WorkshopScreen
from weerbaar.game.widgets.tally import REVEALED
from weerbaar.game.workshop_main import open_workshop
from weerbaar.storage import SessionStore
from weerbaar.web.solo import SoloSetup

from .conftest import EXAMPLE
from .workshop_driver import Facilitator


@pytest.fixture
def example():
    return load_scenario(str(EXAMPLE))


def phone(link):
    c = httpx.Client(base_url=f"http://127.0.0.1:{link.server.port}")
    token = c.post("/api/join", json={"code": link.room.code}).json()["token"]
    c.headers["Authorization"] = f"Bearer {token}"
    return c


def test_phone_votes_add_to_the_hands_typed_in(make_app, example, tmp_path):
    db = tmp_path / "ws.db"
    link = PhoneLink.start(solo=None, host="127.0.0.1", port=0)
    try:
        app = make_app()
        app.to_title()
        open_workshop(app, example, db=db, teams="Noord", seed=3)
        open_join(app, link)
        f = Facilitator(app)
        f.step(n=2)
        assert isinstance(app.top, PhonesJoinScreen)
        assert link.room.code in app.text.rendered
        phones = [phone(link) for _ in range(3)]
        f.step()
        assert "3 telefoons verbonden" in app.text.rendered
        f.enter()                      # on to the workshop's setup, then its first decision
        f.step(n=2)
        while not isinstance(app.top, WorkshopScreen):
            f.enter()
            f.step(n=2)
        play = app.top
        f.enter()                      # the vote opens on the room view and on the phones
        f.step()
        ballot = phones[0].get("/api/state").json()["ballot"]
        assert ballot["open"] and [o["id"] for o in ballot["options"]] == ["A", "B"]
        for c, letter in zip(phones, ("B", "B", "A")):
            assert c.post("/api/vote", json={"ballot": ballot["id"], "option": letter}
                          ).status_code == 200
        f.step()
        assert any("3 gestemd" in t for t in app.text.rendered)
        f.tab()                        # the facilitator view counts live too
        f.step()
        phones[0].post("/api/vote", json={"ballot": ballot["id"], "option": "A"})
        phones[0].post("/api/vote", json={"ballot": ballot["id"], "option": "B"})
        f.step()
        assert any("Telefoons: code" in t and "3 gestemd" in t for t in app.text.rendered)
        assert any("Tab of Esc" in t for t in app.text.rendered)  # and the band says who sees it
        f.tab()
        f.step()
        assert app.top is play
        f.keys("a2b1")                 # three hands without a phone
        f.enter()                      # reveal: the phones' votes are added, their vote closes
        f.step()
        assert play.board.phase == REVEALED
        assert play.board.vote.counts == {"reageren": 3, "navragen": 3}
        assert phones[0].post("/api/vote", json={"ballot": ballot["id"], "option": "A"}
                              ).status_code == 409
        f.key(pygame.K_BACKSPACE)      # the result taken back: the phones may vote again
        f.step()
        assert play.board.vote.counts == {"reageren": 2, "navragen": 1}
        assert phones[2].post("/api/vote", json={"ballot": ballot["id"], "option": "B"}
                              ).status_code == 200
        f.enter()
        f.step()
        assert play.board.vote.counts == {"reageren": 2, "navragen": 4}
        f.enter()                      # the majority, B, is taken and stored with its hands
        with SessionStore(db) as store:
            [record] = store.records()
            assert dict(record.path[0].votes) == {"reageren": 2, "navragen": 4}
    finally:
        link.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{link.server.port}/", timeout=2)


def test_solo_progress_and_the_group_debrief(make_app, example, tmp_path):
    db = tmp_path / "solo.db"
    link = PhoneLink.start(solo=SoloSetup(example, db, 4, "w1"), host="127.0.0.1", port=0)
    try:
        app = make_app(recording=GameRecording(db))  # the window's database holds the sessions
        app.to_title()
        open_solo(app, link, example)
        f = Facilitator(app)
        f.step(n=2)
        assert "Nog niemand speelt." in app.text.rendered
        a, b = phone(link), phone(link)
        state = a.get("/api/state").json()["solo"]
        a.post("/api/step", json={"seq": state["seq"], "choice": "B"})
        b.get("/api/state")
        f.step(n=2)
        assert any("Onderweg — bij besluit 1: 1 · bij besluit 2: 1" in t
                   for t in app.text.rendered)
        f.enter()                      # close the round: the group debrief of both sessions
        f.step(n=2)
        assert isinstance(app.top, DebriefScreen) and len(app.top.records) == 2
        assert a.post("/api/step", json={"seq": 1, "choice": None}).status_code == 409
    finally:
        link.stop()


def test_the_qr_code_is_crisp_and_square():
    img = qr_surface("http://192.168.1.20:8765/r/ABC234", 300)
    assert img.get_width() == img.get_height() and 200 <= img.get_width() <= 300
    colours = {tuple(img.get_at((x, y)))[:3] for x in range(0, 200, 7) for y in range(0, 200, 7)}
    assert colours == {(0, 0, 0), (255, 255, 255)}
