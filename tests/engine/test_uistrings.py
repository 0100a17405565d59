"""The interface strings of the game, the store and the terminal player as gettext
catalogs: msgfmt accepts them, every language has every key, and a new language is one new
PO file."""
from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from weerbaar.engine.uistrings import TEMPLATE, UiStrings

from .test_catalog import msgfmt_check

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = [ROOT / "game" / "locale", ROOT / "debrief" / "locale", ROOT / "cli" / "locale"]
CATALOG_FILES = [p for folder in FOLDERS for p in sorted(folder.glob("*.po*"))]


@pytest.mark.parametrize("path", CATALOG_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_msgfmt_check_accepts_every_catalog_placeholders_included(path):
    msgfmt_check(path)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.parent.name)
def test_every_language_translates_every_string_of_the_template(folder):
    template = polib.pofile(str(folder / TEMPLATE))
    keys = [e.msgctxt for e in template]
    assert len(keys) == len(set(keys)) and all(keys)
    for po_path in folder.glob("*.po"):
        po = polib.pofile(str(po_path))
        assert [e.msgctxt for e in po] == keys, po_path
        assert [e.msgid for e in po] == [e.msgid for e in template], po_path
        assert po.percent_translated() == 100 and not po.fuzzy_entries(), po_path


def test_the_tables_answer_as_before():
    from weerbaar.cli.play import UI
    from weerbaar.game.i18n import lang_name, own_name, tr
    from weerbaar.debrief.i18n import tr as store_tr
    assert tr("nl", "scenarios_hint", n=3) == "Kies een scenario: klik erop of toets 1–3"
    assert tr("en", "scenarios_hint", n=3) == "Choose a scenario: click it or press 1–3"
    assert tr("xx", "quit") == "Afsluiten"  # the game: Dutch for an unknown language
    assert store_tr("xx", "yes") == "yes" and store_tr("nl", "yes") == "ja"  # the store: English
    assert UI.table("en")["choose"] == "Choose" and UI.table("nl")["choose"] == "Kies"
    assert (own_name("nl"), own_name("en")) == ("Nederlands", "English")
    assert lang_name("nl", "xx") == "XX"
    with pytest.raises(KeyError, match="no interface string 'nope'"):
        tr("nl", "nope")


def test_a_new_language_is_one_new_po_file(tmp_path):
    folder = tmp_path / "locale"
    shutil.copytree(ROOT / "game" / "locale", folder)
    po = polib.pofile(str(folder / TEMPLATE))
    po.metadata["Language"] = "fy"
    for e in po:
        e.msgstr = {"lang_self": "Frysk", "quit": "Ôfslute"}.get(e.msgctxt, "")
    po.save(str(folder / "fy.po"))
    msgfmt_check(folder / "fy.po")
    strings = UiStrings(folder)
    assert strings.languages == ("nl", "en", "fy")
    assert strings.tr("fy", "lang_self") == "Frysk" and strings.tr("fy", "quit") == "Ôfslute"
    assert strings.tr("fy", "settings") == "Instellingen"  # untranslated: the source shows


def test_a_translation_of_an_older_source_text_shows_the_source(tmp_path):
    folder = tmp_path / "locale"
    shutil.copytree(ROOT / "debrief" / "locale", folder)
    template = polib.pofile(str(folder / TEMPLATE))
    template.find("yes", by="msgctxt").msgid = "jawel"
    template.save()
    strings = UiStrings(folder, fallback="en")
    assert strings.tr("en", "yes") == "jawel" and strings.tr("en", "no") == "no"


def test_msgfmt_refuses_a_translation_that_loses_a_placeholder(tmp_path):
    import subprocess
    po = polib.pofile(str(ROOT / "debrief" / "locale" / "en.po"))
    entry = po.find("step", by="msgctxt")
    assert "python-brace-format" in entry.flags
    entry.msgstr = "step {m}"
    po.save(str(tmp_path / "bad.po"))
    done = subprocess.run([shutil.which("msgfmt"), "--check", "-o", "/dev/null",
                           str(tmp_path / "bad.po")], capture_output=True, text=True)
    assert done.returncode != 0 and "'m'" in done.stderr
