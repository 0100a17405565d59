"""Property test: whatever a tampered database holds in a session's or a decision's
columns, reading it skips that session with a warning (or reads it, if the value is
harmless), the other sessions stay readable and exportable, and it can be deleted."""
import contextlib
import io
import json
import sqlite3

from hypothesis import HealthCheck, given, settings, strategies as st

from weerbaar.cli.sessions import _print_list as print_list
from weerbaar.engine import load_scenario
from weerbaar.storage import SessionStore
from weerbaar.debrief import replay_session
from weerbaar.storage import ScenarioLibrary, StoreError
from weerbaar.debrief.export_json import export_document
from weerbaar.debrief.report import render_report, report_parts
from weerbaar.debrief.xapi import statements

from ..conftest import SCENARIOS
from .helpers import record

SCENARIO = load_scenario(str(SCENARIOS / "voorbeeld.yaml"))
COLUMNS = {"decisions": ["idx", "scene", "choice", "offered", "hidden", "target", "before",
                         "after", "step", "seconds", "timed_out", "made_at", "undone"],
           "sessions": ["label", "mode", "seed", "language", "extra", "final_vars", "ended_at",
                        "ending", "started_at"]}
JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                       | st.text(max_size=8), lambda kids: st.lists(kids, max_size=3)
                       | st.dictionaries(st.text(max_size=5), kids, max_size=3), max_leaves=6)
VALUES = (st.none() | st.integers(-2**63, 2**63 - 1) | st.floats() | st.text(max_size=30)
          | st.binary(max_size=10) | JSONISH.map(json.dumps))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["decisions", "sessions"]), st.data(), VALUES)
def test_a_tampered_column_never_blocks_the_others(tmp_path_factory, table, data, value):
    db = tmp_path_factory.mktemp("tamper") / "s.db"
    with SessionStore(db) as store:
        good = record(store, SCENARIO, ["navragen", "uitleggen"], label="Goed")
        bad = record(store, SCENARIO, ["reageren", "uitleggen"], label="Kapot")
    column = data.draw(st.sampled_from(COLUMNS[table]))
    key = "session_id" if table == "decisions" else "id"
    conn = sqlite3.connect(db)
    try:
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (value, bad))
        conn.commit()
    except sqlite3.IntegrityError:  # NOT NULL: SQLite itself keeps this one out
        return
    finally:
        conn.close()
    with SessionStore(db, create=False, readonly=True) as store:
        with contextlib.redirect_stdout(io.StringIO()) as listing:
            print_list(store, None)  # the list shows every session, damaged or not
        assert bad[:8] in listing.getvalue() and good[:8] in listing.getvalue()
        records = store.records()
        ids = [r.id for r in records]
        assert good in ids
        assert bad in ids or any(f"session {bad}: damaged" in w for w in store.warnings)
        json.dumps(export_document(records), allow_nan=False)
        library = ScenarioLibrary(store)
        json.dumps(statements(records, library), allow_nan=False)
        render_report(report_parts(records, library, "nl"), "nl", "2026-03-02T10:00:00+00:00", "s.db")
        for r in records:  # the replay of the tampered session: shown, or a StoreError
            try:
                replay_session(store, r.id)
            except StoreError:
                assert r.id == bad
    with SessionStore(db, create=False) as store:
        store.delete(bad)
        assert [s.id for s in store.list()] == [good]
