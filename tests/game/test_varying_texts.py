"""Texts that vary with the play, in the game: choice buttons, the consequence panel's
feedback, posts and the path on the ending screen all show what the engine renders."""
from __future__ import annotations

import pygame

from weerbaar.game.screens.ending import EndingScreen

from ..conftest import ROOT

INLINE = ROOT / "tests" / "fixtures" / "inline.yaml"


def labels(play) -> list[str]:
    return [b.label for b in play.focus.buttons]


def choose(d, number: int) -> None:
    d.key(getattr(pygame, f"K_{number}"))
    d.settle()
    d.key(pygame.K_RETURN)  # on from the consequence panel
    d.settle()


def test_buttons_feedback_posts_and_the_path_vary_with_the_play(driver):
    d = driver(INLINE)
    play = d.top
    assert labels(play) == ["Bel de journalist", "Wacht af"]
    rendered = d.app.text.rendered
    assert any("De telefoon ligt voor je. {stil}" in t for t in rendered)
    assert not any("{if" in t for t in rendered)
    d.key(pygame.K_1)
    assert any("Ze klinkt onder de indruk." in t for t in d.app.text.rendered)
    assert not any("sceptisch" in t for t in d.app.text.rendered)
    d.settle()
    d.key(pygame.K_RETURN)
    d.settle()
    assert play.session.scene_id == "overleg"
    assert "Wethouder belt zelf!" in d.app.text.rendered
    choose(d, 1)  # back to the office
    assert labels(play) == ["Bel de journalist vol vertrouwen", "Wacht af, je hebt al gebeld"]
    choose(d, 2)
    assert any("Je wacht op haar stuk." in t for t in d.app.text.rendered)
    choose(d, 2)  # finish
    assert isinstance(d.top, EndingScreen)
    d.step()
    rendered = d.app.text.rendered
    assert any("Je belde zelf." in t for t in rendered)
    # the path: the first choice as it was offered then, not as it would read now
    assert "Bel de journalist" in rendered and "Wacht af, je hebt al gebeld" in rendered
    assert not any("{if" in t for t in rendered)
