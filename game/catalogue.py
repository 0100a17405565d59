"""The shipped scenarios, for the title screen: every ``scenarios/*.yaml`` that is a
scenario (``name.something.yaml`` files, such as transcripts, are not), each checked.
The small ``voorbeeld`` example comes last."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..engine import check_file
from ..engine.diagnostics import Diagnostic, Severity
from ..engine.model import Scenario

LAST = ("voorbeeld",)


@dataclass(frozen=True)
class Entry:
    path: Path
    scenario: Scenario | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    def title(self, lang: str) -> str:
        if self.scenario is None:
            return self.path.stem
        return self.scenario.title.get(lang, self.scenario.languages)


def scenario_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in folder.glob("*.yaml") if "." not in p.stem]


def scan(folder: Path, lang: str = "nl", only: Path | None = None) -> list[Entry]:
    """The entries of ``folder``; with ``only`` (``play FILE``), that file's alone."""
    entries = []
    for path in ([Path(only)] if only is not None else scenario_files(folder)):
        scenario, diagnostics = check_file(str(path))
        entries.append(Entry(path, scenario, tuple(diagnostics)))
    entries.sort(key=lambda e: (e.path.stem in LAST, e.scenario is None, e.title(lang).lower()))
    return entries
