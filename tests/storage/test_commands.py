"""The store's commands as facilitators run them: output and exit codes."""
import os
import subprocess
import sys

from ..conftest import ROOT, SCENARIOS
from .helpers import record

EXAMPLE = str(SCENARIOS / "voorbeeld.yaml")


def weerbaar(*args, stdin="", env=None):
    environment = dict(os.environ)
    for key, value in (env or {}).items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=60, env=environment)


def test_play_records_the_session_with_its_label(db_path):
    r = weerbaar("play", EXAMPLE, "--text", "--db", str(db_path), "--label", "Team 2",
                 stdin="2\n1\n")
    assert r.returncode == 0, r.stderr
    r = weerbaar("sessions", "--db", str(db_path))
    assert r.returncode == 0
    header, row, total = r.stdout.splitlines()
    assert header.split() == ["ID", "SCENARIO", "LABEL", "MODE", "START", "DECISIONS", "ENDING"]
    assert row.split()[1:4] == ["voorbeeld", "Team", "2"] and row.split()[-2:] == ["2", "goed"]
    assert total == f"1 session in {db_path}"


def test_play_records_in_the_data_folder_by_default(data_dir):
    r = weerbaar("play", EXAMPLE, "--text", stdin="1\n")
    assert r.returncode == 0, r.stderr
    r = weerbaar("sessions")
    assert "Sessie 1" in r.stdout and "(running)" in r.stdout and str(data_dir) in r.stdout


def test_play_says_when_it_cannot_record(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = weerbaar("play", EXAMPLE, "--text", "--db", str(blocker / "s.db"), stdin="1\n")
    assert r.returncode == 2 and "cannot record the session" in r.stderr
    assert "--db" in r.stderr and "Traceback" not in r.stderr


def test_sessions_on_an_empty_default_database(data_dir):
    r = weerbaar("sessions")
    assert r.returncode == 0 and r.stdout.startswith("no sessions recorded yet")


def test_sessions_on_a_missing_file_is_a_usage_error(tmp_path):
    r = weerbaar("sessions", "--db", str(tmp_path / "nope.db"))
    assert r.returncode == 2
    assert r.stderr.strip() == (f"weerbaar sessions: error: {tmp_path / 'nope.db'}: no such "
                                "database (check the path given with --db)")


def test_delete_a_session(store, scenario, db_path):
    keep = record(store, scenario, ["reageren"], label="Keep")
    gone = record(store, scenario, ["navragen"], label="Gone")
    r = weerbaar("sessions", "--db", str(db_path), "--delete", gone[:8], "--delete", "ffffffff")
    assert r.returncode == 2
    assert r.stdout.strip() == f"deleted session {gone} (Gone, voorbeeld, 1 decision)"
    assert "no session with id 'ffffffff'" in r.stderr
    assert [s.id for s in store.list()] == [keep]
