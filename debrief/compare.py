"""Two sessions of one scenario side by side: where their roads parted, and where they ended."""
from __future__ import annotations

from dataclasses import dataclass

from ..engine.model import Scenario

from .group import SessionLine, session_line
from ..storage.records import SessionRecord
from .texts import choice_text, text_of


@dataclass(frozen=True, slots=True)
class CompareSide:
    scene: str
    choice: str
    choice_text: str
    meters: dict                  # meter -> value after the decision


@dataclass(frozen=True, slots=True)
class CompareRow:
    index: int                    # decision number on the path, from 0
    a: CompareSide | None         # None: that session made no decision this far
    b: CompareSide | None

    @property
    def same(self) -> bool:
        return (self.a is not None and self.b is not None
                and (self.a.scene, self.a.choice) == (self.b.scene, self.b.choice))


@dataclass(frozen=True, slots=True)
class MeterPair:
    id: str
    label: str
    a: int | None
    b: int | None


@dataclass(frozen=True, slots=True)
class Comparison:
    a: SessionLine
    b: SessionLine
    rows: tuple[CompareRow, ...]
    meters: tuple[MeterPair, ...]  # at the end of each session

    @property
    def first_difference(self) -> int | None:
        """The first decision where the two roads part, if they do."""
        return next((r.index for r in self.rows if not r.same), None)


def compare_sessions(a: SessionRecord, b: SessionRecord, scenario: Scenario,
                     lang: str | None = None) -> Comparison:
    lang = lang if lang in scenario.languages else scenario.default_language
    sides_a, sides_b = _sides(a, scenario, lang), _sides(b, scenario, lang)
    n = max(len(sides_a), len(sides_b))
    rows = tuple(CompareRow(i, sides_a[i] if i < len(sides_a) else None,
                            sides_b[i] if i < len(sides_b) else None) for i in range(n))
    end_a, end_b = _final(a), _final(b)
    meters = tuple(MeterPair(m.id, text_of(m.label, scenario, lang), end_a.get(m.id),
                             end_b.get(m.id)) for m in scenario.meters.values())
    return Comparison(session_line(a, scenario, lang), session_line(b, scenario, lang), rows,
                      meters)


def _sides(r: SessionRecord, scenario: Scenario, lang: str) -> list[CompareSide]:
    return [CompareSide(d.scene, d.choice, choice_text(scenario, d.scene, d.choice, lang),
                        {k: v for k, v in d.after.items() if k in scenario.meters})
            for d in r.decisions]


def _final(r: SessionRecord) -> dict:
    if r.final_vars is not None:
        return dict(r.final_vars)
    return dict(r.decisions[-1].after) if r.decisions else {}
