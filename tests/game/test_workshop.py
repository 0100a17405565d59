"""Workshop mode through the real loop: a room votes at every decision (hands entered by key
and by click), a tie decided and a majority overridden by the facilitator, a note typed in
the facilitator view, two teams in turn and the group result; all of it in the store."""
from __future__ import annotations

import pygame
import pytest

from weerbaar.engine import load_scenario
from weerbaar.engine.state import Phase
from weerbaar.game.screens.debrief import DebriefScreen
from weerbaar.game.screens.title import TitleScreen
from weerbaar.game.screens.workshop_end import TeamEndScreen
from weerbaar.game.screens.workshop_facilitator import FacilitatorScreen
from weerbaar.game.screens.workshop_play import WorkshopScreen
from weerbaar.game.screens.workshop_setup import WorkshopSetupScreen
from weerbaar.game.screens.workshop_summary import WorkshopSummaryScreen
from weerbaar.game.widgets.tally import REVEALED, VOTING
from weerbaar.game.workshop_main import open_workshop
from weerbaar.game.workshop_vote import Vote
from weerbaar.storage import SessionStore, workshops

from .conftest import EXAMPLE
from .workshop_driver import Facilitator


@pytest.fixture
def example():
    return load_scenario(str(EXAMPLE))


def start(make_app, example, db, teams="Noord,Zuid", **kw):
    app = make_app(**kw)
    app.to_title()
    open_workshop(app, example, db=db, teams=teams, seed=3)
    f = Facilitator(app)
    f.step(n=2)
    return app, f


def drawn(app, *texts):
    missing = [t for t in texts if t not in app.text.rendered]
    assert not missing, missing


def test_a_whole_workshop_with_a_tie_an_override_a_note_and_two_teams(make_app, example, tmp_path):
    db = tmp_path / "ws.db"
    app, f = start(make_app, example, db)
    play = app.top
    assert isinstance(play, WorkshopScreen) and play.run.label == "Team Noord"
    drawn(app, "TEAM NOORD", "Wat doet Team Noord?", "Stemming openen",
          "Meteen in de groep reageren: 'Klopt niet!'", "A", "B")

    # Team Noord, decision 1: 7 hands for A, 12 for B; the majority is taken
    f.enter()
    assert play.board.phase == VOTING
    f.keys("a7b12")
    f.key(pygame.K_EQUALS)          # + one more for B, then − one again
    f.key(pygame.K_MINUS)
    assert play.board.vote.counts == {"reageren": 7, "navragen": 12}
    f.enter()
    assert play.board.phase == REVEALED and play.board.chosen == "navragen"
    f.step(n=3, dt=0.5)
    drawn(app, "Uitslag: 19 stemmen · Meerderheid: B", "Besluit: B", "63%", "12")
    f.enter()
    assert play.session.phase is Phase.CONSEQUENCE and play.panel is not None
    f.enter()
    assert play.session.scene_id == "journalist"

    # the facilitator view: the scene's note, the options' consequences ahead, a note typed
    f.tab()
    f.step()
    assert isinstance(app.top, FacilitatorScreen) and app.input.text_mode
    drawn(app, "Openheid naar de pers over wat wél en níet besloten is, helpt het gerucht te "
               "ontkrachten.", "Gevolg: Sanne schrijft een feitelijk stuk. Het gerucht verliest "
               "terrein.", "Nabespreking: Zwijgen laat het verhaal aan anderen.",
          "Vertrouwen +10 · Rust in het dorp −5")
    f.type("Groep 2 twijfelt: 'pers is de vijand'")
    f.key(pygame.K_BACKSPACE)
    f.enter()
    drawn(app, "• Groep 2 twijfelt: 'pers is de vijand", "Notitie bewaard.")
    f.tab()
    f.step()
    assert app.top is play and not app.input.text_mode

    # decision 2: a tie, which the facilitator decides
    f.enter()
    f.keys("a5b5")
    f.enter()
    assert play.board.vote.tie and play.board.chosen is None
    drawn(app, "Uitslag: 10 stemmen · Gelijke stand (A / B): de facilitator kiest",
          "Kies eerst een optie")
    f.enter()                        # nothing is taken on an undecided tie
    assert len(play.session.decisions) == 1
    f.key("b")
    f.enter()
    assert play.session.decisions[-1].choice == "geen_commentaar"
    f.enter()
    f.enter()                        # the evening: continue to the ending
    assert isinstance(app.top, TeamEndScreen)
    drawn(app, "Onrust blijft", "Volgende: Team Zuid", "2. B · 'Geen commentaar.'",
          "A 5 · B 5 · gelijke stand")

    # Team Zuid: the facilitator overrides the majority, then a vote by mouse
    f.enter()
    assert app.top is play and play.run.label == "Team Zuid" and not play.session.decisions
    f.enter()
    f.keys("a3b8")
    f.enter()
    f.key("a")
    drawn(app, "Uitslag: 11 stemmen · De facilitator kiest A; de meerderheid koos B")
    f.enter()
    f.enter()
    f.click(play.action.rect.center)              # open the vote
    plus = play.board.rows[1].plus
    for _ in range(4):
        f.click(plus.rect.center)
    f.click(play.board.rows[0].plus.rect.center)
    f.click(play.action.rect.center)              # reveal
    f.click(play.action.rect.center)              # decide: B, 4 to 1
    assert play.session.decisions[-1].choice == "geen_commentaar"
    f.enter()
    f.enter()
    assert isinstance(app.top, TeamEndScreen)
    drawn(app, "Naar de groepsuitslag")
    f.enter()
    summary = app.top
    assert isinstance(summary, WorkshopSummaryScreen)
    drawn(app, "Groepsuitslag", "Afloop per team", "TEAM NOORD", "TEAM ZUID", "Onrust blijft",
          "Het gerucht wint", "Handen: A 7 · B 12",
          "Handen: A 3 · B 8 · de facilitator week af van de meerderheid")
    f.enter()                        # the group debrief of these two teams
    debrief = app.top
    assert isinstance(debrief, DebriefScreen)
    assert [r.label for r in debrief.records] == ["Team Noord", "Team Zuid"]
    f.key(pygame.K_ESCAPE)
    assert app.top is summary

    with SessionStore(db, create=False) as store:
        [ws] = workshops.workshops(store)
        assert ws.finished and [t.name for t in ws.teams] == ["Noord", "Zuid"]
        noord, zuid = store.records(ws.session_ids)
    assert (noord.label, noord.mode, noord.ending) == ("Team Noord", "workshop", "gemengd")
    assert [(dict(r.votes), r.overridden) for r in noord.path] == [
        ({"reageren": 7, "navragen": 12}, False), ({"uitleggen": 5, "geen_commentaar": 5}, False)]
    assert [(n.step, n.scene, n.text) for n in noord.notes] == [
        (1, "journalist", "Groep 2 twijfelt: 'pers is de vijand")]
    assert zuid.label == "Team Zuid" and zuid.ending == "slecht"
    assert [(r.decision.choice, dict(r.votes), r.overridden) for r in zuid.path] == [
        ("reageren", {"reageren": 3, "navragen": 8}, True),
        ("geen_commentaar", {"uitleggen": 1, "geen_commentaar": 4}, False)]
    assert all(r.decision.seconds is not None for r in noord.path + zuid.path)


def test_a_count_is_corrected_and_a_decision_taken_back(make_app, example, tmp_path):
    db = tmp_path / "ws.db"
    app, f = start(make_app, example, db, teams="Raad")
    play = app.top
    assert play.run.label == "Team Raad"
    f.enter()
    f.keys("a12")
    f.key(pygame.K_BACKSPACE)        # 12 -> 1
    f.keys("b4")
    f.key(pygame.K_DOWN)
    f.key(pygame.K_UP)
    f.key(pygame.K_RIGHT)            # + one for A
    assert play.board.vote.counts == {"reageren": 2, "navragen": 4}
    f.enter()
    f.key(pygame.K_BACKSPACE)        # back from the result to counting
    assert play.board.phase == VOTING
    f.enter()
    f.enter()
    assert play.session.decisions[-1].choice == "navragen"
    f.tab()                          # a note during the consequence is about that decision
    drawn(app, "Dit koos het team.", "Team Raad · Besluit 1 · scène 'begin'")
    f.type("Snel besloten")
    f.enter()
    f.tab()
    f.key(pygame.K_z, pygame.KMOD_LCTRL)  # take it back: the vote again, as counted
    assert not play.session.decisions and play.board.phase == VOTING
    assert play.board.vote.counts == {"reageren": 2, "navragen": 4}
    drawn(app, "Het laatste besluit is teruggenomen; tel opnieuw.")
    f.keys("a9")
    f.enter()
    f.enter()
    with SessionStore(db, create=False) as store:
        [ws] = workshops.workshops(store)
        [rec] = store.records(ws.session_ids)
    assert [(h.decision.choice, h.undone, dict(h.votes)) for h in rec.history] == [
        ("navragen", "undo", {"reageren": 2, "navragen": 4}),
        ("reageren", None, {"reageren": 9, "navragen": 4})]
    assert [(n.step, n.scene, n.text) for n in rec.notes] == [(0, "begin", "Snel besloten")]


def test_the_countdown_and_the_pause(make_app, example, tmp_path):
    app, f = start(make_app, example, tmp_path / "ws.db", teams="1")
    play = app.top
    f.key("t")
    assert play.timer is not None and play.timer.total == 60
    f.step(n=2, dt=1.0)
    drawn(app, "Nog 58 s")
    f.tab()                          # the room's clock runs on behind the facilitator view
    f.step(n=60, dt=1.0)
    f.tab()
    assert play.timer.expired
    drawn(app, "De tijd is om.")
    f.key(pygame.K_ESCAPE)
    drawn(app, "Pauze", "Workshop onderbreken")
    f.key(pygame.K_ESCAPE)
    assert app.top is play


def test_the_title_screen_opens_a_workshop_and_takes_team_names(make_app, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setenv("WEERBAAR_DATA_DIR", str(tmp_path / "data"))
    app = make_app()
    app.to_title()
    f = Facilitator(app)
    f.step()
    assert isinstance(app.top, TitleScreen)
    drawn(app, "Workshop (W)")
    f.key("w")
    setup = app.top
    assert isinstance(setup, WorkshopSetupScreen) and setup.state == "pick"
    drawn(app, "Kies het scenario voor de workshop: klik of toets 1–9")
    f.key("2")                       # voorbeeld
    f.step()
    assert setup.state == "teams" and app.input.text_mode
    f.type("Noord, Zuid 2")          # digits and letters are text here
    f.enter()
    play = app.top
    assert isinstance(play, WorkshopScreen)
    assert play.run.teams == ["Noord", "Zuid 2"] and play.run.label == "Team Noord"
    assert (tmp_path / "data" / "sessions.db").exists()


def test_a_database_that_cannot_be_used_is_a_message(make_app, example, tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is no database" * 200)
    app, f = start(make_app, example, bad)
    setup = app.top
    assert isinstance(setup, WorkshopSetupScreen) and setup.state == "error"
    drawn(app, "De workshop kan niet beginnen")
    f.key(pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen)


def test_in_english(make_app, example, tmp_path):
    from weerbaar.game.settings import Settings
    app, f = start(make_app, example, tmp_path / "ws.db", teams="North",
                   settings=Settings(language="en"), save_settings=False)
    drawn(app, "What does Team North do?", "Reply in the group at once: 'Not true!'")
    f.vote("a1b1", take="a")
    drawn(app, "Result: 2 votes · A tie (A / B): the facilitator takes A")


def test_the_vote_counts():
    v = Vote(("a", "b", "c"), {"a": 3, "b": 3, "c": 1})
    assert v.tie and v.leaders == ("a", "b") and v.majority is None
    assert not v.overrides("a") and not v.overrides("b") and v.overrides("c")
    v.add("c", 5)
    assert v.majority == "c" and v.overrides("a") and not v.overrides("c")
    v.set("a", 5000)
    assert v.counts["a"] == 999 and v.total == 999 + 3 + 6
    empty = Vote(("a", "b"))
    assert empty.tie and empty.leaders == ("a", "b") and not empty.overrides("b")
    assert empty.share("a") == 0.0


def test_the_command_reports_a_broken_file_and_a_bad_countdown(tmp_path, capsys):
    from weerbaar.cli import run
    broken = tmp_path / "kapot.yaml"
    broken.write_text("format: 1\nid: kapot\nscenes: [\n", encoding="utf-8")
    assert run(["workshop", str(broken), "--db", str(tmp_path / "ws.db")]) in (1, 2)
    assert "kapot.yaml" in capsys.readouterr().err
    assert run(["workshop", str(EXAMPLE), "--countdown", "1"]) == 2
    assert "--countdown" in capsys.readouterr().err
    assert not (tmp_path / "ws.db").exists()


def test_a_broken_scenario_picked_for_a_workshop_shows_its_errors(make_app, scenario_dir,
                                                                  tmp_path):
    from weerbaar.game.screens.message import ErrorScreen
    (scenario_dir / "aaa-kapot.yaml").write_text("format: 1\nid: kapot\n", encoding="utf-8")
    app = make_app()
    app.to_title()
    open_workshop(app, db=tmp_path / "ws.db")
    f = Facilitator(app)
    f.step()
    setup = app.top
    broken = next(i for i, e in enumerate(setup.entries, 1) if e.scenario is None)
    f.key(str(broken))
    assert isinstance(app.top, ErrorScreen)
    f.key(pygame.K_ESCAPE)
    assert app.top is setup and setup.state == "pick"


@pytest.mark.parametrize("size,text_size", [((1280, 720), 1), ((1920, 1080), 1),
                                            ((1024, 768), 3), ((800, 450), 1)])
def test_four_choices_fit_the_window_in_every_phase(make_app, tmp_path, size, text_size):
    from weerbaar.game.settings import Settings
    from weerbaar.game.workshop import WorkshopRun
    from weerbaar.game.workshop_shots import path_to_choices
    scenario = load_scenario(str(EXAMPLE.with_name("desinformatie.yaml")))
    app = make_app(size=size, settings=Settings(text_size=text_size), save_settings=False)
    app.to_title()
    run = WorkshopRun.start(SessionStore(tmp_path / "ws.db"), scenario, ["Noord"], lang="nl")
    for choice in path_to_choices(scenario):
        while run.session.view.can_continue:
            run.session.advance()
        run.session.choose(choice)
        run.session.proceed()
    app.push(WorkshopScreen(app, run))
    f = Facilitator(app)
    f.step()
    play, window = app.top, pygame.Rect(0, 0, *size)
    assert len(play.board.rows) == 4
    for keys in ("", "\r", "a3b9c4d1\r"):
        for k in keys:
            f.key(pygame.K_RETURN if k == "\r" else k)
        ui = app.ui
        assert window.contains(play.action.rect) and window.contains(play.board.column.rect)
        for row in play.board.rows:
            width = row.text_width(row.rect.width, ui)
            assert all(ui.text.size(line, play.board.px, "bold")[0] <= width
                       for line in row._lines), (row.text, width)
            assert row.rect.left >= play.board.column.rect.left
            assert row.rect.right <= play.board.column.rect.right
        if size[1] >= 720:  # the room sees every option without scrolling
            assert not play.board.column.max_offset, play.board.phase
    assert play.board.phase == REVEALED and play.board.chosen == play.board.rows[1].choice_id
