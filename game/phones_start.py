"""Starting workshop mode with phones (``weerbaar workshop FILE --phones``): the server,
the one line ``join: URL`` on standard output, and the first screen the projector shows."""
from __future__ import annotations

import random
import sys

from storage.paths import db_path
from storage.workshops import new_id
from web.server import ServerError
from web.solo import SoloSetup

from .phones import PhoneLink


def start_phones(scenario, args) -> PhoneLink | None:
    """The running phone server, or None (reported on stderr) when it cannot start."""
    solo = None
    db = db_path(args.db)
    if args.solo:
        seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
        solo = SoloSetup(scenario, db, seed, new_id())
    try:
        link = PhoneLink.start(solo=solo, host=args.host, port=args.port, db=db,
                               scenario_id=scenario.id)
    except ServerError as exc:
        print(f"weerbaar workshop: error: --phones: {exc} (give another --port or --host)",
              file=sys.stderr)
        return None
    print(f"join: {link.url}", flush=True)
    if link.server.advertised.startswith("127.") and args.host is None:
        print("weerbaar workshop: warning: no network found, so phones cannot reach this "
              "address; connect the laptop to the Wi-Fi (or its hotspot) and start again, or "
              "give --host", file=sys.stderr)
    return link


def open_join(app, link) -> None:
    """The QR code over the workshop's setup: Enter goes on to it."""
    from .screens.phones_room import PhonesJoinScreen
    app.phones = link
    app.push(PhonesJoinScreen(app, link))


def open_solo(app, link, scenario, db) -> None:
    """Solo play: the projector shows the QR code and the room's progress."""
    from .screens.phones_room import PhonesJoinScreen
    app.phones = link
    app.push(PhonesJoinScreen(app, link, scenario, db))
