"""Reading while a session writes: the facilitator lists sessions and builds a debrief
while a team plays, in another process, on the same database."""
import os
import subprocess
import sys
import time
from pathlib import Path

from weerbaar.debrief import build_replay
from weerbaar.storage import ScenarioLibrary, SessionStore
from weerbaar.debrief.group import group_debrief

CHILD = Path(__file__).with_name("player_child.py")


def test_reads_see_consistent_growing_sessions_while_another_process_writes(db_path):
    SessionStore(db_path).close()
    proc = subprocess.Popen([sys.executable, str(CHILD), str(db_path), "Team 1", "400", "0.002",
                             "3"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    seen: list[int] = []   # decisions recorded, at each read
    try:
        read_while_writing(db_path, proc, seen)
    finally:
        if proc.poll() is None:
            proc.kill()
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    with SessionStore(db_path, create=False) as reader:
        final = reader.records()
    assert seen == sorted(seen), "a reader saw the recordings shrink"
    assert len(seen) > 20 and len(set(seen)) > 10, "the reads did not overlap the writes"
    assert sum(len(r.history) for r in final) == 400 == out.count("ack decision")
    assert len(final) == out.count("session ") > 1


def read_while_writing(db_path, proc, seen: list[int]) -> None:
    """Read every session over and over until the writer is done; every few reads, replay
    the newest and debrief them all."""
    reads = 0
    with SessionStore(db_path, create=False) as reader:
        library = ScenarioLibrary(reader)
        while proc.poll() is None or reads == 0:
            records = reader.records()
            seen.append(sum(len(r.history) for r in records))
            for r in records:
                assert [d.decision.index for d in r.path] == list(range(len(r.path)))
            if records and reads % 10 == 0:   # the heavier readers: a replay and a debrief
                scenario, _ = library.for_record(records[-1])
                replay = build_replay(records[-1], scenario)
                assert [s.chosen for s in replay.steps
                        if s.kind == "decision"] == records[-1].choice_ids()
                group_debrief(records, scenario, "nl")
            reads += 1
            time.sleep(0.001)
