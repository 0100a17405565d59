"""Translators' files with inline conditional text: the markup goes out in the msgid with a
note, comes back in the translation, renders in the translated language, and a translation
whose conditions differ from its source's is reported (W015) and shows the source."""
from __future__ import annotations

import polib
import pytest

from weerbaar.cli import run as cli_run
from weerbaar.engine import check_file
from weerbaar.engine.catalog import MARKUP_NOTE
from weerbaar.engine.session import Session

from .test_catalog import msgfmt_check

SOURCE = """format: 1
id: bron
title: Bron
languages: [nl, en]
flags: [gebeld]
start: begin
scenes:
  begin:
    text: "Je kamer. {if gebeld: Je belde al.} De telefoon. {{stil}}"
    debrief: Bellen?
    choices:
      - id: bel
        text:
          - {if: gebeld, nl: Bel nog eens}
          - {nl: Bel}
        effects: {set: [gebeld]}
        feedback: "Ze neemt op{if gebeld: , alweer}."
        goto: begin
      - id: stop
        text: Stop
        feedback: Klaar.
        goto: einde
endings:
  einde: {title: Einde, text: "Klaar{if gebeld: , na het bellen}{else: , zonder te bellen}.", debrief_questions: [Nu?]}
"""

ENGLISH = {
    "Bron": "Source", "Bellen?": "Call?", "Bel nog eens": "Call again", "Bel": "Call",
    "Stop": "Stop", "Klaar.": "Done.", "Einde": "The end", "Nu?": "Now?",
    "Je kamer. {if gebeld: Je belde al.} De telefoon. {{stil}}":
        "Your office. {if gebeld: You called already.} The phone. {{silent}}",
    "Ze neemt op{if gebeld: , alweer}.": "She answers{if gebeld: , again}.",
    "Klaar{if gebeld: , na het bellen}{else: , zonder te bellen}.":
        "Done{if gebeld: , after calling}{else: , without calling}.",
}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bron.yaml").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def translated(folder, changes=None) -> polib.POFile:
    assert cli_run(["po", "export", "bron.yaml", "--lang", "en"]) == 0
    po = polib.pofile(str(folder / "bron.en.po"))
    for e in po:
        e.msgstr = (changes or {}).get(e.msgid, ENGLISH[e.msgid])
    po.save()
    msgfmt_check(folder / "bron.en.po")
    return polib.pofile(str(folder / "bron.en.po"))


def test_the_markup_goes_out_with_a_note_and_msgfmt_accepts_it(folder):
    assert cli_run(["po", "export", "bron.yaml", "--lang", "en"]) == 0
    msgfmt_check(folder / "bron.en.po")
    po = polib.pofile(str(folder / "bron.en.po"))
    text = po.find("scenes/begin/text", by="msgctxt")
    assert text.msgid == "Je kamer. {if gebeld: Je belde al.} De telefoon. {{stil}}"
    assert " ".join(MARKUP_NOTE.split()) in " ".join(text.comment.split())
    assert "{if" not in po.find("scenes/begin/debrief", by="msgctxt").comment
    # every variant of a choice's text is an entry of its own
    assert {e.msgctxt for e in po if e.msgctxt.startswith("scenes/begin/choices/bel/text")} == {
        "scenes/begin/choices/bel/text/1", "scenes/begin/choices/bel/text/2"}


def test_a_translation_that_keeps_the_markup_plays_in_english(folder):
    translated(folder)
    scenario, diagnostics = check_file("bron.yaml")
    assert diagnostics == []
    s = Session(scenario)
    assert s.view.text("en") == "Your office. The phone. {silent}"
    assert [s.view.choice_text(c, "en") for c in s.view.available_choices()] == ["Call", "Stop"]
    assert s.choose("bel").feedback_text("en") == "She answers, again."
    s.proceed()
    assert s.view.text("en") == "Your office. You called already. The phone. {silent}"
    assert s.view.choice_text(s.view.available_choices()[0], "en") == "Call again"
    s.choose("stop")
    s.proceed()
    assert s.view.text("en") == "Done, after calling."


@pytest.mark.parametrize("bad, why", [
    ("Your office. You called already. The phone. {{silent}}", "asks no condition instead "
     "of 'gebeld'"),
    ("Your office. {if not gebeld: You called already.} The phone. {{silent}}",
     "asks 'not gebeld' instead of 'gebeld'"),
    ("Your office. {if gebeld: You called already. The phone. {{silent}}",
     "'}' closes no conditional text"),
])
def test_a_translation_with_other_conditions_is_reported_and_shows_the_source(folder, bad, why):
    source = "Je kamer. {if gebeld: Je belde al.} De telefoon. {{stil}}"
    po = translated(folder, {source: bad}) if "closes no" not in why else None
    if po is None:  # msgfmt has no objection to braces: write it without the check
        assert cli_run(["po", "export", "bron.yaml", "--lang", "en"]) == 0
        po = polib.pofile(str(folder / "bron.en.po"))
        for e in po:
            e.msgstr = bad if e.msgid == source else ENGLISH[e.msgid]
        po.save()
        po = polib.pofile(str(folder / "bron.en.po"))
    scenario, diagnostics = check_file("bron.yaml")
    assert [d.code for d in diagnostics] == ["W015"]
    w = diagnostics[0]
    entry = po.find("scenes/begin/text", by="msgctxt")
    assert w.path.endswith("bron.yaml") and w.line == 9  # at the source, as W013/W014 are
    assert w.message.startswith(f"bron.en.po:{entry.linenum}: ")  # naming the entry
    assert why in w.message
    assert Session(scenario).view.text("en") == "Je kamer. De telefoon. {stil}"  # the source


def test_lint_reports_it_too(folder, capsys):
    source = "Ze neemt op{if gebeld: , alweer}."
    translated(folder, {source: "She answers, again."})
    assert cli_run(["lint", "bron.yaml"]) == 0
    out = capsys.readouterr()
    assert "warning[W015]" in out.out + out.err and "bron.en.po" in out.out + out.err
