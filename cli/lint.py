"""``weerbaar lint FILE...``: check scenarios and report every problem, compiler style."""
from __future__ import annotations

import json
import sys

from engine import Severity, check_file

from .common import OK, PROBLEMS, USAGE, print_diagnostics


def add_parser(sub, name):
    p = sub.add_parser(name, help="check scenario files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--strict", action="store_true", help="warnings count as failures")
    p.add_argument("--json", action="store_true", help="diagnostics as JSON on standard output")


def run(args) -> int:
    all_diags, code = [], OK
    for path in args.files:
        scenario, diagnostics = check_file(path, prove=True)
        all_diags.extend(diagnostics)
        if any(d.code == "E025" for d in diagnostics):
            code = max(code, USAGE)
        elif any(d.severity is Severity.ERROR for d in diagnostics) or (args.strict and diagnostics):
            code = max(code, PROBLEMS)
    if args.json:
        json.dump([d.to_dict() for d in all_diags], sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_diagnostics(all_diags, args.strict, file=sys.stdout)
        if not all_diags:
            n = len(args.files)
            print(f"ok: {n} scenario{'s' * (n != 1)}, no problems")
    return code
