#!/usr/bin/env python3
"""What claims cost the explorer: each shipped scenario explored without and with claims.

    python bench/claims_bench.py [FILE ...]      (default: scenarios/*.yaml)

A file without claims of its own gets claims like the ones issue 11 asks for, made in memory
(the file is not changed): in every decision scene with three or more choices, the choice
that leaves the meters worst is marked ``misstep``, and every ending of tone ``good``
requires ``missteps() == 0``. A file that has claims is measured as it is. One JSON line
per file: states and best-of-5 CPU seconds (runs in turns), without and with claims, and
the ratio; and the best CPU seconds of the claims check after the search
(``engine.explore.proof``) within the runs with claims, with its share of the run without:
on a loaded machine the two totals vary by ±10 % from run to run, that share does not.
"""
from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path
from types import MappingProxyType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from weerbaar.engine import load_scenario  # noqa: E402
from weerbaar.engine.expr import compile_condition  # noqa: E402
from weerbaar.engine.explore import explore, query_env, search  # noqa: E402
from weerbaar.engine.lessons import outcome  # noqa: E402


def with_claims(sc):
    """``sc`` itself when it has claims; else a copy with misstep marks and claims."""
    if any(e.requires is not None for e in sc.endings.values()):
        return sc
    scenes = {}
    for sid, scene in sc.scenes.items():
        choices = scene.choices
        if len(choices) >= 3:
            worst = min(choices, key=lambda c: sum(outcome(sc, c).values()))
            choices = tuple(dataclasses.replace(c, misstep=c is worst) for c in choices)
        scenes[sid] = dataclasses.replace(scene, choices=choices)
    marked = dataclasses.replace(sc, scenes=MappingProxyType(scenes))
    env = dataclasses.replace(query_env(marked), context="requires")
    claim = compile_condition("missteps() == 0", env)
    endings = {eid: dataclasses.replace(e, requires=claim) if e.tone == "good" else e
               for eid, e in marked.endings.items()}
    return dataclasses.replace(marked, endings=MappingProxyType(endings))


def cpu_pair(a, b, runs: int = 5):
    """Best CPU seconds of ``a`` and of ``b``, run in turns so that both see the same load,
    and first by turns too: the second run of a pair measures about 3 % slower (what the
    first left behind for the collector and the allocator)."""
    best = [float("inf"), float("inf")]
    out = [None, None]
    fns = (a, b)
    for r in range(runs):
        for k in ((0, 1) if r % 2 == 0 else (1, 0)):
            t = time.process_time()
            out[k] = fns[k]()
            best[k] = min(best[k], time.process_time() - t)
    return best, out


class CheckTimer:
    """Times the claims check that ``search`` calls after the search (best of the calls)."""

    def __init__(self):
        self.best = float("inf")
        self.check = search.counterexamples

    def __call__(self, *args):
        t = time.process_time()
        out = self.check(*args)
        self.best = min(self.best, time.process_time() - t)
        return out


def main(files) -> None:
    for path in files:
        plain = load_scenario(path)
        claimed = with_claims(plain)
        timer = search.counterexamples = CheckTimer()
        (t0, t1), (r0, r1) = cpu_pair(lambda: explore(plain, claims=False),
                                      lambda: explore(claimed))
        search.counterexamples = timer.check
        check = timer.best if timer.best < float("inf") else 0.0
        print(json.dumps({
            "scenario": Path(path).name, "states": r0.states, "states_with_claims": r1.states,
            "cpu_s": round(t0, 3), "cpu_s_with_claims": round(t1, 3),
            "ratio": round(t1 / t0, 2) if t0 else None,
            "check_s": round(check, 4), "check_share": round(check / t0, 3) if t0 else None,
            "claims": sum(e.requires is not None for e in claimed.endings.values()),
            "violations": sorted(r1.violations)}))


if __name__ == "__main__":
    main(sys.argv[1:] or sorted(str(p) for p in (ROOT / "scenarios").glob("*.yaml")
                                if not p.name.endswith(".transcripts.yaml")))
