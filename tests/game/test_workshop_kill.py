"""A workshop survives a pulled plug: a workshop process is killed with SIGKILL at moments
in its play (before any vote, after one decision, after two), and the workshop resumes from
the database where it stopped: the same team, the same session, every decision and note
the process acknowledged, and then plays on to the group result."""
from __future__ import annotations

import json
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from weerbaar.engine import load_scenario
from weerbaar.game.screens.workshop_play import WorkshopScreen
from weerbaar.game.screens.workshop_setup import WorkshopSetupScreen
from weerbaar.game.screens.workshop_summary import WorkshopSummaryScreen
from weerbaar.game.workshop_main import open_workshop
from weerbaar.storage import SessionStore, workshops

from ..storage.killing import Reader, killed, opens_cleanly, wait_for
from .conftest import EXAMPLE
from .workshop_driver import Facilitator

CHILD = Path(__file__).with_name("workshop_child.py")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def count(reader: Reader, prefix: str) -> int:
    return sum(line.startswith(prefix) for line in reader.lines)


def kill_after(db: Path, acks: int, rng: random.Random) -> list[str]:
    """Run a workshop process, kill it a moment after ``acks`` decisions; its output."""
    with killed([sys.executable, str(CHILD), str(db), "Noord,Zuid", str(acks), "0.01"]) \
            as (_, reader):
        assert wait_for(lambda: count(reader, "ready ") >= 1
                        and count(reader, "ack decision ") >= acks), "the workshop did not start"
        time.sleep(rng.uniform(0.0, 0.15))
    return reader.lines


@pytest.mark.parametrize("acks", [0, 1, 2])
def test_a_killed_workshop_resumes_where_it_stopped(make_app, tmp_path, acks):
    db = tmp_path / f"kill{acks}.db"
    out = kill_after(db, acks, random.Random(acks))
    assert "done" not in out

    assert opens_cleanly(db)
    acked = [line.split(" ", 3)[2:] for line in out if line.startswith("ack decision ")]
    notes = [line.split(" ", 2)[2] for line in out if line.startswith("ack note ")]
    with SessionStore(db, create=False) as store:
        ws = workshops.unfinished(store, "voorbeeld")
        records = store.records(ws.session_ids)
    recorded = [(r.decision.choice, dict(r.votes)) for rec in records for r in rec.path]
    assert len(acked) <= len(recorded) <= len(acked) + 1, (out, recorded)
    assert [(c, json.loads(v)) for c, v in acked] == recorded[:len(acked)]
    stored_notes = [n.text for rec in records for n in rec.notes]
    assert stored_notes[:len(notes)] == notes
    current = ws.current
    killed_session = current.session_id

    # the facilitator starts the same command again: it offers to resume, and resumes
    app = make_app()
    app.to_title()
    open_workshop(app, load_scenario(str(EXAMPLE)), db=db, teams="Noord,Zuid")
    f = Facilitator(app)
    f.step(n=2)
    setup = app.top
    assert isinstance(setup, WorkshopSetupScreen) and setup.state == "offer"
    assert "Er is een onderbroken workshop" in app.text.rendered
    f.enter()
    play = app.top
    assert isinstance(play, WorkshopScreen)
    assert play.run.label == f"Team {current.name}" and play.run.id == ws.id
    if killed_session is not None:
        assert play.run.recorder.session_id == killed_session
        mine = next(r for r in records if r.id == killed_session)
        assert play.session.decisions == list(mine.decisions)
    f.play_on()
    assert isinstance(app.top, WorkshopSummaryScreen)

    with SessionStore(db, create=False) as store:
        [after] = workshops.workshops(store)
        assert after.finished and after.id == ws.id
        final = store.records(after.session_ids)
    assert [r.label for r in final] == ["Team Noord", "Team Zuid"]
    resumed = {r.id: r for r in final}
    for rec in records:  # what was recorded before the kill still stands, first on the path
        assert [d.choice for d in resumed[rec.id].decisions][:len(rec.path)] == \
            [d.choice for d in rec.decisions]
    assert all(r.ended and r.path and all(p.votes for p in r.path) for r in final)
