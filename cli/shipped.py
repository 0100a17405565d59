"""``weerbaar list``: the scenarios that come with Weerbaar, one a line, id first.

A shipped scenario's id can be given to ``play``, ``workshop``, ``lint``, ``explore``,
``graph`` and ``test`` instead of a file path.
"""
from __future__ import annotations

import argparse
import sys

from .. import resources
from ..engine import Severity, check_file

from .common import OK, PROBLEMS

HEADINGS = {"nl": ("id", "titel", "rol", "talen", "minuten"),
            "en": ("id", "title", "role", "languages", "minutes")}


def add_parser(sub, name):
    p = sub.add_parser(name, help="list the shipped scenarios: id, title, role, languages, minutes")
    p.add_argument("--lang", default=argparse.SUPPRESS, choices=["nl", "en"],
                   help="language of the titles and roles (default nl)")


def run(args) -> int:
    lang = getattr(args, "lang", None) or "nl"
    rows, code = [], OK
    for path in resources.shipped_scenarios():
        scenario, diagnostics = check_file(str(path))
        if scenario is None:
            errors = sum(d.severity is Severity.ERROR for d in diagnostics)
            print(f"{path}: {errors} error{'s' * (errors != 1)}; run 'weerbaar lint {path.stem}'",
                  file=sys.stderr)
            code = PROBLEMS
            continue
        rows.append(row(scenario, lang))
    print_table(rows)
    return code


def row(scenario, lang: str) -> tuple[str, ...]:
    langs = scenario.languages
    minutes = str(scenario.duration_minutes) if scenario.duration_minutes else "?"
    return (scenario.id, scenario.title.get(lang, langs), scenario.role.get(lang, langs) or "-",
            ",".join(langs), minutes)


def print_table(rows: list[tuple[str, ...]]) -> None:
    """Columns padded to their widest cell, separated by two spaces; the last one unpadded."""
    if not rows:
        return
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for r in rows:
        cells = [cell.ljust(w) for cell, w in zip(r, widths)] + [r[-1]]
        print("  ".join(cells))
