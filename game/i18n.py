"""Every string of the interface, in Dutch (the default) and English.

Scenario texts come from the scenario; only the game's own words live here, one module per
language (``i18n_nl.py``, ``i18n_en.py``) with the same keys. ``tr(lang, key, **values)``
formats one; an unknown language or key falls back to Dutch.
"""
from __future__ import annotations

from .i18n_en import EN
from .i18n_nl import NL

DEFAULT = "nl"

STRINGS: dict[str, dict[str, str]] = {
    "nl": NL,
    "en": EN,
}


def tr(lang: str, key: str, /, **values) -> str:
    table = STRINGS.get(lang, STRINGS[DEFAULT])
    text = table.get(key, STRINGS[DEFAULT][key])
    return text.format(**values) if values else text


def lang_name(ui_lang: str, code: str) -> str:
    """The name of language ``code`` in the interface language (unknown codes as they are)."""
    key = f"lang_name_{code}"
    return tr(ui_lang, key) if key in STRINGS[DEFAULT] else code.upper()
