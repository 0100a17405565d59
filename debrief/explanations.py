"""Why things happened, for people: the engine's ``Reason`` with the decisions behind it
named by their step in the replay and by the text of the option chosen."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..engine.model import Scenario
from ..engine.reasons import Reason

from .i18n import tr
from .sentences import because
from .texts import choice_text

KINDS = ("text", "route", "hidden", "shown")


@dataclass(frozen=True, slots=True)
class CauseView:
    """A decision that a condition depends on."""

    step: int | None      # the replay step of that decision (0-based), None if not shown
    decision: int         # Decision.index
    scene: str
    choice: str
    choice_text: str


@dataclass(frozen=True, slots=True)
class ReasonView:
    """Why a text was shown, a route taken, or an option offered or hidden."""

    kind: str             # one of KINDS
    condition: str        # the condition's source, as the author wrote it
    holds: bool
    values: tuple[tuple[str, str], ...]   # (meter label or flag, value as shown)
    causes: tuple[CauseView, ...]
    because: str = ""     # why, in words ("omdat Vertrouwen 35 was, lager dan 40")
    lang: str = "nl"      # the language of ``because``

    def sentence(self, lang: str | None = None) -> str:
        """One sentence for the player: "Deze keuze was er niet omdat je ‘De krant’ nog
        niet had gezien." (in the language the view was made in)."""
        return _one_stop(tr(self.lang, f"because.{self.kind}", because=self.because))


def _one_stop(sentence: str) -> str:
    """A quoted text that ends the sentence with its own stop ends it: "… koos: 'Ja.'" and
    not "… koos: 'Ja.'." (the same for ? and !)."""
    for mark in ".?!":
        for quote in ("'", "’", "”", '"'):
            if sentence.endswith(f"{mark}{quote}."):
                return sentence[:-1]
    return sentence


def view(reason: Reason | None, kind: str, scenario: Scenario, lang: str,
         step_of: Mapping[int, int]) -> ReasonView | None:
    """A ``ReasonView`` of an engine ``Reason``; ``step_of`` maps decision index -> step."""
    if reason is None:
        return None
    if kind not in KINDS:
        raise ValueError(f"kind: expected one of {', '.join(KINDS)} (got '{kind}')")
    causes = tuple(CauseView(step_of.get(c.decision), c.decision, c.scene, c.choice,
                             choice_text(scenario, c.scene, c.choice, lang))
                   for c in reason.causes)
    values = tuple((_name(scenario, n, lang), _value(v, lang)) for n, v in reason.values)
    return ReasonView(kind, reason.condition, bool(reason.holds), values, causes,
                      because(reason, scenario, lang, step_of), lang)


def _name(scenario: Scenario, name: str, lang: str) -> str:
    meter = scenario.meters.get(name)
    return meter.label.get(lang, scenario.languages) if meter else name


def _value(value, lang: str) -> str:
    if isinstance(value, bool):
        return tr(lang, "yes" if value else "no")
    return str(value)
