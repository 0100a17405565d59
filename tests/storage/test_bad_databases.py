"""Databases that are not what they should be: other programs' files, empty files, read-only
files and folders, damaged rows. Reading commands never write; one clear line, never a
traceback; nothing lost."""
import hashlib
import json
import os
import sqlite3

import pytest

from weerbaar.storage import DatabaseError, SessionStore, StoreError
from weerbaar.storage.errors import DamagedRow

from .helpers import record
from .test_commands import weerbaar

READING = [["sessions"], ["export", "--format", "json"], ["export", "--format", "xapi"],
           ["debrief", "--out", "{out}"], ["replay", "0f0e0d0c"]]


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def foreign(path, user_version=0):
    """Another program's SQLite database, in rollback-journal mode."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Anna', '06-12345678')")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    return path


def command(argv, db, tmp_path):
    return [a.replace("{out}", str(tmp_path / "report.html")) for a in argv] + ["--db", str(db)]


@pytest.mark.parametrize("user_version", [0, 2])
@pytest.mark.parametrize("argv", READING + [["sessions", "--delete", "0f0e0d0c"]],
                         ids=lambda a: "-".join(a[:2]))
def test_a_foreign_sqlite_file_is_refused_and_left_as_it_was(tmp_path, argv, user_version):
    db = foreign(tmp_path / "contacts.db", user_version)
    before = digest(db)
    r = weerbaar(*command(argv, db, tmp_path))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "not a Weerbaar session database (it has no table" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert digest(db) == before and sorted(os.listdir(tmp_path)) == ["contacts.db"]


@pytest.mark.parametrize("argv", READING + [["sessions", "--delete", "0f0e0d0c"]],
                         ids=lambda a: "-".join(a[:2]))
def test_an_empty_file_is_refused_and_stays_empty(tmp_path, argv):
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    r = weerbaar(*command(argv, db, tmp_path))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "the file is empty, not a session database" in r.stderr
    assert db.read_bytes() == b"" and sorted(os.listdir(tmp_path)) == ["empty.db"]


def test_only_a_recording_command_makes_a_store_of_an_empty_file(tmp_path):
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    r = weerbaar("play", "scenarios/voorbeeld.yaml", "--text", "--db", str(db), stdin="1\n")
    assert r.returncode == 0, r.stderr
    assert weerbaar("sessions", "--db", str(db)).stdout.count("voorbeeld") == 1


def test_a_recording_command_refuses_a_foreign_database(tmp_path):
    db = foreign(tmp_path / "contacts.db")
    before = digest(db)
    r = weerbaar("play", "scenarios/voorbeeld.yaml", "--text", "--db", str(db), stdin="1\n")
    assert r.returncode == 2 and "not a Weerbaar session database" in r.stderr
    assert digest(db) == before


def test_reading_commands_do_not_create_the_default_database(data_dir):
    for argv in (["sessions"], ["export", "--format", "json"]):
        r = weerbaar(*argv)
        assert "no sessions recorded yet" in (r.stdout + r.stderr) and "Traceback" not in r.stderr
    assert not data_dir.exists()


def test_reading_never_switches_the_journal_mode(tmp_path, scenario):
    """A store copied without its WAL (or made by an older tool) stays as it is when read."""
    db = tmp_path / "s.db"
    with SessionStore(db) as store:
        record(store, scenario, ["navragen", "uitleggen"])
        store.conn.execute("PRAGMA journal_mode = DELETE")
    before = digest(db)
    for argv in READING[:4]:
        assert weerbaar(*command(argv, db, tmp_path)).returncode == 0
    assert digest(db) == before
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def _read_only_mount(folder):
    """Run a command with ``folder`` mounted read-only (root ignores file permissions)."""
    if os.geteuid() != 0:
        for p in [folder, *folder.iterdir()]:
            p.chmod(0o555 if p.is_dir() else 0o444)
        return []
    return ["unshare", "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(folder)]


def test_a_store_on_read_only_media_can_be_read_but_not_recorded_in(tmp_path, scenario):
    import subprocess
    import sys

    from ..conftest import ROOT
    folder = tmp_path / "stick"
    folder.mkdir()
    db = folder / "workshop.db"
    with SessionStore(db) as store:
        record(store, scenario, ["navragen", "uitleggen"], label="Team 1")
    before = digest(db)
    wrap = _read_only_mount(folder)

    def run(*argv):
        return subprocess.run(wrap + [sys.executable, str(ROOT / "main.py"), *argv],
                              capture_output=True, text=True, cwd=ROOT, timeout=60)
    r = run("sessions", "--db", str(db))
    assert r.returncode == 0 and "Team 1" in r.stdout, r.stderr
    r = run("export", "--format", "json", "--db", str(db))
    assert r.returncode == 0 and json.loads(r.stdout)["sessions"][0]["label"] == "Team 1"
    r = run("play", "scenarios/voorbeeld.yaml", "--text", "--db", str(db), "--seed", "1")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "the database is read-only" in r.stderr and "attempt to write" not in r.stderr
    assert digest(db) == before and sorted(os.listdir(folder)) == ["workshop.db"]


# ---- damaged rows ------------------------------------------------------------------------
DAMAGE = {
    "junk after": ("decisions", "after", "{junk"),
    "after a list": ("decisions", "after", "[1, 2]"),
    "meter as text": ("decisions", "before", '{"vertrouwen": "veel"}'),
    "offered an object": ("decisions", "offered", '{"a": 1}'),
    "idx as text": ("decisions", "idx", "drie"),
    "extra junk": ("sessions", "extra", "not json"),
    "extra a list": ("sessions", "extra", "[]"),
    "final vars a number": ("sessions", "final_vars", "12"),
}


@pytest.fixture
def damaged(store, scenario, db_path, request):
    good = record(store, scenario, ["navragen", "uitleggen"], label="Goed")
    bad = record(store, scenario, ["reageren", "uitleggen"], label="Kapot")
    table, column, value = DAMAGE[request.param]
    key = "session_id" if table == "decisions" else "id"
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (value, bad))
    return good, bad, column


@pytest.mark.parametrize("damaged", list(DAMAGE), indirect=True)
def test_a_damaged_session_is_skipped_with_a_warning_and_stays_deletable(damaged, db_path,
                                                                           tmp_path):
    good, bad, column = damaged
    r = weerbaar("export", "--format", "json", "--db", str(db_path))
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert [s["id"] for s in json.loads(r.stdout)["sessions"]] == [good]
    assert f"warning: session {bad}: damaged" in r.stderr and f"'{column}'" in r.stderr
    r = weerbaar("debrief", "--db", str(db_path), "--out", str(tmp_path / "r.html"))
    assert r.returncode == 0 and "wrote" in r.stdout and f"session {bad}" in r.stderr
    r = weerbaar("replay", bad[:8], "--db", str(db_path))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "damaged" in r.stderr
    r = weerbaar("sessions", "--db", str(db_path), "--delete", bad[:8])
    assert r.returncode == 0 and r.stdout.startswith(f"deleted session {bad}"), r.stderr
    assert weerbaar("sessions", "--db", str(db_path)).stdout.count("voorbeeld") == 1


def test_a_damaged_row_is_named_by_the_store(store, scenario, db_path):
    bad = record(store, scenario, ["reageren"])
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE decisions SET hidden = '[1]' WHERE session_id = ?", (bad,))
    with pytest.raises(DamagedRow) as info:
        store.get(bad)
    assert isinstance(info.value, StoreError)
    assert str(info.value).startswith(f"session {bad}: damaged decision row 0, column 'hidden'")
    assert store.records() == [] and len(store.warnings) == 1


# ---- outputs that would destroy a database -------------------------------------------------
@pytest.mark.parametrize("argv", [["export", "--format", "json"], ["export", "--format", "xapi"],
                                  ["debrief"]], ids=lambda a: "-".join(a))
def test_an_output_over_the_database_is_refused(store, scenario, db_path, tmp_path, argv):
    record(store, scenario, ["navragen"])
    store.close()
    other = foreign(tmp_path / "contacts.db")
    link = tmp_path / "link.html"
    link.symlink_to(db_path)
    for out in (db_path, link, other):
        before = digest(db_path), digest(other)
        r = weerbaar(*argv, "--db", str(db_path), "--out", str(out))
        assert r.returncode == 2 and "Traceback" not in r.stderr
        assert "would destroy it (choose another --out)" in r.stderr
        assert (digest(db_path), digest(other)) == before
    assert weerbaar("sessions", "--db", str(db_path)).stdout.count("voorbeeld") == 1


def test_the_store_api_refuses_what_is_not_a_store(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    folder = tmp_path / "folder.db"
    folder.mkdir()
    for path, message in ((text, "not an SQLite file"), (folder, "is a folder")):
        for readonly in (False, True):
            with pytest.raises(DatabaseError, match=message):
                SessionStore(path, create=False, readonly=readonly)
    assert text.read_text() == "hello"
