"""Steps shown as recorded: for a session whose path the shown scenario version cannot
replay (a scene or option gone, another route). Texts come from this version where their
ids still exist; options, choices and meters come from the recording."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Mapping, Sequence

from ..engine import rules
from ..engine.model import Scenario

from .i18n import tr
from ..storage.records import DecisionRecord, SessionRecord
from .texts import text_of
from .step_views import (ChoiceView, ReplayStep, choice_view, flag_changes, meter_changes,
                         scene_note)


def recorded_steps(record: SessionRecord, scenario: Scenario, lang: str, start: int,
                   number: int, first_warning: str | None, step_of: dict[int, int]
                   ) -> list[ReplayStep]:
    """Steps for ``record.path[start:]`` (and the recorded ending), numbered from ``number``."""
    path = record.path
    steps = []
    for i, rec in enumerate(path[start:], start):
        warning = first_warning if i == start else None
        step_of[rec.decision.index] = number + len(steps)
        steps.append(_decision_step(record, scenario, lang, path[:i], rec, number + len(steps),
                                    warning))
    if record.ending is not None:
        steps.append(_ending_step(record, scenario, lang, number + len(steps)))
    return steps


def _decision_step(record, scenario: Scenario, lang: str, earlier: Sequence[DecisionRecord],
                   rec: DecisionRecord, number: int, warning: str | None) -> ReplayStep:
    d = rec.decision
    scene = scenario.scenes.get(d.scene)
    warnings = [warning] if warning else []
    if scene is None:
        if not warning:
            warnings.append(tr(lang, "warn.scene_gone", scene=d.scene))
        text, choices, note = "", _unknown_choices(d, rec.votes), None
    else:
        text = _text_as_then(scene, scenario, record, earlier, d.before, lang)
        choices = _choices(scene, scenario, lang, rec)
        note = scene_note(scene, scenario, lang)
        gone = [o.id for o in choices if not o.known]
        if gone and not warning:
            warnings += [tr(lang, "warn.choice_gone", choice=c, scene=d.scene) for c in gone]
    chosen = next((o for o in choices if o.chosen), None)
    flags_set, flags_cleared = flag_changes(d.before, d.after)
    return ReplayStep(
        number, "decision", d.scene, text, exact=False, choices=choices, chosen=d.choice,
        feedback=chosen.feedback if chosen else None,
        meters=meter_changes(scenario, d.before, d.after, lang), flags_set=flags_set,
        flags_cleared=flags_cleared, note=note,
        notes=tuple(n for n in record.notes if n.step == d.index and n.scene == d.scene),
        decision=rec, warnings=tuple(warnings))


def _choices(scene, scenario: Scenario, lang: str, rec: DecisionRecord) -> tuple[ChoiceView, ...]:
    """The options as they were offered and hidden then, in this version's order."""
    d = rec.decision
    then = set(d.offered) | set(d.hidden)
    known = [c for c in scene.choices if c.id in then]
    out = [choice_view(c, scenario, lang, chosen=c.id == d.choice, hidden=c.id in d.hidden,
                       reason=None, votes=rec.votes) for c in known]
    ids = {c.id for c in known}
    out += [o for o in _unknown_choices(d, rec.votes) if o.id not in ids]
    return tuple(out)


def _unknown_choices(d, votes: Mapping[str, int]) -> tuple[ChoiceView, ...]:
    return tuple(ChoiceView(cid, cid, cid == d.choice, cid in d.hidden,
                            votes=votes.get(cid) if votes else None, known=False)
                 for cid in (*d.offered, *d.hidden))


def _text_as_then(node, scenario: Scenario, record, earlier, before: Mapping, lang: str) -> str:
    """The text variant that the recorded state selects in this version."""
    state = _state_then(scenario, record, earlier, before)
    for v in node.text:
        try:
            if v.condition is None or v.condition.test(state):
                return text_of(v.text, scenario, lang, state)
        except (KeyError, TypeError):  # the condition reads a name the recording lacks
            continue
    return text_of(node.text[-1].text, scenario, lang) if node.text else ""


def _state_then(scenario: Scenario, record, earlier, before: Mapping) -> SimpleNamespace:
    """A play state (see ``engine.rules``) as far as the recording tells it."""
    visits: dict[str, int] = {}
    for r in earlier:
        for scene in (r.decision.scene, r.decision.target):
            visits[scene] = visits.get(scene, 0) + 1
    vars_ = {**rules.initial_vars(scenario), **before}
    return SimpleNamespace(vars=vars_, visits=visits, seed=record.seed, step=0,
                           chosen={(r.decision.scene, r.decision.choice) for r in earlier})


def _ending_step(record: SessionRecord, scenario: Scenario, lang: str, number: int) -> ReplayStep:
    ending = scenario.endings.get(record.ending)
    final = dict(record.final_vars or {})
    meters = meter_changes(scenario, final, final, lang)
    if ending is None:
        return ReplayStep(number, "ending", record.ending, "", exact=False, meters=meters,
                          title=record.ending,
                          warnings=(tr(lang, "warn.scene_gone", scene=record.ending),))
    text = _text_as_then(ending, scenario, record, record.path, final, lang)
    return ReplayStep(number, "ending", ending.id, text, exact=False, meters=meters,
                      title=text_of(ending.title, scenario, lang),
                      questions=tuple(text_of(q, scenario, lang) for q in ending.debrief_questions))
