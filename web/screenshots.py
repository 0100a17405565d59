"""Screenshots of the phone pages and the projector's phone screens, for docs/screenshots/:

    .venv/bin/python -m weerbaar.web.screenshots [OUT]

The phone pages are taken in the system Chromium at 390×844 (Playwright, as in the tests):
joining, a vote, its result, a solo scene, a consequence and an ending. The projector's
join screen (QR code, room code) and solo progress come from the game window (SDL's dummy
driver). Needs the test extras (Playwright).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .. import resources

ROOT = Path(__file__).resolve().parent.parent  # the checkout: docs/screenshots/ is there
EXAMPLE = resources.shipped_scenario("voorbeeld")
OPTIONS = [("reageren", "A", "Meteen in de groep reageren: 'Klopt niet!'"),
           ("navragen", "B", "Eerst met de communicatieadviseur de feiten op een rij zetten")]


def phone_shots(out: Path, db: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from ..engine.loader import load_scenario
    from .room import SOLO, VOTE, Room
    from .server import PhoneServer
    from .solo import SoloSetup
    from tests.web.browser import launch, phone
    written = []

    def shot(page, name):
        path = out / f"phone-{name}.png"
        page.screenshot(path=str(path))
        written.append(path)

    with sync_playwright() as p:
        browser = launch(p)
        with PhoneServer(Room(VOTE), host="127.0.0.1", port=0) as server:
            page = phone(browser).new_page()
            page.goto(server.url)
            page.get_by_label("Je naam of een schuilnaam (mag leeg blijven)").fill("Reiger")
            shot(page, "join")
            page.get_by_role("button", name="Meedoen").click()
            page.get_by_text("Je doet mee als Reiger").wait_for()
            server.room.open_ballot("Je telefoon trilt al de hele ochtend. In de dorpsappgroep "
                                    "gaat een gerucht rond.", OPTIONS)
            page.get_by_role("button", name="B Eerst met de communicatieadviseur de feiten op "
                                            "een rij zetten").click()
            page.get_by_text("Je stem: B").wait_for()
            shot(page, "vote")
            for letter in ["A"] * 4 + ["B"] * 9:
                device, _ = server.room.join("", "nl")
                server.room.cast(device, server.room.ballot.id, letter)
            server.room.close_ballot()
            page.get_by_text("Uitslag van de zaal").wait_for()
            shot(page, "vote-result")
        room = Room(SOLO)
        setup = SoloSetup(load_scenario(str(EXAMPLE)), db, 2, "shots")
        with PhoneServer(room, solo=setup, host="127.0.0.1", port=0) as server:
            page = phone(browser).new_page()
            page.goto(server.url)
            page.get_by_label("Je naam of een schuilnaam (mag leeg blijven)").fill("Ooievaar")
            page.get_by_role("button", name="Meedoen").click()
            page.get_by_text("Gert (buurman)").wait_for()
            shot(page, "solo")
            page.locator("button.choice").nth(1).click()
            page.get_by_role("heading", name="Wat er gebeurde").wait_for()
            shot(page, "consequence")
            for _ in range(20):
                if page.get_by_text("Einde", exact=True).count():
                    break
                before = page.locator("main").get_attribute("data-screen")
                choices = page.locator("button.choice")
                (choices.first if choices.count() else
                 page.get_by_role("button", name="Verder")).click()
                page.wait_for_function(
                    f"document.querySelector('main').dataset.screen !== {before!r}")
            page.get_by_text("Einde", exact=True).wait_for()
            shot(page, "ending")
        browser.close()
    return written


def projector_shots(out: Path, db: Path) -> list[Path]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from ..engine.loader import load_scenario
    from ..game.phones import PhoneLink
    from ..game.screens.phones_room import PhonesJoinScreen
    from ..game.screenshots import Shooter
    from .solo import SoloSetup
    scenario = load_scenario(str(EXAMPLE))
    shooter = Shooter(out, resources.scenarios_dir(), db.parent / "config")
    size = (1280, 720)
    link = PhoneLink.start(solo=None, host=None, port=0)
    try:
        app = shooter.app(size)
        for name in ("", "", "Els", "Kees", "", "Fatima", "", ""):
            link.room.join(name, "nl")
        app.push(PhonesJoinScreen(app, link))
        shooter.save(app, "phones-join", size)
        app.close()
    finally:
        link.stop()
    link = PhoneLink.start(solo=SoloSetup(scenario, db, 2, "shots2"), host=None, port=0)
    try:
        app = shooter.app(size)
        screen = PhonesJoinScreen(app, link, scenario, db)
        endings = list(scenario.endings)
        for i in range(12):
            device, _ = link.room.join("", "nl")
            ending = endings[i % len(endings)] if i >= 8 else None
            link.room.note_progress(device, f"s{i}", i % 3 if ending is None else 2, ending)
        app.push(screen)
        shooter.save(app, "phones-solo-progress", size)
        app.close()
    finally:
        link.stop()
    return shooter.written


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        written = phone_shots(out, Path(tmp) / "phones.db")
        written += projector_shots(out, Path(tmp) / "projector.db")
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
