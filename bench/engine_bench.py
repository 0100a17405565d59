#!/usr/bin/env python3
"""Weerbaar's side of the peer benchmark: one measurement per process, one JSON line out.

    python bench/engine_bench.py load FILE            load + check (run it under /usr/bin/time)
    python bench/engine_bench.py build FILE           build the shared transitions machine
    python bench/engine_bench.py play FILE [--session] random playthroughs per second
    python bench/engine_bench.py trace FILE --seed 7  digest of 300 mulberry32 walks (= inkjs's)
    python bench/engine_bench.py explore FILE         exhaustive exploration
    python bench/engine_bench.py sessions FILE --runs 1000   create sessions on a built machine

``play`` without ``--session`` is the explorer's random play (``engine.explore.random_walks``:
the rules called directly); with ``--session`` every step goes through a full ``Session`` —
the transitions machine, decision records and reasons — as the game plays.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PEER = ROOT.parent / "shared" / "peer-bench"


def now() -> float:
    return time.perf_counter()


def cmd_load(a):
    t0 = now()
    from weerbaar.engine import check_file
    scenario, diagnostics = check_file(a.file)
    t1 = now()
    assert scenario is not None, [str(d) for d in diagnostics if d.severity.value == "error"][:5]
    return {"load_check_ms": round((t1 - t0) * 1e3, 1), "scenes": len(scenario.scenes),
            "warnings": len(diagnostics)}


def cmd_build(a):
    from weerbaar.engine import load_scenario
    from weerbaar.engine.machine import ScenarioMachine
    scenario = load_scenario(a.file)
    t0 = now()
    m = ScenarioMachine(scenario)
    t1 = now()
    return {"build_ms": round((t1 - t0) * 1e3, 1), "states": len(m.machine.states),
            "transitions": m.transition_count}


def cmd_sessions(a):
    """Creating sessions: what thirty phones (or a thousand) cost once the machine is built."""
    from weerbaar.engine import load_scenario
    from weerbaar.engine.machine import machine_for
    from weerbaar.engine.session import Session
    scenario = load_scenario(a.file)
    t0 = now()
    machine_for(scenario)
    t1 = now()
    sessions = [Session(scenario, seed) for seed in range(a.runs)]
    t2 = now()
    return {"machine_ms": round((t1 - t0) * 1e3, 1), "sessions": len(sessions),
            "sessions_ms": round((t2 - t1) * 1e3, 1),
            "per_session_us": round((t2 - t1) / len(sessions) * 1e6, 1)}


def _session_playthrough(s, rnd, cap=500):
    s.restart()  # one session, reset between playthroughs, as the peer resets its model
    steps = 0
    while not s.ended and steps < cap:
        if s.view.can_continue:
            s.advance()
            continue
        avail = s.view.available_choices()
        s.choose(avail[int(rnd() * len(avail))].id)
        s.proceed()
        steps += 1
    return steps


def cmd_play(a):
    from weerbaar.engine import load_scenario
    from weerbaar.engine.explore import random_walks
    from weerbaar.engine.session import Session
    scenario = load_scenario(a.file)
    rng = random.Random(a.seed)
    if a.session:
        session = Session(scenario)

        def batch():
            return _session_playthrough(session, rng.random)
    else:
        def batch():
            return random_walks(scenario, 1, rng=rng).steps
    end = now() + a.warmup
    while now() < end:
        batch()
    runs = steps = 0
    t0 = t = now()
    while t - t0 < a.budget:
        steps += batch()
        runs += 1
        t = now()
    secs = t - t0
    return {"mode": "session" if a.session else "rules", "playthroughs_per_s": round(runs / secs, 1),
            "steps_per_s": round(steps / secs), "mean_steps": round(steps / runs, 2)}


def cmd_trace(a):
    sys.path.insert(0, str(PEER))
    from scenario import Trace, mulberry32  # the peer's own digest and PRNG
    from weerbaar.engine import load_scenario
    from weerbaar.engine.explore import random_walks
    scenario = load_scenario(a.file)

    class Rng:
        random = staticmethod(mulberry32(a.seed))
    rng = Rng()
    names = list(scenario.meters) + list(scenario.flags)
    tr = Trace(names)
    for _ in range(a.runs):
        chosen = []
        w = _walk_with_state(scenario, rng, chosen)
        tr.playthrough(chosen, w)
    return tr.result()


def _walk_with_state(scenario, rng, chosen):
    """One random walk that also returns the final variables (for the peer's digest)."""
    from weerbaar.engine.explore import follow, start_state, take
    from weerbaar.engine import rules
    s = start_state(scenario)
    steps = 0
    while s.scene not in scenario.endings and steps < 500:
        scene = scenario.scenes[s.scene]
        avail = rules.available_choices(scene, s)
        c = avail[int(rng.random() * len(avail))]
        chosen.append(c.text.get("nl"))
        take(scenario, s, c)
        steps += 1
    return s.vars


def cmd_explore(a):
    from weerbaar.engine import load_scenario
    from weerbaar.engine.explore import explore
    scenario = load_scenario(a.file)
    best = None
    for _ in range(a.repeat):
        t0 = now()
        r = explore(scenario)
        dt = now() - t0
        best = dt if best is None else min(best, dt)
    return {"explore_ms": round(best * 1e3, 2), "states": r.states, "ok": r.ok}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["load", "build", "play", "trace", "explore", "sessions"])
    ap.add_argument("file")
    ap.add_argument("--session", action="store_true")
    ap.add_argument("--budget", type=float, default=3)
    ap.add_argument("--warmup", type=float, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    res = {"engine": "weerbaar", "what": a.what, "file": Path(a.file).name}
    res.update(globals()[f"cmd_{a.what}"](a))
    print(json.dumps(res))


if __name__ == "__main__":
    main()
