"""Opening workshop mode from the title screen or from ``weerbaar workshop FILE``
(``game/workshop_window.py``): the setup screen for a scenario, on the app's database.

The setup screen offers to resume the workshop of the scenario that was interrupted (it is
in the database), or starts one with the teams given.
"""
from __future__ import annotations

from dataclasses import replace

from .options import DEFAULT_COUNTDOWN
from .presenter import display_count
from .recording import GameRecording

WORKSHOP_TEXT_SIZE = 2  # "Groot": the default text size in workshop mode


def database_of(app, db=None) -> GameRecording:
    """The database a workshop records in: ``db`` when given, else the window's own."""
    if db is None and app.recording is not None:
        return app.recording
    return GameRecording(db)


def open_workshop(app, scenario=None, *, db=None, teams=None, seed=None,
                  countdown=DEFAULT_COUNTDOWN) -> None:
    """Push the workshop's setup screen (on ``scenario``, or a scenario picker first). A
    room reads from afar: the text is at least large (for this window; not saved)."""
    from .screens.workshop_setup import WorkshopSetupScreen
    if app.settings.text_size < WORKSHOP_TEXT_SIZE:
        app.set_settings(replace(app.settings, text_size=WORKSHOP_TEXT_SIZE), save=False)
    app.push(WorkshopSetupScreen(app, database_of(app, db), scenario, teams=teams, seed=seed,
                                 countdown=countdown))
    if display_count() >= 2:  # presenter mode: the room view on the second display
        app.open_room(display=1)
