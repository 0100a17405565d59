"""The xAPI export against a real learning record store: Ralph, started here on 127.0.0.1
with its file backend and basic authentication. Every statement is accepted and comes back
on a query; sending again stores nothing twice; a refused statement is reported with
Ralph's reason.

Ralph's file backend writes its statement file once per user (later writes of new
statements fail), so this test stores everything in one batch and then only re-sends.
"""
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from weerbaar.storage import ScenarioLibrary
from weerbaar.debrief.lrs import LrsClient
from weerbaar.debrief.xapi import statements

from .helpers import record
from .test_commands import weerbaar

PASSWORD = "een-lang-wachtwoord-voor-de-test"
RALPH = shutil.which("ralph", path=str(Path(sys.executable).parent)) or shutil.which("ralph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lrs(tmp_path_factory):
    missing = [m for m in ("ralph", "uvicorn", "fastapi", "bcrypt", "requests")
               if importlib.util.find_spec(m) is None]
    # .ci/run installs the test extra; a missing LRS is a failure, not a skip
    assert not missing and RALPH is not None, \
        f"ralph-malph[cli,lrs] is not installed (missing: {missing or ['ralph']})"
    home = tmp_path_factory.mktemp("ralph")
    env = {**os.environ, "RALPH_APP_DIR": str(home / "app"), "RALPH_AUTH_FILE": str(home / "auth.json"),
           "RALPH_RUNSERVER_BACKEND": "fs"}
    subprocess.run([RALPH, "auth", "-u", "facilitator", "-p", PASSWORD, "-s", "all",
                    "-A", "facilitator", "http://127.0.0.1", "-w"],
                   env=env, cwd=home, check=True, capture_output=True, timeout=60)
    port = free_port()
    (home / "run").mkdir()
    server = subprocess.Popen(
        [RALPH, "runserver", "-b", "fs", "-h", "127.0.0.1", "-p", str(port),
         "--fs-default-directory-path", str(home / "statements")],
        env=env, cwd=home / "run", stdout=subprocess.DEVNULL, stderr=open(home / "server.log", "wb"),
        start_new_session=True)
    url = f"http://127.0.0.1:{port}/xAPI"
    try:
        wait_until_up(f"http://127.0.0.1:{port}/__heartbeat__", server, home / "server.log")
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


def wait_until_up(url: str, server, log: Path, timeout: float = 45) -> None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if server.poll() is not None:
            pytest.fail(f"ralph stopped: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"ralph did not start in {timeout} s: {log.read_text(errors='replace')[-2000:]}")


def test_every_statement_is_accepted_and_comes_back_once(lrs, store, scenario, db_path):
    record(store, scenario, ["reageren", "geen_commentaar", "undo", "uitleggen"], label="Team 1")
    record(store, scenario, ["navragen", "uitleggen"], label="Team 2", lang="en")
    record(store, scenario, ["navragen"], label="Team 3", finish=False)
    records = store.records()
    sent = statements(records, ScenarioLibrary(store))   # as the command builds them
    env = {"WEERBAAR_LRS_PASSWORD": PASSWORD}
    args = ("export", "--db", str(db_path), "--format", "xapi", "--lrs", lrs,
            "--lrs-user", "facilitator")

    r = weerbaar(*args, env=env)
    assert r.returncode == 0, r.stderr
    n = len(sent)
    assert r.stdout.strip() == (f"sent {n} statements to {lrs}: {n} stored ({n} new, "
                                "0 already there), 0 refused")

    client = LrsClient(lrs, "facilitator", PASSWORD)
    for rec in records:   # Ralph's file backend returns voided statements too
        mine = [s for s in sent if s.get("context", {}).get("registration") == rec.id]
        back = {s["id"]: s for s in client.query(registration=rec.id, limit=100)}
        assert sorted(back) == sorted(s["id"] for s in mine)
        for s in mine:
            assert {k: back[s["id"]][k] for k in s} == s
    voids = [s for s in sent if s["verb"]["id"].endswith("/voided")]   # they have no context
    assert len(voids) == 1
    assert client.query(statementId=voids[0]["id"])[0]["object"] == voids[0]["object"]
    total = len(client.query(limit=500))
    assert total == n

    again = weerbaar(*args, env=env)            # the same statements again: nothing new
    assert again.returncode == 0, again.stderr
    assert f"{n} stored (0 new, {n} already there), 0 refused" in again.stdout
    assert len(client.query(limit=500)) == total

    # a decision changed after sending: same statement id, other content
    store.conn.execute("UPDATE decisions SET choice = 'navragen' WHERE session_id = ? AND seq = 0",
                       (records[0].id,))
    refused = weerbaar(*args, env=env)
    assert refused.returncode == 1
    changed = statements([store.get(records[0].id)], None)[1]["id"]
    assert (f"refused statement {changed} (answered, session {records[0].id[:8]}): 409: "
            f"Differing statements already exist with the same ID: {changed}") in refused.stderr
    assert f"{n - 1} stored (0 new, {n - 1} already there), 1 refused" in refused.stdout


def test_a_statement_ralph_finds_invalid_is_reported_with_its_reason(lrs):
    client = LrsClient(lrs, "facilitator", PASSWORD)
    broken = {"id": "8a1f3e2c-5b6d-5e7f-8a9b-0c1d2e3f4a5b",
              "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
              "object": {"objectType": "Activity", "id": "https://weerbaar.nl/xapi/scenarios/x"}}
    result = client.send([broken])
    assert result.stored == [] and len(result.refused) == 1
    assert (result.refused[0].status, result.refused[0].reason) == (422, "0.actor: Field required")


def test_wrong_credentials_are_a_usage_error(lrs, store, scenario, db_path):
    record(store, scenario, ["reageren"])
    r = weerbaar("export", "--db", str(db_path), "--format", "xapi", "--lrs", lrs,
                 "--lrs-user", "facilitator", env={"WEERBAAR_LRS_PASSWORD": "wrong"})
    assert r.returncode == 2
    assert "refused the credentials (401: Invalid authentication credentials)" in r.stderr
