"""Why things happened, for people: the engine's ``Reason`` with the decisions behind it
named by their step in the replay and by the text of the option chosen."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from engine.model import Scenario
from engine.reasons import Reason

from .i18n import tr
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

    def sentence(self, lang: str) -> str:
        """One sentence for the player: "This text appears because you chose … in step 3."""
        if self.causes:
            named = tr(lang, "and").join(
                tr(lang, "chose", n=_number(c), choice=c.choice_text) for c in self.causes)
            text = tr(lang, f"because.{self.kind}", causes=named)
        else:
            held = tr(lang, "held" if self.holds else "not_held")
            text = tr(lang, f"because.{self.kind}.bare", condition=self.condition, holds=held)
        if self.values:
            text = f"{text[:-1]} ({', '.join(f'{k}: {v}' for k, v in self.values)})."
        return text


def _number(cause: CauseView) -> int:
    return (cause.step if cause.step is not None else cause.decision) + 1


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
    return ReasonView(kind, reason.condition, bool(reason.holds), values, causes)


def _name(scenario: Scenario, name: str, lang: str) -> str:
    meter = scenario.meters.get(name)
    return meter.label.get(lang, scenario.languages) if meter else name


def _value(value, lang: str) -> str:
    if isinstance(value, bool):
        return tr(lang, "yes" if value else "no")
    return str(value)
