"""Portraits drawn from a character's name and role: the same person looks the same every
time, different people differ, the role dresses them, and the play screen draws them."""
from __future__ import annotations

import pygame

from weerbaar.game.widgets.portrait import formal, portrait_surface

from .conftest import SHOWCASE


def image(name, role="", radius=40, hc=False) -> bytes:
    return pygame.image.tobytes(portrait_surface(name, role, radius, hc), "RGBA")


def test_a_portrait_is_the_same_for_the_same_name_and_differs_between_people(driver):
    driver()
    assert image("Sanne de Vries", "journalist") == image("Sanne de Vries", "journalist")
    people = ["Sanne de Vries", "Ahmed Bouzid", "Henk Veldkamp", "Anouk de Graaf",
              "Ineke", "Gerrit"]
    assert len({image(p) for p in people}) == len(people)


def test_the_role_dresses_the_portrait(driver):
    driver()
    assert formal("wethouder Ruimte") and formal("Burgemeester") and not formal("journalist")
    assert image("Jan", "burgemeester") != image("Jan", "journalist")


def test_a_portrait_is_round_and_drawn_beside_the_speaker(driver, monkeypatch):
    import weerbaar.game.screens.scene_view as scene_view
    drawn = []
    real = scene_view.portrait

    def spy(surface, centre, radius, name, role="", *rest):
        drawn.append((name, role))
        return real(surface, centre, radius, name, role, *rest)
    monkeypatch.setattr(scene_view, "portrait", spy)
    surf = portrait_surface("Eef", "", 40, False)
    assert surf.get_at((0, 0)).a == 0 and surf.get_at((40, 40)).a == 255
    d = driver(SHOWCASE)
    sc = d.top.scenario
    speaker = sc.characters[d.top.session.view.node.speaker]
    assert (speaker.name.get("nl", sc.languages), speaker.role.get("nl", sc.languages)) in drawn
