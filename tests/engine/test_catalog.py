"""Translators' files: PO export/import round trip, msgfmt --check, and what lint reports."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
import yaml

from weerbaar.cli import run as cli_run
from weerbaar.engine import check_file
from weerbaar.engine.diagnostics import DiagnosticCollector
from weerbaar.engine.textslots import slots
from weerbaar.engine.yamlsource import YList, YMap, read_yaml

ROOT = Path(__file__).resolve().parents[2]
VOORBEELD = ROOT / "scenarios" / "voorbeeld.yaml"


def msgfmt_check(path: Path) -> str:
    """GNU gettext's own check; its warnings count as failures too."""
    exe = shutil.which("msgfmt")
    assert exe, "GNU gettext's msgfmt is needed: apt-get install gettext"
    done = subprocess.run([exe, "--check", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and not done.stderr, done.stderr
    return done.stderr


def plain(value, lang="nl"):
    """The located YAML as plain data with only ``lang`` kept in every text."""
    if isinstance(value, YMap):
        return {k: plain(v, lang) for k, v in value.items()}
    if isinstance(value, YList):
        return [plain(v, lang) for v in value]
    return value


def dutch_only(source: Path, target: Path) -> None:
    """The scenario with its English texts taken out (what an author writes with a catalog)."""
    doc = read_yaml(source.read_text(encoding="utf-8"), DiagnosticCollector(str(source)))
    for s in slots(doc):
        v = s.value
        if isinstance(v, YMap):
            del v["en"]
            if "if" not in v:
                s.container[s.key] = v["nl"]
    target.write_text(yaml.safe_dump(plain(doc), allow_unicode=True, sort_keys=False),
                      encoding="utf-8")


def texts(scenario, lang):
    out = {"title": scenario.title.get(lang)}
    for sid, scene in scenario.scenes.items():
        out[sid] = [v.text.get(lang) for v in scene.text]
        for c in scene.choices:
            out[f"{sid}/{c.id}"] = (c.text.get(lang), c.feedback.get(lang), c.debrief.get(lang))
        out[f"{sid}/posts"] = [p.text.get(lang) for p in scene.posts]
        out[f"{sid}/debrief"] = scene.debrief.get(lang) if scene.debrief else None
    for eid, ending in scenario.endings.items():
        out[eid] = (ending.title.get(lang), [v.text.get(lang) for v in ending.text],
                    [q.get(lang) for q in ending.debrief_questions])
    out["meters"] = [m.label.get(lang) for m in scenario.meters.values()]
    return out


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_export_of_a_two_language_scenario_passes_msgfmt_check(folder):
    assert cli_run(["po", "export", str(VOORBEELD), "--lang", "en", "-o", "en.po"]) == 0
    msgfmt_check(folder / "en.po")
    po = polib.pofile("en.po")
    assert po.percent_translated() == 100
    entry = po.find("scenes/begin/choices/reageren/feedback", by="msgctxt")
    assert entry.msgid.startswith("Je reactie wordt doorgestuurd.")
    assert entry.msgstr.startswith("Your reply is forwarded.")
    assert "choice 'reageren' in scene 'begin'" in entry.comment
    variant = po.find("scenes/journalist/text/1", by="msgctxt")
    assert "shown when: chosen(begin, reageren)" in variant.comment
    assert len({e.msgctxt for e in po}) == len(po)


def test_round_trip_a_dutch_only_scenario_plays_the_same_english(folder):
    cli_run(["po", "export", str(VOORBEELD), "--lang", "en", "-o", "vertaling.po"])
    dutch_only(VOORBEELD, folder / "kort.yaml")
    assert "Your reply" not in (folder / "kort.yaml").read_text(encoding="utf-8")
    assert cli_run(["po", "import", "kort.yaml", "vertaling.po"]) == 0
    msgfmt_check(folder / "kort.en.po")
    scenario, diagnostics = check_file("kort.yaml")
    assert diagnostics == [] and scenario is not None
    original, _ = check_file(str(VOORBEELD))
    assert texts(scenario, "en") == texts(original, "en")
    assert texts(scenario, "nl") == texts(original, "nl")


def test_lint_reports_untranslated_and_outdated_strings(folder, capsys):
    dutch_only(VOORBEELD, folder / "kort.yaml")
    assert cli_run(["po", "export", "kort.yaml", "--lang", "en"]) == 0
    msgfmt_check(folder / "kort.en.po")
    po = polib.pofile("kort.en.po")
    for e in po:
        e.msgstr = f"EN {e.msgid}"
    po.find("endings/goed/title", by="msgctxt").msgstr = ""
    po.save("kort.en.po")
    source = (folder / "kort.yaml").read_text(encoding="utf-8")
    (folder / "kort.yaml").write_text(source.replace("Het dorp weet wat er speelt.",
                                                     "Het hele dorp weet wat er speelt."),
                                      encoding="utf-8")
    capsys.readouterr()
    assert cli_run(["lint", "kort.yaml"]) == 0
    out = capsys.readouterr().out
    assert "warning[W013]: kort.en.po: 1 text not translated into 'en', the first: " \
           "the title of ending 'goed'" in out
    assert "warning[W014]: kort.en.po: 'endings/goed/text' was translated from an older " \
           "source text" in out
    assert cli_run(["lint", "--strict", "kort.yaml"]) == 1
    scenario, _ = check_file("kort.yaml")
    assert scenario.endings["goed"].title.get("en") == "Het gerucht dooft uit"  # the source shows
    assert scenario.endings["gemengd"].title.get("en") == "EN Onrust blijft"
    # a new export keeps the old translation, fuzzy, with the old source beside the new
    assert cli_run(["po", "export", "kort.yaml", "--lang", "en"]) == 0
    msgfmt_check(folder / "kort.en.po")
    entry = polib.pofile("kort.en.po").find("endings/goed/text", by="msgctxt")
    assert "fuzzy" in entry.flags and entry.previous_msgid == "Het dorp weet wat er speelt."
    assert entry.msgstr == "EN Het dorp weet wat er speelt."


def test_export_refuses_the_source_and_undeclared_languages(folder, capsys):
    assert cli_run(["po", "export", str(VOORBEELD), "--lang", "nl"]) == 2
    assert cli_run(["po", "export", str(VOORBEELD), "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert "'nl' is the source language" in err and "add it to 'languages:' first" in err


def test_a_broken_catalog_is_a_clear_error_not_a_traceback(folder, capsys):
    shutil.copy(VOORBEELD, folder / "v.yaml")
    (folder / "v.en.po").write_text('msgid "a"\nmsgstr "b"\nnot a PO line\n', encoding="utf-8")
    assert cli_run(["lint", "v.yaml"]) == 2
    out = capsys.readouterr().out
    assert out.startswith("v.en.po:3:1: error[E025]: cannot read the catalog v.en.po: "
                          "Syntax error (check it with 'msgfmt --check')")
    (folder / "v.en.po").rename(folder / "x.po")
    assert cli_run(["po", "import", "v.yaml", "x.po"]) == 2
    assert "error: cannot read x.po: Syntax error" in capsys.readouterr().err


def test_import_takes_the_language_from_the_header_or_asks_for_it(folder, capsys):
    shutil.copy(VOORBEELD, folder / "v.yaml")
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.save("x.po")
    assert cli_run(["po", "import", "v.yaml", "x.po"]) == 2
    assert "names no language (give --lang)" in capsys.readouterr().err
    assert cli_run(["po", "import", "v.yaml", "x.po", "--lang", "en"]) == 0
    assert (folder / "v.en.po").is_file()


TRICKY = ['Hij zegt: "Klopt niet!"', "Een \\ backslash en een\ttab", "Twee\nregels\n",
          "100% zeker, %s en {{naam}}", "Emoji 🙊 en é, ĳ", "#geen commentaar", "  spaties  "]


def test_tricky_texts_survive_the_round_trip_and_msgfmt(folder):
    doc = {"format": 1, "id": "lastig", "title": TRICKY[0], "languages": ["nl", "en"],
           "start": "a", "scenes": {"a": {"text": TRICKY[1], "debrief": {
               "nl": TRICKY[2], "en": "Two\nlines"}, "choices": [
               {"id": "x", "text": TRICKY[3], "feedback": TRICKY[4], "goto": "einde"}]}},
           "endings": {"einde": {"title": TRICKY[5], "text": TRICKY[6],
                                 "debrief_questions": ["Wat nu?"]}}}
    (folder / "lastig.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert cli_run(["po", "export", "lastig.yaml", "--lang", "en"]) == 0
    msgfmt_check(folder / "lastig.en.po")
    po = polib.pofile("lastig.en.po")
    assert sorted(e.msgid for e in po) == sorted([*TRICKY, "Wat nu?"])
    # '|' in one language and '|-' in the other: the edges are matched for msgfmt
    assert po.find("scenes/a/debrief", by="msgctxt").msgstr == "Two\nlines\n"
    for e in po:
        e.msgstr = "EN:" + e.msgid
    po.save("vertaald.po")
    msgfmt_check(folder / "vertaald.po")
    assert cli_run(["po", "import", "lastig.yaml", "vertaald.po"]) == 0
    scenario, diagnostics = check_file("lastig.yaml")
    assert diagnostics == []
    assert scenario.title.get("en") == "EN:" + TRICKY[0]
    assert scenario.scenes["a"].debrief.get("en") == "Two\nlines"  # written in the YAML: wins
    assert scenario.scenes["a"].choices[0].text.get("en") == "EN:" + TRICKY[3]
    assert scenario.endings["einde"].text[0].text.get("en") == "EN:" + TRICKY[6]
