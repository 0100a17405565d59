"""``weerbaar lint FILE|DIR...``: check scenarios and transcripts, compiler style.

A ``*.transcripts.yaml`` file is checked as transcripts (against the scenario beside it);
a folder stands for every scenario and transcripts file in it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..engine import Severity, check_file
from ..engine.transcriptcheck import check_transcripts_file, is_transcripts

from .common import OK, PROBLEMS, USAGE, print_diagnostics, scenario_arg

YAML_SUFFIXES = (".yaml", ".yml")


def add_parser(sub, name):
    p = sub.add_parser(name, help="check scenario and transcripts files, or every one in a folder")
    p.add_argument("files", nargs="+", metavar="FILE|DIR", type=scenario_arg,
                   help="scenario or transcripts files, folders, or shipped scenarios' ids")
    p.add_argument("--strict", action="store_true", help="warnings count as failures")
    p.add_argument("--json", action="store_true", help="diagnostics as JSON on standard output")


def expand(paths: list[str]) -> list[str]:
    """The files to check: folders become their scenario and transcripts files, sorted."""
    out = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out += sorted(str(f) for f in p.iterdir() if f.is_file() and f.suffix in YAML_SUFFIXES)
        else:
            out.append(path)
    return out


def check(path: str):
    return check_transcripts_file(path) if is_transcripts(path) else check_file(path, prove=True)[1]


def run(args) -> int:
    all_diags, code = [], OK
    files = expand(args.files)
    for path in files:
        diagnostics = check(path)
        all_diags.extend(diagnostics)
        if any(d.code == "E025" for d in diagnostics):
            code = max(code, USAGE)
        elif any(d.severity is Severity.ERROR for d in diagnostics) or (args.strict and diagnostics):
            code = max(code, PROBLEMS)
    if not files:
        print(f"error: no scenario files in {', '.join(args.files)}", file=sys.stderr)
        return USAGE
    if args.json:
        json.dump([d.to_dict() for d in all_diags], sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_diagnostics(all_diags, args.strict, file=sys.stdout)
        if not all_diags:
            print(f"ok: {_count(files)}, no problems")
    return code


def _count(files: list[str]) -> str:
    t = sum(map(is_transcripts, files))
    n = len(files) - t
    parts = [f"{n} scenario{'s' * (n != 1)}"] if n or not t else []
    if t:
        parts.append(f"{t} transcripts file{'s' * (t != 1)}")
    return " and ".join(parts)
