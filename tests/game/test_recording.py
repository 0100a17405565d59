"""Every session played in the window ends up in the session store, decision by decision."""
from __future__ import annotations

import pygame

from weerbaar.cli import build_parser
from weerbaar.storage import SessionStore

from .recorded import db, recorded_driver  # noqa: F401 (fixtures)


def play_showcase_to_the_end(d) -> None:
    d.click(d.top.cards[0].rect.center)        # showcase
    play = d.top
    for key in (pygame.K_1, pygame.K_RETURN,   # gesprek: feiten
                pygame.K_2, pygame.K_RETURN,   # tijdlijn: negeren
                pygame.K_RETURN,               # krant: continue
                pygame.K_1, pygame.K_RETURN,   # app: bellen
                pygame.K_RETURN):              # lang: continue to the ending
        d.step(dt=0.5, n=2)
        d.key(key)
    assert play.session.ended


def test_a_game_played_in_the_window_ends_up_in_the_db_with_its_decisions(recorded_driver, db):
    d = recorded_driver(label="Team 2")
    play_showcase_to_the_end(d)
    with SessionStore(db, create=False) as store:
        [summary] = store.list()
        record = store.get(summary.id)
    assert (record.scenario_id, record.label, record.mode, record.language) == \
        ("showcase", "Team 2", "play", "nl")
    assert [(d.scene, d.choice) for d in record.decisions] == [
        ("gesprek", "feiten"), ("tijdlijn", "negeren"), ("app", "bellen")]
    assert all(d.seconds and d.seconds >= 1.0 for d in record.decisions)
    assert record.ending == "goed" and record.final_vars["vertrouwen"] == 68


def test_undo_is_marked_and_play_again_starts_a_new_record(recorded_driver, db):
    d = recorded_driver()
    play_showcase_to_the_end(d)
    for key in (pygame.K_ESCAPE, pygame.K_DOWN, pygame.K_RETURN):  # pause menu: take back
        d.key(key)
    d.step()
    for key in (pygame.K_RETURN,                  # back in "krant": continue
                pygame.K_2, pygame.K_RETURN,      # app: wachten
                pygame.K_RETURN):                 # lang: continue to the ending
        d.key(key)
    d.click(d.top.again.rect.center)
    d.key(pygame.K_2)          # a new play: gesprek, zwijgen
    with SessionStore(db, create=False) as store:
        first, second = [store.get(s.id) for s in store.list()]
    assert first.label == second.label == "Sessie 1"  # the same player plays again
    assert [r.undone for r in first.history] == [None, None, "undo", None]
    assert first.decisions[-1].choice == "wachten" and first.ending == "slecht"
    assert [d.choice for d in second.decisions] == ["zwijgen"] and second.ending is None


def test_a_database_that_cannot_be_written_is_a_notice_and_the_play_goes_on(recorded_driver,
                                                                            tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    from weerbaar.game.recording import GameRecording
    d = recorded_driver()
    d.app.recording.close()
    d.app.recording.path = blocker / "sessions.db"
    d.click(d.top.cards[0].rect.center)
    d.key(pygame.K_1)
    assert d.top.session.decisions[0].choice == "feiten"
    assert any(t.message.startswith("Deze sessie wordt niet opgenomen") for t in d.app.toasts)
    assert isinstance(d.app.recording, GameRecording)


def test_db_and_label_are_options_of_the_game_and_of_play():
    parse = build_parser().parse_args
    top = parse(["--db", "w.db", "--label", "Team 3"])
    assert (top.command, top.db, top.label) == (None, "w.db", "Team 3")
    before = parse(["--db", "w.db", "play", "x.yaml"])
    assert (before.db, before.label) == ("w.db", None)
    after = parse(["play", "x.yaml", "--db", "v.db", "--label", "B"])
    assert (after.db, after.label) == ("v.db", "B")
    assert parse(["--db", "w.db", "sessions"]).db == "w.db"
    assert parse(["replay", "abcd", "--db", "w.db"]).session == "abcd"
