"""Recordings and saves made by the engine before its core was redesigned (commit e61866d,
``tests/fixtures/make_legacy_sessions.py``) replay identically on the engine of today:
every decision the same (options offered and hidden, target, state before and after),
the same ending, and the old saves restore strictly to the very same state."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from weerbaar.engine.loader import load_scenario_text
from weerbaar.engine.replay import End, Walk, replay_decisions
from weerbaar.engine.session import Session
from weerbaar.storage import SessionStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXPECTED = json.loads((FIXTURES / "legacy_sessions.json").read_text())


@pytest.fixture(scope="module")
def legacy_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("legacy") / "legacy_sessions.db"
    shutil.copyfile(FIXTURES / "legacy_sessions.db", db)  # the fixture stays untouched
    with SessionStore(db, create=False) as store:
        yield store


def test_the_fixture_holds_sessions_of_every_shipped_scenario():
    assert {e["scenario"] for e in EXPECTED} == {"voorbeeld", "desinformatie", "clientelisme",
                                                  "intimidatie"}
    assert any(e["save"]["undone"] for e in EXPECTED)


@pytest.mark.parametrize("entry", EXPECTED, ids=lambda e: f"{e['scenario']}-{e['seed']}")
def test_an_old_recording_replays_identically(legacy_store, entry):
    record = legacy_store.get(entry["id"])
    scenario = load_scenario_text(legacy_store.scenario_source(record.content_hash),
                                  f"{entry['scenario']}.yaml")
    assert scenario.content_hash == record.content_hash
    replayed = replay_decisions(scenario, record.decisions, record.seed, end=End.REST)
    assert replayed.stop is None
    assert replayed.session.decisions == list(record.decisions)
    ending = replayed.session.scene_id if replayed.session.ended else None
    assert ending == record.ending
    old = entry["save"]
    assert replayed.session.vars == old["vars"]


@pytest.mark.parametrize("entry", EXPECTED, ids=lambda e: f"{e['scenario']}-{e['seed']}")
def test_an_old_save_restores_strictly_to_the_same_state(legacy_store, entry):
    record = legacy_store.get(entry["id"])
    scenario = load_scenario_text(legacy_store.scenario_source(record.content_hash),
                                  f"{entry['scenario']}.yaml")
    restored = Session.from_save(scenario, entry["save"])
    assert restored.save() == {**entry["save"], "scenario": restored.save()["scenario"]}
    # and the replay of its decisions, walked on to where it stood, is that state too
    s = replay_decisions(scenario, restored.decisions, restored.seed).session
    Walk(s, [], end=restored.state.step).run(strict=False)
    s.state.undone = restored.state.undone
    assert s.state == restored.state
