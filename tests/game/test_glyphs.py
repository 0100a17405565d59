"""Every character of the shipped scenarios and of the interface has a glyph in the fonts
the game loads (the main font, or a fallback for emoji and symbols): no empty boxes, and
the Dutch Ĳ/ĳ is drawn."""
from __future__ import annotations

import pygame
import pytest

from weerbaar.game.i18n import CATALOGS
from weerbaar.game.text import MAIN_STYLES, TextRenderer

from .conftest import ROOT


def shipped_characters() -> set[str]:
    chars: set[str] = set()
    for path in (ROOT / "scenarios").glob("*.yaml"):
        chars |= set(path.read_text(encoding="utf-8"))
    for lang in CATALOGS.languages:
        for text in CATALOGS.table(lang).values():
            chars |= set(text)
    return {c for c in chars if c.isprintable() and not c.isspace()}


@pytest.fixture(scope="module")
def renderer():
    pygame.font.init()
    return TextRenderer()


def test_every_shipped_character_has_a_glyph(renderer):
    chars = shipped_characters() | set("ĲĳĲsclub Meer-Ĳzerman")
    missing = {style: sorted(c for c in chars if not renderer.covers(c, style))
               for style in MAIN_STYLES}
    assert missing == {style: [] for style in MAIN_STYLES}


def test_the_ij_ligature_is_in_the_main_font_not_a_box(renderer):
    for style in MAIN_STYLES:
        assert renderer.runs("Meer-Ĳzerman", style) == [(style, "Meer-Ĳzerman")]
    font = renderer.font(40)
    box = pygame.image.tobytes(font.render("\ue000", True, (0, 0, 0)), "RGBA")
    assert pygame.image.tobytes(font.render("Ĳ", True, (0, 0, 0)), "RGBA") != box


def test_a_character_no_font_has_is_reported_missing(renderer):
    assert not renderer.covers("\ue000")  # private use: in no font
