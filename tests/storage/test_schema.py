"""The schema: versioned, migrated from the first one, durable settings."""
import sqlite3

import pytest

from weerbaar.storage import SchemaTooNew, SessionStore, schema
from weerbaar.storage.connection import connect

FIRST_SCHEMA_ROWS = """
INSERT INTO scenario_sources VALUES ('{hash}', 'voorbeeld', '1.0', '{path}', ?, '2025-11-01T10:00:00+00:00');
INSERT INTO sessions (id, scenario_id, scenario_version, content_hash, language, label, mode, seed,
                      started_at, ended_at, ending, final_vars)
VALUES ('0f0e0d0c-0000-4000-8000-000000000001', 'voorbeeld', '1.0', '{hash}', 'nl', 'Team 1',
        'play', 0, '2025-11-01T10:00:00+00:00', '2025-11-01T10:05:00+00:00', 'goed',
        '{{"pers_ingelicht":true,"rust":45,"vertrouwen":65}}');
INSERT INTO decisions VALUES ('0f0e0d0c-0000-4000-8000-000000000001', 0, 0, 'begin', 'navragen',
        '["reageren","navragen"]', '[]', 'journalist',
        '{{"pers_ingelicht":false,"rust":50,"vertrouwen":50}}',
        '{{"pers_ingelicht":false,"rust":45,"vertrouwen":55}}', 0, 4.5, 0,
        '2025-11-01T10:01:00+00:00', NULL);
INSERT INTO decisions VALUES ('0f0e0d0c-0000-4000-8000-000000000001', 1, 1, 'journalist', 'uitleggen',
        '["uitleggen","geen_commentaar"]', '[]', 'avond',
        '{{"pers_ingelicht":false,"rust":45,"vertrouwen":55}}',
        '{{"pers_ingelicht":true,"rust":45,"vertrouwen":65}}', 1, 9.0, 0,
        '2025-11-01T10:03:00+00:00', NULL);
"""


def make_first_schema_db(path, scenario):
    """A database as the first release wrote it: schema 1, with one finished session."""
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, upto=1)
    source = open(scenario.path, "rb").read()
    statements = FIRST_SCHEMA_ROWS.format(hash=scenario.content_hash, path=scenario.path)
    conn.execute("BEGIN")
    for i, statement in enumerate(schema._statements(statements)):
        conn.execute(statement, (source,) if i == 0 else ())
    conn.execute("COMMIT")
    conn.close()


def test_a_new_database_has_the_latest_schema_in_wal_with_full_sync(db_path):
    with SessionStore(db_path) as s:
        assert schema.version(s.conn) == schema.LATEST == 2
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migration_from_the_first_schema_keeps_every_session(db_path, scenario):
    make_first_schema_db(db_path, scenario)
    conn = sqlite3.connect(db_path)
    assert schema.version(conn) == 1
    assert "votes" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()

    with SessionStore(db_path) as s:
        assert schema.version(s.conn) == 2
        r = s.get("0f0e0d0c")
        assert (r.label, r.ending, r.choice_ids()) == ("Team 1", "goed", ["navragen", "uitleggen"])
        assert [h.overridden for h in r.history] == [False, False]
        assert r.history[0].decision.seconds == 4.5 and r.notes == ()
        # what schema 2 added works on the migrated data
        s.record_votes(r.id, 1, {"uitleggen": 6, "geen_commentaar": 1}, overridden=True)
        s.add_note(r.id, 1, "journalist", "De groep was het snel eens")
        r = s.get(r.id)
        assert dict(r.history[1].votes) == {"uitleggen": 6, "geen_commentaar": 1}
        assert r.history[1].overridden and r.notes[0].text == "De groep was het snel eens"
        assert s.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_migrating_twice_changes_nothing(db_path, scenario):
    make_first_schema_db(db_path, scenario)
    SessionStore(db_path).close()
    conn = connect(db_path)
    assert schema.migrate(conn) == schema.LATEST
    assert conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 2
    conn.close()


def test_a_failed_migration_leaves_the_database_as_it_was(db_path, scenario, monkeypatch):
    make_first_schema_db(db_path, scenario)
    broken = schema.MIGRATIONS[1] + "\nCREATE TABLE votes (x);"  # fails half way
    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], broken))
    with pytest.raises(Exception):
        SessionStore(db_path)
    conn = sqlite3.connect(db_path)
    assert schema.version(conn) == 1
    columns = {r[1] for r in conn.execute("PRAGMA table_info(decisions)")}
    assert "overridden" not in columns
    conn.close()


def test_a_database_from_a_newer_weerbaar_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew) as info:
        SessionStore(db_path)
    assert info.value.found == schema.LATEST + 1 and "update Weerbaar" in str(info.value)
