"""The pieces of a replay step, as plain data with every text in the language asked for."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping

from ..engine.model import Post, Scenario, Scene, Text

from .explanations import ReasonView
from ..storage.records import DecisionRecord, Note
from .texts import text_of


@dataclass(frozen=True, slots=True)
class ChoiceView:
    """One option of a decision: the one chosen, the roads not taken, and those hidden."""

    id: str
    text: str
    chosen: bool
    hidden: bool                  # hidden by its condition when the step was played
    feedback: str | None = None   # the consequence text, for the roads not taken too
    note: str | None = None       # the option's facilitator note
    reason: ReasonView | None = None  # a conditional option: why it was (not) there
    votes: int | None = None      # workshop: hands for this option
    known: bool = True            # False: the option no longer exists in this version


@dataclass(frozen=True, slots=True)
class MeterChange:
    id: str
    label: str
    before: int
    after: int
    good: str = "high"            # "high": rising is good; "low": falling is good

    @property
    def delta(self) -> int:
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class ReplayStep:
    """One step of a replay: a decision, a scene read on the way, or the ending."""

    number: int                   # position in Replay.steps, from 0
    kind: str                     # "decision", "passage", "ending", or "open" (stopped here)
    scene: str                    # scene or ending id
    text: str
    exact: bool                   # rebuilt by the engine; False: shown as recorded
    text_reason: ReasonView | None = None
    arrival_reason: ReasonView | None = None  # why the route from the previous scene led here
    posts: tuple[Post, ...] = ()  # as they showed: each text is the words shown (``Text.of``)
    choices: tuple[ChoiceView, ...] = ()
    chosen: str | None = None
    feedback: str | None = None
    meters: tuple[MeterChange, ...] = ()
    flags_set: tuple[str, ...] = ()
    flags_cleared: tuple[str, ...] = ()
    note: str | None = None       # the scene's facilitator note
    title: str = ""               # an ending's title
    questions: tuple[str, ...] = ()  # an ending's debrief questions
    notes: tuple[Note, ...] = ()  # facilitator notes typed at this step (workshop)
    decision: DecisionRecord | None = None
    warnings: tuple[str, ...] = ()

    @property
    def changes(self) -> tuple[MeterChange, ...]:
        """The meters that moved."""
        return tuple(m for m in self.meters if m.delta)

    @property
    def chosen_view(self) -> ChoiceView | None:
        return next((o for o in self.choices if o.chosen), None)


def meter_changes(scenario: Scenario, before: Mapping, after: Mapping, lang: str
                  ) -> tuple[MeterChange, ...]:
    """Every meter of the scenario, plus recorded meters it no longer has."""
    names = [*scenario.meters, *(k for k, v in before.items()
                                 if k not in scenario.meters and type(v) is int)]
    out = []
    for name in names:
        if name not in before or name not in after:
            continue
        meter = scenario.meters.get(name)
        label = text_of(meter.label, scenario, lang) if meter else name
        out.append(MeterChange(name, label, before[name], after[name],
                               meter.good if meter else "high"))
    return tuple(out)


def flag_changes(before: Mapping, after: Mapping) -> tuple[tuple[str, ...], tuple[str, ...]]:
    flags = [k for k, v in after.items() if isinstance(v, bool) and before.get(k) != v]
    return tuple(k for k in flags if after[k]), tuple(k for k in flags if not after[k])


def posts_as_shown(posts, scenario: Scenario, lang: str, state=None) -> tuple[Post, ...]:
    """The posts of a feed or message scene as they showed in ``state``: the same posts, each
    with the words shown as its text and no condition left to test."""
    return tuple(replace(p, text=Text.of(text_of(p.text, scenario, lang, state)), condition=None)
                 for p in posts)


def choice_view(choice, scenario: Scenario, lang: str, *, chosen: bool, hidden: bool,
                reason: ReasonView | None, votes: Mapping[str, int], state=None) -> ChoiceView:
    """An option as offered in ``state``; its feedback as that state would show it."""
    return ChoiceView(choice.id, text_of(choice.text, scenario, lang, state), chosen, hidden,
                      text_of(choice.feedback, scenario, lang, state),
                      text_of(choice.debrief, scenario, lang), reason,
                      votes.get(choice.id) if votes else None)


def scene_note(node, scenario: Scenario, lang: str) -> str | None:
    return text_of(node.debrief, scenario, lang) if isinstance(node, Scene) else None
