"""A decision that cannot be recorded is not taken, in every front end: the window says so
and stays where it was, the workshop's room votes again, the terminal player asks again."""
from __future__ import annotations

import io

import pygame

from weerbaar.cli.play import TerminalPlayer
from weerbaar.engine import load_scenario
from weerbaar.storage import Recorder, SessionStore

from .conftest import EXAMPLE
from .recorded import db, recorded_driver  # noqa: F401 (fixtures)
from .test_workshop import example, start  # noqa: F401 (fixture)


def test_the_play_screen_keeps_the_scene_when_the_decision_cannot_be_recorded(recorded_driver):
    d = recorded_driver()
    d.click(d.top.cards[0].rect.center)        # showcase
    play = d.top
    store = d.app.recording.store()
    store.conn.execute("PRAGMA query_only = ON")   # as a full disk or a pulled stick would
    scene = play.session.scene_id
    d.key(pygame.K_1)
    assert play.session.scene_id == scene and not play.session.decisions
    assert play.outcome is None
    assert any(t.message.startswith("Niet bewaard") for t in d.app.toasts)
    store.conn.execute("PRAGMA query_only = OFF")
    d.key(pygame.K_1)                               # the same choice, now recorded
    assert play.session.decisions[0].choice == "feiten"
    [summary] = store.list()
    assert [x.choice for x in store.get(summary.id).decisions] == ["feiten"]


def test_the_workshop_votes_again_when_the_decision_cannot_be_recorded(make_app, example,
                                                                       tmp_path):
    app, f = start(make_app, example, tmp_path / "ws.db", teams="Raad")
    play = app.top
    f.enter()
    f.keys("a3b5")
    f.enter()                                       # reveal: B has the majority
    play.run.store.conn.execute("PRAGMA query_only = ON")
    f.enter()                                       # take it: cannot be written
    assert not play.session.decisions
    assert any(t.message.startswith("Niet bewaard") for t in app.toasts)
    play.run.store.conn.execute("PRAGMA query_only = OFF")
    f.enter()
    assert [d.choice for d in play.session.decisions] == ["navragen"]


def test_the_terminal_player_asks_again_when_the_decision_cannot_be_recorded(tmp_path, capsys):
    scenario = load_scenario(str(EXAMPLE))
    out = io.StringIO()
    player = TerminalPlayer(scenario, "nl", 1, stdin=io.StringIO("2\n2\n1\n"), stdout=out)
    with SessionStore(tmp_path / "t.db") as store:
        Recorder.start(store, player.session, language="nl")

        class Once:   # the first write fails, the next ones succeed
            failed = False

            def on_decision(self, session, decision):
                if not Once.failed:
                    Once.failed = True
                    raise OSError("disk full")
        player.session.listeners.insert(0, Once())
        assert player.play() == 0
        [summary] = store.list()
        recorded = [d.choice for d in store.get(summary.id).decisions]
    assert "disk full" in capsys.readouterr().err
    assert recorded == ["navragen", "uitleggen"]   # the failed "2" was asked again
