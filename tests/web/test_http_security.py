"""The phone server refuses what does not belong, at the HTTP level, and records nothing then."""
from weerbaar.web.limits import MAX_BODY, Limits
from weerbaar.web.room import VOTE, Room
from weerbaar.web.tokens import Signer

from .conftest import auth, join, make_client, stored_sessions

CHOICES = [("reageren", "A", "Meteen reageren"), ("navragen", "B", "Eerst navragen")]


def test_join_without_a_code_is_refused(vote_client, vote_room):
    for body in ({}, {"code": ""}, {"code": "  "}, {"code": 123456}):
        r = vote_client.post("/api/join", json=body)
        assert r.status_code == 400 and r.json()["error"] == "no_code"
    assert vote_room.devices == {}


def test_join_with_a_wrong_code_is_refused(vote_client, vote_room):
    wrong = "ZZZZZZ" if vote_room.code != "ZZZZZZ" else "YYYYYY"
    r = vote_client.post("/api/join", json={"code": wrong})
    assert r.status_code == 403 and r.json()["error"] == "wrong_code"
    assert vote_room.devices == {}


def test_the_code_is_random_and_long_enough():
    codes = {Room().code for _ in range(50)}
    assert len(codes) == 50 and all(len(c) >= 6 for c in codes)


def test_join_forgives_case_and_spaces(vote_client, vote_room):
    code = vote_room.code.lower()
    r = vote_client.post("/api/join", json={"code": f"{code[:3]} {code[3:]}", "name": "Els"})
    assert r.status_code == 200 and r.json()["name"] == "Els"


def test_a_vote_without_a_token_is_refused(vote_client, vote_room):
    ballot = vote_room.open_ballot("Wat doe je?", CHOICES)
    r = vote_client.post("/api/vote", json={"ballot": ballot.id, "option": "A"})
    assert r.status_code == 401 and r.json()["error"] == "no_token"
    assert vote_room.totals() == {"reageren": 0, "navragen": 0}


def test_a_forged_token_is_refused(vote_client, vote_room):
    token = join(vote_client, vote_room)
    device, signature = token.split(".")
    forged = [f"{device}.{signature[::-1]}", f"{'A' * 16}.{signature}", "x.y", token + "x",
              "Bearer", ""]
    ballot = vote_room.open_ballot("Wat doe je?", CHOICES)
    for bad in forged:
        r = vote_client.post("/api/vote", json={"ballot": ballot.id, "option": "B"},
                             headers=auth(bad))
        assert r.status_code == 401, bad
    assert vote_room.totals() == {"reageren": 0, "navragen": 0}


def test_a_token_signed_with_another_secret_is_refused(vote_client, vote_room):
    other = Signer(vote_room.code)  # the same code, another workshop's secret
    _, token = other.issue()
    vote_room.open_ballot("Wat doe je?", CHOICES)
    r = vote_client.get("/api/state", headers=auth(token))
    assert r.status_code == 401 and r.json()["error"] == "bad_token"


def test_a_token_of_another_room_is_refused(vote_room):
    earlier = Room(VOTE)
    with make_client(earlier) as c:
        old_token = join(c, earlier)
    with make_client(vote_room) as c:
        ballot = vote_room.open_ballot("Wat doe je?", CHOICES)
        r = c.post("/api/vote", json={"ballot": ballot.id, "option": "A"},
                   headers=auth(old_token))
        assert r.status_code == 401
    assert vote_room.totals() == {"reageren": 0, "navragen": 0}


def test_a_reused_token_counts_once(vote_client, vote_room):
    token = join(vote_client, vote_room)
    ballot = vote_room.open_ballot("Wat doe je?", CHOICES)
    for _ in range(5):
        r = vote_client.post("/api/vote", json={"ballot": ballot.id, "option": "A"},
                             headers=auth(token))
        assert r.status_code == 200
    assert vote_room.totals() == {"reageren": 1, "navragen": 0}
    r = vote_client.post("/api/vote", json={"ballot": ballot.id, "option": "B"},
                         headers=auth(token))
    assert r.json()["ballot"]["mine"] == "B"
    assert vote_room.totals() == {"reageren": 0, "navragen": 1}


def test_a_vote_for_a_closed_decision_is_refused(vote_client, vote_room):
    token = join(vote_client, vote_room)
    first = vote_room.open_ballot("Eerste", CHOICES)
    vote_client.post("/api/vote", json={"ballot": first.id, "option": "A"},
                     headers=auth(token))
    assert vote_room.close_ballot() == {"reageren": 1, "navragen": 0}
    r = vote_client.post("/api/vote", json={"ballot": first.id, "option": "B"},
                         headers=auth(token))
    assert r.status_code == 409 and r.json()["error"] == "closed"
    assert vote_room.totals() == {"reageren": 1, "navragen": 0}
    second = vote_room.open_ballot("Tweede", CHOICES)
    r = vote_client.post("/api/vote", json={"ballot": first.id, "option": "B"},
                         headers=auth(token))  # an old decision, while another is open
    assert r.status_code == 409
    assert vote_room.totals() == {"reageren": 0, "navragen": 0} and second.votes == {}


def test_a_vote_for_a_foreign_choice_is_refused(vote_client, vote_room):
    token = join(vote_client, vote_room)
    ballot = vote_room.open_ballot("Wat doe je?", CHOICES)
    for letter in ("C", "reageren", "", "a", "A "):
        r = vote_client.post("/api/vote", json={"ballot": ballot.id, "option": letter},
                             headers=auth(token))
        assert r.status_code == 422 and r.json()["error"] == "foreign_option"
    for body in ({"ballot": str(ballot.id), "option": "A"}, {"option": "A"},
                 {"ballot": True, "option": "A"}, {"ballot": ballot.id, "option": 1}):
        r = vote_client.post("/api/vote", json=body, headers=auth(token))
        assert r.status_code == 400
    assert ballot.votes == {}


def test_bad_json_is_refused(vote_client, vote_room):
    for content in (b"{", b"[1, 2]", b"\xff\xfe", b"null"):
        r = vote_client.post("/api/join", content=content,
                             headers={"content-type": "application/json"})
        assert r.status_code == 400
    assert vote_room.devices == {}


def test_an_oversized_body_is_refused(vote_client, vote_room):
    big = {"code": vote_room.code, "name": "x" * (MAX_BODY + 10)}
    r = vote_client.post("/api/join", json=big)
    assert r.status_code == 413 and r.json()["error"] == "too_large"

    def chunks():  # no content-length: the body is read only up to the limit
        for _ in range(100):
            yield b" " * 1024
    r = vote_client.post("/api/join", content=chunks())
    assert r.status_code == 413
    assert vote_room.devices == {}


def test_a_long_name_is_cut_and_cleaned(vote_client, vote_room):
    r = vote_client.post("/api/join", json={"code": vote_room.code,
                                            "name": "  Els\u0000\n  de  " + "x" * 100})
    name = r.json()["name"]
    assert name.startswith("Els de ") and len(name) == 40 and "\x00" not in name


def test_a_flood_of_joins_is_throttled():
    room = Room(VOTE, Limits(address_rate=0.01, address_burst=5))
    with make_client(room) as c:
        codes = [c.post("/api/join", json={"code": room.code}).status_code for _ in range(12)]
    assert codes[:5] == [200] * 5 and set(codes[5:]) == {429}
    assert len(room.devices) == 5


def test_a_flood_of_votes_is_throttled_and_counted_once():
    room = Room(VOTE, Limits(device_rate=0.01, device_burst=8, address_burst=100))
    with make_client(room) as c:
        token = join(c, room)
        ballot = room.open_ballot("Wat doe je?", CHOICES)
        codes = [c.post("/api/vote", json={"ballot": ballot.id, "option": "B"},
                        headers=auth(token)).status_code for _ in range(30)]
        assert codes[:8] == [200] * 8 and set(codes[8:]) == {429}
        assert c.post("/api/vote", headers=auth(token),
                      json={"ballot": ballot.id, "option": "A"}).status_code == 429
    assert room.totals() == {"reageren": 0, "navragen": 1}


def test_guessing_tokens_is_throttled():
    room = Room(VOTE, Limits(address_rate=0.01, address_burst=3))
    with make_client(room) as c:
        codes = [c.get("/api/state", headers=auth(f"{'A' * 16}.{'B' * 43}")).status_code
                 for _ in range(6)]
    assert codes == [401] * 3 + [429] * 3


def test_totals_reach_phones_only_after_the_vote_closes(vote_client, vote_room):
    a, b = join(vote_client, vote_room), join(vote_client, vote_room)
    ballot = vote_room.open_ballot("Wat doe je?", CHOICES)
    vote_client.post("/api/vote", json={"ballot": ballot.id, "option": "A"},
                     headers=auth(a))
    seen = vote_client.get("/api/state", headers=auth(b)).json()["ballot"]
    assert seen["mine"] is None and "totals" not in seen
    assert "reageren" not in str(seen.get("votes", ""))
    vote_room.close_ballot()
    seen = vote_client.get("/api/state", headers=auth(b)).json()["ballot"]
    assert seen["totals"] == {"A": 1, "B": 0} and not seen["open"]


def test_the_page_loads_nothing_from_other_hosts(vote_client):
    r = vote_client.get("/")
    csp = r.headers["content-security-policy"]
    assert r.status_code == 200 and "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "http" not in r.text.replace('href="/', "").split("<body")[0].lower().replace(
        "http-equiv", "")
    assert r.headers["x-frame-options"] == "DENY"


def test_solo_steps_without_a_token_record_nothing(solo_client, solo_room, db):
    r = solo_client.post("/api/step", json={"seq": 0, "choice": "A"})
    assert r.status_code == 401
    assert stored_sessions(db) == []


def test_a_vote_in_a_solo_room_is_refused(solo_client, solo_room):
    token = join(solo_client, solo_room)
    r = solo_client.post("/api/vote", json={"ballot": 1, "option": "A"},
                         headers=auth(token))
    assert r.status_code == 409 and r.json()["error"] == "wrong_mode"
