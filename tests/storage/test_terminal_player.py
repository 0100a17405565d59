"""The terminal player on scenarios that get stuck and on seeds out of range: one clear line,
a non-zero exit, no traceback, and the stuck session recorded."""
import pytest

from weerbaar.storage import SessionStore

from .test_commands import EXAMPLE, weerbaar

HEAD = """\
format: 1
id: vast
title: Vast
languages: [nl]
meters:
  m: {label: M, start: 50, min: 0, max: 100}
flags: [f]
start: begin
"""

ENDING = """\
endings:
  eind: {title: E, text: e, debrief_questions: [q]}
"""


def story(goto: str, scenes: str, effects: str = "") -> str:
    """HEAD, a first scene whose one choice leads to ``goto``, ``scenes``, and the ending."""
    choice = f"{{id: a, text: A, goto: {goto}{effects}}}"
    first = f"scenes:\n  begin:\n    text: Begin\n    choices:\n      - {choice}\n"
    return HEAD + first + scenes + ENDING


# routes that can all fail (lint: W004 only): with m at 50 neither holds
ROUTES_FAIL = story("kruising", """\
  kruising:
    text: Kruising
    next:
      - {if: "m < 20", goto: eind}
      - {if: "m > 90", goto: eind}
""", effects=", effects: {m: 10}")

# a scene whose every choice is hidden
ALL_HIDDEN = story("kamer", """\
  kamer:
    text: Kamer
    choices:
      - {id: b, text: B, if: "f", goto: eind}
      - {id: c, text: C, if: "m > 80", goto: eind}
""")

# routers (scenes without text) passing on to each other for ever
ROUTER_LOOP = story("heen", """\
  heen:
    text: ""
    next: [{if: "m < 100", goto: terug}, {goto: eind}]
  terug:
    text: ""
    next: [{if: "m < 100", goto: heen}, {goto: eind}]
""")

# scenes with text that route on to each other for ever (no choice in between)
TEXT_LOOP = ROUTER_LOOP.replace('text: ""', "text: Weer")


@pytest.mark.parametrize("text, scene, reason", [
    (ROUTES_FAIL, "kruising", "no route of scene 'kruising' holds"),
    (ALL_HIDDEN, "kamer", "every choice of scene 'kamer' is hidden"),
    (ROUTER_LOOP, "heen", "routers keep passing on"),
    (TEXT_LOOP, "heen", "without a choice: an endless loop"),
], ids=["routes-fail", "all-hidden", "router-loop", "text-loop"])
def test_a_stuck_play_is_reported_and_recorded(tmp_path, db_path, text, scene, reason):
    path = tmp_path / "vast.yaml"
    path.write_text(text, encoding="utf-8")
    r = weerbaar("play", str(path), "--text", "--db", str(db_path), "--seed", "3", stdin="1\n1\n")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "Kies 1-0" not in r.stdout
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0]
    assert lines[0].startswith("weerbaar play: error: the scenario got stuck in scene ")
    assert "state: m=" in lines[0] and "f=false" in lines[0]
    with SessionStore(db_path, readonly=True) as store:
        (record,) = store.records()
    stuck = dict(record.extra)["stuck"]
    assert stuck["reason"] in lines[0] and stuck["vars"]["f"] is False
    assert record.choice_ids() == ["a"] and not record.ended


@pytest.mark.parametrize("seed, message", [
    ("100000000000000000000000000", "expected a number from 0 to 9223372036854775807"),
    (str(10**26), "expected a number from 0 to"),
    ("-1", "expected a number from 0 to"),
    ("tien", "expected a whole number (got 'tien')"),
])
def test_a_seed_out_of_range_is_a_usage_error(db_path, seed, message):
    for command in (["play", EXAMPLE, "--text"], ["workshop", EXAMPLE]):
        r = weerbaar(*command, "--db", str(db_path), "--seed", seed, stdin="1\n")
        assert r.returncode == 2 and "Traceback" not in r.stderr
        assert f"argument --seed: {message}" in r.stderr
    assert not db_path.exists()


def test_the_largest_seed_is_kept(db_path):
    r = weerbaar("play", EXAMPLE, "--text", "--db", str(db_path), "--seed", str(2**63 - 1),
                 stdin="1\n")
    assert r.returncode == 0, r.stderr
    with SessionStore(db_path, readonly=True) as store:
        assert store.records()[0].seed == 2**63 - 1
