"""Inline conditional text and varying choice texts and feedback: parsing, rendering in a
play state, checking with positions, and what the checks and the explorer make of them."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from weerbaar.engine import check_text, load_scenario
from weerbaar.engine.explore import explore
from weerbaar.engine.inline import InlineError, conditions, parse, render
from weerbaar.engine.replay import outcomes
from weerbaar.engine.session import Session

ROOT = Path(__file__).resolve().parents[2]
INLINE = ROOT / "tests" / "fixtures" / "inline.yaml"

HEAD = """format: 1
id: t
title: T
languages: [nl]
flags: [gebeld, stil]
meters:
  vertrouwen: {label: V, start: 50}
start: begin
scenes:
  begin:
    debrief: x
    choices:
      - {id: bel, text: Bel, feedback: ok, effects: {set: [gebeld, stil], vertrouwen: +5}, goto: einde}
"""
TAIL = """endings:
  einde: {title: E, text: Einde, debrief_questions: [q]}
"""


def scenario_with(text_lines: str, tail: str = TAIL):
    return check_text(HEAD + text_lines + tail, "t.yaml")


def codes(diagnostics):
    return [(d.code, d.line, d.column) for d in diagnostics]


# ---- the syntax and rendering ------------------------------------------------------------

def state(**values):
    return SimpleNamespace(vars=values, visits={}, chosen=set())


def compiled(text: str):
    """A model Text with its pieces compiled as the loader does, for one plain string."""
    scenario, diagnostics = scenario_with(f"    text: {text!r}\n".replace("'", '"')
                                          if "'" not in text else f"    text: >-\n      {text}\n")
    assert scenario is not None, diagnostics
    return scenario.scenes["begin"].text[0].text


@pytest.mark.parametrize("source, values, shown", [
    ("A. {if gebeld: B.} C.", {"gebeld": True}, "A. B. C."),
    ("A. {if gebeld: B.} C.", {"gebeld": False}, "A. C."),          # one space is left
    ("{if gebeld: B.} C.", {"gebeld": False}, "C."),                # none at the start
    ("A. {if gebeld: B.}", {"gebeld": False}, "A."),                # nor at the end
    ("A. {if gebeld: B.} {if stil: C.} D.", {"gebeld": False, "stil": False}, "A. D."),
    ("Je {if gebeld: belde}{else: wachtte}.", {"gebeld": False}, "Je wachtte."),
    ("Je {if gebeld: belde}{else: wachtte}.", {"gebeld": True}, "Je belde."),
    ("{if gebeld: Ja{if stil: , stil}}.", {"gebeld": True, "stil": True}, "Ja, stil."),
    ("{if gebeld: Ja{if stil: , stil}}.", {"gebeld": True, "stil": False}, "Ja."),
    ("Haakjes: {{ en }} blijven.", {}, "Haakjes: { en } blijven."),
    ("{if vertrouwen >= 50: genoeg}", {"vertrouwen": 50}, "genoeg"),
])
def test_inline_parts_show_when_their_condition_holds(source, values, shown):
    text = compiled(source)
    assert text.get("nl") == source  # kept as written: catalogs and tools see the markup
    full = {"gebeld": False, "stil": False, "vertrouwen": 0, **values}
    assert render(text, state(**full), "nl") == shown


def test_without_a_state_a_text_shows_its_else_parts_and_last_variant():
    scenario = load_scenario(str(INLINE))
    choice = scenario.scenes["begin"].choice("bellen")
    assert render(choice.text, None, "nl") == "Bel de journalist"
    assert render(choice.feedback, None, "nl") == "Ze neemt op. Ze klinkt sceptisch."


@pytest.mark.parametrize("source, message", [
    ("a {b", "'{' begins conditional text"),
    ("a } b", "'}' closes no conditional text"),
    ("{if x b}", "needs ':'"),
    ("{if x: b", "is not closed"),
    ("{else: b}", "without an '{if"),
    ("{if : b}", "without a condition"),
    ("{if x: b}{else b}", "'{else' needs ':'"),
])
def test_malformed_markup_is_refused_with_its_offset(source, message):
    with pytest.raises(InlineError) as e:
        parse(source)
    assert message in e.value.message


def test_conditions_are_listed_normalised_nested_ones_too():
    assert conditions(parse("{if  a and b: x{if c: y}}{else: z}")) == ["a and b", "c"]


# ---- the checker -------------------------------------------------------------------------

def test_an_unknown_name_in_inline_text_is_reported_where_it_stands():
    _, ds = scenario_with('    text: "Hallo. {if gebld: Je belde.}"\n')
    e = [d for d in ds if d.code == "E011"]
    assert codes(e) == [("E011", 14, 23)]
    assert "did you mean 'gebeld'" in e[0].hint and "'{if ...}'" in e[0].message


def test_a_condition_in_a_folded_block_is_found_on_its_own_line():
    _, ds = scenario_with("    text: >-\n      Een lange tekst die doorloopt.\n"
                          "      En dan {if vertrouwen > 50 and onbekend: dit}.\n")
    assert codes([d for d in ds if d.code == "E011"]) == [("E011", 16, 38)]


@pytest.mark.parametrize("text, col", [('"Een {haakje} hier"', 16), ('"Een } hier"', 16),
                                       ('"{else: x}"', 12)])
def test_malformed_markup_is_e031_at_its_place(text, col):
    _, ds = scenario_with(f"    text: {text}\n")
    assert codes(ds) == [("E031", 14, col)]
    assert ds[0].hint


def test_conditional_text_in_a_title_is_refused():
    _, ds = check_text((HEAD + "    text: x\n" + TAIL).replace("title: T", "title: 'T {if gebeld: x}'"),
                       "t.yaml")
    assert [d.code for d in ds] == ["E031"] and "shown during play" in ds[0].message


def test_a_text_that_begins_with_a_brace_gets_a_hint_about_yaml():
    two = (HEAD + "    text: {nl: {if gebeld: Ja}, en: x}\n" + TAIL).replace(
        "title: T", "title: {nl: T, en: T}\nlanguages: [nl, en]").replace("languages: [nl]\n", "")
    _, ds = check_text(two, "t.yaml")
    assert any("put the text in quotes" in d.hint for d in ds if d.code == "E006")


def test_languages_asking_different_conditions_are_w013():
    two = (HEAD + '    text: {nl: "A {if gebeld: B}", en: "A {if stil: B}"}\n' + TAIL).replace(
        "title: T", "title: {nl: T, en: T}\nlanguages: [nl, en]").replace("languages: [nl]\n", "")
    _, ds = check_text(two, "t.yaml")
    w = [d for d in ds if d.code == "W015"]
    assert len(w) == 1 and "'stil'" in w[0].message and "'gebeld'" in w[0].message


def test_a_flag_read_only_in_inline_text_counts_as_read():
    _, ds = scenario_with('    text: "A {if stil: B}"\n')
    unused = [d.message for d in ds if d.code == "W006"]
    assert unused == ["flag 'gebeld' is set but never read"]  # 'stil' is read by the text


def test_choice_text_variants_need_a_fallback_last():
    lines = HEAD.replace("text: Bel,", "text: [{if: gebeld, nl: Bel}],")
    _, ds = check_text(lines + "    text: x\n" + TAIL, "t.yaml")
    assert "E022" in [d.code for d in ds]


# ---- in play -----------------------------------------------------------------------------

def test_choice_texts_and_feedback_vary_with_the_state():
    scenario = load_scenario(str(INLINE))
    s = Session(scenario)
    v = s.view
    assert v.text() == "Je zit op je kamer. De telefoon ligt voor je. {stil}"
    assert [v.choice_text(c) for c in v.available_choices()] == ["Bel de journalist", "Wacht af"]
    outcome = s.choose("bellen")
    assert outcome.feedback_text() == "Ze neemt op. Ze klinkt onder de indruk."
    assert s.view.feedback_text("en") == "She answers. She sounds impressed."
    s.proceed()
    assert [s.view.post_text(p, "en") for p in s.view.posts()] == ["Alderman calls in person!"]
    s.choose("terug")
    s.proceed()
    v = s.view
    assert v.text("en").startswith("You sit in your office. The meeting just now still bothers")
    assert [v.choice_text(c) for c in v.available_choices()] == [
        "Bel de journalist vol vertrouwen", "Wacht af, je hebt al gebeld"]
    outcome = s.choose("wachten")
    assert outcome.feedback_text() == "Je wacht op haar stuk."
    assert outcome.choice_text() == "Wacht af, je hebt al gebeld"
    s.proceed()
    s.choose("afronden")
    s.proceed()
    assert s.view.text() == "Het is gebeurd. Je belde zelf."
    # the path at the ending: each choice as it was offered then
    assert [o.choice_text("en") for o in outcomes(scenario, s.state)] == [
        "Call the journalist", "Back to your office", "Wait, you called already", "Finish"]


def test_text_conditions_do_not_change_what_the_explorer_proves():
    with_texts = load_scenario(str(INLINE))
    plain_yaml = INLINE.read_text(encoding="utf-8")
    for cut in ("{if visited(overleg): Het overleg van daarnet zit je nog\n        dwars.} ",
                "{if visited(overleg): The meeting just now still\n        bothers you.} "):
        assert cut in plain_yaml
        plain_yaml = plain_yaml.replace(cut, "")
    without, ds = check_text(plain_yaml, "plain.yaml")
    assert without is not None, ds
    a, b = explore(with_texts), explore(without)
    assert (a.states, a.ok) == (b.states, b.ok)
    assert a.to_dict()["states"] == b.to_dict()["states"]


def test_the_json_schema_accepts_choice_and_feedback_variants_but_not_debrief_variants():
    import json

    import jsonschema
    import yaml
    schema = json.loads((ROOT / "engine" / "schema" / "scenario.schema.json").read_text())
    doc = yaml.safe_load(INLINE.read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    doc["scenes"]["begin"]["choices"][0]["debrief"] = [{"nl": "x", "en": "y"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)


@pytest.mark.parametrize("text, code", [("{if gebeld: Je belde.} Verder.", "E001"),
                                        ("{if gebeld: Je belde.}", "E024")])
def test_a_text_beginning_with_a_brace_unquoted_gets_one_error_with_the_yaml_hint(text, code):
    _, ds = scenario_with(f"    text: {text}\n")
    assert [d.code for d in ds] == [code]
    assert "put the text in quotes" in ds[0].hint and ds[0].line == 14


def test_after_a_choice_the_view_gives_its_text_as_offered_also_when_taken_again():
    scenario = load_scenario(str(INLINE))
    s = Session(scenario)
    assert s.view.chosen_text() is None
    s.choose("bellen")
    assert s.view.chosen_text("en") == "Call the journalist"
    s.proceed()
    s.choose("terug")
    s.proceed()
    s.choose("bellen")  # vertrouwen was 70 when it was offered
    assert s.view.chosen_text() == "Bel de journalist vol vertrouwen"
    s.proceed()
    s.choose("terug")
    assert s.view.chosen_text() == "Terug naar je kamer"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="{}: ifelsab\n", max_size=40))
def test_any_markup_is_parsed_or_refused_with_an_offset_and_never_crashes_the_checker(text):
    try:
        parse(text)
    except InlineError as e:
        assert 0 <= e.offset <= len(text)
    _, ds = scenario_with(f"    text: {text!r}\n".replace("\\n", " ").replace("'", '"')
                          if '"' not in text else "    text: x\n")
    assert all(d.line > 0 for d in ds if d.code in ("E031", "E010", "E011"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_a_text_with_its_braces_doubled_shows_as_it_was(text):
    escaped = text.replace("{", "{{").replace("}", "}}")
    assert "".join(parse(escaped)) == text


def test_at_a_consequence_the_other_choices_read_as_they_were_offered():
    scenario = load_scenario(str(INLINE))
    s = Session(scenario)
    s.choose("bellen")
    wachten = scenario.scenes["begin"].choice("wachten")
    assert s.view.as_offered(wachten.text) == "Wacht af"  # 'gebeld' was not yet set
    assert s.view.render(wachten.text) == "Wacht af, je hebt al gebeld"  # the state now
