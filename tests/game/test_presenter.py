"""Presenter mode: a workshop with a second window for the room (two windows under the
dummy driver), which keeps showing the room view while the laptop shows the facilitator
view; with one display, the facilitator view warns that a mirrored projector shows it."""
from __future__ import annotations

import pygame

from weerbaar.engine import load_scenario
from weerbaar.game.screens.workshop_facilitator import FacilitatorScreen
from weerbaar.game.screens.workshop_play import WorkshopScreen
from weerbaar.game.workshop_main import open_workshop

from .conftest import EXAMPLE
from .workshop_driver import Facilitator


def start(make_app, tmp_path):
    app = make_app()
    app.to_title()
    open_workshop(app, load_scenario(str(EXAMPLE)), db=tmp_path / "ws.db", teams="Noord",
                  seed=3)
    f = Facilitator(app)
    f.step(n=2)
    assert isinstance(app.top, WorkshopScreen)
    return app, f


def pixels(window) -> bytes:
    return pygame.image.tobytes(window.get_surface(), "RGB")


def test_the_room_window_shows_the_room_view_while_the_facilitator_view_is_open(
        make_app, tmp_path):
    app, f = start(make_app, tmp_path)
    assert app.room is None  # one display under the dummy driver: no second window
    app.open_room(size=(960, 540))
    f.step()
    room = app.room
    assert room.frames >= 1
    shown = pixels(room.window)
    assert len(set(shown[i:i + 3] for i in range(0, len(shown), 3 * 97))) > 3  # not blank
    f.tab()                                   # the laptop: the facilitator view
    assert isinstance(app.top, FacilitatorScreen)
    assert "Alleen op dit scherm: de beamer toont de zaalweergave" in " ".join(
        app.text.rendered)
    before = room.frames
    f.enter()                                 # a key while the facilitator view is open
    assert room.frames > before
    assert pixels(room.window) == shown       # the room still sees the room view, not notes
    f.tab()
    f.enter()                                 # back in the room view: open the vote
    assert pixels(room.window) != shown       # the room sees the vote open
    app.to_title()
    f.step()
    assert app.room is None                   # the workshop is over: the window goes


def test_pointer_events_of_the_room_window_do_not_reach_the_laptops_screen(make_app, tmp_path):
    app, f = start(make_app, tmp_path)
    app.open_room(size=(960, 540))
    play = app.top
    action = play.action.rect.center
    event = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=action, button=1,
                               window=app.room.window)
    up = pygame.event.Event(pygame.MOUSEBUTTONUP, pos=action, button=1, window=app.room.window)
    app.step([event, up])
    assert play.board.phase == "read"        # the click was in the room's window: ignored


def test_with_one_display_the_facilitator_view_warns_about_mirroring(make_app, tmp_path):
    app, f = start(make_app, tmp_path)
    f.tab()
    assert any("gespiegeld naar de beamer, dan ziet de zaal dit ook" in t
               for t in app.text.rendered)


def test_two_displays_open_the_room_window_with_the_workshop(make_app, tmp_path, monkeypatch):
    import weerbaar.game.workshop_main as workshop_main
    opened = []
    monkeypatch.setattr(workshop_main, "display_count", lambda: 2)
    app = make_app()
    app.to_title()
    monkeypatch.setattr(app, "open_room", lambda display=None, size=None: opened.append(display))
    open_workshop(app, load_scenario(str(EXAMPLE)), db=tmp_path / "ws.db", teams="Noord", seed=3)
    assert opened == [1]  # the second display: the projector
