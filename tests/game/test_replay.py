"""The replay screens through the real loop: from the title screen to the list of recorded
sessions, stepping through one with the arrow keys, "what if" without touching the
recording, an older scenario version, and an empty or missing database."""
from __future__ import annotations

import pygame

from weerbaar.engine import load_scenario
from weerbaar.engine.state import Phase
from weerbaar.game.screens.replay import ReplayScreen
from weerbaar.game.screens.replay_whatif import WhatIfEnding, WhatIfScreen
from weerbaar.game.screens.sessions_list import SessionsScreen
from weerbaar.storage import SessionStore

from ..storage.helpers import record
from .recorded import (db, open_replay_from_title, open_sessions_from_title,  # noqa: F401
                       record_plays, recorded_driver, row_counts)

TEAM_1 = ("Team 1", ["reageren", "uitleggen"])


def test_open_a_replay_from_the_title_screen_and_step_with_the_arrow_keys(recorded_driver, db,
                                                                         scenario_dir):
    record_plays(db, scenario_dir / "voorbeeld.yaml", [TEAM_1])
    d = recorded_driver()
    listing = open_sessions_from_title(d)
    assert [r.summary.label for r in listing.rows] == ["Team 1"]
    assert "Het gerucht in de appgroep · " in " ".join(d.app.text.rendered)
    d.key(pygame.K_RETURN)
    replay = d.top
    assert isinstance(replay, ReplayScreen) and replay.index == 0
    step = replay.step
    assert (step.kind, step.scene, step.chosen) == ("decision", "begin", "reageren")
    drawn = d.app.text.rendered
    assert {"Stap 1 van 4 · Beslissing", "GEKOZEN", "NIET GEKOZEN",
            "Meteen in de groep reageren: 'Klopt niet!'"} <= drawn
    assert "Dit had geleid tot: Ahmed zet de feiten op een rij: er is geen besluit, wel een " \
           "verkennend gesprek geweest." in drawn           # the road not taken
    assert any(s.startswith("Snel reageren voelt goed") for s in drawn)   # the facilitator note
    assert any(s.startswith("Vertrouwen  (van 50 naar 40)") for s in drawn)
    d.key(pygame.K_RIGHT)
    assert replay.index == 1 and replay.step.scene == "journalist"
    assert ("Deze tekst verschijnt omdat je bij ‘WhatsApp-groep 'Wij zijn Oosterend'’ (stap 1) "
            "koos: ‘Meteen in de groep reageren: 'Klopt niet!'’.") in d.app.text.rendered
    assert "Sanne belt: 'U zei in de appgroep dat het niet klopt. Maar er wás toch een " \
           "gesprek?'" in d.app.text.rendered              # the text variant shown then
    d.key(pygame.K_RIGHT)
    d.key(pygame.K_RIGHT)
    d.key(pygame.K_RIGHT)  # past the last step: stays there
    assert replay.index == 3 and replay.step.kind == "ending"
    assert "Onrust blijft" in d.app.text.rendered
    d.key(pygame.K_LEFT)
    assert replay.index == 2 and replay.step.kind == "passage"
    d.key(pygame.K_ESCAPE)
    assert d.top is listing


def test_a_choice_hidden_by_a_condition_is_shown_with_the_reason(recorded_driver, db,
                                                                  scenario_dir):
    record_plays(db, scenario_dir / "showcase.yaml", [("Wethouder A", ["zwijgen", "reageren"])])
    d = recorded_driver()
    open_replay_from_title(d)
    hidden = [o for o in d.top.step.choices if o.hidden]
    assert [o.id for o in hidden] == ["verborgen"]
    assert {"VERBORGEN", "Een keuze die pas later kan",
            "Deze keuze was er niet omdat je bij ‘Eef kijkt je aan’ niet koos: ‘Niets zeggen’."
            } <= d.app.text.rendered  # the flag it needs is set by that option only


def test_clicking_the_strip_jumps_to_a_step(recorded_driver, db, scenario_dir):
    record_plays(db, scenario_dir / "voorbeeld.yaml", [TEAM_1])
    d = recorded_driver()
    open_replay_from_title(d)
    replay = d.top
    d.click(replay.strip._cells[3].center)
    assert replay.index == 3


def test_what_if_plays_on_live_and_leaves_the_recording_unchanged(recorded_driver, db,
                                                                  scenario_dir):
    record_plays(db, scenario_dir / "voorbeeld.yaml", [TEAM_1])
    before = row_counts(db)
    d = recorded_driver()
    open_replay_from_title(d)
    replay = d.top
    d.key(pygame.K_RIGHT)                      # step 2: the journalist
    d.click(replay.whatif.rect.center)
    whatif = d.top
    assert isinstance(whatif, WhatIfScreen)
    s = whatif.session
    assert s.listeners == [] and s.scene_id == "journalist"
    assert [x.choice for x in s.decisions] == ["reageren"]
    assert "WAT ALS" in d.app.text.rendered
    d.key(pygame.K_2)                          # another choice than recorded: 'Geen commentaar.'
    assert s.phase is Phase.CONSEQUENCE and s.decisions[-1].choice == "geen_commentaar"
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)                     # the evening: on to the ending
    assert s.ended and s.view.ending.id == "slecht"
    assert isinstance(d.top, WhatIfEnding)
    d.click(d.top.again.rect.center)           # again from the same step
    assert d.top is whatif and whatif.session.scene_id == "journalist"
    assert len(whatif.session.decisions) == 1
    d.key(pygame.K_ESCAPE)
    assert d.top is replay
    assert row_counts(db) == before            # nothing recorded, nothing changed
    with SessionStore(db, create=False) as store:
        [summary] = store.list()
        assert [x.choice for x in store.get(summary.id).decisions] == ["reageren", "uitleggen"]


def test_an_unfinished_session_ends_where_it_stopped_and_plays_on_from_there(
        recorded_driver, db, scenario_dir):
    with SessionStore(db) as store:
        record(store, load_scenario(str(scenario_dir / "voorbeeld.yaml")), ["navragen"],
               label="Team 4", finish=False)
    d = recorded_driver()
    listing = open_sessions_from_title(d)
    assert "nog bezig" in d.app.text.rendered
    d.key(pygame.K_RETURN)
    replay = d.top
    assert [s.kind for s in replay.replay.steps] == ["decision", "open"]
    d.key(pygame.K_RIGHT)
    assert "Hier stopte de sessie" in " ".join(d.app.text.rendered)
    d.click(replay.whatif.rect.center)
    assert d.top.session.scene_id == "journalist" and d.top.session.listeners == []
    assert listing in d.app.stack


def test_an_older_scenario_version_shows_the_difference_and_steps_as_recorded(
        recorded_driver, db, scenario_dir):
    path = scenario_dir / "voorbeeld.yaml"
    record_plays(db, path, [TEAM_1])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('version: "1.0"', 'version: "1.1"')
                    .replace("- id: uitleggen", "- id: toelichten"), encoding="utf-8")
    d = recorded_driver()
    open_replay_from_title(d)
    replay = d.top
    assert replay.replay.exact and replay.switch is not None
    assert any(s.startswith("Het scenariobestand is veranderd sinds deze sessie (nu versie 1.1")
               for s in d.app.text.rendered)
    d.click(replay.switch.rect.center)         # show it on the current version
    assert replay.on_current and not replay.replay.version.same
    assert any(s.startswith("Gespeeld op versie 1.0 (") for s in d.app.text.rendered)
    d.key(pygame.K_RIGHT)
    step = replay.step
    assert not step.exact and step.chosen == "uitleggen"
    assert ("Keuze 'uitleggen' bestaat niet meer in scène 'journalist': getoond zoals "
            "opgenomen.") in d.app.text.rendered
    assert not replay.whatif.enabled           # a step shown as recorded cannot be played on


def test_a_missing_or_empty_database_is_a_message_not_a_crash(recorded_driver, db):
    d = recorded_driver()
    listing = open_sessions_from_title(d)
    assert listing.problem[0] == "sessions_missing"
    assert any("bestaat nog niet" in s for s in d.app.text.rendered)
    assert not listing.replay_button.enabled and not listing.debrief_button.enabled
    d.key(pygame.K_RETURN)
    d.key(pygame.K_ESCAPE)
    SessionStore(db).close()                   # now it exists, without sessions
    open_sessions_from_title(d)
    assert d.top.problem[0] == "sessions_none"


def test_the_replay_command_opens_the_session_over_the_list(monkeypatch, make_app, db,
                                                           scenario_dir, capsys):
    import weerbaar.cli.replay
    from weerbaar import cli
    from weerbaar.game.recording import GameRecording
    [sid] = record_plays(db, scenario_dir / "voorbeeld.yaml", [TEAM_1])
    started = []
    monkeypatch.setattr(cli.replay, "run_game",
                        lambda path, args, start: started.append(start) or 0)
    assert cli.replay.run(_args(db=str(db), session=sid[:6])) == 0
    app = make_app(recording=GameRecording(db))
    app.to_title()
    started[0](app)
    assert isinstance(app.top, ReplayScreen) and app.top.record.id == sid
    assert isinstance(app.stack[-2], SessionsScreen)
    assert cli.replay.run(_args(db=str(db), session="zzzz")) == 2
    assert "no session with id 'zzzz'" in capsys.readouterr().err
    assert cli.replay.run(_args(db=str(db.parent / "nope.db"), session=None)) == 2
    assert "no such database" in capsys.readouterr().err


def _args(**kw):
    from types import SimpleNamespace
    return SimpleNamespace(**kw)
