"""The phone page in a real browser (system Chromium at 390×844), against a real server:
join with the code, vote, change the vote, play solo to an ending, come back after a reload."""
import re

import pytest
from playwright.sync_api import expect, sync_playwright

from weerbaar.web.limits import Limits
from weerbaar.web.room import SOLO, VOTE, Room
from weerbaar.web.server import PhoneServer
from weerbaar.web.solo import SoloSetup

from .browser import launch, phone
from .conftest import stored_sessions

CHOICES = [("reageren", "A", "Meteen in de groep reageren"),
           ("navragen", "B", "Eerst de feiten op een rij <b>zetten</b>")]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def vote_server():
    room = Room(VOTE, Limits(address_burst=100))
    with PhoneServer(room, host="127.0.0.1", port=0) as server:
        yield server


@pytest.fixture
def solo_server(scenario, db):
    room = Room(SOLO, Limits(address_burst=100))
    with PhoneServer(room, solo=SoloSetup(scenario, db, 5, "w"), host="127.0.0.1",
                     port=0) as server:
        yield server


def fits(page) -> bool:
    """Nothing wider than the phone: no sideways scrolling."""
    return page.evaluate("document.documentElement.scrollWidth") <= 390


def join(page, server, name=""):
    page.goto(server.url)
    expect(page.get_by_label("Kamercode")).to_have_value(server.room.code)
    if name:
        page.get_by_label(re.compile("schuilnaam")).fill(name)
    page.get_by_role("button", name="Meedoen").click()


def test_join_vote_and_change_the_vote(browser, vote_server):
    room = vote_server.room
    ctx = phone(browser)
    page = ctx.new_page()
    page.goto(f"http://127.0.0.1:{vote_server.port}/")
    page.get_by_label("Kamercode").fill("WRONG9")
    page.get_by_role("button", name="Meedoen").click()
    expect(page.get_by_role("alert")).to_contain_text("bestaat niet")
    expect(page.get_by_label("Kamercode")).to_have_value("WRONG9")  # kept for correcting
    page.get_by_label("Kamercode").fill(room.code.lower())
    page.get_by_role("button", name="Meedoen").click()
    expect(page.get_by_role("heading", name="Wacht op de volgende vraag.")).to_be_visible()

    room.open_ballot("Je telefoon trilt al de hele ochtend.", CHOICES)
    expect(page.get_by_role("heading", name="Stemming")).to_be_visible()
    # scenario text stays text: the tags show, nothing is made bold
    b = page.get_by_role("button", name=re.compile("feiten op een rij"))
    expect(b).to_contain_text("<b>zetten</b>")
    page.get_by_role("button", name=re.compile("Meteen")).click()
    expect(page.get_by_role("status")).to_contain_text("Je stem: A")
    assert room.totals() == {"reageren": 1, "navragen": 0}
    b.click()
    expect(page.get_by_role("status")).to_contain_text("Je stem: B")
    expect(b).to_have_attribute("aria-pressed", "true")
    assert fits(page)
    assert room.totals() == {"reageren": 0, "navragen": 1}

    room.close_ballot()
    expect(page.get_by_role("heading", name="De stemming is gesloten.")).to_be_visible()
    expect(page.get_by_role("list", name="Uitslag van de zaal")).to_contain_text("1 stem")
    assert page.get_by_role("button", name=re.compile("Meteen")).count() == 0
    ctx.close()


def test_reconnect_after_a_reload_keeps_the_vote(browser, vote_server):
    room = vote_server.room
    ctx = phone(browser)
    page = ctx.new_page()
    join(page, vote_server, name="Ooievaar")
    room.open_ballot("Wat doe je?", CHOICES)
    page.get_by_role("button", name=re.compile("Meteen")).click()
    expect(page.get_by_role("status")).to_contain_text("Je stem: A")
    page.reload()
    expect(page.get_by_text("Je doet mee als Ooievaar")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Meteen"))).to_have_attribute(
        "aria-pressed", "true")
    assert len(room.devices) == 1 and room.totals() == {"reageren": 1, "navragen": 0}
    # asleep while a new vote opens: on waking, the page shows it
    room.close_ballot()
    room.open_ballot("Tweede vraag", CHOICES)
    expect(page.get_by_text("Tweede vraag")).to_be_visible()
    ctx.close()


def test_english_on_request(browser, vote_server):
    ctx = phone(browser)
    page = ctx.new_page()
    page.goto(vote_server.url)
    page.get_by_role("button", name="English").click()
    expect(page.get_by_label("Room code")).to_be_visible()
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", name="Waiting for the next question.")).to_be_visible()
    ctx.close()


def test_solo_play_to_an_ending_and_back_after_a_reload(browser, solo_server, db):
    ctx = phone(browser)
    page = ctx.new_page()
    join(page, solo_server, name="Reiger")
    expect(page.get_by_role("region", name=re.compile("WhatsApp-groep"))).to_contain_text("Gert")
    page.get_by_role("button", name=re.compile("feiten op een rij")).click()
    expect(page.get_by_role("heading", name="Wat er gebeurde")).to_be_visible()
    expect(page.get_by_role("list").first).to_contain_text("Vertrouwen: 50 → 55 (+5)")
    page.reload()  # back where it was: the consequence of the first decision
    expect(page.get_by_role("heading", name="Wat er gebeurde")).to_be_visible()
    page.get_by_role("button", name="Verder").click()
    for _ in range(30):
        if page.get_by_text("Einde", exact=True).count():
            break
        before = page.locator("main").get_attribute("data-screen")
        choices = page.locator("button.choice")
        if choices.count():
            choices.first.click()
        else:
            page.get_by_role("button", name="Verder").click()
        expect(page.locator("main")).not_to_have_attribute("data-screen", before)
        assert fits(page)
    expect(page.get_by_text("Einde", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile("Bedankt voor het spelen"))).to_be_visible()
    page.get_by_role("button", name="English").click()  # the interface and the scenario
    expect(page.get_by_text("The end", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", level=2)).to_have_text(re.compile(
        "The rumour dies down|Unrest remains|The rumour wins"))
    [record] = stored_sessions(db)
    assert record.label == "Reiger" and record.ended and len(record.decisions) >= 2
    _, endings = solo_server.room.progress_summary()
    assert endings == {record.ending: 1}
    ctx.close()


def test_the_page_reconnects_when_the_laptop_comes_back(browser, db):
    from weerbaar.web import keep
    path = keep.path_for(db)
    room = Room(VOTE, Limits(address_burst=100))
    room.listeners.append(keep.Keeper(room, path, "voorbeeld"))
    server = PhoneServer(room, host="127.0.0.1", port=0).start()
    port = server.port
    ctx = phone(browser)
    page = ctx.new_page()
    try:
        join(page, server, name="Ooievaar")
        expect(page.get_by_role("heading", name="Wacht op de volgende vraag.")).to_be_visible()
        server.stop()                                 # the laptop crashes …
        back = keep.restore(path, mode=VOTE, scenario="voorbeeld")
        server = PhoneServer(back, host="127.0.0.1", port=port).start()  # … and comes back
        back.open_ballot("Na de herstart", CHOICES)
        expect(page.get_by_text("Na de herstart")).to_be_visible(timeout=15_000)
        page.get_by_role("button", name=re.compile("Meteen")).click()
        expect(page.get_by_role("status")).to_contain_text("Je stem: A")
        assert back.totals() == {"reageren": 1, "navragen": 0}
    finally:
        server.stop()
        ctx.close()
