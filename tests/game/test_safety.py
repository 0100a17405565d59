"""Safe to use: starting again and leaving ask first; an unfinished play goes on from the
title screen ('Verder spelen'); `play FILE` comes back to that file's card; every screen
opens with a focused element; Ctrl +/- says the new text size; notices keep off the
buttons."""
from __future__ import annotations


import pygame

from weerbaar.game.app import App
from weerbaar.game.intents import Restart, ShowHistory
from weerbaar.game.app import run as run_app
from weerbaar.game.options import GameOptions
from weerbaar.game.recording import GameRecording
from weerbaar.game.screens.ask import AskScreen
from weerbaar.game.screens.pause import PauseScreen
from weerbaar.game.screens.play import PlayScreen
from weerbaar.game.screens.title import TitleScreen

from .conftest import SHOWCASE


def test_start_again_asks_first_and_no_keeps_the_play(driver):
    d = driver(SHOWCASE)
    play = d.top
    d.take(1)
    d.key(pygame.K_ESCAPE)
    restart = next(b for b in d.top.buttons if b.value == Restart())
    d.click(restart.rect.center)
    ask = d.top
    assert isinstance(ask, AskScreen) and "Opnieuw beginnen?" in d.app.text.rendered
    assert ask.focus.focused() is ask.no  # the safe answer has the focus
    d.key(pygame.K_RETURN)                 # no
    assert isinstance(d.top, PauseScreen) and len(play.session.decisions) == 1
    d.click(restart.rect.center)
    d.key(pygame.K_ESCAPE)                 # Esc is no, too
    assert isinstance(d.top, PauseScreen) and len(play.session.decisions) == 1
    d.click(restart.rect.center)
    d.click(d.top.yes.rect.center)
    assert d.top is play and not play.session.decisions


def test_an_unfinished_play_goes_on_from_the_title_screen(make_app, tmp_path):
    db = tmp_path / "s.db"
    app = make_app(recording=GameRecording(db))
    app.to_title()
    app.open_scenario(SHOWCASE)
    play = app.find(PlayScreen)
    play.choose("feiten")
    play.proceed()
    play.choose(play.session.view.available_choices()[0].id)
    where, made = play.session.scene_id, [x.choice for x in play.session.decisions]
    app.close()

    app = make_app(recording=GameRecording(db))
    app.to_title()
    app.step([])
    title = app.top
    assert isinstance(title, TitleScreen) and title.resume_button is not None
    assert title.focus.focused() is title.resume_button
    assert "Verder spelen: Proefscenario voor de schermen" in title.resume_button.label
    assert "2 keuzes" in title.resume_button.label
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0,
                                         unicode="", scancode=0))
    app.step(None)
    play = app.top
    assert isinstance(play, PlayScreen)
    assert play.session.scene_id == where and [x.choice for x in play.session.decisions] == made
    assert play.hud.target == play.session.view.meters()


def test_a_title_screen_without_an_unfinished_play_focuses_the_first_card(driver):
    d = driver()
    title = d.top
    assert title.resume_button is None
    assert title.focus.focused() is title.cards[0] and title.cards[0].focused


def test_play_file_comes_back_to_that_files_card(tmp_path, config_dir, monkeypatch):
    seen = []

    def run(self, max_frames=None):
        play = self.find(PlayScreen)
        play.app.to_title()  # "Naar het menu"
        self.top.ensure_layout()
        seen.append([c.entry.path.name for c in self.top.cards])
        self.close()
        return 0
    monkeypatch.setattr(App, "run", run)
    args = GameOptions(db=tmp_path / "s.db")
    assert run_app(str(SHOWCASE), args) == 0
    assert seen == [["showcase.yaml"]]


def test_ctrl_plus_says_the_new_text_size(driver):
    d = driver(SHOWCASE)
    d.key(pygame.K_EQUALS, pygame.KMOD_CTRL)
    assert d.app.settings.text_size == 2
    assert any("Tekstgrootte: Groot" == t.message for t in d.app.toasts)
    d.key(pygame.K_MINUS, pygame.KMOD_CTRL)
    assert any("Tekstgrootte: Normaal" == t.message for t in d.app.toasts)


def test_a_notice_never_covers_the_choices(driver):
    d = driver(SHOWCASE)
    play = d.top
    d.app.toast("Een melding die lang genoeg is om over twee regels te lopen als het venster "
                "smal is, en dan nog wat langer.")
    d.step()
    rect = d.app.toast_rect()
    assert rect is not None
    for b in play.focus.buttons:
        assert not rect.colliderect(b.rect)


def test_a_notice_goes_to_the_top_when_buttons_fill_the_bottom(driver):
    from weerbaar.game.widgets.toast import place
    d = driver()
    ui, window = d.app.ui, pygame.Rect(0, 0, 1280, 720)
    button = pygame.Rect(700, 600, 500, 100)
    assert place((800, 60), window, [], ui).bottom > 700
    moved = place((800, 60), window, [button], ui)
    assert not moved.colliderect(button) and moved.top < 100


def test_the_timer_waits_until_the_whole_situation_was_seen(driver):
    from .conftest import ROOT
    d = driver(ROOT / "scenarios" / "desinformatie.yaml")
    d.app.set_settings(d.app.settings.__class__(text_size=2))
    d.step()
    play = d.top
    assert play.content.overflows and play.timer.held
    assert "Ik ben klaar met lezen" in d.app.text.rendered
    d.step(dt=0.5, n=10)
    assert play.timer.left == play.timer.total  # reading costs no time
    d.click(play.timer.ready.rect.center)
    assert not play.timer.held
    d.step(dt=0.5, n=4)
    assert abs(play.timer.left - (play.timer.total - 2)) < 0.05


def test_scrolling_to_the_end_starts_the_timer(driver):
    from .conftest import ROOT
    d = driver(ROOT / "scenarios" / "desinformatie.yaml")
    d.app.set_settings(d.app.settings.__class__(text_size=2))
    d.step()
    play = d.top
    assert play.timer.held
    d.key(pygame.K_END)
    d.step()
    assert not play.timer.held
    d.step(dt=0.5, n=2)
    assert play.timer.left < play.timer.total


def test_a_short_situation_starts_the_timer_at_once(driver):
    d = driver(SHOWCASE)
    for key in (pygame.K_1, pygame.K_RETURN, pygame.K_1, pygame.K_RETURN, pygame.K_RETURN):
        d.key(key)
    play = d.top
    assert play.session.scene_id == "app" and not play.timer.held


def test_the_history_view_shows_what_was_read_and_chosen(driver):
    from weerbaar.game.screens.history import HistoryScreen
    d = driver(SHOWCASE)
    play = d.top
    first = play.session.view.text("nl")
    d.key(pygame.K_h)
    assert isinstance(d.top, HistoryScreen)
    assert "Je bent net begonnen: er is nog niets gebeurd." in d.app.text.rendered
    d.key(pygame.K_h)
    assert d.top is play
    d.take(1, 1)
    assert [p.choice is not None for p in play.history.pages] == [True, True]
    d.key(pygame.K_ESCAPE)
    history = next(b for b in d.top.buttons if b.value == ShowHistory())
    d.click(history.rect.center)
    assert isinstance(d.top, HistoryScreen)
    assert first in d.app.text.rendered and "Je koos" in d.app.text.rendered
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_BACKSPACE)  # take back the last choice: its page goes
    assert len(play.history.pages) == 1
    play.restart()
    assert play.history.pages == []
