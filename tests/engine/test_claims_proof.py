"""The proof of what a scenario teaches: claims checked over every playthrough, the
shortest counterexample replayable in the terminal player, queries and test-plan claims."""
import json
import re
import shlex

import pytest

from weerbaar.cli import run as cli_run
from weerbaar.engine import check_text, load_scenario_text
from weerbaar.engine.explore import explore, play_ids, query
from weerbaar.engine.explore.claims import QueryError

from .test_cli import weerbaar

LEAK = """\
format: 1
id: lek
title: Lek
languages: [nl]
meters:
  vertrouwen: {label: Vertrouwen, start: 50}
  integriteit: {label: Integriteit, start: 50}
flags: [gebeld]
start: begin
scenes:
  begin:
    text: Een journalist vraagt naar de geheime prijs.
    debrief: Vertrouwelijk blijft vertrouwelijk.
    choices:
      - {id: zwijgen, text: Zwijg, effects: {vertrouwen: +5}, feedback: Goed., goto: collega}
      - {id: lekken, text: Lek, misstep: true, effects: {vertrouwen: +20, integriteit: -10}, feedback: Oei., goto: collega}
  collega:
    text: Een collega wordt bedreigd.
    debrief: Bel haar.
    choices:
      - {id: niets, text: Niets doen, effects: {vertrouwen: +1}, feedback: Stil., goto: raad}
      - {id: bellen, text: Bellen, effects: {integriteit: +5, set: [gebeld]}, feedback: Fijn., goto: raad}
  raad:
    text: De raad vergadert.
    next:
      - {if: "vertrouwen >= 60", goto: goed}
      - {goto: matig}
endings:
  goed: {title: Goed, text: Goed., tone: good, requires: "missteps() == 0", debrief_questions: ["?"]}
  matig: {title: Matig, text: Matig., tone: mixed, debrief_questions: ["?"]}
"""


@pytest.fixture
def leak(tmp_path):
    p = tmp_path / "lek.yaml"
    p.write_text(LEAK, encoding="utf-8")
    return str(p)


def test_a_misstep_reaching_a_good_ending_is_an_error_with_the_shortest_counterexample():
    _, diagnostics = check_text(LEAK, "lek.yaml", prove=True)
    [d] = [d for d in diagnostics if d.code == "E030"]
    assert "ending 'goed'" in d.message and d.message.endswith("for example: lekken → niets")
    line = LEAK.splitlines()[d.line - 1]
    assert line.startswith("  goed:") and line.index("requires:") + 1 == d.column
    assert "printf '2\\n1\\n' | weerbaar play lek.yaml --text" in d.hint


def test_the_proof_runs_in_lint_not_when_loading_to_play():
    _, diagnostics = check_text(LEAK, "lek.yaml")
    assert "E030" not in [d.code for d in diagnostics]


def test_a_claim_that_holds_gives_no_error():
    fixed = LEAK.replace('{if: "vertrouwen >= 60", goto: goed}',
                         '{if: "vertrouwen >= 60 and missteps() == 0", goto: goed}')
    _, diagnostics = check_text(fixed, "lek.yaml", prove=True)
    assert "E030" not in [d.code for d in diagnostics]
    assert not explore(load_scenario_text(fixed)).violations


def test_a_false_claim_on_flags_and_choices():
    claim = LEAK.replace('requires: "missteps() == 0"', 'requires: "gebeld and chosen(begin, zwijgen)"')
    r = explore(load_scenario_text(claim))
    assert [s.choice for s in r.violations["goed"]] == ["lekken", "niets"]
    assert "matig" not in r.violations and not r.ok


def test_the_counterexample_replays_through_the_terminal_player_to_its_ending(leak):
    r = explore(load_scenario_text(LEAK))
    path = r.violations["goed"]
    assert play_ids(load_scenario_text(LEAK), [s.choice for s in path]).scene == "goed"
    out = weerbaar("explore", leak)
    assert out.returncode == 1 and "CLAIM FAILS: ending 'goed'" in out.stdout
    line = re.search(r"replay: (printf '([^']*)' \| weerbaar play (\S+) --text)", out.stdout)
    numbers = line.group(2).replace("\\n", "\n")
    assert shlex.split(line.group(3)) == [leak]
    played = weerbaar("play", leak, "--text", stdin=numbers)
    assert played.returncode == 0 and "Goed." in played.stdout
    assert "Matig." not in played.stdout


def test_query_possible_impossible_and_json(leak, capsys):
    assert cli_run(["explore", leak, "--query", "missteps() >= 1 and ending(goed)"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("possible") and "(lekken → niets)" in out
    assert "printf '2\\n1\\n' | weerbaar play" in out
    assert cli_run(["explore", leak, "--query", "integriteit > 60 and ending(goed)"]) == 0
    assert capsys.readouterr().out.startswith("impossible")
    assert cli_run(["explore", leak, "--query", "ending(matig) and gebeld", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["possible"] is True
    assert [(p["choice"], p["number"]) for p in data["path"]] == [("zwijgen", 1), ("bellen", 2)]
    assert cli_run(["explore", leak, "--query", "ending(goed) and chosen(begin, zwijgen) "
                    "and chosen(begin, lekken)", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["possible"] is False and data["path"] == [] and data["decided"] is True


def test_a_broken_query_exits_2_with_the_column(leak, capsys):
    assert cli_run(["explore", leak, "--query", "missteps() >= 1 and ending(gooed)"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("--query:1:28: error[E012]: unknown ending 'gooed'")
    assert "did you mean 'goed'?" in err
    assert cli_run(["explore", leak, "--query", "vertrouwen >"]) == 2
    assert "--query:1:13: error[E010]" in capsys.readouterr().err
    with pytest.raises(QueryError):
        query(load_scenario_text(LEAK), "ending(goed) and missteps()")


def test_query_stops_at_the_first_witness():
    a = query(load_scenario_text(LEAK), "ending(matig)")
    full = explore(load_scenario_text(LEAK))
    assert a.possible and a.exploration.states <= full.states


def test_a_test_plan_keeps_claims(tmp_path, capsys):
    (tmp_path / "lek.yaml").write_text(LEAK, encoding="utf-8")
    (tmp_path / "lek.transcripts.yaml").write_text(
        "claims:\n"
        "  - {query: \"missteps() >= 1 and ending(goed)\", expect: possible}\n"
        "  - {query: \"ending(matig) and chosen(begin, zwijgen)\", expect: impossible}\n",
        encoding="utf-8")
    assert cli_run(["test", str(tmp_path / "lek.yaml")]) == 1
    out = capsys.readouterr().out
    assert 'PASS  claim: "missteps() >= 1 and ending(goed)" is possible' in out
    assert "FAIL  claim: \"ending(matig) and chosen(begin, zwijgen)\" is impossible" in out
    assert "expected impossible, but it is possible: zwijgen → niets" in out
    assert "1 passed, 1 failed" in out


def test_bad_claims_in_a_test_plan_are_reported(tmp_path, capsys):
    (tmp_path / "lek.yaml").write_text(LEAK, encoding="utf-8")
    (tmp_path / "lek.transcripts.yaml").write_text(
        "claims:\n  - {query: \"ending(goed)\", expect: maybe}\n", encoding="utf-8")
    assert cli_run(["test", str(tmp_path / "lek.yaml")]) == 1
    assert "error[E006]: claim 1 expect: 'possible' or 'impossible'" in capsys.readouterr().err


def test_explore_json_names_the_failing_claims(leak, capsys):
    assert cli_run(["explore", leak, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert [p["choice"] for p in data["claims"]["goed"]] == ["lekken", "niets"]
