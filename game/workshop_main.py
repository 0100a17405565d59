"""Opening workshop mode: from the title screen, or ``weerbaar workshop FILE`` (the game
window opened on the workshop's setup screen for that scenario).

The setup screen offers to resume the workshop of the scenario that was interrupted (it is
in the database), or starts one with the teams given.
"""
from __future__ import annotations

from dataclasses import replace

from storage.paths import db_path

from .presenter import display_count

WORKSHOP_TEXT_SIZE = 2  # "Groot": the default text size in workshop mode


def app_db(app):
    """The database the window records in (``--db``), else None for the default one."""
    recording = getattr(app, "recording", None)
    return getattr(recording, "path", None)


def open_workshop(app, scenario=None, *, db=None, teams=None, seed=None, countdown=60) -> None:
    """Push the workshop's setup screen (on ``scenario``, or a scenario picker first). A
    room reads from afar: the text is at least large (for this window; not saved)."""
    from .screens.workshop_setup import WorkshopSetupScreen
    if app.settings.text_size < WORKSHOP_TEXT_SIZE:
        app.set_settings(replace(app.settings, text_size=WORKSHOP_TEXT_SIZE), save=False)
    app.push(WorkshopSetupScreen(app, db_path(db or app_db(app)), scenario, teams=teams,
                                 seed=seed, countdown=countdown))
    if display_count() >= 2:  # presenter mode: the room view on the second display
        app.open_room(display=1)


def run(scenario, args) -> int:
    from .app import run as run_app
    link = None
    if getattr(args, "phones", False):
        from .phones_start import start_phones
        link = start_phones(scenario, args)
        if link is None:
            return 2

    def start(app):
        if link is not None and link.room.mode == "solo":
            from .phones_start import open_solo
            open_solo(app, link, scenario, db_path(args.db))
            return
        open_workshop(app, scenario, db=args.db, teams=args.teams, seed=args.seed,
                      countdown=args.countdown)
        if link is not None:
            from .phones_start import open_join
            open_join(app, link)
    try:
        return run_app(None, args, start=start)
    finally:
        if link is not None:
            link.stop()
