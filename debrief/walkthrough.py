"""A recorded session, step by step, rebuilt by the engine: what the replay screen shows.

``build_replay(record, scenario, lang)`` walks the recorded path through a fresh
``Session``: before each decision it notes the situation (the text variant shown and why,
the posts, every option with those hidden by conditions and why), then makes the recorded
choice and notes the consequence. Where the scenario version cannot follow the recording
(a scene or option gone), the rest is shown as recorded, with a warning.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..engine import rules
from ..engine.model import Scenario
from ..engine.reasons import Reason
from ..engine.replay import ReplayError as Unreplayable
from ..engine.replay import replay_decisions
from ..engine.replay import Deciding, End, Halt, Passage, Stop, Walk
from ..engine.session import Session

from . import explanations as reasons
from ..storage.errors import ReplayError
from .i18n import tr
from .as_recorded import recorded_steps
from ..storage.records import DecisionRecord, SessionRecord
from ..storage.versions import ScenarioLibrary, VersionCheck
from ..storage.store import SessionStore
from .texts import text_of
from .step_views import (ReplayStep, choice_view, flag_changes, meter_changes, posts_as_shown,
                         scene_note)


@dataclass(frozen=True)
class Replay:
    record: SessionRecord
    scenario: Scenario
    version: VersionCheck
    lang: str
    steps: tuple[ReplayStep, ...]
    warnings: tuple[str, ...]     # about the whole replay (another scenario version)
    _positions: tuple[tuple[int, int] | None, ...]  # per step: (decisions, advances)

    @property
    def exact(self) -> bool:
        """True when every step was rebuilt by the engine."""
        return all(s.exact for s in self.steps)

    @property
    def final_scene(self) -> str:
        return self.steps[-1].scene if self.steps else ""

    @property
    def final_meters(self) -> dict[str, int]:
        return {m.id: m.after for m in self.steps[-1].meters} if self.steps else {}

    def step_of_decision(self, index: int) -> int:
        """The step that shows decision ``index`` of the path."""
        for s in self.steps:
            if s.decision is not None and s.decision.decision.index == index:
                return s.number
        raise IndexError(index)

    def what_if(self, step: int) -> Session:
        """A live session standing where step ``step`` stood, to play on from there with
        another choice. It has no listeners: the recording does not change."""
        position = self._positions[step]
        if position is None:
            raise ReplayError(self.record.id, f"step {step + 1} is shown as recorded and "
                              "cannot be played on in this scenario version")
        decisions, advances = position
        try:
            return replay_decisions(self.scenario, self.record.decisions[:decisions],
                                    self.record.seed, advances=advances).session
        except Unreplayable as exc:
            raise ReplayError(self.record.id, str(exc), "use the version it was played on") from exc


def replay_session(store: SessionStore, session_id: str, lang: str | None = None,
                   current: tuple[Scenario, ...] = ()) -> Replay:
    """The replay of a stored session (id or unique prefix) on the version it was played
    on, else on the ``current`` scenario of its id."""
    record = store.get(session_id)
    scenario, version = ScenarioLibrary(store, current).for_record(record)
    return build_replay(record, scenario, lang, version)


def build_replay(record: SessionRecord, scenario: Scenario, lang: str | None = None,
                 version: VersionCheck | None = None) -> Replay:
    """The replay of ``record`` on ``scenario`` in ``lang`` (default: the session's)."""
    lang = lang or record.language
    if lang not in scenario.languages:
        lang = scenario.default_language
    version = version or VersionCheck(record.scenario_version, record.content_hash,
                                      scenario.version, scenario.content_hash, False)
    walk = _Walk(record, scenario, lang)
    walk.run()
    warnings = () if version.same else (tr(
        lang, "warn.version", recorded=record.scenario_version or "?",
        recorded_hash=record.content_hash, shown=scenario.version or "?",
        shown_hash=scenario.content_hash),)
    return Replay(record, scenario, version, lang, tuple(walk.steps), warnings,
                  tuple(walk.positions))


class _Walk:
    """Walks the recorded path through a live session, one step at a time."""

    def __init__(self, record: SessionRecord, scenario: Scenario, lang: str):
        self.record, self.scenario, self.lang = record, scenario, lang
        self.session = Session(scenario, record.seed)
        self.steps: list[ReplayStep] = []
        self.positions: list[tuple[int, int] | None] = []
        self.step_of: dict[int, int] = {}
        self.made = self.advances = 0
        self.arrival: reasons.ReasonView | None = None

    def run(self) -> None:
        path = self.record.path
        walk = Walk(self.session, [r.decision for r in path], end=End.REST)
        for event in walk:
            if isinstance(event, Passage):
                self._passage()
            elif isinstance(event, Deciding):
                self._deciding()
            else:
                self._decided(path[event.index], event.outcome)
        if walk.stop is None:
            return self._ending() if self.session.ended else self._open()
        rest = recorded_steps(self.record, self.scenario, self.lang, self.made, len(self.steps),
                              self._problem(walk.stop), self.step_of)
        self.steps += rest
        self.positions += [None] * len(rest)

    def _problem(self, stop: Stop) -> str:
        """Why the recording cannot be followed further in this version, for people."""
        if stop.why is Halt.STUCK:
            return tr(self.lang, "warn.stuck", reason=stop.detail)
        d = stop.step
        key = {Halt.ENDED: "warn.elsewhere"}.get(stop.why, f"warn.{stop.why.value}")
        return tr(self.lang, key, actual=stop.actual, scene=d.scene, choice=d.choice)

    # ---- steps ----------------------------------------------------------------------------
    def _passage(self) -> None:
        s, scene = self.session, self.session.view.node
        route = self._route_reason(scene)
        self._add("passage", choices=(), meters=self._meters(s.vars, s.vars))
        self.advances += 1
        self.arrival = route

    def _open(self) -> None:
        """The scene where an unfinished session stopped."""
        s = self.session
        self._add("open", choices=self._choices(None), meters=self._meters(s.vars, s.vars),
                  warnings=self._ending_warning(None))

    def _deciding(self) -> None:
        rec = self.record.path[self.made]
        self._before = (self.session.view.node, len(self.steps), self._choices(rec),
                        self._situation())

    def _decided(self, rec: DecisionRecord, outcome) -> None:
        d = rec.decision
        scene, number, choices, (text, text_reason, posts) = self._before
        before, after = outcome.decision.before, outcome.decision.after
        differ = sorted(k for k in set(after) | set(d.after) if after.get(k) != d.after.get(k))
        warnings = (tr(self.lang, "warn.diverged", names=", ".join(differ)),) if differ else ()
        flags_set, flags_cleared = flag_changes(before, after)
        self.step_of[d.index] = number
        self.steps.append(ReplayStep(
            number, "decision", scene.id, text, True, text_reason, self._take_arrival(), posts,
            choices, d.choice, outcome.feedback_text(self.lang),
            self._meters(before, after), flags_set, flags_cleared,
            scene_note(scene, self.scenario, self.lang), notes=self._notes(scene.id),
            decision=rec, warnings=warnings))
        self.positions.append((self.made, self.advances))
        self.made += 1
        self.advances = 0

    def _choices(self, rec: DecisionRecord | None):
        """Every option of the scene now: the one chosen, the others, those hidden and why."""
        chosen = rec.decision.choice if rec else None
        return tuple(choice_view(
            v.choice, self.scenario, self.lang, chosen=v.choice.id == chosen,
            hidden=not v.available, votes=rec.votes if rec else {},
            reason=self._reason(v.reason, "shown" if v.available else "hidden"),
            state=self.session.state) for v in self.session.view.choice_views())

    def _ending(self) -> None:
        s, ending = self.session, self.session.view.ending
        self._add("ending", choices=(), meters=self._meters(s.vars, s.vars),
                  title=text_of(ending.title, self.scenario, self.lang),
                  questions=tuple(text_of(q, self.scenario, self.lang)
                                  for q in ending.debrief_questions),
                  warnings=self._ending_warning(ending.id))

    def _add(self, kind: str, **fields) -> None:
        text, text_reason, posts = self._situation()
        scene = self.session.view.node
        self.steps.append(ReplayStep(
            len(self.steps), kind, scene.id, text, True, text_reason, self._take_arrival(),
            posts, note=scene_note(scene, self.scenario, self.lang), notes=self._notes(scene.id),
            **fields))
        self.positions.append((self.made, self.advances))

    # ---- helpers --------------------------------------------------------------------------
    def _situation(self):
        s = self.session
        return (s.view.text(self.lang), self._reason(s.view.text_reason(), "text"),
                posts_as_shown(s.view.posts(), self.scenario, self.lang, s.state))

    def _ending_warning(self, reached: str | None) -> tuple[str, ...]:
        recorded = self.record.ending
        if recorded is None or recorded == reached:
            return ()
        return (tr(self.lang, "warn.ending_differs", recorded=recorded, actual=reached or "—"),)

    def _route_reason(self, scene) -> reasons.ReasonView | None:
        """Why the route about to be taken from ``scene`` holds (or why the earlier ones failed)."""
        if rules.first_route(scene, self.session.state) is None:
            return None
        return self._reason(self.session.view.route_reason(), "route")

    def _reason(self, reason: Reason | None, kind: str) -> reasons.ReasonView | None:
        return reasons.view(reason, kind, self.scenario, self.lang, self.step_of)

    def _take_arrival(self) -> reasons.ReasonView | None:
        arrival, self.arrival = self.arrival, None
        return arrival

    def _meters(self, before, after):
        return meter_changes(self.scenario, before, after, self.lang)

    def _notes(self, scene_id: str):
        return tuple(n for n in self.record.notes if n.step == self.made and n.scene == scene_id)

