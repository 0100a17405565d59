"""Workshops in the store: the teams of a workshop found from their sessions' ``extra``,
the team that plays now, teams that have not started, and a workshop closed by a new one."""
from weerbaar.engine.session import Session
from weerbaar.storage import Recorder, workshops

from .helpers import record


def team_session(store, scenario, workshop_id, teams, index, moves, finish=True):
    session = Session(scenario, seed=4)
    recorder = Recorder.start(store, session, language="nl", label=f"Team {teams[index]}",
                              mode="workshop", extra=workshops.extra_for(workshop_id, teams, index))
    for move in moves:
        while session.view.can_continue:
            session.advance()
        recorder.tally_next({move: 3}, overridden=False)
        session.choose(move)
        session.proceed()
    while finish and session.view.can_continue:
        session.advance()
    return recorder.session_id


def test_a_workshop_is_found_with_its_teams_and_the_team_that_plays_now(store, scenario):
    record(store, scenario, ["navragen"])                     # an ordinary play: not a workshop
    wid = workshops.new_id()
    teams = ["Noord", "Zuid", "West"]
    first = team_session(store, scenario, wid, teams, 0, ["navragen", "uitleggen"])
    second = team_session(store, scenario, wid, teams, 1, ["reageren"], finish=False)

    [ws] = workshops.workshops(store)
    assert ws.id == wid and ws.scenario_id == "voorbeeld" and not ws.finished
    assert [(t.name, t.session_id, t.decisions, t.done) for t in ws.teams] == [
        ("Noord", first, 2, True), ("Zuid", second, 1, False), ("West", None, 0, False)]
    assert ws.current.name == "Zuid" and ws.session_ids == (first, second)
    assert workshops.unfinished(store, "voorbeeld") == ws
    assert workshops.unfinished(store, "other") is None
    assert workshops.find(store, wid) == ws
    assert dict(store.get(first).path[0].votes) == {"navragen": 3}


def test_a_finished_or_closed_workshop_is_not_offered(store, scenario):
    done = workshops.new_id()
    team_session(store, scenario, done, ["A"], 0, ["navragen", "uitleggen"])
    assert workshops.workshops(store)[0].finished
    assert workshops.unfinished(store) is None

    left = workshops.new_id()
    sid = team_session(store, scenario, left, ["A", "B"], 0, ["navragen"], finish=False)
    ws = workshops.unfinished(store)
    assert ws.id == left
    workshops.close_workshop(store, ws)
    assert workshops.unfinished(store) is None
    assert workshops.find(store, left).closed
    assert store.get(sid).extra["workshop"]["teams"] == ["A", "B"]  # the rest is kept


def test_malformed_workshop_extras_are_ignored(store, scenario):
    for extra in ({"workshop": "x"}, {"workshop": {"id": 3, "teams": ["A"], "team": 0}},
                  {"workshop": {"id": "w", "teams": ["A"], "team": 2}},
                  {"workshop": {"id": "w", "teams": "A", "team": 0}}):
        Recorder.start(store, Session(scenario), language="nl", mode="workshop", extra=extra)
    assert workshops.workshops(store) == []
