"""Sound cues are off by default; switched on, a choice clicks, a timer's last seconds tick
and an ending chimes (under the dummy audio driver)."""
from __future__ import annotations

import pygame

from weerbaar.game.settings import Settings
from weerbaar.game.sounds import RATE, tone

from .conftest import SHOWCASE


def test_sound_is_off_by_default_and_nothing_plays(driver):
    assert Settings().sound is False
    d = driver(SHOWCASE)
    d.key(pygame.K_1)
    assert d.app.cues.played == []


def test_with_sound_on_a_choice_a_timer_and_an_ending_are_heard(driver):
    d = driver(SHOWCASE)
    d.settings(sound=True)
    for key in (pygame.K_1, pygame.K_RETURN, pygame.K_1, pygame.K_RETURN, pygame.K_RETURN):
        d.key(key)
    play = d.top
    assert play.session.scene_id == "app" and d.app.cues.played == ["choice", "choice"]
    d.step(dt=0.5, n=41)  # the 20 s timer runs out: its last ten seconds tick
    assert d.app.cues.played.count("tick") == 10
    d.key(pygame.K_RETURN)
    d.take(1)
    while play.session.phase.value != "ended" and play.session.view.can_continue:
        d.key(pygame.K_RETURN)
    assert d.app.cues.played[-1] == "ending"


def test_tones_are_sixteen_bit_samples_of_the_right_length():
    data = tone((440.0,), 0.1, 0.5, channels=2)
    assert len(data) == int(RATE * 0.1) * 2 * 2
