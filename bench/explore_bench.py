#!/usr/bin/env python3
"""Exhaustive exploration of the shipped scenarios: by classes of states (the explorer's way
for scenarios without loops) against the search state by state, in one process.

    python bench/explore_bench.py [--runs N] [FILE ...]   (default: the shipped scenarios)

For every file the two ways are timed in alternating order, ``--runs`` times each (CPU time of
this process, the best run), after one warm-up run each; both must agree on everything they
report but the number of states (checked on every run). One JSON line per file: states and
best CPU milliseconds each way, and their ratio.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from weerbaar.engine import load_scenario  # noqa: E402
from weerbaar.engine.explore import explore  # noqa: E402


def _timed(scenario, by_classes: bool):
    t = time.process_time()
    r = explore(scenario, by_classes=by_classes)
    return time.process_time() - t, r


def _same(a, b) -> bool:
    da, db = a.to_dict(), b.to_dict()
    da.pop("states")
    db.pop("states")
    return da == db


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args(argv)
    files = a.files or sorted(str(p) for p in (ROOT / "scenarios").glob("*.yaml")
                              if not p.name.endswith(".transcripts.yaml"))
    for path in files:
        scenario = load_scenario(path)
        best = {True: float("inf"), False: float("inf")}
        found = {}
        for run in range(a.runs + 1):  # run 0 warms up
            for by_classes in ((True, False) if run % 2 else (False, True)):
                cpu, r = _timed(scenario, by_classes)
                found[by_classes] = r
                if run:
                    best[by_classes] = min(best[by_classes], cpu)
            if not _same(found[True], found[False]):
                raise SystemExit(f"{path}: the two ways disagree")
        print(json.dumps({"file": Path(path).name, "classes": found[True].states,
                          "states": found[False].states,
                          "classes_ms": round(best[True] * 1e3, 1),
                          "states_ms": round(best[False] * 1e3, 1),
                          "speedup": round(best[False] / best[True], 1)}), flush=True)


if __name__ == "__main__":
    main()
