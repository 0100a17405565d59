"""Starting workshop mode with phones (``weerbaar workshop FILE --phones``): the server,
the one line ``join: URL`` on standard output, and the first screen the projector shows."""
from __future__ import annotations

import random
import sys

from ..storage.paths import db_path
from ..storage.workshops import new_id
from ..web.server import ServerError
from ..web.solo import SoloSetup

from .options import GameOptions, WorkshopOptions
from .phones import PhoneLink


def start_phones(scenario, options: GameOptions, workshop: WorkshopOptions) -> PhoneLink | None:
    """The running phone server, or None (reported on stderr) when it cannot start."""
    solo = None
    phones = workshop.phones
    db = db_path(options.db)
    if phones.solo:
        seed = (workshop.seed if workshop.seed is not None
                else random.SystemRandom().randrange(2**31))
        solo = SoloSetup(scenario, db, seed, new_id())
    try:
        link = PhoneLink.start(solo=solo, host=phones.host, port=phones.port, db=db,
                               scenario_id=scenario.id)
    except ServerError as exc:
        print(f"weerbaar workshop: error: --phones: {exc} (give another --port or --host)",
              file=sys.stderr)
        return None
    print(f"join: {link.url}", flush=True)
    if link.server.advertised.startswith("127.") and phones.host is None:
        print("weerbaar workshop: warning: no network found, so phones cannot reach this "
              "address; connect the laptop to the Wi-Fi (or its hotspot) and start again, or "
              "give --host", file=sys.stderr)
    return link


def open_join(app, link) -> None:
    """The QR code over the workshop's setup: Enter goes on to it."""
    from .screens.phones_room import PhonesJoinScreen
    app.phones = link
    app.push(PhonesJoinScreen(app, link))


def open_solo(app, link, scenario) -> None:
    """Solo play: the projector shows the QR code and the room's progress; its debrief reads
    the app's database."""
    from .screens.phones_room import PhonesJoinScreen
    app.phones = link
    app.push(PhonesJoinScreen(app, link, scenario, app.recording))
