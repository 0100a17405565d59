"""``weerbaar explore FILE``: walk every reachable state and report what works and what not;
``--query "CONDITION"`` asks whether some playthrough ends where the condition holds."""
from __future__ import annotations

import argparse
import json
import statistics
import sys

from ..engine.explore import DEFAULT_BOUND, QueryError, explore, query, random_walks
from ..engine.explore.claims import path_ids, replay_command, uses_chance
from ..engine.explore.exploration import path_dicts
from ..engine.transcript import ending_transcripts

from .common import OK, PROBLEMS, USAGE, load_or_report, scenario_arg


def _count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if not 1 <= n <= 10**9:
        raise argparse.ArgumentTypeError(f"{n} is outside 1..1000000000")
    return n


def _seed(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if not 0 <= n < 2**63:
        raise argparse.ArgumentTypeError(f"{n} is outside 0..{2**63 - 1}")
    return n


def add_parser(sub, name):
    p = sub.add_parser(name, help="prove a scenario works: coverage, soft-locks, loops, paths, "
                                  "claims; --query asks about every playthrough")
    p.add_argument("file", metavar="FILE", type=scenario_arg,
                   help="the scenario file (.yaml) or a shipped scenario's id")
    p.add_argument("--bound", type=_count, default=DEFAULT_BOUND,
                   help=f"stop after this many states (default {DEFAULT_BOUND:,})")
    p.add_argument("--random", type=_count, metavar="N", help="play N random sessions instead")
    p.add_argument("--seed", type=_seed, default=0, help="seed for --random (default 0)")
    p.add_argument("--query", metavar="CONDITION",
                   help="is there a playthrough that ends where CONDITION holds? "
                        "ending(ID) is true in that ending")
    p.add_argument("--json", action="store_true", help="the report as JSON")
    p.add_argument("--write-transcripts", metavar="OUT",
                   help="write the shortest way to every ending as golden transcripts to OUT")


def _path(steps) -> str:
    if not steps:
        return "(no choices)"
    numbers = ", ".join(str(s.number) for s in steps)
    return f"choose {numbers}   ({path_ids(steps)})"


def run(args) -> int:
    scenario, code = load_or_report(args.file)
    if scenario is None:
        return code
    if args.query is not None:
        return _query(scenario, args)
    if args.random:
        return _random(scenario, args)
    exploration = explore(scenario, args.bound)
    if args.write_transcripts:
        with open(args.write_transcripts, "w", encoding="utf-8") as f:
            f.write(ending_transcripts(scenario, exploration.shortest))
    if args.json:
        json.dump(exploration.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        _print_exploration(scenario, exploration, args.file)
    return OK if exploration.ok else PROBLEMS


def _print_exploration(scenario, exploration, path: str) -> None:
    n_choices = sum(len(s.choices) for s in scenario.scenes.values())
    what = "classes of states" if exploration.by_classes else "states"
    print(f"{scenario.path}: {exploration.states:,} {what}"
          + (f" — STOPPED: {exploration.budget}; figures below are a lower bound"
             if exploration.bound_hit else ""))
    print(f"  scenes   {len(exploration.scenes_reached)}/{len(scenario.scenes)} reached")
    print(f"  choices  {len(exploration.choices_taken)}/{n_choices} taken")
    print(f"  endings  {len(exploration.endings_reached)}/{len(scenario.endings)} reached")
    for what, missed in (("scenes", exploration.scenes_missed), ("choices", exploration.choices_missed),
                         ("endings", exploration.endings_missed)):
        if missed:
            print(f"  never reached ({what}): {', '.join(missed)}")
    if exploration.problems:
        for p in exploration.problems:
            what = " (no ending ahead: every way on soft-locks)" if p.kind == "dead end" else ""
            print(f"  {p.kind.upper()} in scene '{p.scene}'{what}: {_path(p.path)}")
    elif exploration.has_cycles:
        print("  no soft-locks, no endless loops")
    else:  # without loops a trap is a dead end
        print("  no soft-locks, no dead ends")
    _print_claims(scenario, exploration, path)
    if exploration.min_decisions is not None:
        if exploration.max_decisions is None:
            print(f"  decisions per playthrough: shortest {exploration.min_decisions}; "
                  "no longest (the choices can go round in a cycle)")
        else:
            print(f"  decisions per playthrough: shortest {exploration.min_decisions}, median "
                  f"{exploration.median_decisions}, longest {exploration.max_decisions} "
                  f"({exploration.playthroughs:,} distinct "
                  f"{'playthrough' if exploration.playthroughs == 1 else 'playthroughs'})")
    if exploration.shortest:
        print("  shortest way to each ending:")
        width = max(map(len, exploration.shortest))
        for eid in scenario.endings:
            if eid in exploration.shortest:
                tone = scenario.endings[eid].tone
                print(f"    {eid:<{width}}  {tone:<7}  {_path(exploration.shortest[eid])}")


def _print_claims(scenario, exploration, path: str) -> None:
    claims = [e for e in scenario.endings.values() if e.requires is not None]
    if not claims:
        return
    for eid, steps in exploration.violations.items():
        print(f"  CLAIM FAILS: ending '{eid}' requires \"{scenario.endings[eid].requires.source}\""
              f", but a playthrough gets there without: {_path(steps)}")
        print(f"    replay: {replay_command(path, steps)}")
    held = len(claims) - len(exploration.violations)
    if held:
        print(f"  claims   {held}/{len(claims)} hold over every playthrough"
              + (" explored" if exploration.bound_hit else ""))


def _query(scenario, args) -> int:
    try:
        answer = query(scenario, args.query, args.bound)
    except QueryError as exc:
        print(exc, file=sys.stderr)
        return USAGE
    if args.json:
        json.dump({"possible": answer.possible, "path": path_dicts(answer.path or []),
                   "decided": answer.decided, "states": answer.exploration.states},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif answer.possible:
        print(f"possible: {_path(answer.path)}")
        print(f"  replay: {replay_command(args.file, answer.path)}")
        if uses_chance(scenario):
            print("  (the scenario has chance routes: the replay may need another --seed)")
    elif answer.decided:
        print(f"impossible: no playthrough ends where \"{args.query}\" holds "
              f"({answer.exploration.states:,} states explored)")
    else:
        print(f"undecided: {answer.exploration.budget}")
    return OK if answer.decided else PROBLEMS


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
                   "looped": w.looped,
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
        if w.looped:
            print(f"  ENDLESS LOOP of routes without a decision (first in scene "
                  f"'{w.loop_scene}'): {w.looped} plays stopped")
    return PROBLEMS if w.stuck or w.looped else OK
