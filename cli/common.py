"""What the commands share: loading a scenario with its diagnostics shown, and output."""
from __future__ import annotations

import sys

from engine import Diagnostic, Scenario, Severity, check_file

OK, PROBLEMS, USAGE = 0, 1, 2


def print_diagnostics(diagnostics: list[Diagnostic], strict: bool = False, file=None) -> None:
    out = file or sys.stderr
    for d in diagnostics:
        print(d, file=out)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
              + (" (--strict: warnings count as errors)" if strict and warnings else ""), file=out)


def load_or_report(path: str) -> tuple[Scenario | None, int]:
    """Load a scenario for a command that plays or walks it; print errors and give the exit code."""
    scenario, diagnostics = check_file(path)
    if scenario is None:
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        print_diagnostics(errors)
        unreadable = any(d.code == "E025" for d in errors)
        return None, USAGE if unreadable else PROBLEMS
    return scenario, OK


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "0"
