"""The JSON and xAPI exports, validated: the JSON against its schema, the statements
against Ralph's strict xAPI models."""
import json
from pathlib import Path

import jsonschema
import pytest

from weerbaar.storage import ScenarioLibrary
from weerbaar.debrief.export_json import export_document
from weerbaar.debrief.xapi import DEFAULT_BASE, duration, statement_id, statements

from .helpers import record
from .test_commands import weerbaar

SCHEMA = json.loads((Path(__file__).parents[2] / "debrief" / "export.schema.json").read_text())


@pytest.fixture
def recorded(store, scenario):
    record(store, scenario, ["reageren", "geen_commentaar", "undo", "uitleggen"], label="Team 1")
    record(store, scenario, ["navragen", "restart", "navragen"], label="Wethouder B",
           lang="en", finish=False)
    return store.records()


def test_the_json_export_matches_its_schema_and_the_records(recorded):
    doc = json.loads(json.dumps(export_document(recorded)))
    jsonschema.validate(doc, SCHEMA, format_checker=jsonschema.FormatChecker())
    first, second = doc["sessions"]
    assert [d["choice"] for d in first["decisions"]] == [
        "reageren", "geen_commentaar", "uitleggen"]
    assert [d["undone"] for d in first["decisions"]] == [None, "undo", None]
    assert first["decisions"][0]["before"] == {"pers_ingelicht": False, "rust": 50, "vertrouwen": 50}
    assert first["ending"] == "gemengd" and second["ending"] is None
    assert [d["undone"] for d in second["decisions"]] == ["restart", None]


def test_the_schema_refuses_a_broken_export(recorded):
    doc = json.loads(json.dumps(export_document(recorded)))
    doc["sessions"][0]["decisions"][0]["undone"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def test_statements_pass_ralphs_strict_xapi_models(recorded, store):
    from ralph.models.xapi.base import statements as models
    out = statements(recorded, ScenarioLibrary(store))
    for s in out:
        models.BaseXapiStatement.model_validate(s)
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in out]
    assert verbs == ["initialized", "answered", "answered", "voided", "answered", "completed",
                     "initialized", "answered", "voided", "answered"]


def test_statements_say_who_what_and_how_it_went(recorded, store):
    team1 = recorded[0]
    start, first, undone, void, third, done = statements([team1], ScenarioLibrary(store))
    assert first["actor"] == {"objectType": "Agent", "name": "Team 1",
                              "account": {"homePage": DEFAULT_BASE, "name": team1.id}}
    assert first["object"]["id"] == f"{DEFAULT_BASE}/scenarios/voorbeeld/scenes/begin"
    assert first["object"]["definition"]["interactionType"] == "choice"
    assert [c["id"] for c in first["object"]["definition"]["choices"]] == ["reageren", "navragen"]
    assert first["result"]["response"] == "reageren" and first["result"]["duration"] == "PT1.5S"
    ext = first["result"]["extensions"]
    assert ext[f"{DEFAULT_BASE}/extensions/meters-before"] == {"rust": 50, "vertrouwen": 50}
    assert ext[f"{DEFAULT_BASE}/extensions/meters-after"] == {"rust": 60, "vertrouwen": 40}
    assert first["context"]["registration"] == team1.id and first["timestamp"] == team1.history[0].made_at
    assert void["object"] == {"objectType": "StatementRef", "id": undone["id"]}
    assert done["result"]["completion"] and done["result"]["extensions"][
        f"{DEFAULT_BASE}/extensions/ending"] == "gemengd"
    assert start["object"]["definition"]["name"] == {"nl": "Het gerucht in de appgroep",
                                                     "en": "The rumour in the group chat"}


def test_statement_ids_are_stable_and_unique(recorded, store):
    a = statements(recorded, ScenarioLibrary(store))
    b = statements(recorded, None)   # without scenario texts: same ids
    assert [s["id"] for s in a] == [s["id"] for s in b]
    assert len({s["id"] for s in a}) == len(a)
    assert a[1]["id"] == statement_id(recorded[0].id, "decision/0")
    assert "definition" not in b[0]["object"]


def test_a_custom_base_moves_every_id(recorded):
    out = statements(recorded[:1], None, base="https://lrs.gemeente.example/weerbaar/")
    assert out[1]["object"]["id"].startswith("https://lrs.gemeente.example/weerbaar/scenarios/")


def test_durations_are_iso_8601():
    assert [duration(x) for x in (1.5, 0.0, 12.345, 90)] == ["PT1.5S", "PT0S", "PT12.35S", "PT90S"]


def test_export_command_writes_json_and_xapi(recorded, db_path, tmp_path):
    r = weerbaar("export", "--db", str(db_path), "--format", "json")
    assert r.returncode == 0, r.stderr
    jsonschema.validate(json.loads(r.stdout), SCHEMA)
    out = tmp_path / "statements.json"
    r = weerbaar("export", "--db", str(db_path), "--format", "xapi", "--out", str(out),
                 "--session", recorded[1].id[:6])
    assert r.returncode == 0 and r.stdout == ""
    sent = json.loads(out.read_text(encoding="utf-8"))
    assert {s["context"]["registration"] for s in sent if "context" in s} == {recorded[1].id}


def test_export_to_an_lrs_needs_a_password_and_never_takes_it_as_an_argument(recorded, db_path):
    r = weerbaar("export", "--db", str(db_path), "--format", "xapi",
                 "--lrs", "http://127.0.0.1:9/xAPI", "--lrs-user", "fac", env={"WEERBAAR_LRS_PASSWORD": None})
    assert r.returncode == 2 and "WEERBAAR_LRS_PASSWORD" in r.stderr
    r = weerbaar("export", "--db", str(db_path), "--format", "xapi", "--lrs-password", "x")
    assert r.returncode == 2 and "unrecognized arguments" in r.stderr
    r = weerbaar("export", "--db", str(db_path), "--format", "xapi",
                 "--lrs", "http://127.0.0.1:9/xAPI", "--lrs-user", "fac",
                 env={"WEERBAAR_LRS_PASSWORD": "secret"})
    assert r.returncode == 2 and "cannot reach the LRS" in r.stderr and "Traceback" not in r.stderr
