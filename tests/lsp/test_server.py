"""``weerbaar lsp`` over stdio with a real client: the editor's view of a scenario."""
from __future__ import annotations

from pathlib import Path

import pytest

from weerbaar.engine import check_text
from weerbaar.engine.transcriptcheck import check_transcripts_file

from .client import Client

ROOT = Path(__file__).resolve().parents[2]
SOURCE = (ROOT / "scenarios" / "voorbeeld.yaml").read_text(encoding="utf-8")
BROKEN = SOURCE.replace("goto: journalist", "goto: journalsit", 1)


def line_of(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """0-based line and character of the nth occurrence of ``needle``."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at)
    return line, at - (text.rfind("\n", 0, at) + 1)


def apply(text: str, edits: list[dict]) -> str:
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                          e["range"]["start"]["character"]), reverse=True):
        s, t = e["range"]["start"], e["range"]["end"]
        assert s["line"] == t["line"]
        row = lines[s["line"]]
        lines[s["line"]] = row[:s["character"]] + e["newText"] + row[t["character"]:]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    client = Client()
    client.initialize()
    uri = (tmp_path_factory.mktemp("lsp") / "voorbeeld.yaml").as_uri()
    client.open(uri, BROKEN)
    client.uri = uri
    client.first_diagnostics = client.diagnostics(uri)
    yield client
    client.close()


def at(client, method: str, text: str, needle: str, offset: int = 1, nth: int = 0, **extra):
    line, char = line_of(text, needle, nth)
    return client.request(method, {"textDocument": {"uri": client.uri},
                                   "position": {"line": line, "character": char + offset}, **extra})


def test_diagnostics_of_a_broken_file_come_at_the_range_of_the_typo(server):
    (d,) = server.first_diagnostics
    line, char = line_of(BROKEN, "journalsit")
    assert d["code"] == "E012" and d["severity"] == 1
    assert d["range"] == {"start": {"line": line, "character": char},
                          "end": {"line": line, "character": char + len("journalsit")}}
    assert "did you mean 'journalist'?" in d["message"]
    # the same message as `weerbaar lint`
    (lint,) = check_text(BROKEN, "x.yaml")[1]
    assert d["message"] == f"{lint.message} ({lint.hint})"


def test_a_fix_as_you_type_clears_the_diagnostics(tmp_path):
    client = Client()
    try:
        client.initialize()
        uri = (tmp_path / "v.yaml").as_uri()
        client.open(uri, BROKEN)
        assert client.diagnostics(uri, 1)
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": SOURCE}]})
        assert client.diagnostics(uri, 2) == []
    finally:
        client.close()


def test_completion_after_goto_offers_scenes_and_endings(server):
    line, char = line_of(BROKEN, "goto: journalsit")
    r = server.request("textDocument/completion", {"textDocument": {"uri": server.uri},
                                                   "position": {"line": line, "character": char + 6}})
    labels = {i["label"] for i in r["result"]["items"]}
    assert {"begin", "journalist", "avond", "goed", "gemengd", "slecht"} <= labels
    assert "vertrouwen" not in labels


def test_completion_inside_a_condition_offers_meters_flags_and_functions(server):
    r = at(server, "textDocument/completion", BROKEN, '"vertrouwen >= 60"', offset=1)
    labels = {i["label"] for i in r["result"]["items"]}
    assert {"vertrouwen", "rust", "pers_ingelicht", "visited()", "chosen()"} <= labels
    assert "begin" not in labels


def test_completion_after_speaker_offers_characters(server):
    r = at(server, "textDocument/completion", BROKEN, "speaker: sanne", offset=9)
    assert {i["label"] for i in r["result"]["items"]} == {"sanne", "ahmed"}


def test_definition_of_a_goto_target_is_the_scene(server):
    r = at(server, "textDocument/definition", BROKEN, "goto: avond", offset=7)
    line, char = line_of(BROKEN, "  avond:")
    assert r["result"]["range"]["start"] == {"line": line, "character": char + 2}


def test_definition_of_a_meter_in_a_condition(server):
    r = at(server, "textDocument/definition", BROKEN, "vertrouwen >= 60", offset=2)
    line, char = line_of(BROKEN, "  vertrouwen: {label")
    assert r["result"]["range"]["start"] == {"line": line, "character": char + 2}


def test_references_of_a_flag(server):
    r = at(server, "textDocument/references", BROKEN, "[pers_ingelicht]", offset=1,
           context={"includeDeclaration": True})
    lines = sorted(loc["range"]["start"]["line"] for loc in r["result"])
    assert lines == sorted([line_of(BROKEN, "pers_ingelicht")[0],
                            line_of(BROKEN, "pers_ingelicht", 1)[0],
                            line_of(BROKEN, "pers_ingelicht", 2)[0]])


def test_hover_on_a_scene_shows_its_text_and_the_choices_that_lead_there(server):
    r = at(server, "textDocument/hover", BROKEN, "goto: avond", offset=7)
    value = r["result"]["contents"]["value"]
    assert "scene `avond`" in value
    assert "'s Avonds gaat het gerucht nog steeds rond." in value
    assert "choice 'uitleggen' in scene 'journalist'" in value
    assert "choice 'geen_commentaar' in scene 'journalist'" in value


def test_hover_on_a_meter_shows_its_range_and_who_changes_it(server):
    r = at(server, "textDocument/hover", BROKEN, "vertrouwen >= 60", offset=2)
    value = r["result"]["contents"]["value"]
    assert "range 0..100" in value and "starts at 50" in value
    assert "+5 by choice 'navragen' in scene 'begin'" in value
    assert "-15 by choice 'geen_commentaar' in scene 'journalist'" in value


def test_rename_a_meter_everywhere_and_the_file_still_checks(server):
    r = at(server, "textDocument/rename", BROKEN, "vertrouwen >= 60", offset=2,
           newName="draagvlak")
    edits = r["result"]["changes"][server.uri]
    renamed = apply(BROKEN, edits).replace("goto: journalsit", "goto: journalist")
    assert "vertrouwen" not in renamed.replace("nl: Vertrouwen", "")
    scenario, diagnostics = check_text(renamed, "x.yaml")
    assert scenario is not None and "draagvlak" in scenario.meters, diagnostics


def test_rename_a_scene_renames_gotos_and_conditions(server):
    r = at(server, "textDocument/rename", BROKEN, "  begin:", offset=3, newName="ochtend")
    renamed = apply(BROKEN, r["result"]["changes"][server.uri])
    assert "start: ochtend" in renamed and "chosen(ochtend, reageren)" in renamed


def test_rename_to_a_taken_or_invalid_name_is_refused(server):
    for name in ("rust", "9x", "and"):
        r = at(server, "textDocument/rename", BROKEN, "vertrouwen >= 60", offset=2, newName=name)
        assert "error" in r and r["error"]["message"], name


def test_outline_lists_scenes_with_choices_and_endings(server):
    r = server.request("textDocument/documentSymbol", {"textDocument": {"uri": server.uri}})
    names = [s["name"] for s in r["result"]]
    assert names == ["begin", "journalist", "avond", "goed", "gemengd", "slecht"]
    assert [c["name"] for c in r["result"][0]["children"]] == ["reageren", "navragen"]


def test_other_yaml_files_get_no_diagnostics(server, tmp_path):
    uri = (tmp_path / "ci.yaml").as_uri()
    server.open(uri, "jobs:\n  test: {runs-on: ubuntu}\n")
    r = server.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert r["result"] == []
    assert not [m for m in server.notifications if (m.get("params") or {}).get("uri") == uri]


def test_the_explorers_findings_follow_on_open_and_save(server, tmp_path):
    text = SOURCE.replace('      - id: geen_commentaar\n',
                          '      - id: geen_commentaar\n        if: "pers_ingelicht"\n', 1)
    uri = (tmp_path / "v.yaml").as_uri()
    server.open(uri, text)
    first = server.diagnostics(uri)
    assert "explore" not in [d.get("code") for d in first]  # the checker's come first
    found = server.diagnostics(uri)
    explored = [d for d in found if d.get("code") == "explore"]
    assert explored and explored[0]["source"] == "weerbaar explore"
    messages = {d["message"].split(" is never")[0]: d for d in explored}
    assert set(messages) == {"choice 'geen_commentaar' in scene 'journalist'", "ending 'slecht'"}
    line, _ = line_of(text, "      - id: geen_commentaar")
    assert messages["choice 'geen_commentaar' in scene 'journalist'"]["range"]["start"]["line"] \
        == line
    line, char = line_of(text, "  slecht:")
    assert messages["ending 'slecht'"]["range"]["start"] == {"line": line, "character": char + 2}
    assert [d for d in found if d.get("code") != "explore"] == first
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert server.diagnostics(uri) == first
    assert [d.get("code") for d in server.diagnostics(uri)].count("explore") == len(explored)


def test_rename_reaches_the_transcripts_beside_the_scenario(server, tmp_path):
    (tmp_path / "v.yaml").write_text(SOURCE, encoding="utf-8")
    transcripts = (ROOT / "scenarios" / "voorbeeld.transcripts.yaml").read_text(encoding="utf-8")
    (tmp_path / "v.transcripts.yaml").write_text(transcripts, encoding="utf-8")
    uri, t_uri = (tmp_path / "v.yaml").as_uri(), (tmp_path / "v.transcripts.yaml").as_uri()
    server.open(uri, SOURCE)
    line, char = line_of(SOURCE, "  goed:")
    r = server.request("textDocument/rename", {"textDocument": {"uri": uri},
                                               "position": {"line": line, "character": char + 3},
                                               "newName": "opgelost"})
    changes = r["result"]["changes"]
    renamed = apply(transcripts, changes[t_uri])
    assert "scenes: [begin, journalist, avond, opgelost]" in renamed
    code = "\n".join(l for l in renamed.splitlines() if not l.lstrip().startswith("#"))
    assert "ending: opgelost" in renamed and "goed" not in code  # comments are the author's
    scenario_text = apply(SOURCE, changes[uri])
    (tmp_path / "v.yaml").write_text(scenario_text, encoding="utf-8")
    (tmp_path / "v.transcripts.yaml").write_text(renamed, encoding="utf-8")
    assert check_transcripts_file(str(tmp_path / "v.transcripts.yaml")) == []
    line, char = line_of(SOURCE, "vertrouwen >= 60")
    r = server.request("textDocument/rename", {"textDocument": {"uri": uri},
                                               "position": {"line": line, "character": char + 2},
                                               "newName": "draagvlak"})
    assert "meters: {draagvlak: 65, rust: 40}" in apply(transcripts, r["result"]["changes"][t_uri])


def test_columns_are_utf16_units_after_an_emoji(server, tmp_path):
    text = ("format: 1\nid: e\ntitle: E\nlanguages: [nl]\nstart: a\nscenes:\n  a:\n    text: A\n"
            "    choices:\n      - {id: x, text: \"🙊🙊\", goto: b}\n"
            "      - {id: y, text: \"🙊\", goto: bb}\n"
            "  b: {text: B, next: [{goto: einde}]}\nendings:\n  einde: {title: E, text: E}\n")
    uri = (tmp_path / "emoji.yaml").as_uri()
    server.open(uri, text)
    (d,) = [d for d in server.diagnostics(uri) if d["code"] == "E012"]
    line, char = line_of(text, "bb}")
    assert d["range"] == {"start": {"line": line, "character": char + 1},  # 🙊 is 2 units
                          "end": {"line": line, "character": char + 3}}
    line, char = line_of(text, "b}")
    r = server.request("textDocument/definition", {"textDocument": {"uri": uri}, "position":
                                                   {"line": line, "character": char + 2}})
    assert r["result"]["range"]["start"] == {"line": 11, "character": 2}


def test_a_transcripts_file_is_checked_against_its_scenario(server, tmp_path):
    (tmp_path / "v.yaml").write_text(SOURCE, encoding="utf-8")
    transcripts = (ROOT / "scenarios" / "voorbeeld.transcripts.yaml").read_text(encoding="utf-8")
    broken = transcripts.replace("ending: slecht", "ending: slehct")
    uri = (tmp_path / "v.transcripts.yaml").as_uri()
    server.open(uri, broken)
    (d,) = server.diagnostics(uri)
    line, char = line_of(broken, "slehct")
    assert d["code"] == "E012" and d["range"]["start"] == {"line": line, "character": char}
    assert "did you mean 'slecht'?" in d["message"]
    r = server.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                   "position": {"line": 2, "character": 0}})
    assert r["result"]["items"] == []
