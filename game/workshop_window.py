"""``weerbaar workshop FILE``: the game window opened on the workshop's setup screen for
that scenario, with the phone server beside it when ``--phones`` asks for one.

Apart from ``game/workshop_main.py`` (which the title screen opens) so that the app does not
import itself through its own screens.
"""
from __future__ import annotations

from .app import run as run_app
from .options import GameOptions, WorkshopOptions
from .workshop_main import open_workshop


def run(scenario, options: GameOptions, workshop: WorkshopOptions) -> int:
    link = None
    if workshop.phones is not None:
        from .phones_start import start_phones
        link = start_phones(scenario, options, workshop)
        if link is None:
            return 2

    def start(app):
        if link is not None and link.room.mode == "solo":
            from .phones_start import open_solo
            open_solo(app, link, scenario)
            return
        open_workshop(app, scenario, teams=workshop.teams, seed=workshop.seed,
                      countdown=workshop.countdown)
        if link is not None:
            from .phones_start import open_join
            open_join(app, link)
    try:
        return run_app(None, options, start=start)
    finally:
        if link is not None:
            link.stop()
