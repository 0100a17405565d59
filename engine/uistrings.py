"""The interface's own words (the game's, the store's, the terminal's) as gettext catalogs.

Each package keeps its words in a folder of PO files: ``messages.pot`` holds every string
in the source language (Dutch): the key as ``msgctxt``, the text as ``msgid``; ``LANG.po``
beside it translates them (``msgstr``). A new interface language is one new PO file, made
from the template with any translators' tool (``msginit``, Poedit, Weblate); GNU gettext's
``msgfmt --check`` accepts them. Placeholders are Python's: ``{n}``, ``{scene}``.

The PO files are read when the interface first asks (polib, as the scenario catalogs are),
not compiled to ``.mo``: no build step, no generated binaries in the repository that can
fall behind their source, and reading the few hundred strings takes milliseconds. As in
gettext, an empty or fuzzy translation shows the source text.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import polib

TEMPLATE = "messages.pot"


class UiStrings:
    """The catalogs of one folder: ``tr(lang, key, **values)`` and the languages there are."""

    def __init__(self, folder: str | Path, source: str = "nl", fallback: str | None = None):
        self.folder, self.source = Path(folder), source
        self.fallback = fallback or source  # the language of an unknown language code

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.source, *sorted(p.stem for p in self.folder.glob("*.po")))

    def table(self, lang: str | None) -> dict[str, str]:
        """key -> text in ``lang`` (the fallback language when there is no such catalog)."""
        if lang not in self.languages:
            lang = self.fallback
        return _table(self.folder, lang, self.source)

    def has(self, key: str) -> bool:
        return key in _table(self.folder, self.source, self.source)

    def tr(self, lang: str | None, key: str, /, **values) -> str:
        text = self.table(lang).get(key)
        if text is None:  # a key not in the template is a programming error: say which
            raise KeyError(f"no interface string '{key}' in {self.folder / TEMPLATE}")
        return text.format(**values) if values else text


@lru_cache(maxsize=None)
def _table(folder: Path, lang: str, source: str) -> dict[str, str]:
    template = polib.pofile(str(folder / TEMPLATE))
    sources = {e.msgctxt: e.msgid for e in template if not e.obsolete}
    out = dict(sources)
    if lang != source:  # a translation of another source text than today's is outdated
        for e in polib.pofile(str(folder / f"{lang}.po")):
            if e.msgstr and not e.obsolete and "fuzzy" not in e.flags and \
                    sources.get(e.msgctxt) == e.msgid:
                out[e.msgctxt] = e.msgstr
    return out
