"""Every string of the interface, in Dutch (the default) and English: gettext catalogs in
``game/locale/`` (``messages.pot`` the Dutch source, ``en.po`` the English; see
``engine.uistrings``). A new interface language is a new ``LANG.po`` there.

Scenario texts come from the scenario; only the game's own words live here.
``tr(lang, key, **values)`` formats one; an unknown language, or a string a catalog does
not translate, falls back to Dutch.
"""
from __future__ import annotations

from pathlib import Path

from ..engine.uistrings import UiStrings

DEFAULT = "nl"
CATALOGS = UiStrings(Path(__file__).resolve().parent / "locale", source=DEFAULT)


def tr(lang: str, key: str, /, **values) -> str:
    return CATALOGS.tr(lang, key, **values)


def own_name(code: str) -> str:
    """An interface language's name in that language ("Nederlands", "English"), as offered."""
    return tr(code, "lang_self")


def lang_name(ui_lang: str, code: str) -> str:
    """The name of language ``code`` in the interface language (unknown codes as they are)."""
    key = f"lang_name_{code}"
    return tr(ui_lang, key) if CATALOGS.has(key) else code.upper()
