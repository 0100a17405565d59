"""A running timer costs nothing: it redraws its bar alone, at most ten times a second, and
the rest of the window is left as it was; animations (meter bars, vote bars) run to their
end without waiting for input."""
from __future__ import annotations

import pygame

from weerbaar.engine import load_scenario
from weerbaar.engine.state import Phase
from weerbaar.game.screens.workshop_play import WorkshopScreen
from weerbaar.game.widgets.tally import REVEALED
from weerbaar.game.workshop_main import open_workshop

from .conftest import EXAMPLE, SHOWCASE
from .workshop_driver import Facilitator


def to_timed_scene(d):
    play = d.top
    for key in (pygame.K_1, pygame.K_RETURN, pygame.K_1, pygame.K_RETURN, pygame.K_RETURN):
        d.key(key)
    assert play.session.scene_id == "app" and play.timer is not None
    d.settle()
    return play


def test_a_running_timer_redraws_only_its_bar_at_most_ten_times_a_second(driver):
    d = driver(SHOWCASE)
    play = to_timed_scene(d)
    surface = pygame.display.get_surface()
    bar = play.timer.rect
    outside = pygame.Rect(0, bar.bottom + 1, surface.get_width(), surface.get_height() - bar.bottom - 1)
    frames, patches = d.app.frames, d.app.patches
    before_bar, before_rest = d.pixels(bar), d.pixels(outside)
    d.step(dt=1 / 60, n=180)  # three seconds of the loop at 60 passes a second
    assert d.app.frames == frames, "a running timer must not redraw the whole window"
    assert 20 <= d.app.patches - patches <= 30
    assert d.pixels(bar) != before_bar
    assert d.pixels(outside) == before_rest
    assert "Nog 17 s" in d.app.text.rendered
    assert d.app.timeout() <= 0.1


def test_the_timer_runs_out_with_a_last_redraw_and_the_consequence(driver):
    d = driver(SHOWCASE)
    play = to_timed_scene(d)
    d.step(dt=0.5, n=41)
    assert play.session.phase is Phase.CONSEQUENCE
    assert play.session.decisions[-1].timed_out


def test_the_meter_animation_runs_to_its_end_without_input(driver):
    d = driver(SHOWCASE)
    play = d.top
    d.key(pygame.K_1)
    assert play.hud.animating
    assert d.app.timeout() == 0  # the loop does not sleep while something moves
    d.step(dt=1 / 60, n=60)
    assert not play.hud.animating
    assert round(play.hud.shown["vertrouwen"]) == play.session.view.meters()["vertrouwen"]
    d.step()
    assert d.app.timeout() > 0.5


def test_the_vote_bars_grow_to_their_end(make_app, tmp_path):
    app = make_app()
    app.to_title()
    open_workshop(app, load_scenario(str(EXAMPLE)), db=tmp_path / "ws.db", teams="1", seed=3)
    f = Facilitator(app)
    f.step(n=2)
    play = app.top
    assert isinstance(play, WorkshopScreen)
    f.enter()                # open the vote
    f.keys("a3b1")
    f.enter()                # reveal: the bars grow
    assert play.board.phase == REVEALED and play.board.reveal_progress < 1.0
    assert app.timeout() == 0
    f.step(n=120)
    assert play.board.reveal_progress == 1.0


def test_a_new_scene_fades_in_and_stops_moving(driver):
    d = driver(SHOWCASE)
    play = d.top
    d.take(1)
    assert play.fade.progress < 1.0 and d.app.timeout() == 0
    d.step(dt=1 / 60, n=30)
    assert play.fade.progress == 1.0
    d.step(dt=1 / 60, n=30)  # and the meters' easing (0.7 s)
    assert d.app.timeout() > 0.5


def test_no_fade_and_no_reward_motion_under_reduced_motion(driver):
    d = driver(SHOWCASE)
    d.settings(reduced_motion=True)
    play = d.top
    d.take(1)
    assert play.fade.progress == 1.0


def test_a_good_ending_has_its_moment_and_it_ends(driver):
    from weerbaar.game.screens.ending import EndingScreen
    d = driver(SHOWCASE)
    for key in (pygame.K_1, pygame.K_RETURN, pygame.K_1, pygame.K_RETURN, pygame.K_RETURN,
                pygame.K_1, pygame.K_RETURN, pygame.K_RETURN):
        d.key(key)
    ending = d.top
    assert isinstance(ending, EndingScreen) and ending.reward.sparks
    assert ending.reward.running and d.app.timeout() == 0
    band = pygame.Rect(0, 0, d.app.ui.theme.size[0], ending.band_h)
    early = d.pixels(band)
    d.step(dt=1 / 60, n=90)
    assert not ending.reward.running
    assert d.pixels(band) != early
