"""A crashed laptop: the room comes back with its code and secret, the phones' tokens are
valid again, and solo sessions go on in the same records."""
import json
import os
import signal
import stat
import subprocess
import sys

import httpx

from weerbaar.web import keep
from weerbaar.web.limits import Limits
from weerbaar.web.room import SOLO, VOTE, Room
from weerbaar.web.server import PhoneServer
from weerbaar.web.solo import SoloSetup

from tests.conftest import ROOT, SCENARIOS

from .conftest import auth, stored_sessions
from .test_cli_phones import ENV


def test_the_room_is_kept_and_restored(tmp_path):
    path = keep.path_for(tmp_path / "w.db")
    room = Room(VOTE)
    room.listeners.append(keep.Keeper(room, path, "voorbeeld"))
    device, token = room.join("Els", "nl")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again = keep.restore(path, mode=VOTE, scenario="voorbeeld")
    assert again.code == room.code and again.device(token).name == "Els"
    assert keep.restore(path, mode=SOLO, scenario="voorbeeld") is None
    assert keep.restore(path, mode=VOTE, scenario="andere") is None
    late = keep.restore(path, mode=VOTE, scenario="voorbeeld",
                        now=lambda: json.loads(path.read_text())["saved"] + keep.MAX_AGE + 1)
    assert late is None
    path.write_text("{not json")
    assert keep.restore(path, mode=VOTE, scenario="voorbeeld") is None


def test_a_closed_round_is_not_kept(tmp_path):
    path = keep.path_for(tmp_path / "w.db")
    room = Room(SOLO)
    room.listeners.append(keep.Keeper(room, path, "voorbeeld"))
    room.join("", "nl")
    assert path.exists()
    room.close_round()
    assert not path.exists()


def test_solo_sessions_go_on_after_a_restart(tmp_path, scenario, db):
    path = keep.path_for(db)
    room = Room(SOLO, Limits())
    room.listeners.append(keep.Keeper(room, path, scenario.id))
    with PhoneServer(room, solo=SoloSetup(scenario, db, 5, "w"), host="127.0.0.1",
                     port=0) as server:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}") as c:
            token = c.post("/api/join", json={"code": room.code, "name": "Reiger"}).json()["token"]
            c.post("/api/step", json={"seq": 0, "choice": "B"}, headers=auth(token))
    back = keep.restore(path, mode=SOLO, scenario=scenario.id)
    with PhoneServer(back, solo=SoloSetup(scenario, db, 5, "w"), host="127.0.0.1",
                     port=0) as server:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}") as c:
            state = c.get("/api/state", headers=auth(token)).json()
            assert state["name"] == "Reiger" and state["solo"]["choices"]  # the next scene
            r = c.post("/api/step", json={"seq": state["solo"]["seq"], "choice": "A"},
                       headers=auth(token))
            assert r.status_code == 200
    [record] = stored_sessions(db)
    assert [d.choice for d in record.decisions] == ["navragen", "uitleggen"]


def start(db):
    p = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "workshop",
                          str(SCENARIOS / "voorbeeld.yaml"), "--phones", "--solo", "--host",
                          "127.0.0.1", "--port", "0", "--db", str(db)],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ENV)
    url = p.stdout.readline().strip().removeprefix("join: ")
    base, code = url.rsplit("/r/", 1)
    return p, base, code


def test_a_killed_workshop_comes_back_with_the_same_room(tmp_path):
    db = tmp_path / "w.db"
    p, base, code = start(db)
    try:
        token = httpx.post(f"{base}/api/join", json={"code": code}, timeout=10).json()["token"]
        r = httpx.post(f"{base}/api/step", json={"seq": 0, "choice": "A"},
                       headers=auth(token), timeout=10)
        assert r.status_code == 200
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=10)
    p, base2, code2 = start(db)
    try:
        assert code2 == code
        state = httpx.get(f"{base2}/api/state", headers=auth(token), timeout=10).json()["solo"]
        assert "scene" in state and state["choices"]
    finally:
        p.terminate()
        p.wait(timeout=10)
    [record] = stored_sessions(db)
    assert [d.choice for d in record.decisions] == ["reageren"]
