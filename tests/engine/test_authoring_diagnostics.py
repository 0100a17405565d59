"""Diagnostics an author meets first: one typo gives one error, hints for mistyped
operators, E018 that says what would reach a scene, E006 on a post that names it."""
from __future__ import annotations

from pathlib import Path

import pytest

from weerbaar.engine import Severity, check_text

from .helpers import diag, scenario_text

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ["voorbeeld", "clientelisme", "desinformatie", "intimidatie"]


def errors_of(text: str):
    _, diagnostics = check_text(text, "t.yaml")
    return [d for d in diagnostics if d.severity is Severity.ERROR]


def with_typo(name: str, right: str, wrong: str) -> tuple[str, int]:
    """A shipped scenario with its first ``right`` line misspelled; and that line's number."""
    lines = (ROOT / "scenarios" / f"{name}.yaml").read_text(encoding="utf-8").split("\n")
    row = next(i for i, ln in enumerate(lines) if ln.strip() == right)
    lines[row] = lines[row].replace(right, wrong)
    return "\n".join(lines), row + 1


@pytest.mark.parametrize("name", SHIPPED)
def test_chioces_typo_gives_e004_first_at_its_line_and_at_most_one_more(name):
    text, line = with_typo(name, "choices:", "chioces:")
    errors = errors_of(text)
    assert errors[0].code == "E004" and errors[0].line == line, [str(e) for e in errors]
    assert "did you mean 'choices'?" in errors[0].hint
    assert "not checked" in errors[0].hint  # says what was left unchecked
    assert len(errors) <= 2, [str(e) for e in errors]


def test_a_misspelled_next_is_the_only_error():
    text, line = with_typo("voorbeeld", "next:", "nxet:")
    errors = errors_of(text)
    assert [(e.code, e.line) for e in errors] == [("E004", line)]


def test_a_misspelled_goto_gives_the_typo_and_the_missing_key_only():
    text = (ROOT / "scenarios" / "voorbeeld.yaml").read_text(encoding="utf-8")
    text = text.replace("        goto: journalist", "        gotto: journalist", 1)
    assert sorted(e.code for e in errors_of(text)) == ["E004", "E005"]


def test_the_typo_does_not_hide_real_unreachable_scenes_elsewhere():
    body = """\
    start: a
    scenes:
      a:
        text: A
        choices:
          - {id: x, text: X, goto: b}
      b: {text: B, nxet: [{goto: einde}]}
      los: {text: L, next: [{goto: einde}]}
    endings:
      einde: {title: E, text: E}
    """
    errors = errors_of(scenario_text(body))
    # 'b's ways out are unread, and 'b' is reachable: reachability is not judged at all
    assert [e.code for e in errors] == ["E004"]


@pytest.mark.parametrize("cond, wrong, meant", [
    ("m >> 40", ">>", "'>'"), ("m => 40", "=>", "'>='"), ("m =< 40", "=<", "'<='"),
    ("m << 40", "<<", "'<'")])
def test_mistyped_operators_get_a_hint(cond, wrong, meant):
    text = scenario_text(f"""\
    start: a
    scenes:
      a: {{text: A, next: [{{if: "{cond}", goto: einde}}, {{goto: einde}}]}}
    endings:
      einde: {{title: E, text: E}}
    """)
    d = diag(text, "E010")
    assert d.message.endswith(f"'{wrong}' is not an operator")
    assert d.hint.startswith(f"write {meant}")
    line = text.split("\n")[d.line - 1]
    assert line[d.column - 1:d.column + 1] == wrong


def test_a_mistyped_operator_does_not_hide_an_unknown_name():
    text = scenario_text("""\
    start: a
    scenes:
      a: {text: A, next: [{if: "vertrouwn => 40", goto: einde}, {goto: einde}]}
    endings:
      einde: {title: E, text: E}
    """)
    errors = errors_of(text)
    assert [e.code for e in errors] == ["E011", "E010"]  # sorted by column
    line = text.split("\n")[errors[0].line - 1]
    assert line[errors[0].column - 1:].startswith("vertrouwn")
    assert line[errors[1].column - 1:].startswith("=>")


def test_e018_names_the_unreachable_scene_that_leads_here():
    text = scenario_text("""\
    start: a
    scenes:
      a: {text: A, next: [{goto: einde}]}
      wees: {text: W, next: [{goto: kind}]}
      kind: {text: K, next: [{goto: einde}]}
    endings:
      einde: {title: E, text: E}
    """)
    _, diagnostics = check_text(text, "t.yaml")
    hints = {d.message.split("'")[1]: d.hint for d in diagnostics if d.code == "E018"}
    assert hints["kind"] == "only 'wees' leads here, and it cannot be reached either"
    assert hints["wees"] == "no choice or route leads here; add one that does, or remove it"


def test_e018_points_at_a_goto_with_a_name_like_it():
    text = scenario_text("""\
    start: a
    scenes:
      a: {text: A, next: [{goto: einde}]}
    endings:
      einde: {title: E, text: E}
      einde2: {title: F, text: F}
    """)
    d = diag(text, "E018")
    assert "ending 'einde2'" in d.message
    assert d.hint == "no choice or route leads here; did you mean it in 'goto: einde' at line 11?"


def test_e006_on_likes_names_the_scene_and_the_post():
    text = scenario_text("""\
    start: a
    scenes:
      a:
        kind: feed
        text: A
        posts:
          - {author: x, text: hoi}
          - {author: y, text: hallo, likes: veel}
        next: [{goto: einde}]
    endings:
      einde: {title: E, text: E}
    """)
    d = diag(text, "E006")
    assert d.message.startswith("scene 'a' post 2 likes: expected a whole number")
