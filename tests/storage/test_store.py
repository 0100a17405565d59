"""The store: what a recorded play looks like when read back."""
import sqlite3

import pytest

from weerbaar.engine.session import RecordingError, Session
from weerbaar.storage import AmbiguousSession, DatabaseError, Recorder, ScenarioLibrary, SessionNotFound, SessionStore

from .helpers import record


def test_round_trip_of_a_play_with_undo(store, scenario):
    session = Session(scenario, seed=7)
    recorder = Recorder.start(store, session, language="en", label="Team 2", mode="workshop")
    session.choose("reageren", seconds=3.25)
    session.proceed()
    session.choose("geen_commentaar", seconds=8.0)
    session.proceed()
    session.undo()
    session.choose("uitleggen", seconds=2.0, timed_out=True)
    session.proceed()
    session.advance()
    assert session.ended

    r = store.get(recorder.session_id)
    assert (r.scenario_id, r.scenario_version, r.content_hash) == (
        "voorbeeld", "1.0", scenario.content_hash)
    assert (r.language, r.label, r.mode, r.seed) == ("en", "Team 2", "workshop", 7)
    assert r.decisions == tuple(session.decisions)      # every field, before and after
    assert [(h.decision.choice, h.undone) for h in r.history] == [
        ("reageren", None), ("geen_commentaar", "undo"), ("uitleggen", None)]
    assert r.history[1].decision == session.state.undone[0]
    assert r.history[2].decision.timed_out and r.history[0].decision.seconds == 3.25
    assert r.ending == session.view.ending.id and dict(r.final_vars) == session.vars
    assert r.started_at < r.history[0].made_at < r.ended_at


def test_an_undo_after_the_ending_reopens_the_session(store, scenario):
    session = Session(scenario)
    recorder = Recorder.start(store, session, language="nl")
    session.choose("navragen")
    session.proceed()
    session.choose("uitleggen")
    session.proceed()
    session.advance()
    assert store.get(recorder.session_id).ending == "goed"
    session.undo()
    r = store.get(recorder.session_id)
    assert r.ending is None and r.ended_at is None and r.final_vars is None
    assert [d.choice for d in r.decisions] == ["navragen"]


def test_a_restart_in_the_middle_sets_the_path_aside(store, scenario):
    sid = record(store, scenario, ["reageren", "restart", "navragen"], finish=False)
    r = store.get(sid)
    assert [h.undone for h in r.history] == ["restart", None]
    assert r.choice_ids() == ["navragen"] and r.ending is None
    assert len(store.list()) == 1


def test_the_scenario_text_is_kept_once_and_loads_to_the_same_version(store, scenario):
    a = record(store, scenario, ["reageren"])
    record(store, scenario, ["navragen"])
    assert store.conn.execute("SELECT COUNT(*) FROM scenario_sources").fetchone()[0] == 1
    again = ScenarioLibrary(store).recorded(store.get(a).content_hash)
    assert again.content_hash == scenario.content_hash and again.scenes.keys() == scenario.scenes.keys()


def test_a_scenario_without_its_file_is_recorded_without_text(store, scenario, tmp_path):
    from weerbaar.engine import load_scenario
    copy = tmp_path / "v.yaml"
    copy.write_bytes(open(scenario.path, "rb").read())
    moved = load_scenario(str(copy))
    copy.write_text("changed since loading", encoding="utf-8")
    record(store, moved, ["reageren"])
    assert store.conn.execute("SELECT COUNT(*) FROM scenario_sources").fetchone()[0] == 0


def test_labels_default_to_a_numbered_session(store, scenario):
    record(store, scenario, [], lang="nl")
    record(store, scenario, [], lang="en", label="  ")
    record(store, scenario, [], label="Wethouder A")
    assert [s.label for s in store.list()] == ["Sessie 1", "Session 2", "Wethouder A"]


def test_list_counts_the_path_and_filters_by_scenario(store, scenario):
    record(store, scenario, ["reageren", "undo", "navragen", "uitleggen"])
    record(store, scenario, ["navragen"], finish=False)
    rows = store.list()
    assert [(s.decisions, s.ending) for s in rows] == [(2, "goed"), (1, None)]
    assert store.list("voorbeeld") == rows and store.list("other") == []


def test_ids_resolve_from_a_unique_prefix(store, scenario):
    sid = record(store, scenario, [])
    assert store.resolve(sid[:4]) == sid and store.resolve(sid.upper()) == sid
    with pytest.raises(SessionNotFound):
        store.resolve(sid[:3])
    with pytest.raises(SessionNotFound):
        store.resolve("ffff_%")


def test_an_ambiguous_prefix_is_refused(store, scenario):
    a, b = record(store, scenario, []), record(store, scenario, [])
    store.conn.execute("UPDATE sessions SET id = 'abcd' || substr(id, 5) WHERE id IN (?, ?)",
                       (a, b))
    with pytest.raises(AmbiguousSession) as info:
        store.resolve("abcd")
    assert len(info.value.matches) == 2 and "give more characters" in str(info.value)
    assert store.resolve("abcd" + a[4:]) == "abcd" + a[4:]


def test_delete_removes_decisions_votes_notes_and_unused_texts(store, scenario):
    sid = record(store, scenario, ["reageren"], finish=False)
    store.record_votes(sid, 0, {"reageren": 3, "navragen": 2})
    store.add_note(sid, 1, "journalist", "Discussie over de pers")
    store.delete(sid)
    for table in ("sessions", "decisions", "votes", "notes", "scenario_sources"):
        assert store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    with pytest.raises(SessionNotFound):
        store.delete(sid)


def test_workshop_tallies_overrides_notes_and_extra(store, scenario):
    session = Session(scenario)
    recorder = Recorder.start(store, session, language="nl", mode="workshop",
                              extra={"teams": ["Noord", "Zuid"]})
    recorder.tally_next({"reageren": 2, "navragen": 5}, overridden=True)
    session.choose("reageren")
    session.proceed()
    store.add_note(recorder.session_id, 1, "journalist", "Twijfel over de toon")
    session.choose("uitleggen")
    store.record_votes(recorder.session_id, 1, {"uitleggen": 4, "geen_commentaar": 4})
    store.update_extra(recorder.session_id, {"round": 2})
    r = store.get(recorder.session_id)
    assert dict(r.history[0].votes) == {"reageren": 2, "navragen": 5} and r.history[0].overridden
    assert dict(r.history[1].votes) == {"uitleggen": 4, "geen_commentaar": 4}
    assert not r.history[1].overridden
    assert [(n.step, n.scene, n.text) for n in r.notes] == [(1, "journalist", "Twijfel over de toon")]
    assert dict(r.extra) == {"teams": ["Noord", "Zuid"], "round": 2}


def test_negative_votes_are_refused(store, scenario):
    sid = record(store, scenario, ["reageren"], finish=False)
    with pytest.raises(sqlite3.IntegrityError):
        store.record_votes(sid, 0, {"reageren": -1})
    assert dict(store.get(sid).history[0].votes) == {}


def test_writing_to_a_deleted_session_says_so(store, scenario):
    session = Session(scenario)
    recorder = Recorder.start(store, session, language="nl")
    store.delete(recorder.session_id)
    with pytest.raises(RecordingError) as caught:
        session.choose("reageren")
    assert isinstance(caught.value.error, SessionNotFound)
    assert session.scene_id == "begin" and not session.decisions  # not taken


def test_opening_needs_an_existing_file_unless_creating(tmp_path):
    with pytest.raises(DatabaseError, match="no such database"):
        SessionStore(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()
    with SessionStore(tmp_path / "deep" / "er" / "new.db") as s:
        assert s.list() == []


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite " * 100, encoding="utf-8")
    with pytest.raises(DatabaseError, match="not a session database .not an SQLite file"):
        SessionStore(bad)


def test_a_database_that_cannot_be_written_raises_a_store_error(store, scenario):
    session = Session(scenario)
    Recorder.start(store, session, language="nl")
    store.conn.execute("PRAGMA query_only = ON")   # as a read-only file or a full disk would
    with pytest.raises(RecordingError, match="cannot write") as caught:
        session.choose("reageren")
    assert isinstance(caught.value.error, DatabaseError)
    assert session.scene_id == "begin" and not session.decisions  # not taken
    store.conn.execute("PRAGMA query_only = OFF")   # the disk is back: the same choice records
    session.choose("reageren")
    assert [d.decision.choice for d in store.get(session_id_of(store)).path] == ["reageren"]


def test_play_again_after_the_ending_starts_a_new_record(store, scenario):
    session = Session(scenario, seed=4)
    first = Recorder.start(store, session, language="en", label="Team 3", mode="workshop",
                           extra={"round": 1})
    finished = first.session_id
    record(store, scenario, [])   # another team's session in between
    for choice in ("navragen", "uitleggen"):
        session.choose(choice)
        session.proceed()
    session.advance()
    session.restart()
    assert first.session_id != finished
    session.choose("reageren")
    done, again = store.get(finished), store.get(first.session_id)
    assert done.ending == "goed" and done.choice_ids() == ["navragen", "uitleggen"]
    assert all(h.undone is None for h in done.history)
    assert (again.label, again.language, again.mode, again.seed, dict(again.extra)) == (
        "Team 3", "en", "workshop", 4, {"round": 1})
    assert again.choice_ids() == ["reageren"] and again.ending is None


def session_id_of(store) -> str:
    (only,) = store.list()
    return only.id
