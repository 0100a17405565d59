"""A pulled plug loses nothing already chosen: players killed with SIGKILL at random
moments. Every decision the player acknowledged (printed its consequence: "→ feedback" in
the terminal player, an "ack" line in player_child.py) is in the database, and the database
opens cleanly."""
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from weerbaar.cli.play import UI
from weerbaar.engine import load_scenario
from weerbaar.engine.session import Session
from weerbaar.storage import SessionStore

from ..conftest import SCENARIOS
from .killing import killed, opens_cleanly, terminal_player, wait_for

CHILD = Path(__file__).with_name("player_child.py")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def expected_path(inputs: list[str]) -> list[tuple[str, str]]:
    """What the terminal player does with ``inputs``: ("decision", choice) and ("undo", "")."""
    session = Session(load_scenario(str(SCENARIOS / "voorbeeld.yaml")))
    events = []
    for answer in inputs:
        while session.view.can_continue:
            session.advance()
        if session.ended:
            break
        if answer == "u":
            session.undo()
            events.append(("undo", ""))
        else:
            choice = session.view.available_choices()[int(answer) - 1].id
            session.choose(choice)
            session.proceed()
            events.append(("decision", choice))
    return events


def play_and_kill(proc, reader, inputs: list[str], rng: random.Random) -> None:
    """Answer the first k questions (k at random), then wait a moment: none (the kill lands
    inside the commit of the last answer) or a little."""
    assert wait_for(lambda: f"{UI.table('nl')['choose']} 1-2" in reader.text), \
        "the player did not start"
    k = rng.randrange(len(inputs) + 1)
    after = rng.choice([rng.uniform(0, 0.004), rng.uniform(0.004, 0.05)])
    try:
        for answer in inputs[:k]:
            time.sleep(rng.uniform(0.02, 0.08))
            proc.stdin.write(answer + "\n")
            proc.stdin.flush()
    except BrokenPipeError:  # the play ended before the kill
        pass
    time.sleep(after)


def test_the_terminal_player_killed_at_random_moments(tmp_path):
    db = tmp_path / "kill.db"
    rng = random.Random(6)
    for run in range(8):
        inputs = [rng.choice("12"), "u", rng.choice("12"), "u", rng.choice("12"), rng.choice("12")]
        events = expected_path(inputs)
        label = f"kill {run}"
        with killed(terminal_player(db, label), stdin=True) as (proc, reader):
            play_and_kill(proc, reader, inputs, rng)

        out = reader.lines
        acked_decisions = sum(line.startswith("→ ") for line in out)
        acked_undos = sum(line == UI.table("nl")["undone"] for line in out)
        assert opens_cleanly(db)
        with SessionStore(db, create=False) as store:
            [mine] = [s for s in store.list() if s.label == label]
            history = store.get(mine.id).history
        made = [("decision", c) for kind, c in events if kind == "decision"]
        recorded = [("decision", h.decision.choice) for h in history]
        assert acked_decisions <= len(recorded) <= acked_decisions + 1, (out, recorded)
        assert recorded == made[:len(recorded)]
        undone = sum(h.undone == "undo" for h in history)
        assert acked_undos <= undone <= acked_undos + 1


def test_a_fast_player_killed_in_the_middle_of_its_commits(tmp_path):
    db = tmp_path / "fast.db"
    rng = random.Random(11)
    for run in range(6):
        argv = [sys.executable, str(CHILD), str(db), f"fast {run}", "100000", "0", str(run)]
        with killed(argv) as (_, reader):
            assert wait_for(lambda: reader.text.count("ack decision") >= 20), \
                "the player did not start"
            time.sleep(rng.uniform(0.0, 0.3))

        check_fast_player(db, f"fast {run}", reader.lines)


def segments(lines: list[str]) -> list[tuple[str, list[str]]]:
    """The child's output split per record: (session id, its ack lines)."""
    out: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith("session "):
            out.append((line.split()[1], []))
        elif out:
            out[-1][1].append(line)
    return out


def check_fast_player(db, label: str, lines: list[str]) -> None:
    assert opens_cleanly(db)
    parts = segments(lines)
    acked = [line.split()[2] for _, acks in parts for line in acks
             if line.startswith("ack decision ")]
    assert len(acked) > 20, "the player should have made many decisions before the kill"
    assert len(parts) > 1, "the player should have reached an ending and played again"
    with SessionStore(db, create=False) as store:
        histories = {sid: store.get(sid).history for sid, _ in parts}
        unannounced = [s.id for s in store.list() if s.label == label and s.id not in histories]
        # killed after a new record was committed and before it was announced: it is empty
        assert len(unannounced) <= 1
        assert all(store.get(sid).history == () for sid in unannounced)
    recorded = [h.decision.choice for sid, _ in parts for h in histories[sid]]
    assert len(acked) <= len(recorded) <= len(acked) + 1
    assert recorded[:len(acked)] == acked
    for sid, acks in parts:
        history = histories[sid]
        assert sum(h.undone == "undo" for h in history) >= acks.count("ack undo")
        if "ack restart" in acks:   # the path before the last acknowledged restart is set aside
            last = max(i for i, line in enumerate(acks) if line == "ack restart")
            before = sum(line.startswith("ack decision ") for line in acks[:last])
            assert all(h.undone is not None for h in history[:before])
