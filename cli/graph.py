"""``weerbaar graph FILE --format mermaid|dot``: the scene graph, problems marked in red."""
from __future__ import annotations

import argparse

from ..engine.explore import explore
from ..engine.graph import to_dot, to_mermaid

from .common import OK, load_or_report, scenario_arg


def add_parser(sub, name):
    p = sub.add_parser(name, help="draw the scene graph (Mermaid or Graphviz DOT)")
    p.add_argument("file", metavar="FILE", type=scenario_arg,
                   help="the scenario file (.yaml) or a shipped scenario's id")
    p.add_argument("--format", choices=["mermaid", "dot"], default="mermaid")
    p.add_argument("--lang", default=argparse.SUPPRESS, help="language of the labels (default: the scenario's first)")
    p.add_argument("--out", help="write to this file instead of standard output")


def run(args) -> int:
    scenario, code = load_or_report(args.file)
    if scenario is None:
        return code
    exploration = explore(scenario)
    problems = frozenset(exploration.scenes_missed) | {p.scene for p in exploration.problems}
    lang = args.lang if args.lang in scenario.languages else None
    text = (to_mermaid if args.format == "mermaid" else to_dot)(scenario, lang, problems)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        print(text, end="")
    return OK
