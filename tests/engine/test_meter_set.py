"""'set: {meter: number}': a meter set to a value, checked, played and explored."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from weerbaar.engine import check_text
from weerbaar.engine.explore import explore
from weerbaar.engine.session import Session

from .helpers import diag, load, scenario_text

ROOT = Path(__file__).resolve().parents[2]

BODY = """\
start: a
scenes:
  a:
    text: A
    on_enter: {m: -30}
    choices:
      - {id: reset, text: R, effects: {set: {m: 80, f: true}}, goto: b}
      - {id: laag, text: L, effects: {m: -5, set: {g: false}}, goto: b}
  b:
    text: B
    next: [{if: "m >= 80 and f", goto: hoog}, {goto: laag_einde}]
endings:
  hoog: {title: H, text: H}
  laag_einde: {title: L, text: L}
"""


def test_set_puts_a_meter_at_a_value_and_a_flag_on_or_off():
    scenario = load(BODY)
    effects = scenario.scenes["a"].choices[0].effects
    assert effects.assigns == (("m", 80),) and effects.sets == ("f",)
    assert scenario.scenes["a"].choices[1].effects.clears == ("g",)
    s = Session(scenario, 0)
    assert s.vars["m"] == 20
    s.choose("reset")
    assert s.vars["m"] == 80 and s.vars["f"] is True


def test_the_explorer_reaches_what_a_set_meter_opens():
    exploration = explore(load(BODY))
    assert {"hoog", "laag_einde"} <= set(exploration.shortest)


def test_a_value_outside_the_range_an_unknown_name_and_change_plus_set_are_errors():
    d = diag(scenario_text(BODY.replace("set: {m: 80", "set: {m: 180")), "E009")
    assert "'set' m: 180 is outside 0..100" in d.message
    d = diag(scenario_text(BODY.replace("set: {m: 80", "set: {mm: 80")), "E011")
    assert "unknown meter or flag 'mm'" in d.message and d.hint == "did you mean 'm'?"
    d = diag(scenario_text(BODY.replace("set: {m: 80, f: true}", "set: {f: 3}")), "E006")
    assert "expected true or false" in d.message
    d = diag(scenario_text(BODY.replace("{m: -5, set: {g: false}}", "{m: -5, set: {m: 3}}")),
             "E013")
    assert "'m' is both changed and set" in d.message


def test_a_set_meter_counts_as_changed_for_w006():
    text = scenario_text(BODY.replace("on_enter: {m: -30}", "on_enter: {n: 3}")
                         .replace("effects: {m: -5, set: {g: false}}", "effects: {set: {g: true}}"))
    _, diagnostics = check_text(text, "t.yaml")
    assert not [d for d in diagnostics if d.code == "W006" and "'m'" in d.message]


def test_the_json_schema_accepts_set_with_values_and_every_shipped_scenario():
    schema = json.loads((ROOT / "engine" / "schema" / "scenario.schema.json").read_text())
    jsonschema.validate(yaml.safe_load(scenario_text(BODY)), schema)
    for path in ROOT.glob("scenarios/*.yaml"):
        if not path.name.endswith(".transcripts.yaml"):
            jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
