import pytest
from starlette.testclient import TestClient

from weerbaar.storage import SessionStore
from weerbaar.web.app import build_app
from weerbaar.web.limits import Limits
from weerbaar.web.room import SOLO, VOTE, Room
from weerbaar.web.solo import SoloRound, SoloSetup


@pytest.fixture
def db(tmp_path):
    return tmp_path / "phones.db"


def stored_sessions(db):
    if not db.exists():
        return []
    with SessionStore(db) as store:
        return store.records()


def make_client(room, solo=None):
    return TestClient(build_app(room, solo))


@pytest.fixture
def vote_room():
    return Room(VOTE, Limits(address_burst=1000, device_burst=1000))


@pytest.fixture
def vote_client(vote_room):
    with make_client(vote_room) as c:
        yield c


@pytest.fixture
def solo_room():
    return Room(SOLO, Limits(address_burst=1000, device_burst=1000))


@pytest.fixture
def solo_client(solo_room, scenario, db):
    solo = SoloRound(solo_room, SoloSetup(scenario, db, seed=7, workshop="w-test"))
    with make_client(solo_room, solo) as c:
        yield c


def join(client, room, name="", lang="nl"):
    r = client.post("/api/join", json={"code": room.code, "name": name, "lang": lang})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def auth(token):
    return {"Authorization": f"Bearer {token}"}
