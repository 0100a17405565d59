#!/usr/bin/env python3
"""A full session step against inkjs, side by side in one run: inkjs's ``play`` and
``engine_bench.py play --session`` on the same story, in turns, each in its own process.

    python bench/step_vs_ink.py bench/out/story1000.yaml bench/out/story1000.ink.json \\
        [--rounds 5] [--budget 3] [--warmup 1]

On a shared machine both engines slow down when other work takes the cores, inkjs (a JIT)
more than Python; taking turns and keeping each engine's best round compares them at the
quietest moments of the run. Prints every round and then one JSON line with the best
playthroughs/s of each and their ratio.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEER = Path(os.environ.get("PEER", HERE.parent.parent / "shared" / "peer-bench"))


def playthroughs_per_s(cmd: list[str], cwd: Path) -> float:
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=True).stdout
    return float(json.loads(out.strip().splitlines()[-1])["playthroughs_per_s"])


def load_average() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario", type=Path, help="the story as a Weerbaar scenario (.yaml)")
    ap.add_argument("ink", type=Path, help="the same story compiled for inkjs (.ink.json)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--budget", default="3")
    ap.add_argument("--warmup", default="1")
    a = ap.parse_args()
    runs = {
        "inkjs": (["node", "--expose-gc", "ink_bench.js", "play", str(a.ink.resolve()),
                   "--budget", a.budget, "--warmup", a.warmup], PEER),
        "session": ([sys.executable, str(HERE / "engine_bench.py"), "play",
                     str(a.scenario.resolve()), "--session", "--budget", a.budget,
                     "--warmup", a.warmup], HERE.parent),
    }
    best = {name: 0.0 for name in runs}
    for i in range(a.rounds):
        got = {name: playthroughs_per_s(cmd, cwd) for name, (cmd, cwd) in runs.items()}
        best = {name: max(best[name], got[name]) for name in runs}
        print(f"round {i + 1}: " + ", ".join(f"{k} {v:,.0f}" for k, v in got.items())
              + f" (load {load_average()})", file=sys.stderr)
    print(json.dumps({"file": a.scenario.name, "rounds": a.rounds, "inkjs": best["inkjs"],
                      "session": best["session"],
                      "ratio": round(best["session"] / best["inkjs"], 2)}))


if __name__ == "__main__":
    main()
