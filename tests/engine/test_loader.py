"""The loader and checker: every problem at once, with file, line, column and a hint."""
import pytest

from weerbaar.engine import ScenarioError, check_file, check_text, load_scenario_text

from .helpers import HEADER, codes, diag, load, scenario_text

GOOD = """\
start: a
scenes:
  a:
    text: "A"
    debrief: "note"
    choices:
      - {id: x, text: "X", effects: {m: 5, set: [f]}, feedback: "fx", goto: b}
      - {id: y, text: "Y", if: "f", effects: {n: 1, set: [g]}, feedback: "fy", goto: b}
  b:
    text: "B"
    next:
      - {if: "m > 50 and g", goto: e1}
      - {goto: e2}
endings:
  e1: {title: "E1", text: "e1", tone: good, debrief_questions: ["q"]}
  e2: {title: "E2", text: "e2", tone: bad, debrief_questions: ["q"]}
"""


def test_a_good_scenario_loads_without_diagnostics():
    scenario, diagnostics = check_text(scenario_text(GOOD), "t.yaml")
    assert [str(d) for d in diagnostics] == []
    assert scenario.start == "a" and set(scenario.endings) == {"e1", "e2"}
    assert scenario.scenes["a"].choices[0].effects.adds == (("m", 5),)
    assert len(scenario.content_hash) == 16


def test_unknown_goto_points_at_the_value_with_a_suggestion():
    d = diag(scenario_text(GOOD.replace("goto: e1", "goto: e11")), "E012")
    assert (d.line, d.column) == (20, 36)
    assert "did you mean 'e1'" in d.hint
    assert str(d).startswith("t.yaml:20:36: error[E012]: unknown scene 'e11'")


def test_every_problem_is_reported_at_once():
    text = scenario_text(GOOD.replace("goto: e1", "goto: nergens").replace('if: "f"', 'if: "f >"')
                         .replace("m: 5", "q: 5"))
    assert {"E012", "E010", "E011"} <= set(codes(text))


def test_duplicate_keys_are_errors_not_silently_merged():
    text = scenario_text(GOOD.replace('    text: "B"\n', '    text: "B"\n    text: "C"\n'))
    d = diag(text, "E002")
    assert d.line == 19 and "first defined at line 18" in d.hint


def test_yaml_syntax_error_has_a_position():
    d = diag(HEADER + "start: a\nscenes: [\n", "E001")
    assert d.line > 0 and d.column > 0


@pytest.mark.parametrize("payload", [
    "!!python/object/apply:os.system ['echo hacked']",
    "!!python/name:os.system",
    "!custom 3",
])
def test_object_tags_are_refused_without_effect(payload, tmp_path, capfd):
    text = scenario_text(GOOD).replace('title: T', f"title: {payload}")
    assert "E003" in codes(text)
    assert "hacked" not in capfd.readouterr().out


def test_alias_bombs_are_refused_quickly():
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        bomb.append(f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    text = "\n".join(bomb) + "\n"
    assert "E003" in codes(text)


def test_merge_keys_are_refused():
    text = scenario_text(GOOD) + "extra: &x {a: 1}\nmore:\n  <<: *x\n"
    assert "E003" in codes(text)


def test_type_misuse_adding_to_a_flag():
    d = diag(scenario_text(GOOD.replace("m: 5", "f: 5")), "E013")
    assert "use 'set: [f]'" in d.hint


def test_setting_a_meter_is_type_misuse():
    assert "E013" in codes(scenario_text(GOOD.replace("set: [f]}, feedback: \"fx\"", "set: [m]}, feedback: \"fx\"")))


def test_meter_start_outside_range():
    header = HEADER.replace("start: 50, min: 0", "start: 150, min: 0")
    assert "E014" in codes(scenario_text(GOOD, header))


def test_scene_and_ending_share_one_namespace():
    text = scenario_text(GOOD + "  a: {title: x, text: y}\n")
    assert "E015" in codes(text)


def test_missing_translation_for_a_declared_language():
    header = HEADER.replace("languages: [nl]", "languages: [nl, en]")
    text = scenario_text(GOOD.replace('text: "A"', 'text: {nl: "A"}'), header)
    d = diag(text, "E016")
    assert "no 'en' text" in d.message


def test_undeclared_language_is_an_error():
    text = scenario_text(GOOD.replace('text: "A"', 'text: {nl: "A", de: "A"}'))
    assert "E024" in codes(text)


def test_plain_text_in_a_two_language_scenario_is_a_warning():
    header = HEADER.replace("languages: [nl]", "languages: [nl, en]")
    assert "W003" in codes(scenario_text(GOOD, header))


def test_scene_without_a_way_out_and_unreachable_scene():
    text = scenario_text(GOOD.replace("  b:\n", "  dood:\n    text: x\n  b:\n"))
    assert "E018" in codes(text)
    text = scenario_text(GOOD.replace('      - {goto: e2}\n', "").replace("    next:\n      - {if: \"m > 50 and g\", goto: e1}\n", ""))
    assert "E017" in codes(text)


def test_unknown_key_suggests_the_right_one():
    d = diag(scenario_text(GOOD.replace("    debrief: \"note\"", "    debreif: \"note\"")), "E004")
    assert "did you mean 'debrief'" in d.hint


def test_text_variants_need_a_fallback_last():
    text = scenario_text(GOOD.replace('    text: "B"\n', '    text:\n      - {if: "f", nl: "x"}\n'))
    assert "E022" in codes(text)


def test_timer_default_must_be_a_choice():
    text = scenario_text(GOOD.replace('    debrief: "note"\n', '    debrief: "note"\n    timer: {seconds: 30, default: z}\n'))
    assert "E023" in codes(text)


@pytest.mark.parametrize("mutation, code", [
    (("tone: good", "tone: great"), "E006"),
    (("format: 1", "format: 2"), "E008"),
    (("id: t", "id: 'Mijn Scenario'"), "E007"),
    (("speaker", "speaker"), None),
])
def test_field_errors(mutation, code):
    text = scenario_text(GOOD).replace(*mutation)
    if code:
        assert code in codes(text)


def test_warnings_for_probable_mistakes():
    text = scenario_text(GOOD.replace(', feedback: "fx"', "").replace('    debrief: "note"\n', "")
                         .replace(', debrief_questions: ["q"]', "", 1).replace("{id: y, ", "{"))
    assert {"W002", "W005", "W007", "W008"} <= set(codes(text))
    long_text = scenario_text(GOOD.replace('text: "A"', 'text: "' + "woord " * 200 + '"'))
    assert "W001" in codes(long_text)
    assert "W004" in codes(scenario_text(GOOD.replace("      - {goto: e2}\n", "      - {chance: 50, goto: e2}\n")))
    assert "W006" in codes(scenario_text(GOOD, HEADER.replace("flags: [f, g]", "flags: [f, g, h]")))


def test_load_raises_scenario_error_with_all_diagnostics():
    with pytest.raises(ScenarioError) as err:
        load_scenario_text(scenario_text(GOOD.replace("goto: e1", "goto: x").replace("goto: e2", "goto: y")))
    assert [d.code for d in err.value.errors] == ["E012", "E012"]
    assert isinstance(err.value, ValueError)


def test_missing_file_and_bad_encoding(tmp_path):
    _, diagnostics = check_file(str(tmp_path / "nope.yaml"))
    assert [d.code for d in diagnostics] == ["E025"]
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(scenario_text(GOOD).encode() + b"\n# \xff\xfe\n")
    _, diagnostics = check_file(str(bad))
    assert (diagnostics[0].code, diagnostics[0].line, diagnostics[0].column) == ("E001", 26, 3)


def test_the_example_scenario_is_clean(example_path):
    _, diagnostics = check_file(str(example_path))
    assert diagnostics == []


def test_loaded_scenario_is_immutable():
    s = load(GOOD)
    with pytest.raises((AttributeError, TypeError)):
        s.scenes["z"] = None
    with pytest.raises(AttributeError):
        s.start = "b"


@pytest.mark.parametrize("body, code", [
    ("scenes:\n  begin: {text: Hallo, choices: [{id: [a], text: A, goto: einde}]}\n", "E007"),
    ("flags: [[a]]\nscenes:\n  begin: {text: Hallo, next: [{goto: einde}]}\n", "E007"),
    ("flags: [a]\nscenes:\n  begin: {text: Hallo, on_enter: {set: [[a]]}, next: [{goto: einde}]}\n", "E006"),
    ("scenes:\n  begin: {text: Hallo, speaker: [sanne], next: [{goto: einde}]}\n", "E006"),
    ("scenes:\n  begin: {text: Hallo, choices: [{id: 5, text: A, goto: s}]}\n"
     "  s: {text: x, next: [{if: \"chosen(begin, a)\", goto: einde}, {goto: einde}]}\n", "E012"),
    ("scenes:\n  begin: {text: [eerste, tweede], next: [{goto: einde}]}\n", "E022"),
])
def test_values_of_the_wrong_shape_are_reported_not_crashing(body, code):
    header = "format: 1\nid: demo\ntitle: Demo\nlanguages: [nl]\nstart: begin\n" \
             "endings:\n  einde: {title: Einde, text: Klaar}\n"
    found = codes(header + body)
    assert code in found
    assert "E017" not in found and "E018" not in found  # no echoes of the first problem


def test_unused_flag_warning_points_at_the_flag():
    d = diag(scenario_text(GOOD, HEADER.replace("flags: [f, g]", "flags: [f, g, h]")), "W006")
    assert (d.line, d.column) == (8, 15)
