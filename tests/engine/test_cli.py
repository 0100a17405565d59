"""The command line, run as authors run it: output and exit codes."""
import json
import subprocess
import sys

import pytest

from ..conftest import ROOT

EXAMPLE = str(ROOT / "scenarios" / "voorbeeld.yaml")
BROKEN = """\
format: 1
id: kapot
title: Kapot
languages: [nl]
start: begin
scenes:
  begin:
    text: Hallo
    choices:
      - {id: a, text: A, goto: factchek, feedback: x}
  factcheck:
    text: F
    next: [{goto: eind}]
endings:
  eind: {title: E, text: e, debrief_questions: [q]}
"""


def weerbaar(*args, stdin=""):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


@pytest.fixture
def broken(tmp_path):
    p = tmp_path / "kapot.yaml"
    p.write_text(BROKEN, encoding="utf-8")
    return str(p)


def test_lint_good_and_broken(broken):
    r = weerbaar("lint", EXAMPLE)
    assert r.returncode == 0 and "no problems" in r.stdout
    r = weerbaar("lint", broken)
    assert r.returncode == 1
    assert f"{broken}:10:32: error[E012]: unknown scene 'factchek' in choice 'a' goto " \
           "(did you mean 'factcheck'?)" in r.stdout


def test_lint_strict_fails_on_warnings(tmp_path):
    p = tmp_path / "w.yaml"
    p.write_text(BROKEN.replace("factchek", "factcheck").replace(", feedback: x", ""), encoding="utf-8")
    assert weerbaar("lint", str(p)).returncode == 0
    r = weerbaar("lint", "--strict", str(p))
    assert r.returncode == 1 and "W002" in r.stdout


def test_lint_json_and_missing_file(broken):
    r = weerbaar("lint", "--json", broken)
    data = json.loads(r.stdout)
    assert [(d["code"], d["line"]) for d in data] == [("W008", 7), ("E012", 10)]
    r = weerbaar("lint", "/nonexistent.yaml")
    assert r.returncode == 2 and "E025" in r.stdout


def test_usage_error_exits_2():
    r = weerbaar("explore")
    assert r.returncode == 2 and "usage" in r.stderr


def test_terminal_player_scripted_through_stdin():
    r = weerbaar("play", EXAMPLE, "--text", stdin="2\n1\n")
    assert r.returncode == 0, r.stderr
    assert "Ahmed zet de feiten op een rij" in r.stdout
    assert "Het gerucht dooft uit" in r.stdout
    assert "Vertrouwen +5 (50 → 55)" in r.stdout


def test_terminal_player_in_english_with_undo_and_bad_input():
    r = weerbaar("play", EXAMPLE, "--text", "--lang", "en", stdin="9\nx\n1\nu\n2\n2\n")
    assert r.returncode == 0
    assert "Choose a number from the list." in r.stdout and "Last choice undone." in r.stdout
    assert "The alderman declined to comment" in r.stdout or "declined" in r.stdout


def test_terminal_player_on_broken_file(broken):
    r = weerbaar("play", broken, "--text")
    assert r.returncode == 1 and "E012" in r.stderr and "Traceback" not in r.stderr


def test_explore_reports_and_json():
    r = weerbaar("explore", EXAMPLE)
    assert r.returncode == 0
    assert "choose 2, 1   (navragen → uitleggen)" in r.stdout
    data = json.loads(weerbaar("explore", EXAMPLE, "--json").stdout)
    assert data["ok"] and data["decisions"]["min"] == 2
    r = weerbaar("explore", EXAMPLE, "--random", "200", "--seed", "4")
    assert r.returncode == 0 and "200 random playthroughs" in r.stdout


def test_graph_formats(broken):
    r = weerbaar("graph", EXAMPLE, "--format", "dot")
    assert r.returncode == 0 and r.stdout.startswith('digraph "voorbeeld"') and '"avond" -> "goed"' in r.stdout
    r = weerbaar("graph", EXAMPLE)
    assert "flowchart TD" in r.stdout and "class slecht bad" in r.stdout
    assert weerbaar("graph", broken).returncode == 1


def test_transcripts_pass_and_a_changed_playthrough_fails(tmp_path):
    assert weerbaar("test", EXAMPLE).returncode == 0
    scenario = tmp_path / "s.yaml"
    scenario.write_text((ROOT / "scenarios" / "voorbeeld.yaml").read_text(encoding="utf-8")
                        .replace("effects: {vertrouwen: 10, rust: -5, set: [pers_ingelicht]}",
                                 "effects: {vertrouwen: 2, rust: -5, set: [pers_ingelicht]}"), encoding="utf-8")
    (tmp_path / "s.transcripts.yaml").write_text(
        (ROOT / "scenarios" / "voorbeeld.transcripts.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    r = weerbaar("test", str(scenario))
    assert r.returncode == 1
    assert "FAIL  feiten eerst, dan de pers" in r.stdout
    assert "meter vertrouwen: expected 65, got 57" in r.stdout


def test_terminal_player_names_characters_in_messages(tmp_path):
    text = (ROOT / "scenarios" / "voorbeeld.yaml").read_text(encoding="utf-8").replace(
        '- from: "Gert (buurman)"', "- from: sanne")
    p = tmp_path / "v.yaml"
    p.write_text(text, encoding="utf-8")
    r = weerbaar("play", str(p), "--text", stdin="q\n")
    assert "> Sanne de Vries @sannedv 07:52" in r.stdout


def test_top_level_lang_reaches_the_command():
    r = weerbaar("--lang", "en", "play", EXAMPLE, "--text", stdin="q\n")
    assert "The rumour in the group chat" in r.stdout


@pytest.mark.parametrize("bad", ["seed: abc", "expect: [1, 2]", "expect: {meters: [a]}",
                                 "expect: {scenes: begin}", "expect: {meters: {vertrouwen: \"65\"}}"])
def test_malformed_transcripts_are_reported(tmp_path, bad):
    t = tmp_path / "t.yaml"
    t.write_text(f"transcripts:\n  - name: x\n    choices: [navragen]\n    {bad}\n", encoding="utf-8")
    r = weerbaar("test", EXAMPLE, "--transcripts", str(t))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "error[E006]" in r.stderr


def test_explore_writes_transcripts_that_pass(tmp_path):
    scenario = tmp_path / "v.yaml"
    scenario.write_text((ROOT / "scenarios" / "voorbeeld.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "v.transcripts.yaml"
    assert weerbaar("explore", str(scenario), "--write-transcripts", str(out)).returncode == 0
    assert "ending: slecht" in out.read_text(encoding="utf-8")
    r = weerbaar("test", str(scenario))
    assert r.returncode == 0 and "3 passed, 0 failed" in r.stdout


def test_explore_counts_playthroughs_in_words_that_agree(tmp_path):
    one = tmp_path / "een.yaml"
    one.write_text("format: 1\nid: een\ntitle: Een\nlanguages: [nl]\nstart: a\nscenes:\n"
                   "  a:\n    text: A\n    choices: [{id: c, text: C, goto: e, feedback: f}]\n"
                   "endings:\n  e: {title: E, text: e, debrief_questions: [q]}\n",
                   encoding="utf-8")
    assert "(1 distinct playthrough)" in weerbaar("explore", str(one)).stdout
    assert "distinct playthroughs)" in weerbaar("explore", EXAMPLE).stdout


LOOPING = """\
format: 1
id: rond
title: Rond
languages: [nl]
start: a
scenes:
  a:
    text: A
    choices:
      - {id: nog, text: Nog eens, goto: b, feedback: f}
      - {id: klaar, text: Klaar, goto: e, feedback: f}
  b:
    text: B
    choices: [{id: terug, text: Terug, goto: a, feedback: f}]
endings:
  e: {title: E, text: e, debrief_questions: [q]}
"""


def test_explore_says_what_it_counted_and_what_it_checked(tmp_path):
    # without loops the explorer counts classes of states, and a trap there is a dead end
    r = weerbaar("explore", EXAMPLE)
    assert "classes of states" in r.stdout.splitlines()[0]
    assert "no soft-locks, no dead ends" in r.stdout
    # with a loop it searches state by state, and a trap is an endless loop
    rond = tmp_path / "rond.yaml"
    rond.write_text(LOOPING, encoding="utf-8")
    r = weerbaar("explore", str(rond))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[0].endswith(" states") and "classes" not in r.stdout
    assert "no soft-locks, no endless loops" in r.stdout
