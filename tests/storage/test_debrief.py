"""The group debrief and the comparison of two sessions, as data."""
import pytest

from weerbaar.storage import ScenarioLibrary
from weerbaar.debrief.compare import compare_sessions
from weerbaar.debrief.group import by_scenario, group_debrief, group_debriefs, meter_points

from .helpers import record

PLAYS = {
    "Team 1": ["navragen", "uitleggen"],                      # goed
    "Team 2": ["reageren", "geen_commentaar"],                # slecht
    "Team 3": ["navragen", "geen_commentaar"],                # gemengd
    "Team 4": ["reageren", "uitleggen", "undo", "uitleggen"],  # gemengd
}


@pytest.fixture
def workshop(store, scenario):
    for label, moves in PLAYS.items():
        record(store, scenario, moves, label=label)
    record(store, scenario, ["reageren"], label="Team 5", finish=False)
    return store.records()


def test_choices_per_decision_are_counted(workshop, scenario):
    g = group_debrief(workshop, scenario, "nl")
    assert [t.scene for t in g.decisions] == ["begin", "journalist"]
    begin, journalist = g.decisions
    assert [(o.id, o.count) for o in begin.choices] == [("reageren", 3), ("navragen", 2)]
    assert begin.choices[0].labels == ("Team 2", "Team 4", "Team 5")
    assert [(o.id, o.count) for o in journalist.choices] == [("uitleggen", 2), ("geen_commentaar", 2)]
    assert begin.total == 5 and journalist.total == 4 and begin.most == 3
    assert begin.note.startswith("Snel reageren") and begin.text.startswith("Je telefoon trilt")
    assert journalist.text == "Sanne belt: 'Ik hoor over een azc op het sportveld. Klopt dat?'"
    assert journalist.choices[1].note == "Zwijgen laat het verhaal aan anderen."


def test_endings_reached_with_their_questions(workshop, scenario):
    g = group_debrief(workshop, scenario, "en")
    assert [(e.id, e.count, e.labels) for e in g.endings] == [
        ("goed", 1, ("Team 1",)), ("gemengd", 2, ("Team 3", "Team 4")), ("slecht", 1, ("Team 2",))]
    assert g.endings[0].questions == ("What helped most?",)
    assert [e.id for e in g.reached] == ["goed", "gemengd", "slecht"]
    assert g.sessions[-1].ending is None and g.sessions[-1].decisions == 1


def test_meters_over_time_per_session(workshop, scenario):
    g = group_debrief(workshop, scenario, "nl")
    trust = next(m for m in g.meters if m.id == "vertrouwen")
    assert (trust.label, trust.min, trust.max) == ("Vertrouwen", 0, 100)
    assert {l.label: l.points for l in trust.lines} == {
        "Team 1": (50, 55, 65), "Team 2": (50, 40, 25), "Team 3": (50, 55, 40),
        "Team 4": (50, 40, 50), "Team 5": (50, 40)}


def test_meter_points_without_decisions(store, scenario):
    r = store.get(record(store, scenario, [], finish=False))
    assert meter_points(r, "vertrouwen") == ()


def test_sessions_are_grouped_per_scenario(workshop, scenario):
    assert list(by_scenario(workshop)) == ["voorbeeld"]
    with pytest.raises(ValueError):
        group_debrief(workshop, scenario.__class__(**{**scenario.__dict__, "id": "other"}), "nl")


def test_two_sessions_compared_side_by_side(workshop, scenario):
    by_label = {r.label: r for r in workshop}
    c = compare_sessions(by_label["Team 1"], by_label["Team 3"], scenario, "nl")
    assert [r.same for r in c.rows] == [True, False] and c.first_difference == 1
    assert (c.rows[1].a.choice, c.rows[1].b.choice) == ("uitleggen", "geen_commentaar")
    assert [(m.id, m.a, m.b) for m in c.meters] == [("vertrouwen", 65, 40), ("rust", 40, 45)]
    assert (c.a.ending_title, c.b.ending_title) == ("Het gerucht dooft uit", "Onrust blijft")
    short = compare_sessions(by_label["Team 2"], by_label["Team 5"], scenario, "nl")
    assert short.rows[1].b is None and short.first_difference == 1
    same = compare_sessions(by_label["Team 1"], by_label["Team 1"], scenario, "nl")
    assert same.first_difference is None


def test_group_debriefs_per_scenario_from_the_store(workshop, store):
    [g] = group_debriefs(workshop, ScenarioLibrary(store), "en")
    assert g.title == "The rumour in the group chat" and len(g.sessions) == 5
    assert g.versions == (workshop[0].content_hash,)
