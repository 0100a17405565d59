"""Language, text size and the other settings; broken files, a missing image and a
missing language; --watch; layout at several window sizes."""
from __future__ import annotations

import json
import shutil

import pygame

from weerbaar.game.intents import SetLanguage
from weerbaar.game.screens.message import ErrorScreen
from weerbaar.game.screens.play import PlayScreen
from weerbaar.game.screens.settings import SettingsScreen
from weerbaar.game.screens.title import TitleScreen
from weerbaar.game.settings import Settings, SettingsStore

from .conftest import SHOWCASE


def test_language_switch_on_the_title_screen_is_saved_and_changes_the_game(driver, config_dir):
    d = driver()
    english = next(b for b in d.top.langs if b.value == SetLanguage("en"))
    d.click(english.rect.center)
    assert d.app.settings.language == "en"
    assert json.loads((config_dir / "settings.json").read_text())["language"] == "en"
    assert "Choose a scenario: click it or press 1–2" in d.app.text.rendered
    assert "The rumour in the group chat" in d.app.text.rendered
    d.key(pygame.K_1)  # open the first card by its number
    play = d.top
    assert isinstance(play, PlayScreen) and play.lang == "en"
    assert "Gather the facts first" in d.app.text.rendered
    assert "What do you do?".upper() in d.app.text.rendered


def test_text_size_in_the_settings_screen_by_keyboard(driver, config_dir):
    d = driver()
    d.click(d.top.settings_button.rect.center)
    settings = d.top
    assert isinstance(settings, SettingsScreen)
    body = d.app.ui.theme.body
    assert settings.rows[0].focused  # it opens with the keyboard on the first row (language)
    d.key(pygame.K_DOWN)   # ... now on text size
    d.key(pygame.K_RIGHT)  # larger
    assert d.app.settings.text_size == 2
    assert d.app.ui.theme.body > body
    assert json.loads((config_dir / "settings.json").read_text())["text_size"] == 2
    d.key(pygame.K_RIGHT)
    d.key(pygame.K_RIGHT)  # stays at the largest step
    assert d.app.settings.text_size == 3
    size_row = next(r for r in d.top.rows if r.field == "text_size")
    assert size_row.segments[3].label == "Extra groot" and size_row.segments[3].style == "selected"
    d.key(pygame.K_ESCAPE)
    assert isinstance(d.top, TitleScreen)
    d.key(pygame.K_MINUS, pygame.KMOD_CTRL)
    assert d.app.settings.text_size == 2


def test_settings_rows_by_mouse_change_contrast_and_motion(driver):
    d = driver()
    d.click(d.top.settings_button.rect.center)
    rows = {r.field: r for r in d.top.rows}
    bg = pygame.display.get_surface().get_at((2, 2))
    d.click(rows["high_contrast"].segments[1].rect.center)
    assert d.app.settings.high_contrast
    assert pygame.display.get_surface().get_at((2, 2)) != bg
    rows = {r.field: r for r in d.top.rows}
    d.click(rows["reduced_motion"].segments[1].rect.center)
    assert d.app.settings.reduced_motion
    rows = {r.field: r for r in d.top.rows}
    d.click(rows["allow_undo"].segments[0].rect.center)
    assert not d.app.settings.allow_undo


def test_reduced_motion_moves_the_meters_at_once(driver):
    d = driver(SHOWCASE)
    d.settings(reduced_motion=True)
    d.key(pygame.K_1)
    assert not d.top.hud.animating
    assert d.top.hud.shown["vertrouwen"] == 58


def test_settings_file_damaged_or_odd_gives_defaults(tmp_path):
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    (tmp_path / "settings.json").write_text("{not json")
    assert store.load() == Settings() and store.error
    (tmp_path / "settings.json").write_text(json.dumps({"language": "fr", "text_size": 9,
                                                       "high_contrast": "yes", "allow_undo": False}))
    s = store.load()
    assert (s.language, s.text_size, s.high_contrast, s.allow_undo) == ("nl", 1, False, False)
    assert store.save(Settings(language="en"))
    assert store.load().language == "en"


def test_a_broken_scenario_shows_the_checker_and_the_player_goes_on(driver, scenario_dir):
    (scenario_dir / "kapot.yaml").write_text("format: 1\nid: kapot\ntitle: [\n", encoding="utf-8")
    d = driver()
    titles = d.top
    stems = [c.entry.path.stem for c in titles.cards]
    assert stems[-1] == "voorbeeld" and "kapot" in stems
    card = next(c for c in titles.cards if c.entry.path.stem == "kapot")
    assert "Dit scenario bevat fouten. Kies het om ze te zien." in d.app.text.rendered
    d.click(card.rect.center)
    err = d.top
    assert isinstance(err, ErrorScreen)
    assert any("error[E001]" in text for text in d.app.text.rendered)
    d.key(pygame.K_ESCAPE)
    assert isinstance(d.top, TitleScreen)


def test_a_missing_file_given_on_the_command_line(driver, tmp_path):
    d = driver(tmp_path / "bestaat-niet.yaml")
    assert isinstance(d.top, ErrorScreen)
    assert any("error[E025]" in text for text in d.app.text.rendered)
    d.click(d.top.button.rect.center)
    assert isinstance(d.top, TitleScreen)


def test_a_missing_image_is_a_message_in_the_article(driver):
    d = driver(SHOWCASE)
    for key in (pygame.K_1, pygame.K_RETURN, pygame.K_1, pygame.K_RETURN):
        d.key(key)
    assert d.top.session.scene_id == "krant"
    assert "Afbeelding niet gevonden: ontbrekende-foto.png" in d.app.text.rendered
    assert "Onrust over de toekomst van de brug" in d.app.text.rendered


def test_an_image_next_to_the_scenario_is_shown(driver, tmp_path):
    target = tmp_path / "met-foto.yaml"
    shutil.copy(SHOWCASE, target)
    img = pygame.Surface((400, 200))
    img.fill((200, 30, 30))
    pygame.image.save(img, str(tmp_path / "ontbrekende-foto.png"))
    d = driver(target)
    for key in (pygame.K_1, pygame.K_RETURN, pygame.K_1, pygame.K_RETURN):
        d.key(key)
    assert "Afbeelding niet gevonden: ontbrekende-foto.png" not in d.app.text.rendered
    content = d.top.content
    surf = content.content
    reds = sum(1 for x in range(0, surf.get_width(), 7) for y in range(0, surf.get_height(), 7)
               if tuple(surf.get_at((x, y)))[:3] == (200, 30, 30))
    assert reds > 100


NL_ONLY = """format: 1
id: alleen_nl
title: {nl: "Alleen in het Nederlands"}
languages: [nl]
start: a
scenes:
  a:
    text: {nl: "Een vraag."}
    choices:
      - {id: ja, text: {nl: "Ja"}, goto: eind}
      - {id: nee, text: {nl: "Nee"}, goto: eind}
endings:
  eind: {title: {nl: "Klaar"}, text: {nl: "Klaar."}}
"""


def test_a_scenario_without_the_players_language(driver, tmp_path):
    nl_only = tmp_path / "alleen-nl.yaml"
    nl_only.write_text(NL_ONLY, encoding="utf-8")
    d = driver(nl_only)
    assert isinstance(d.top, PlayScreen)
    d.settings(language="en")
    d.step()
    assert d.top.lang == "nl"
    assert any(t.message.startswith("This scenario is not available in English") for t in d.app.toasts)
    assert "WHAT DO YOU DO?" in d.app.text.rendered  # the interface is English
    d.key(pygame.K_1)
    assert d.top.session.decisions


def test_watch_reloads_replays_and_shows_errors(driver, tmp_path):
    target = tmp_path / "bewerkt.yaml"
    shutil.copy(SHOWCASE, target)
    d = driver(target, watch=True)
    play = d.top
    d.take(2)
    d.key(pygame.K_1)
    assert play.session.phase.value == "consequence"
    # the author rewrites a feedback line: the game reloads and replays both decisions
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Het gerucht groeit.", "Het gerucht groeit snel."),
                      encoding="utf-8")
    d.step(dt=0.6)
    assert [x.choice for x in play.session.decisions] == ["zwijgen", "reageren"]
    assert play.session.scene_id == "krant"
    assert "Scenario opnieuw geladen." in d.app.text.rendered
    # a broken edit: errors on screen, the play goes on with the old version
    target.write_text(text.replace("goto: krant", "goto: krnt"), encoding="utf-8")
    d.step(dt=0.6)
    assert play.errors and play.errors[0].code == "E012"
    assert any("error[E012]" in t for t in d.app.text.rendered)
    # fixed again: errors gone, decisions kept
    target.write_text(text, encoding="utf-8")
    d.step(dt=0.6)
    assert play.errors is None
    assert [x.choice for x in play.session.decisions] == ["zwijgen", "reageren"]


def test_watch_starting_on_a_broken_file_waits_for_the_fix(driver, tmp_path):
    target = tmp_path / "begin.yaml"
    text = SHOWCASE.read_text(encoding="utf-8")
    target.write_text(text.replace("start: gesprek", "start: gesprekk"), encoding="utf-8")
    d = driver(target, watch=True)
    assert isinstance(d.top, ErrorScreen)
    target.write_text(text, encoding="utf-8")
    d.step(dt=0.6)
    assert isinstance(d.top, PlayScreen)


def test_watch_shows_authors_the_hidden_choice(driver, tmp_path):
    d = driver(SHOWCASE, watch=True)
    buttons = d.top.focus.buttons
    assert len(buttons) == 3 and not buttons[2].enabled
    assert "verborgen: geheim" in buttons[2].note
