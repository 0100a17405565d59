"""The explorer under hostile input: exact counts, bounded work, clear messages."""
import time

import pytest

from weerbaar.cli import run as cli_run
from weerbaar.engine import load_scenario_text
from weerbaar.engine.explore import explore, random_walks, search

HEAD = """\
format: 1
id: lang
title: Lang
languages: [nl]
"""


def chain(n: int, width: int, meter: str = "", adds=(1,), end_if: str = "") -> str:
    """n decision scenes in a row, each with ``width`` choices to the next one."""
    lines = [HEAD]
    if meter:
        lines.append(f"meters:\n  m: {{label: M, start: 0, {meter}}}\n")
    lines.append("start: s0\nscenes:\n")
    for i in range(n):
        nxt = f"s{i + 1}" if i + 1 < n else "slot"
        lines.append(f"  s{i}:\n    text: S\n    choices:\n")
        for k in range(width):
            eff = f", effects: {{m: {adds[k % len(adds)]}}}" if meter else ""
            lines.append(f"      - {{id: c{k}, text: C{eff}, goto: {nxt}}}\n")
    cond = f'{{if: "{end_if}", goto: top}}, ' if end_if else ""
    lines.append(f"  slot:\n    text: Slot\n    next: [{cond}{{goto: eind}}]\n")
    lines.append("endings:\n  eind: {title: E, text: e}\n  top: {title: T, text: t}\n"
                 if end_if else "endings:\n  eind: {title: E, text: e}\n")
    return "".join(lines)


def test_playthroughs_are_exact_integers_beyond_what_a_float_holds():
    r = explore(load_scenario_text(chain(1030, 2)))
    assert r.playthroughs == 2 ** 1030 and r.median_decisions == 1030 and r.ok
    r = explore(load_scenario_text(chain(330, 9)))
    assert r.playthroughs == 9 ** 330 and r.max_decisions == 330


def test_a_long_chain_adding_to_a_meter_does_not_overflow():
    sc = load_scenario_text(chain(1000, 2, "min: 0, max: 1000000000", adds=(3, 7)))
    r = explore(sc)
    assert r.playthroughs == 2 ** 1000 and r.states == 1001 and r.ok


def test_a_wide_meter_in_a_loop_stops_at_the_budget_naming_the_meter():
    text = HEAD + """\
meters:
  stemmen: {label: S, start: -1000000000, min: -1000000000, max: 1000000000}
start: campagne
scenes:
  campagne:
    text: Nog een dag?
    choices:
      - {id: door, text: Door, effects: {stemmen: +1}, goto: campagne}
      - {id: klaar, text: Klaar, goto: uitslag}
  uitslag:
    text: Uitslag
    next: [{if: "stemmen >= 1000000000", goto: top}, {goto: eind}]
endings:
  eind: {title: E, text: e}
  top: {title: T, text: t}
"""
    sc = load_scenario_text(text)
    t = time.perf_counter()
    r = explore(sc, bound=3000)
    assert time.perf_counter() - t < 10
    assert r.bound_hit and not r.ok and r.states == 3000
    assert "meter 'stemmen' (-1000000000..1000000000)" in r.budget
    assert "state budget of 3,000 states" in r.budget


def test_a_meter_range_of_ten_million_compared_once_merges_into_classes():
    text = chain(40, 3, "min: 0, max: 10000000", adds=(250000, -250000, 0),
                 end_if="m >= 5000000")
    r = explore(load_scenario_text(text))
    assert r.ok and r.endings_reached == {"eind", "top"} and r.states < 2000


def test_a_file_beyond_the_scene_budget_is_refused_plainly(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(search, "SCENE_BUDGET", 50)
    text = chain(60, 2)
    r = explore(load_scenario_text(text))
    assert r.bound_hit and r.states == 0
    assert "61 scenes is beyond what the explorer will try (at most 50)" in r.budget
    (tmp_path / "lang.yaml").write_text(text, encoding="utf-8")
    assert cli_run(["explore", str(tmp_path / "lang.yaml")]) == 1
    assert "STOPPED: 61 scenes is beyond what the explorer will try" in capsys.readouterr().out


LOOP = HEAD + """\
start: begin
scenes:
  begin:
    text: B
    choices:
      - {id: rond, text: R, goto: a}
      - {id: uit, text: U, goto: eind}
  a: {text: "", next: [{goto: b}]}
  b: {text: "", next: [{goto: a}]}
endings:
  eind: {title: E, text: e}
"""


def test_random_play_ends_on_a_loop_of_routes_and_reports_it(tmp_path, capsys):
    w = random_walks(load_scenario_text(LOOP), 20, seed=1)
    assert w.looped > 0 and w.loop_scene in ("a", "b") and w.looped + w.endings["eind"] == 20
    (tmp_path / "loop.yaml").write_text(LOOP, encoding="utf-8")
    assert cli_run(["explore", str(tmp_path / "loop.yaml"), "--random", "20"]) == 1
    assert "ENDLESS LOOP of routes without a decision" in capsys.readouterr().out
    assert cli_run(["explore", str(tmp_path / "loop.yaml")]) == 1
    assert "ENDLESS LOOP in scene" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["--random", "-5"], ["--bound", "-1"], ["--bound", "0"],
                                  ["--random", "veel"], ["--seed", "-1"]])
def test_bad_numbers_are_usage_errors(args, tmp_path, capsys):
    (tmp_path / "loop.yaml").write_text(LOOP, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        cli_run(["explore", str(tmp_path / "loop.yaml"), *args])
    assert exc.value.code == 2
    assert "error: argument" in capsys.readouterr().err


def test_the_budget_names_a_meter_kept_by_class_too():
    sc = load_scenario_text(chain(300, 2, "min: 0, max: 1000000", adds=(3, -2), end_if="m >= 500"))
    r = explore(sc, bound=2000)
    assert r.bound_hit and "meter 'm' (0..1000000) took" in r.budget
    assert "narrow its range or let a loop end sooner" in r.budget
