"""The whole game through its real loop: title screen, choices by key and by click, the
consequence panel, undo, the ending, play again and back to the menu."""
from __future__ import annotations

import pygame

from weerbaar.engine.state import Phase
from weerbaar.game.intents import ToMenu, Undo
from weerbaar.game.screens.ending import EndingScreen
from weerbaar.game.screens.pause import PauseScreen
from weerbaar.game.screens.play import PlayScreen
from weerbaar.game.screens.title import TitleScreen

from .conftest import SHOWCASE


def play_screen(d) -> PlayScreen:
    return d.app.find(PlayScreen)


def test_title_lists_scenarios_with_the_example_last_and_draws_their_titles(driver):
    d = driver()
    title = d.top
    assert isinstance(title, TitleScreen)
    stems = [c.entry.path.stem for c in title.cards]
    assert stems == ["showcase", "voorbeeld"]
    assert "Het gerucht in de appgroep" in d.app.text.rendered
    assert "Proefscenario voor de schermen" in d.app.text.rendered
    assert "Kies een scenario: klik erop of toets 1–2" in d.app.text.rendered


def test_hovering_a_card_changes_its_pixels(driver):
    d = driver()
    card = d.top.cards[1]
    d.move((5, 5))
    before = d.pixels(card.rect)
    d.move(card.rect.center)
    assert card.hover
    assert d.pixels(card.rect) != before


def test_open_from_title_by_click_then_choose_by_key_and_continue(driver):
    d = driver()
    d.click(d.top.cards[0].rect.center)  # showcase
    play = d.top
    assert isinstance(play, PlayScreen)
    s = play.session
    assert s.scene_id == "gesprek" and s.phase is Phase.SCENE
    # the hidden choice is not offered: two numbered buttons
    assert [b.number for b in play.focus.buttons] == [1, 2]
    d.step(dt=0.5, n=4)  # the player reads for two seconds
    d.key(pygame.K_1)
    assert s.phase is Phase.CONSEQUENCE
    assert s.decisions[0].choice == "feiten"
    assert s.decisions[0].seconds >= 2.0
    assert play.panel is not None and "Wat er gebeurde" in d.app.text.rendered
    assert "Je weet nu wat er speelt." in d.app.text.rendered
    assert play.hud.changes == {"vertrouwen": (50, 58), "onrust": (30, 26)}
    assert play.hud.animating
    d.settle()
    assert round(play.hud.shown["vertrouwen"]) == 58
    d.key(pygame.K_RETURN)
    assert s.scene_id == "tijdlijn" and s.phase is Phase.SCENE


def test_choose_by_click_and_by_arrows(driver):
    d = driver(SHOWCASE)
    play = d.top
    second = play.focus.buttons[1]
    d.click(second.rect.center)
    assert play.session.decisions[-1].choice == "zwijgen"
    d.click(play.panel.button.rect.center)  # continue by click
    assert play.session.scene_id == "tijdlijn"
    d.key(pygame.K_DOWN)
    d.key(pygame.K_DOWN)
    assert play.focus.focused() is play.focus.buttons[1]
    d.key(pygame.K_RETURN)
    assert play.session.decisions[-1].choice == "negeren"


def test_hover_lights_a_choice_button(driver):
    d = driver(SHOWCASE)
    button = d.top.focus.buttons[0]
    d.move((2, 2))
    before = d.pixels(button.rect)
    d.move(button.rect.center)
    assert d.pixels(button.rect) != before


def test_undo_from_the_pause_menu_and_by_key(driver):
    d = driver(SHOWCASE)
    play = d.top
    d.take(2, 1)
    assert [x.choice for x in play.session.decisions] == ["zwijgen", "reageren"]
    d.key(pygame.K_ESCAPE)
    pause = d.top
    assert isinstance(pause, PauseScreen)
    undo = next(b for b in pause.buttons if b.value == Undo())
    d.click(undo.rect.center)
    assert d.top is play
    assert [x.choice for x in play.session.decisions] == ["zwijgen"]
    assert play.session.scene_id == "tijdlijn"
    d.key(pygame.K_z, pygame.KMOD_CTRL)
    assert play.session.decisions == [] and play.session.scene_id == "gesprek"
    assert play.hud.target == {"vertrouwen": 50, "onrust": 30}


def test_undo_can_be_switched_off_by_the_facilitator(driver):
    d = driver(SHOWCASE)
    d.settings(allow_undo=False)
    play = d.top
    d.take(1)
    d.key(pygame.K_BACKSPACE)
    assert len(play.session.decisions) == 1
    d.key(pygame.K_ESCAPE)
    undo = next(b for b in d.top.buttons if b.value == Undo())
    assert not undo.enabled


def test_reach_the_ending_play_again_and_go_back_to_the_menu(driver):
    d = driver(SHOWCASE)
    play = d.top
    for key in (pygame.K_1, pygame.K_RETURN,      # gesprek -> tijdlijn
                pygame.K_1, pygame.K_RETURN,      # tijdlijn -> krant
                pygame.K_RETURN,                  # krant continues -> app
                pygame.K_1, pygame.K_RETURN,      # app -> lang
                pygame.K_RETURN):                 # lang continues -> ending
        d.key(key)
    ending = d.top
    assert isinstance(ending, EndingScreen)
    assert play.session.view.ending.id == "goed"
    rendered = d.app.text.rendered
    assert "De brug blijft een brug" in rendered
    assert "Wat zou je een collega aanraden?" in rendered
    assert "Eef meteen bellen" in rendered  # the path of decisions
    d.click(ending.again.rect.center)
    assert d.top is play and play.session.scene_id == "gesprek" and not play.session.decisions
    d.key(pygame.K_1)
    d.key(pygame.K_ESCAPE)
    menu = next(b for b in d.top.buttons if b.value == ToMenu())
    d.click(menu.rect.center)
    assert "Naar het menu?" in d.app.text.rendered  # asked first
    d.click(d.top.yes.rect.center)
    assert isinstance(d.top, TitleScreen) and len(d.app.stack) == 1


def test_undo_on_the_ending_returns_to_play(driver):
    d = driver(SHOWCASE)
    for key in (pygame.K_2, pygame.K_RETURN, pygame.K_2, pygame.K_RETURN, pygame.K_RETURN,
                pygame.K_2, pygame.K_RETURN, pygame.K_RETURN):
        d.key(key)
    assert isinstance(d.top, EndingScreen)
    assert d.app.find(PlayScreen).session.view.ending.id == "slecht"
    d.key(pygame.K_z, pygame.KMOD_CTRL)  # not on the ending: undo lives in the pause menu
    d.key(pygame.K_ESCAPE)
    undo = next(b for b in d.top.buttons if b.value == Undo())
    d.click(undo.rect.center)
    d.step()
    assert isinstance(d.top, PlayScreen)
    # the session is as it was right after the previous decision: at the news article
    assert d.top.session.scene_id == "krant" and len(d.top.session.decisions) == 2
    d.key(pygame.K_RETURN)
    assert d.top.session.scene_id == "app"


def test_a_timed_decision_runs_out_and_takes_the_default(driver):
    d = driver(SHOWCASE)
    play = d.top
    for key in (pygame.K_1, pygame.K_RETURN, pygame.K_1, pygame.K_RETURN, pygame.K_RETURN):
        d.key(key)
    assert play.session.scene_id == "app" and play.timer is not None
    assert play.app.timeout() <= 0.1  # the loop keeps waking for the bar (10 times a second)
    d.step(dt=0.25, n=60)  # 15 s: still time
    assert play.session.phase is Phase.SCENE
    assert "Nog 5 s" in d.app.text.rendered
    d.step(dt=0.25, n=24)
    last = play.session.decisions[-1]
    assert last.timed_out and last.choice == "wachten"
    assert "De tijd was om. Er werd voor je gekozen:" in d.app.text.rendered


def test_the_loop_sleeps_when_nothing_moves(driver):
    d = driver(SHOWCASE)
    d.settle()
    assert d.app.timeout() >= 1.0
    frames = d.app.frames
    d.step(n=10)
    assert d.app.frames == frames  # no input, no animation: no redraw


def test_run_loop_processes_posted_events_and_quits(make_app):
    app = make_app()
    app.open_scenario(SHOWCASE)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1, mod=0, unicode="",
                                         scancode=0))
    app.run(max_frames=1)  # the posted key is waiting: no sleep
    assert app.running
    assert app.find(PlayScreen).session.decisions[0].choice == "feiten"
    pygame.display.init()


def test_quit_event_stops_the_loop(make_app):
    app = make_app()
    app.to_title()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert app.run(max_frames=50) == 0
    assert not app.running
    pygame.display.init()


def test_an_unexpected_error_in_a_screen_shows_a_message_and_the_loop_goes_on(make_app,
                                                                              monkeypatch):
    from weerbaar.game.screens.message import ErrorScreen

    def broken(self, choice_id):
        raise RuntimeError("kapot")
    monkeypatch.setattr(PlayScreen, "choose", broken)
    app = make_app()
    app.to_title()
    app.open_scenario(SHOWCASE)
    pygame.event.clear()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1, mod=0, unicode="",
                                         scancode=0))
    app.run(max_frames=2)  # the key, then the redraw of the error screen
    assert app.running
    assert [type(s).__name__ for s in app.stack] == ["TitleScreen", "ErrorScreen"]
    assert "RuntimeError: kapot" in app.text.rendered
    assert isinstance(app.stack[-1], ErrorScreen)
