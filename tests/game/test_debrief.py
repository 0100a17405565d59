"""The group debrief through the real loop: marking sessions in the list, the bars per
decision, the endings, the meters over time and two sessions side by side."""
from __future__ import annotations

import pygame

from weerbaar.game.screens.debrief import DebriefScreen
from weerbaar.game.screens.debrief_views import ChoicesPage, ComparePage, EndingsPage, MetersPage
from weerbaar.game.screens.replay import ReplayScreen

from .recorded import db, open_sessions_from_title, record_plays, recorded_driver  # noqa: F401

PLAYS = [("Team 1", ["reageren", "uitleggen"]),        # ends in gemengd (trust 50)
         ("Team 2", ["navragen", "uitleggen"]),        # goed (trust 65)
         ("Team 3", ["navragen", "geen_commentaar"])]  # gemengd (trust 40)


def open_debrief(d) -> DebriefScreen:
    listing = open_sessions_from_title(d)
    for _ in listing.rows:                      # Space marks the row in focus, ↓ moves on
        d.key(pygame.K_SPACE)
        d.key(pygame.K_DOWN)
    assert listing.marked == {r.id for r in listing.rows}
    assert "3 aangevinkt" in d.app.text.rendered
    d.click(listing.debrief_button.rect.center)
    assert isinstance(d.top, DebriefScreen)
    return d.top


def bars(page) -> dict[str, int]:
    return {b.label: b.value for b in page.chart.bars}


def test_space_marks_and_enter_replays(recorded_driver, db, scenario_dir):
    record_plays(db, scenario_dir / "voorbeeld.yaml", PLAYS)
    d = recorded_driver()
    listing = open_sessions_from_title(d)
    assert [r.summary.label for r in listing.rows] == ["Team 3", "Team 2", "Team 1"]  # latest first
    d.key(pygame.K_SPACE)
    d.key(pygame.K_SPACE)
    assert listing.marked == set()
    d.click(listing.all_button.rect.center)     # every session of this scenario
    assert len(listing.marked) == 3 and listing.debrief_button.enabled
    d.click(listing.rows[1].box_rect().center)  # a click on the box unmarks
    assert len(listing.marked) == 2 and listing.rows[1].id not in listing.marked
    d.key(pygame.K_RETURN)                      # Enter on that row: its replay, not a mark
    assert isinstance(d.top, ReplayScreen) and d.top.record.label == "Team 2"
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, ReplayScreen) and d.top.record.label == "Team 1"


def test_the_group_debrief_counts_choices_and_endings(recorded_driver, db, scenario_dir):
    record_plays(db, scenario_dir / "voorbeeld.yaml", PLAYS)
    d = recorded_driver()
    debrief = open_debrief(d)
    page = debrief.page
    assert isinstance(page, ChoicesPage) and page.tally.scene == "begin"
    assert bars(page) == {"Meteen in de groep reageren: 'Klopt niet!'": 1,
                          "Eerst met de communicatieadviseur de feiten op een rij zetten": 2}
    drawn = d.app.text.rendered
    assert {"Beslissing 1 van 2", "2  (67%)", "1  (33%)", "Team 2 en Team 3",
            "3 keer hier gekozen, in 3 sessies"} <= drawn
    d.key(pygame.K_RIGHT)
    page = debrief.page
    assert page.tally.scene == "journalist"
    assert bars(page) == {"Uitleggen wat er wel en niet besloten is": 2, "'Geen commentaar.'": 1}
    d.key(pygame.K_2)
    page = debrief.page
    assert isinstance(page, EndingsPage)
    assert bars(page) == {"Het gerucht dooft uit": 1, "Onrust blijft": 2, "Het gerucht wint": 0}
    assert [b.label for b in page.chart.bars][0] == "Onrust blijft"   # the most reached first
    assert {"2  (67%)", "Team 1 en Team 3", "niet bereikt", "Wat hielp het meest?",
            "Wat had je anders kunnen doen?"} <= d.app.text.rendered
    assert "Waar ging het mis?" not in d.app.text.rendered   # questions of endings reached


def test_meters_over_time_and_two_sessions_side_by_side(recorded_driver, db, scenario_dir):
    record_plays(db, scenario_dir / "voorbeeld.yaml", PLAYS)
    d = recorded_driver()
    debrief = open_debrief(d)
    d.key(pygame.K_3)
    page = debrief.page
    assert isinstance(page, MetersPage)
    lines = {s.label: s.points for s in page.chart.series}
    assert lines == {"Team 1": (50, 40, 50), "Team 2": (50, 55, 65), "Team 3": (50, 55, 40)}
    assert "Vertrouwen door de tijd" in d.app.text.rendered
    x, y = page.chart.point_xy(1, 2)
    d.move((x, y))                              # hovering a point names it
    assert page.chart.hover == (1, 2)
    assert "Team 2 · 2: 65" in d.app.text.rendered
    d.key(pygame.K_RIGHT)
    assert debrief.page.series.id == "rust"
    d.key(pygame.K_4)
    page = debrief.page
    assert isinstance(page, ComparePage)
    c = page.comparison
    assert (c.a.label, c.b.label, c.first_difference) == ("Team 1", "Team 2", 0)
    assert "Bij keuze 1 gingen de wegen uiteen." in d.app.text.rendered
    d.key(pygame.K_RIGHT)                       # B: the next session
    c = debrief.page.comparison
    assert (c.a.label, c.b.label) == ("Team 1", "Team 3")
    assert [row.same for row in c.rows] == [False, False]


def test_the_debrief_follows_the_interface_language(recorded_driver, db, scenario_dir):
    record_plays(db, scenario_dir / "voorbeeld.yaml", PLAYS)
    d = recorded_driver()
    d.settings(language="en")
    d.step()
    debrief = open_debrief_en(d)
    assert "The rumour in the group chat" in debrief.debrief.title
    assert {"Decision 1 of 2", "Team 2 and Team 3"} <= d.app.text.rendered


def open_debrief_en(d) -> DebriefScreen:
    listing = open_sessions_from_title(d)
    d.click(listing.all_button.rect.center)
    d.click(listing.debrief_button.rect.center)
    return d.top
