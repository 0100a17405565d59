"""The store's user-facing words, in Dutch and English. ``tr(lang, key, **values)``.

They are gettext catalogs in ``debrief/locale/`` (``messages.pot`` the Dutch source, ``en.po``
the English; see ``engine.uistrings``); a new language is a new ``LANG.po`` there. An
unknown language gets English, as reports are read by people of any language.
"""
from __future__ import annotations

from pathlib import Path

from ..engine.uistrings import UiStrings

CATALOGS = UiStrings(Path(__file__).resolve().parent / "locale", source="nl", fallback="en")
LANGUAGES = CATALOGS.languages


def lang_of(lang: str | None) -> str:
    return lang if lang in CATALOGS.languages else "en"


def tr(lang: str | None, key: str, **values) -> str:
    return CATALOGS.tr(lang_of(lang), key, **values)
