"""Layout from 1280×720 to beyond 1920×1080: everything inside the window, text wrapped
inside its box, long text scrolled; and the pieces underneath (wrapping, input)."""
from __future__ import annotations

import pygame
import pytest
from hypothesis import given, settings, strategies as st

from weerbaar.game.input import InputMapper
from weerbaar.game.intents import Back, Choose, Confirm, Navigate, Resize, Scroll, TextSize, Undo
from weerbaar.game.screens.play import PlayScreen
from weerbaar.game.text import TextRenderer

from .conftest import SHOWCASE

SIZES = [(1280, 720), (1920, 1080), (2560, 1440), (1024, 768)]


@pytest.mark.parametrize("size", SIZES)
def test_play_screen_fits_every_window(driver, size):
    d = driver(SHOWCASE, size=size)
    play = d.top
    window = pygame.Rect(0, 0, *size)
    for b in play.focus.buttons:
        assert window.contains(b.rect)
        assert all(d.app.text.size(line, b.text_px(d.app.ui), b._font_style())[0]
                   <= b.rect.width for line in b._lines)
    assert window.contains(play.card)
    assert play.content.content.get_width() <= play.content.rect.width


def test_resize_event_lays_the_screen_out_again(driver):
    d = driver(SHOWCASE)
    small = d.top.focus.buttons[0].rect.copy()
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1920, h=1080, size=(1920, 1080)))
    d.step()
    assert pygame.display.get_surface().get_size() == (1920, 1080)
    big = d.top.focus.buttons[0].rect
    assert big.width > small.width and big.height > small.height


def test_long_text_scrolls_and_never_leaves_its_box(driver):
    d = driver(SHOWCASE)
    play = d.top
    for key in (pygame.K_1, pygame.K_RETURN, pygame.K_1, pygame.K_RETURN, pygame.K_RETURN,
                pygame.K_1, pygame.K_RETURN):
        d.key(key)
    assert play.session.scene_id == "lang"
    d.app.set_settings(d.app.settings.with_text_step(+2))
    d.step()
    assert play.content.overflows
    before = d.pixels(play.content.rect)
    d.wheel(play.content.rect.center, -3)
    assert play.content.offset > 0
    assert d.pixels(play.content.rect) != before
    d.key(pygame.K_END)
    assert play.content.offset == play.content.max_offset


def test_many_choices_scroll_in_their_column(driver, tmp_path):
    lines = ["format: 1", "id: veel", "title: Veel keuzes", "languages: [nl]", "start: a",
             "scenes:", "  a:", "    text: Kies maar.", "    choices:"]
    for i in range(16):  # more than fit, even in two close-set columns
        lines += [f"      - id: c{i}", f"        text: Keuze nummer {i + 1} met een wat langere tekst "
                  "die over twee regels loopt", "        goto: eind"]
    lines += ["endings:", "  eind: {title: Klaar, text: Klaar.}"]
    path = tmp_path / "veel.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    d = driver(path)
    play = d.top
    assert isinstance(play, PlayScreen)
    assert play.column.max_offset > 0
    for _ in range(8):
        d.key(pygame.K_DOWN)
    assert play.focus.focused() is play.focus.buttons[7]
    assert play.column.offset > 0 and play.column.visible(play.focus.buttons[7])
    d.key(pygame.K_9)
    assert play.session.decisions[-1].choice == "c8"


def test_dutch_diacritics_render_with_the_bundled_font():
    pygame.font.init()
    r = TextRenderer()
    font = r.font(40)
    notdef = pygame.image.tobytes(font.render("\ue000", True, (0, 0, 0)), "RGBA")
    for ch in "ëéïü’":
        assert pygame.image.tobytes(font.render(ch, True, (0, 0, 0)), "RGBA") != notdef, ch
    assert "Atkinson" in (font.name or "")


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("abc ëéïü’ WWW\nmmmm")), max_size=200),
       width=st.integers(min_value=30, max_value=600))
def test_wrapped_lines_fit_and_keep_every_word(text, width):
    pygame.font.init()
    r = TextRenderer()
    lines = r.wrap(text, 24, width)
    for line in lines:
        assert r.size(line, 24)[0] <= width or len(line) == 1
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_input_mapper_turns_keys_and_mouse_into_intents():
    m = InputMapper()
    K = lambda key, mod=0: pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="")
    got = m.translate([K(pygame.K_3), K(pygame.K_KP2), K(pygame.K_UP), K(pygame.K_RETURN),
                       K(pygame.K_ESCAPE), K(pygame.K_z, pygame.KMOD_LCTRL),
                       K(pygame.K_EQUALS, pygame.KMOD_LCTRL), K(pygame.K_PAGEDOWN),
                       pygame.event.Event(pygame.VIDEORESIZE, w=1500, h=900, size=(1500, 900))])
    assert got == [Choose(3), Choose(2), Navigate(0, -1), Confirm(), Back(), Undo(), TextSize(1),
                   Scroll(8), Resize((1500, 900))]
    m.translate([pygame.event.Event(pygame.MOUSEMOTION, pos=(10, 20), rel=(0, 0), buttons=(0, 0, 0))])
    wheel = m.translate([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, precise_y=1.0)])
    assert wheel == [Scroll(-3, (10, 20))]


def test_emoji_and_arrows_use_a_fallback_font_not_the_missing_box():
    pygame.font.init()
    r = TextRenderer()
    assert r.runs("Kijk 👍 nu", "bold") == [("bold", "Kijk "), ("fallback0", "👍"),
                                            ("bold", " nu")]
    assert r.runs("van 50 → 58") == [("regular", "van 50 "), ("fallback1", "→"),
                                      ("regular", " 58")]
    assert r.runs("’t is één ‘test’ – €5") == [("regular", "’t is één ‘test’ – €5")]
    main = r.font(30)
    box = pygame.image.tobytes(main.render("\U0001F44D", True, (0, 0, 0)), "RGBA")
    thumb = r.render("\U0001F44D", 30, (0, 0, 0))
    assert pygame.image.tobytes(thumb, "RGBA") != box
    assert r.size("a 👍 b", 30)[0] == r.render("a 👍 b", 30, (0, 0, 0)).get_width()
    lines = r.wrap("😉 " * 40, 30, 200)
    assert len(lines) > 1 and all(r.size(line, 30)[0] <= 200 for line in lines)


def test_dutch_compounds_are_hyphenated_at_syllables_with_a_visible_hyphen():
    pygame.font.init()
    r = TextRenderer()
    r.set_language("nl")
    text = "De gemeenteraadsvergadering over het bestemmingsplanwijzigingsvoorstel"
    for width in (180, 260, 340, 420):
        lines = r.wrap(text, 24, width)
        assert all(r.size(line, 24)[0] <= width for line in lines)
        hyphenated = [ln for ln in lines[:-1] if ln.endswith("-")]
        assert hyphenated, width
        # every break inside a word is at one of the dictionary's syllable boundaries
        joined = "".join(ln[:-1] if ln.endswith("-") else ln + " " for ln in lines).strip()
        assert joined == text
        words, cuts, current, at = [], [], "", []
        for ln in lines:
            parts = ln.split(" ")
            for i, part in enumerate(parts):
                broken = i == len(parts) - 1 and ln.endswith("-")
                current += part[:-1] if broken else part
                if broken:
                    at.append(len(current))
                else:
                    words.append(current)
                    cuts.append(at)
                    current, at = "", []
        for word, where in zip(words, cuts):
            assert set(where) <= set(_syllables(word)), (word, where)


def _syllables(word):
    import pyphen
    return pyphen.Pyphen(lang="nl_NL").positions(word)


def test_a_word_wider_than_the_line_breaks_at_syllables_not_mid_syllable():
    pygame.font.init()
    r = TextRenderer()
    r.set_language("nl")
    lines = r.wrap("Arbeidsongeschiktheidsverzekeringsmaatschappij", 24, 160)
    assert len(lines) > 2 and all(r.size(ln, 24)[0] <= 160 for ln in lines)
    assert all(ln.endswith("-") for ln in lines[:-1])
    assert "".join(ln[:-1] for ln in lines[:-1]) + lines[-1] == \
        "Arbeidsongeschiktheidsverzekeringsmaatschappij"
