"""From the checker's 1-based line:column to the 0-based ranges of the LSP."""
from __future__ import annotations

import re

from lsprotocol import types as lsp

from ..engine import Diagnostic, Severity

_WORD = re.compile(r"[\w.-]+")


def word_range(lines: list[str], line: int, column: int) -> lsp.Range:
    """The word that starts at a 1-based position, or one character when none does."""
    row = max(line - 1, 0)
    col = max(column - 1, 0)
    text = lines[row] if row < len(lines) else ""
    m = _WORD.match(text, col)
    end = m.end() if m else min(col + 1, max(len(text), col + 1))
    return lsp.Range(lsp.Position(row, col), lsp.Position(row, end))


def to_lsp(d: Diagnostic, lines: list[str]) -> lsp.Diagnostic:
    """One checker diagnostic as the editor shows it: same code, message and hint."""
    message = d.message + (f" ({d.hint})" if d.hint else "")
    severity = lsp.DiagnosticSeverity.Error if d.severity is Severity.ERROR \
        else lsp.DiagnosticSeverity.Warning
    return lsp.Diagnostic(range=word_range(lines, d.line, d.column), message=message,
                          severity=severity, code=d.code, source="weerbaar")


def spot_range(line: int, column: int, length: int) -> lsp.Range:
    return lsp.Range(lsp.Position(line - 1, column - 1), lsp.Position(line - 1, column - 1 + length))
