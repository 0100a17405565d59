"""``weerbaar explore FILE``: walk every reachable state and report what works and what not."""
from __future__ import annotations

import json
import statistics
import sys

from engine.explore import DEFAULT_BOUND, explore, random_walks
from engine.transcript import ending_transcripts

from .common import OK, PROBLEMS, load_or_report


def add_parser(sub, name):
    p = sub.add_parser(name, help="prove a scenario works: coverage, soft-locks, loops, paths")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--bound", type=int, default=DEFAULT_BOUND,
                   help=f"stop after this many states (default {DEFAULT_BOUND:,})")
    p.add_argument("--random", type=int, metavar="N", help="play N random sessions instead")
    p.add_argument("--seed", type=int, default=0, help="seed for --random (default 0)")
    p.add_argument("--json", action="store_true", help="the report as JSON")
    p.add_argument("--write-transcripts", metavar="OUT",
                   help="write the shortest way to every ending as golden transcripts to OUT")


def _path(steps) -> str:
    if not steps:
        return "(no choices)"
    numbers = ", ".join(str(s.number) for s in steps)
    ids = " → ".join(s.choice for s in steps)
    return f"choose {numbers}   ({ids})"


def run(args) -> int:
    scenario, code = load_or_report(args.file)
    if scenario is None:
        return code
    if args.random:
        return _random(scenario, args)
    report = explore(scenario, args.bound)
    if args.write_transcripts:
        with open(args.write_transcripts, "w", encoding="utf-8") as f:
            f.write(ending_transcripts(scenario, report.shortest))
    if args.json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return OK if report.ok else PROBLEMS
    n_choices = sum(len(s.choices) for s in scenario.scenes.values())
    print(f"{scenario.path}: {report.states:,} states"
          + (f" — BOUND OF {report.bound:,} HIT: figures below are a lower bound "
             "(raise --bound)" if report.bound_hit else ""))
    print(f"  scenes   {len(report.scenes_reached)}/{len(scenario.scenes)} reached")
    print(f"  choices  {len(report.choices_taken)}/{n_choices} taken")
    print(f"  endings  {len(report.endings_reached)}/{len(scenario.endings)} reached")
    for what, missed in (("scenes", report.scenes_missed), ("choices", report.choices_missed),
                         ("endings", report.endings_missed)):
        if missed:
            print(f"  never reached ({what}): {', '.join(missed)}")
    if report.problems:
        for p in report.problems:
            print(f"  {p.kind.upper()} in scene '{p.scene}': {_path(p.path)}")
    else:
        print("  no soft-locks, no endless loops")
    if report.min_decisions is not None:
        if report.max_decisions is None:
            print(f"  decisions per playthrough: shortest {report.min_decisions}; "
                  "no longest (the choices can go round in a cycle)")
        else:
            print(f"  decisions per playthrough: shortest {report.min_decisions}, median "
                  f"{report.median_decisions}, longest {report.max_decisions} "
                  f"({report.playthroughs:,} distinct playthroughs)")
    if report.shortest:
        print("  shortest way to each ending:")
        width = max(map(len, report.shortest))
        for eid in scenario.endings:
            if eid in report.shortest:
                tone = scenario.endings[eid].tone
                print(f"    {eid:<{width}}  {tone:<7}  {_path(report.shortest[eid])}")
    return OK if report.ok else PROBLEMS


def _random(scenario, args) -> int:
    w = random_walks(scenario, args.random, args.seed)
    n_choices = sum(len(s.choices) for s in scenario.scenes.values())
    scenes = w.scenes_reached & set(scenario.scenes)
    missed = {
        "scenes": [s for s in scenario.scenes if s not in scenes],
        "choices": [f"{s.id}/{c.id}" for s in scenario.scenes.values() for c in s.choices
                    if (s.id, c.id) not in w.choices_taken],
        "endings": [e for e in scenario.endings if e not in w.endings],
    }
    lengths = w.lengths or [0]
    if args.json:
        json.dump({"scenario": scenario.id, "runs": w.runs, "seed": w.seed,
                   "reached": {"scenes": len(scenes), "choices": len(w.choices_taken),
                               "endings": len(w.endings)},
                   "missed": missed, "endings": w.endings, "stuck": w.stuck, "capped": w.capped,
                   "decisions": {"min": min(lengths), "mean": statistics.fmean(lengths),
                                 "max": max(lengths)}},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(f"{scenario.path}: {w.runs:,} random playthroughs (seed {w.seed})")
        print(f"  scenes   {len(scenes)}/{len(scenario.scenes)} reached")
        print(f"  choices  {len(w.choices_taken)}/{n_choices} taken")
        print(f"  endings  {len(w.endings)}/{len(scenario.endings)} reached: "
              + ", ".join(f"{e} {n}" for e, n in sorted(w.endings.items(), key=lambda x: -x[1])))
        for what, items in missed.items():
            if items:
                print(f"  never reached ({what}): {', '.join(items)}")
        print(f"  decisions per playthrough: shortest {min(lengths)}, mean "
              f"{statistics.fmean(lengths):.1f}, longest {max(lengths)}")
        if w.stuck or w.capped:
            print(f"  stuck (soft-lock): {w.stuck}; stopped at the cap: {w.capped}")
    return PROBLEMS if w.stuck else OK
