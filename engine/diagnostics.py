"""Diagnostics: what the checker says about a scenario, compiler style.

Every diagnostic has a stable code (``E0xx`` errors, ``W0xx`` warnings) that
``docs/diagnostics.md`` explains with a broken example and the fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

MAX_QUOTED = 80      # a quoted value longer than this is shortened in messages
MAX_MESSAGE = 600
_QUOTED = re.compile(r"'([^']{%d,})'" % (MAX_QUOTED + 1))

# code -> one-line summary; docs/diagnostics.md has the long form of each.
CODES: dict[str, str] = {
    "E001": "YAML syntax error",
    "E002": "duplicate key",
    "E003": "unsupported YAML feature (tag, anchor, alias or merge key)",
    "E004": "unknown key",
    "E005": "missing required key",
    "E006": "wrong type",
    "E007": "invalid id",
    "E008": "unsupported format version",
    "E009": "value out of range",
    "E010": "expression syntax error",
    "E011": "unknown name in expression or effect",
    "E012": "unknown goto target",
    "E013": "type misuse",
    "E014": "meter range or start invalid",
    "E015": "duplicate id",
    "E016": "missing translation",
    "E017": "scene with no way out",
    "E018": "unreachable scene or ending",
    "E019": "unknown character",
    "E020": "unknown function or wrong arguments",
    "E021": "expression too large",
    "E022": "text variants without a fallback",
    "E023": "unknown timer default choice",
    "E024": "undeclared language",
    "E025": "file cannot be read",
    "E030": "a claim of an ending does not hold",
    "E031": "malformed conditional text",
    "W001": "text too long for one screen",
    "W002": "choice without feedback",
    "W003": "plain text in a multi-language scenario",
    "W004": "routes without an unconditional last route",
    "W005": "ending without debrief questions",
    "W006": "meter or flag never used",
    "W007": "choice without an explicit id",
    "W008": "decision scene without a facilitator note",
    "W010": "a choice that dominates its siblings",
    "W011": "a misstep that costs nothing",
    "W012": "claims not proved within the explorer's budget",
    "W013": "untranslated text in a catalog",
    "W014": "outdated translation",
    "W015": "languages of a text ask different conditions",
    "W016": "image missing or unreadable",
}


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem at one place in one file. Lines and columns count from 1."""

    code: str
    message: str
    path: str
    line: int = 0
    column: int = 0
    hint: str = ""

    @property
    def severity(self) -> Severity:
        return Severity.ERROR if self.code.startswith("E") else Severity.WARNING

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return (f"{self.path}:{self.line}:{self.column}: "
                f"{self.severity.value}[{self.code}]: {self.message}{hint}")

    def to_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity.value, "message": self.message,
                "path": self.path, "line": self.line, "column": self.column, "hint": self.hint}


class ScenarioError(ValueError):
    """A scenario could not be loaded. ``diagnostics`` holds every problem found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        first = str(self.diagnostics[0]) if self.diagnostics else "invalid scenario"
        more = len(self.errors) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def tidy(text: str) -> str:
    """A message as it may be shown: on one line, long quoted values shortened (a 10 MB
    name is not echoed whole), invisible characters escaped (a zero-width space or a
    non-breaking space shows as ``\\u200b``, not as nothing)."""
    text = _QUOTED.sub(lambda m: f"'{m.group(1)[:MAX_QUOTED // 2]}…' "
                       f"({len(m.group(1)):,} characters)", text)
    if not text.isprintable():
        text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE] + "…"


class DiagnosticCollector:
    """Collects diagnostics for one file while the loader and checker run."""

    def __init__(self, path: str):
        self.path = path
        self.items: list[Diagnostic] = []

    def error(self, code: str, message: str, at: tuple[int, int] = (0, 0), hint: str = ""):
        assert code in CODES and code.startswith("E"), code
        self.items.append(Diagnostic(code, tidy(message), self.path, at[0], at[1], tidy(hint)))

    def warn(self, code: str, message: str, at: tuple[int, int] = (0, 0), hint: str = ""):
        assert code in CODES and code.startswith("W"), code
        self.items.append(Diagnostic(code, tidy(message), self.path, at[0], at[1], tidy(hint)))

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.line, d.column, d.code))
