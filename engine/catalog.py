"""Translators' files: a scenario's texts as a gettext PO catalog, read beside the scenario.

``NAME.LANG.po`` beside ``NAME.yaml`` holds the texts of one language: each entry has the
source text (the first of ``languages:``, usually Dutch) as ``msgid``, the text's stable
name (``scenes/begin/choices/reageren/text``) as ``msgctxt``, and a note for the translator
(which scene, which choice, when a variant is shown). When the scenario is loaded, texts
that the YAML does not give in a language are filled from its catalog; a text written in the
YAML itself wins. Like gettext, an untranslated or outdated entry shows the source text,
and the checker says so (W013, W014).

Reading the catalog beside the scenario, rather than writing translations back into the
YAML, keeps the author's file in one language (half the length, comments and layout never
rewritten by a tool) and the translator's file in the format their tools (Poedit, Weblate,
Lokalize) edit, and lets the checker compare the two at any time.

Inline conditional text (``{if vertrouwen >= 60: ...}``, see ``engine.inline``) stays in
the msgid as written; the note tells the translator to keep the markup and translate only
the text in it. A translation whose conditions differ from its source's (a block dropped,
a condition changed, a brace unbalanced) is reported (W015) and the source is shown.

PO files are written and read by polib; GNU gettext's ``msgfmt --check`` accepts them.
"""
from __future__ import annotations

import re
from pathlib import Path

import polib

from .diagnostics import Diagnostic, DiagnosticCollector
from .inline import has_markup, signature
from .textslots import Slot, slots
from .yamlsource import YList, YMap

WRAP = 78
MARKUP_NOTE = ("Keep the {if ...: ...} and {else: ...} parts and their conditions as they are; "
               "translate only the text after each colon. '{{' and '}}' are braces.")


class CatalogError(ValueError):
    """A catalog file cannot be read; the message says which and why, ``line`` where."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


def catalog_path(scenario_path: str | Path, lang: str) -> Path:
    p = Path(scenario_path)
    return p.with_name(f"{p.name.removesuffix('.yaml').removesuffix('.yml')}.{lang}.po")


def languages(doc) -> list[str]:
    langs = doc.get("languages") if isinstance(doc, YMap) else None
    out = [x for x in langs if isinstance(x, str)] if isinstance(langs, YList) else []
    return out or ["nl"]


def read(path: str | Path) -> polib.POFile:
    try:
        return polib.pofile(str(path), wrapwidth=WRAP)
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # polib raises IOError on syntax
        line = re.search(r"\(line (\d+)\)", str(exc))
        reason = "it is not valid UTF-8" if isinstance(exc, UnicodeDecodeError) else \
            re.sub(r" in po file .*? \(line \d+\)", "", str(exc))
        raise CatalogError(f"{Path(path).name}: {reason}", int(line.group(1)) if line else 0) \
            from None


def build(doc: YMap, lang: str, scenario_file: str,
          previous: polib.POFile | None = None) -> polib.POFile:
    """A catalog of every text for ``lang``: translations from the YAML or ``previous``.

    An entry of ``previous`` whose source text has changed keeps its translation, marked
    fuzzy with the old source (``#| msgid``), as ``msgmerge`` does: the translator sees
    what changed and checks the translation.
    """
    source_lang = languages(doc)[0]
    po = polib.POFile(wrapwidth=WRAP)
    po.header = (f"{lang} texts of the Weerbaar scenario '{doc.get('id', '')}'. The msgid is the "
                 f"{source_lang} source; the\nmsgctxt names the text; the note says where it "
                 "is shown. Made by 'weerbaar po export'.")
    po.metadata = _header(doc, lang, previous)
    old = {e.msgctxt: e for e in previous or () if not e.obsolete}
    name = Path(scenario_file).name
    for s in slots(doc):
        source = s.source(source_lang)
        if not source or not source.strip():
            continue
        note = f"{s.note}\n{MARKUP_NOTE}" if has_markup(source) else s.note
        entry = polib.POEntry(msgctxt=s.context, msgid=source, msgstr="", comment=note,
                              occurrences=[(name, str(s.source_pos(source_lang)[0]))])
        before = old.get(s.context)
        if s.written_in(lang):
            entry.msgstr = _same_edges(source, s.value[lang])
        elif before is not None and before.msgstr:
            entry.msgstr = _same_edges(source, before.msgstr)
            if before.msgid != source or "fuzzy" in before.flags:
                entry.flags.append("fuzzy")
                entry.previous_msgid = before.previous_msgid if before.msgid == source \
                    else before.msgid
        po.append(entry)
    return po


def _same_edges(source: str, text: str) -> str:
    """msgfmt --check wants a translation to begin and end with a newline exactly when its
    source does (a '|' block in one language and '|-' in the other would differ)."""
    if source.startswith("\n") != text.startswith("\n"):
        text = "\n" + text if source.startswith("\n") else text.lstrip("\n")
    if source.endswith("\n") != text.endswith("\n"):
        text = text + "\n" if source.endswith("\n") else text.rstrip("\n")
    return text


def _header(doc: YMap, lang: str, previous: polib.POFile | None) -> dict[str, str]:
    """The header msgfmt --check wants; the translator's own fields are kept."""
    kept = previous.metadata if previous is not None else {}
    return {
        "Project-Id-Version": f"weerbaar {doc.get('id', '')} {doc.get('version', '')}".strip(),
        "PO-Revision-Date": kept.get("PO-Revision-Date", ""),
        "Last-Translator": kept.get("Last-Translator", ""),
        "Language-Team": kept.get("Language-Team", ""),
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
        "X-Generator": "weerbaar po export",
    }


def apply(doc, scenario_path: str, collector: DiagnosticCollector) -> None:
    """Fill the texts the YAML lacks from the catalogs beside ``scenario_path``."""
    if not isinstance(doc, YMap) or not Path(scenario_path).is_file():
        return
    langs = languages(doc)
    for lang in langs[1:]:
        path = catalog_path(scenario_path, lang)
        if not path.is_file():
            continue
        try:
            po = read(path)
        except CatalogError as exc:  # reported at its own place in the catalog
            collector.items.append(Diagnostic("E025", f"cannot read the catalog {exc}", str(path),
                                           exc.line, 1 if exc.line else 0,
                                           "check it with 'msgfmt --check'"))
            continue
        fill(doc, po, lang, langs[0], path.name, collector)


def fill(doc: YMap, po: polib.POFile, lang: str, source_lang: str, name: str,
         collector: DiagnosticCollector) -> None:
    entries = {e.msgctxt: e for e in po if not e.obsolete}
    untranslated: list[Slot] = []
    for s in slots(doc):
        source = s.source(source_lang)
        if not source or not source.strip() or s.written_in(lang):
            continue
        e = entries.get(s.context)
        if e is None or not e.msgstr:
            untranslated.append(s)
            s.fill(lang, source, source_lang)  # as gettext does: the source is shown
        elif has_markup(source + e.msgstr) and signature(e.msgstr) != signature(source):
            _other_conditions(collector, e, s, name, lang, source_lang)
            s.fill(lang, source, source_lang)
        elif e.msgid != source or "fuzzy" in e.flags:
            collector.warn("W014", f"{name}: '{s.context}' was translated from an older source "
                        "text", s.source_pos(source_lang),
                        "the source shows until the translator checks it; 'weerbaar po export' "
                        "marks it fuzzy, with the old source beside the new")
            s.fill(lang, source, source_lang)
        else:
            s.fill(lang, e.msgstr, source_lang)
    if untranslated:
        first = untranslated[0]
        n = len(untranslated)
        collector.warn("W013", f"{name}: {n} text{'s' * (n != 1)} not translated into '{lang}', "
                    f"the first: {first.note}", first.source_pos(source_lang),
                    "translate them in the catalog; until then the source text is shown")


def _other_conditions(collector: DiagnosticCollector, entry: polib.POEntry, slot: Slot, name: str,
                      lang: str, source_lang: str) -> None:
    """W015 at the source text (as W013 and W014 are, so that editors show it in the
    scenario), naming the catalog's entry: its conditions (or markup) are not the source's."""
    got, want = signature(entry.msgstr), signature(entry.msgid)
    why = got if isinstance(got, str) else \
        "it asks " + (", ".join(f"'{c}'" for c in got) or "no condition") + " instead of " + \
        (", ".join(f"'{c}'" for c in want) if isinstance(want, list) else "the source's")
    collector.warn("W015", f"{name}:{entry.linenum}: the '{lang}' translation of '{slot.context}' "
                f"has other conditional text than its source: {why}",
                slot.source_pos(source_lang),
                "keep every '{if ...}' part and its condition as in the msgid; until then the "
                "source text is shown")
