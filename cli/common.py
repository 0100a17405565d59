"""What the commands share: loading a scenario with its diagnostics shown, and output."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import resources
from ..engine import Diagnostic, Scenario, Severity, check_file

OK, PROBLEMS, USAGE = 0, 1, 2


def scenario_arg(value: str) -> str:
    """An argparse ``type``: a scenario file's path, or a shipped scenario's id (see ``weerbaar
    list``). A file that exists wins; anything else is left for the loader to report."""
    if Path(value).is_file():
        return value
    shipped = resources.shipped_scenario(value)
    return str(shipped) if shipped is not None else value


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


MAX_SEED = 2**63 - 1  # the session database keeps seeds as SQLite integers (64 bits, signed)


def seed_value(text: str) -> int:
    """An argparse type for ``--seed``: a whole number that the session database can keep."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number (got '{text[:40]}')") from None
    if not 0 <= value <= MAX_SEED:
        shown = text if len(text) <= 24 else text[:20] + "…"
        raise argparse.ArgumentTypeError(f"expected a number from 0 to {MAX_SEED} (got {shown})")
    return value


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "0"
