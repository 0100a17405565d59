"""Solo play through the API (every step recorded, resent steps once), the live WebSocket,
and the server on a real socket."""
import json

import httpx
import pytest
from starlette.websockets import WebSocketDisconnect

from weerbaar.web.room import SOLO, VOTE, Room
from weerbaar.web.server import PhoneServer
from weerbaar.web.solo import SoloSetup

from .conftest import auth, join, stored_sessions

VOTE_CHOICES = [("reageren", "A", "Meteen reageren"), ("navragen", "B", "Eerst navragen")]


def play_to_end(client, token):
    state = client.get("/api/state", headers=auth(token)).json()["solo"]
    steps = 0
    while "ending" not in state:
        body = {"seq": state["seq"], "choice": None}
        if state.get("choices"):
            body["choice"] = state["choices"][0]["id"]
        r = client.post("/api/step", json=body, headers=auth(token))
        assert r.status_code == 200, r.text
        state = r.json()["solo"]
        steps += 1
        assert steps < 100
    return state


def test_a_solo_play_is_recorded_under_its_pseudonym(solo_client, solo_room, db):
    token = join(solo_client, solo_room, name="Reiger")
    end = play_to_end(solo_client, token)
    assert end["ending"]["title"] and end["phase"] == "ended"
    [record] = stored_sessions(db)
    assert record.label == "Reiger" and record.ended and record.decisions
    assert record.extra["phones"]["room"] == solo_room.code
    at, endings = solo_room.progress_summary()
    assert at == {} and sum(endings.values()) == 1


def test_a_resent_step_counts_once(solo_client, solo_room, db):
    token = join(solo_client, solo_room)
    state = solo_client.get("/api/state", headers=auth(token)).json()["solo"]
    body = {"seq": state["seq"], "choice": state["choices"][0]["id"]}
    assert solo_client.post("/api/step", json=body, headers=auth(token)).status_code == 200
    again = solo_client.post("/api/step", json=body, headers=auth(token))
    assert again.status_code == 409 and again.json()["error"] == "stale"
    assert again.json()["state"]["solo"]["phase"] == "consequence"
    [record] = stored_sessions(db)
    assert len(record.decisions) == 1


def test_a_choice_not_on_offer_is_refused(solo_client, solo_room, db):
    token = join(solo_client, solo_room)
    for choice in ("C", "uitleggen", "navragen", "b"):  # no such letter; ids are not accepted
        r = solo_client.post("/api/step", json={"seq": 0, "choice": choice},
                             headers=auth(token))
        assert r.status_code == 422
    [record] = stored_sessions(db)
    assert record.decisions == ()


def test_the_phone_sees_no_effects_targets_or_debrief(solo_client, solo_room):
    token = join(solo_client, solo_room)
    text = solo_client.get("/api/state", headers=auth(token)).text
    for secret in ("goto", "effects", "debrief", "journalist", "Feiten eerst", "vertrouwen\"",
                   '"reageren"', '"navragen"'):  # choice ids, as JSON strings
        assert secret not in text


def test_after_the_round_closes_no_step_is_taken(solo_client, solo_room, db):
    token = join(solo_client, solo_room)
    solo_client.get("/api/state", headers=auth(token))
    ids = solo_room.close_round()
    r = solo_client.post("/api/step", json={"seq": 0, "choice": "B"}, headers=auth(token))
    assert r.status_code == 409 and r.json()["error"] == "round_closed"
    assert [rec.id for rec in stored_sessions(db)] == ids
    assert stored_sessions(db)[0].decisions == ()


def test_scenario_text_stays_text(solo_client, solo_room):
    token = join(solo_client, solo_room, name="<img src=x onerror=alert(1)>")
    r = solo_client.get("/api/state", headers=auth(token))
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["name"] == "<img src=x onerror=alert(1)>"  # shown with textContent


def test_the_live_socket_pushes_the_ballot(vote_client, vote_room):
    token = join(vote_client, vote_room)
    with vote_client.websocket_connect("/api/live") as ws:
        ws.send_text(json.dumps({"token": token}))
        assert ws.receive_json()["ballot"] is None
        vote_room.open_ballot("Wat doe je?", VOTE_CHOICES)
        ballot = ws.receive_json()["ballot"]
        assert ballot["open"] and [o["letter"] for o in ballot["options"]] == ["A", "B"]
        vote_room.close_ballot()
        assert ws.receive_json()["ballot"]["totals"] == {"A": 0, "B": 0}


def test_the_live_socket_wants_a_valid_token(vote_client):
    with vote_client.websocket_connect("/api/live") as ws:
        ws.send_text(json.dumps({"token": "A" * 16 + "." + "B" * 43}))
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
    assert closed.value.code == 4401


def test_the_live_socket_refuses_another_sites_page(vote_client):
    with pytest.raises(WebSocketDisconnect):
        with vote_client.websocket_connect("/api/live",
                                           headers={"origin": "http://evil.example"}) as ws:
            ws.receive_json()


def test_a_real_server_serves_and_closes(scenario, db):
    room = Room(SOLO)
    server = PhoneServer(room, solo=SoloSetup(scenario, db, 3, "w"), host="127.0.0.1", port=0)
    with server:
        assert server.url == f"http://127.0.0.1:{server.port}/r/{room.code}"
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}") as c:
            assert c.get(f"/r/{room.code}").status_code == 200
            assert c.post("/api/join", json={"code": "WRONG1"}).status_code == 403
            assert c.post("/api/join", content=b"x" * 5000,
                          headers={"content-type": "application/json"}).status_code == 413
            token = c.post("/api/join", json={"code": room.code}).json()["token"]
            assert c.get("/api/state", headers=auth(token)).json()["solo"]["choices"]
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{server.port}/", timeout=2)
    assert len(stored_sessions(db)) == 1


def test_two_servers_cannot_share_a_port():
    with PhoneServer(Room(VOTE), host="127.0.0.1", port=0) as first:
        from weerbaar.web.server import ServerError
        with pytest.raises(ServerError):
            PhoneServer(Room(VOTE), host="127.0.0.1", port=first.port).start()


def test_the_language_changes_for_the_device_only(solo_client, solo_room):
    a, b = join(solo_client, solo_room), join(solo_client, solo_room)
    assert "Je telefoon" in solo_client.get("/api/state", headers=auth(a)).json()["solo"][
        "scene"]["text"]
    r = solo_client.post("/api/lang", json={"lang": "en"}, headers=auth(a))
    assert r.status_code == 200 and r.json()["solo"]["scene"]["text"].startswith("Your phone")
    assert "Je telefoon" in solo_client.get("/api/state", headers=auth(b)).json()["solo"][
        "scene"]["text"]
    for body in ({"lang": "fr"}, {"lang": 1}, {}):
        assert solo_client.post("/api/lang", json=body, headers=auth(a)).status_code == 400
    assert solo_client.post("/api/lang", json={"lang": "nl"}).status_code == 401
