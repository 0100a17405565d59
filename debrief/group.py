"""The group debrief: several sessions of one scenario side by side, as plain data.

Per decision scene, how many chose each option; which endings were reached; every meter
of every session over time. Texts come from one scenario version (``ScenarioLibrary.
for_group``); ids that version no longer has are shown as they were recorded.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..engine.model import Scenario

from ..storage.records import SessionRecord
from ..storage.versions import ScenarioLibrary
from .texts import choice_text, find_choice, scene_text, text_of


@dataclass(frozen=True, slots=True)
class SessionLine:
    """A session as the debrief names it."""

    id: str
    label: str
    mode: str
    started_at: str
    decisions: int
    ending: str | None
    ending_title: str | None
    content_hash: str
    path: tuple[tuple[str, str], ...]   # (scene id, text of the option chosen)


@dataclass(frozen=True, slots=True)
class ChoiceTally:
    id: str
    text: str
    count: int                    # decisions for this option
    hidden: int                   # times it was hidden by its condition
    labels: tuple[str, ...]       # the sessions that chose it
    note: str | None = None       # the option's facilitator note
    known: bool = True            # False: not in the scenario version shown


@dataclass(frozen=True, slots=True)
class DecisionTally:
    scene: str
    text: str                     # the scene's text (its unconditional variant)
    note: str | None              # the scene's facilitator note
    choices: tuple[ChoiceTally, ...]
    total: int                    # decisions made in this scene

    @property
    def most(self) -> int:
        return max((o.count for o in self.choices), default=0)


@dataclass(frozen=True, slots=True)
class EndingTally:
    id: str
    title: str
    tone: str
    count: int
    labels: tuple[str, ...]
    questions: tuple[str, ...]    # the ending's debrief questions


@dataclass(frozen=True, slots=True)
class SeriesLine:
    session_id: str
    label: str
    points: tuple[int, ...]       # the value at the start and after each decision


@dataclass(frozen=True, slots=True)
class MeterSeries:
    id: str
    label: str
    min: int
    max: int
    good: str
    lines: tuple[SeriesLine, ...]


@dataclass(frozen=True, slots=True)
class GroupDebrief:
    scenario_id: str
    title: str
    lang: str
    sessions: tuple[SessionLine, ...]
    decisions: tuple[DecisionTally, ...]
    endings: tuple[EndingTally, ...]
    meters: tuple[MeterSeries, ...]
    versions: tuple[str, ...]     # content hashes the sessions were played on

    @property
    def reached(self) -> tuple[EndingTally, ...]:
        return tuple(e for e in self.endings if e.count)


def by_scenario(records: list[SessionRecord]) -> dict[str, list[SessionRecord]]:
    out: dict[str, list[SessionRecord]] = {}
    for r in records:
        out.setdefault(r.scenario_id, []).append(r)
    return out


def group_debriefs(records: list[SessionRecord], library: ScenarioLibrary,
                   lang: str | None = None) -> list[GroupDebrief]:
    """One group debrief per scenario among ``records``, in the order first played."""
    return [group_debrief(group, library.for_group(group), lang)
            for group in by_scenario(records).values()]


def group_debrief(records: list[SessionRecord], scenario: Scenario, lang: str | None = None
                  ) -> GroupDebrief:
    """The debrief of ``records`` (sessions of ``scenario``'s id) in ``lang``."""
    lang = lang if lang in scenario.languages else scenario.default_language
    if any(r.scenario_id != scenario.id for r in records):
        raise ValueError(f"records: expected sessions of '{scenario.id}' only")
    return GroupDebrief(
        scenario.id, text_of(scenario.title, scenario, lang), lang,
        tuple(session_line(r, scenario, lang) for r in records),
        _decision_tallies(records, scenario, lang), _ending_tallies(records, scenario, lang),
        _meter_series(records, scenario, lang),
        tuple(dict.fromkeys(r.content_hash for r in records)))


def session_line(r: SessionRecord, scenario: Scenario, lang: str) -> SessionLine:
    ending = scenario.endings.get(r.ending) if r.ending else None
    return SessionLine(r.id, r.label, r.mode, r.started_at, len(r.path), r.ending,
                       text_of(ending.title, scenario, lang) if ending else r.ending,
                       r.content_hash,
                       tuple((d.scene, choice_text(scenario, d.scene, d.choice, lang))
                             for d in r.decisions))


def _decision_tallies(records, scenario: Scenario, lang: str) -> tuple[DecisionTally, ...]:
    chosen: dict[str, Counter] = {}
    hidden: dict[str, Counter] = {}
    labels: dict[tuple[str, str], list[str]] = {}
    seen_choices: dict[str, list[str]] = {}
    for r in records:
        for d in r.decisions:
            chosen.setdefault(d.scene, Counter())[d.choice] += 1
            hidden.setdefault(d.scene, Counter()).update(d.hidden)
            labels.setdefault((d.scene, d.choice), []).append(r.label)
            seen_choices.setdefault(d.scene, []).extend((*d.offered, *d.hidden))
    order = [s for s in scenario.scenes if s in chosen] + [s for s in chosen
                                                         if s not in scenario.scenes]
    out = []
    for sid in order:
        scene = scenario.scenes.get(sid)
        ids = [c.id for c in scene.choices] if scene else []
        ids += [c for c in dict.fromkeys(seen_choices[sid]) if c not in ids]
        choices = tuple(_choice(scenario, sid, cid, lang, chosen[sid][cid], hidden[sid][cid],
                                labels.get((sid, cid), ())) for cid in ids)
        out.append(DecisionTally(sid, scene_text(scene, scenario, lang),
                                 text_of(scene.debrief, scenario, lang) if scene else None,
                                 choices, sum(chosen[sid].values())))
    return tuple(out)


def _choice(scenario: Scenario, scene_id: str, choice_id: str, lang: str, count: int,
            hidden: int, labels) -> ChoiceTally:
    choice = find_choice(scenario, scene_id, choice_id)
    return ChoiceTally(choice_id, choice_text(scenario, scene_id, choice_id, lang), count,
                       hidden, tuple(labels), text_of(choice.debrief, scenario, lang)
                       if choice else None, known=choice is not None)


def _ending_tallies(records, scenario: Scenario, lang: str) -> tuple[EndingTally, ...]:
    reached = Counter(r.ending for r in records if r.ending)
    ids = list(scenario.endings) + [e for e in reached if e not in scenario.endings]
    out = []
    for eid in ids:
        e = scenario.endings.get(eid)
        out.append(EndingTally(
            eid, text_of(e.title, scenario, lang) if e else eid, e.tone if e else "neutral",
            reached[eid], tuple(r.label for r in records if r.ending == eid),
            tuple(text_of(q, scenario, lang) for q in e.debrief_questions) if e else ()))
    return tuple(out)


def meter_points(r: SessionRecord, meter: str) -> tuple[int, ...]:
    """A meter's value at the start and after each decision (and at the ending)."""
    ds = r.decisions
    if not ds:
        start = (r.final_vars or {}).get(meter)
        return () if start is None else (start,)
    points = [ds[0].before.get(meter)] + [d.after.get(meter) for d in ds]
    final = (r.final_vars or {}).get(meter)
    if final is not None and final != points[-1]:
        points.append(final)
    return tuple(p for p in points if p is not None)


def _meter_series(records, scenario: Scenario, lang: str) -> tuple[MeterSeries, ...]:
    return tuple(MeterSeries(
        m.id, text_of(m.label, scenario, lang), m.min, m.max, m.good,
        tuple(SeriesLine(r.id, r.label, meter_points(r, m.id)) for r in records))
        for m in scenario.meters.values())
