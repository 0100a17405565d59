"""The id index and key completion, without a server."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types as lsp

from weerbaar.lsp.completion import complete
from weerbaar.lsp.index import build

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", [p for p in SCENARIOS if ".transcripts" not in p.name],
                         ids=lambda p: p.stem)
def test_every_indexed_spot_points_at_its_name(path):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    index = build(text)
    spots = [*index.definitions.values(), *index.uses]
    assert len(index.uses) > 10
    for s in spots:
        assert lines[s.line - 1][s.column - 1:s.end - 1] == s.name, s


def test_an_unreadable_file_has_no_index():
    assert build("scenes: [unclosed") is None


def labels(text: str, line: int, character: int, indexed: str | None = None) -> list[str]:
    """Completion at a place; the server keeps the index of the last readable text."""
    index = build(indexed or text)
    return [i.label for i in complete(index, text.splitlines(), lsp.Position(line, character))]


def test_keys_come_from_the_schema_and_leave_out_those_already_written():
    text = ("format: 1\nscenes:\n  a:\n    text: hi\n    \n    goto_unused: x\nendings: {}\n")
    got = labels(text, 4, 4)
    assert "choices" in got and "speaker" in got and "text" not in got
    assert "title" not in got  # an ending's key, not a scene's


def test_keys_of_a_choice_inside_a_list_item():
    text = ("scenes:\n  a:\n    text: hi\n    choices:\n      - id: x\n        \n")
    got = labels(text, 5, 8)
    assert {"text", "goto", "effects", "if"} <= set(got) and "id" not in got


def test_choice_ids_after_chosen_scene():
    text = ("meters: {m: {label: M, start: 1}}\nscenes:\n  a:\n    text: hi\n    choices:\n"
            "      - {id: ja, text: x, goto: a}\n      - {id: nee, text: y, goto: a}\n"
            "    next:\n")
    typing = text + '      - if: "chosen(a, \n'
    assert labels(typing, 8, len('      - if: "chosen(a, '), indexed=text) == ["ja", "nee"]


def test_set_with_values_is_indexed_and_completed():
    text = ("meters: {m: {label: M, start: 1}}\nflags: [f]\nscenes:\n  a:\n    text: hi\n"
            "    choices:\n      - {id: x, text: X, effects: {set: {m: 5, f: true}}, goto: a}\n")
    index = build(text)
    assert [(s.kind, s.role) for s in index.uses_of("meter", "m")] == \
        [("meter", "set to 5 by choice 'x' in scene 'a'")]
    assert index.uses_of("flag", "f") and not index.uses_of("meter", "set")
    typing = text + "      - {id: y, text: Y, effects: {set: {\n"
    assert labels(typing, 7, len("      - {id: y, text: Y, effects: {set: {"), indexed=text) == \
        ["m", "f"]


# ---- never a traceback in the editor ------------------------------------------------------

VOORBEELD = (Path(__file__).resolve().parents[2] / "scenarios" / "voorbeeld.yaml").read_text(
    encoding="utf-8")


@settings(max_examples=150, deadline=None)
@given(cut=st.integers(0, len(VOORBEELD)), junk=st.text(max_size=12), where=st.integers(0, 4000))
def test_half_typed_files_never_break_the_index_or_completion(cut, junk, where):
    text = VOORBEELD[:cut] + junk + VOORBEELD[cut:]
    index = build(text) or build(VOORBEELD)
    lines = text.splitlines() or [""]
    row = where % len(lines)
    items = complete(index, lines, lsp.Position(row, where % (len(lines[row]) + 1)))
    assert all(i.label for i in items)
    for spot in [*index.definitions.values(), *index.uses]:
        assert spot.line >= 1 and spot.column >= 1


INLINE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "inline.yaml"


def test_names_in_inline_conditional_text_are_indexed_and_renamed_there_too():
    from weerbaar.engine import load_scenario_text
    from weerbaar.engine.session import Session
    from weerbaar.lsp.navigation import rename_edits

    text = INLINE.read_text(encoding="utf-8")
    lines = text.splitlines()
    index = build(text)
    for kind, name in (("flag", "gebeld"), ("scene", "overleg"), ("meter", "vertrouwen")):
        inline = [s for s in index.uses_of(kind, name) if "'{if}'" in s.role]
        assert inline, (kind, name)
        for s in inline:
            assert lines[s.line - 1][s.column - 1:s.end - 1] == name, s
    flag = index.definitions[("flag", "gebeld")]
    edits = rename_edits(index, lsp.Position(flag.line - 1, flag.column - 1), "belde_zelf")
    assert len(edits) == 1 + len(index.uses_of("flag", "gebeld"))
    out = lines[:]
    for e in sorted(edits, key=lambda e: (e.range.start.line, -e.range.start.character)):
        row = out[e.range.start.line]
        out[e.range.start.line] = row[:e.range.start.character] + e.new_text + \
            row[e.range.end.character:]
    renamed = "\n".join(out) + "\n"
    assert "{if gebeld" not in renamed and "if: gebeld" not in renamed  # the word stays
    s = Session(load_scenario_text(renamed, "renamed.yaml"))  # it still loads, and plays
    s.choose("bellen")
    s.proceed()
    assert [s.view.post_text(p) for p in s.view.posts()] == ["Wethouder belt zelf!"]


def test_completion_inside_inline_conditional_text():
    text = INLINE.read_text(encoding="utf-8")
    index = build(text)
    line = '        text: {nl: "Wacht af{if geb'
    labels = {i.label for i in complete(index, [line], lsp.Position(0, len(line)))}
    assert {"gebeld", "vertrouwen", "visited()"} <= labels
    line = '        text: {nl: "Wacht af{if visited(ov'
    labels = {i.label for i in complete(index, [line], lsp.Position(0, len(line)))}
    assert "overleg" in labels and "gebeld" not in labels
    line = '        text: {nl: "Wacht af {{if geb'  # a literal brace: no condition here
    assert complete(index, [line], lsp.Position(0, len(line))) == []
