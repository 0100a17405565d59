"""A recorded session, step by step, rebuilt by the engine: what the replay screen shows.

``build_replay(record, scenario, lang)`` walks the recorded path through a fresh
``Session``: before each decision it notes the situation (the text variant shown and why,
the posts, every option with those hidden by conditions and why), then makes the recorded
choice and notes the consequence. Where the scenario version cannot follow the recording
(a scene or option gone), the rest is shown as recorded, with a warning.
"""
from __future__ import annotations

from dataclasses import dataclass

from engine import rules
from engine.model import Scenario
from engine.session import Reason, Session, StuckError

from . import reasons
from .errors import ReplayError
from .i18n import tr
from .rebuild import rebuild
from .recorded import recorded_steps
from .records import DecisionRecord, SessionRecord
from .scenarios import ScenarioLibrary, VersionCheck
from .sessions import SessionStore
from .texts import text_of
from .views import (ReplayStep, flag_changes, meter_changes, option_view, post_views,
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
        return rebuild(self.scenario, self.record.decisions[:decisions], self.record.seed,
                       advances=advances, session_id=self.record.id)


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
        path, problem = self.record.path, None
        try:
            while problem is None:
                s = self.session
                if s.ended and self.made < len(path):  # this version ends sooner
                    problem = tr(self.lang, "warn.elsewhere", actual=s.scene_id,
                                 scene=path[self.made].decision.scene)
                elif s.ended:
                    return self._ending()
                elif s.can_continue:
                    problem = self._passage()
                elif self.made == len(path):
                    return self._open()
                else:
                    problem = self._mismatch(path[self.made])
                    if problem is None:
                        self._decision(path[self.made])
        finally:
            self.session.close()
        rest = recorded_steps(self.record, self.scenario, self.lang, self.made, len(self.steps),
                              problem, self.step_of)
        self.steps += rest
        self.positions += [None] * len(rest)

    # ---- steps ----------------------------------------------------------------------------
    def _passage(self) -> str | None:
        s, scene = self.session, self.session.node
        route = self._route_reason(scene)
        self._add("passage", options=(), meters=self._meters(s.vars, s.vars))
        try:
            s.advance()
        except StuckError as exc:
            return tr(self.lang, "warn.stuck", reason=exc)
        self.advances += 1
        self.arrival = route
        return None

    def _open(self) -> None:
        """The scene where an unfinished session stopped."""
        s = self.session
        self._add("open", options=self._options(None), meters=self._meters(s.vars, s.vars),
                  warnings=self._ending_warning(None))

    def _decision(self, rec: DecisionRecord) -> None:
        s, d = self.session, rec.decision
        scene, number, options = s.node, len(self.steps), self._options(rec)
        text, text_reason, posts = self._situation()
        outcome = s.choose(d.choice, d.seconds, d.timed_out)
        before, after = outcome.decision.before, outcome.decision.after
        differ = sorted(k for k in set(after) | set(d.after) if after.get(k) != d.after.get(k))
        warnings = (tr(self.lang, "warn.diverged", names=", ".join(differ)),) if differ else ()
        flags_set, flags_cleared = flag_changes(before, after)
        self.step_of[d.index] = number
        self.steps.append(ReplayStep(
            number, "decision", scene.id, text, True, text_reason, self._take_arrival(), posts,
            options, d.choice, text_of(outcome.feedback, self.scenario, self.lang),
            self._meters(before, after), flags_set, flags_cleared,
            scene_note(scene, self.scenario, self.lang), notes=self._notes(scene.id),
            decision=rec, warnings=warnings))
        self.positions.append((self.made, self.advances))
        s.proceed()
        self.made += 1
        self.advances = 0

    def _options(self, rec: DecisionRecord | None):
        """Every option of the scene now: the one chosen, the others, those hidden and why."""
        chosen = rec.decision.choice if rec else None
        return tuple(option_view(
            v.choice, self.scenario, self.lang, chosen=v.choice.id == chosen,
            hidden=not v.available, votes=rec.votes if rec else {},
            reason=self._reason(v.reason, "shown" if v.available else "hidden"))
            for v in self.session.choice_views())

    def _ending(self) -> None:
        s, ending = self.session, self.session.ending
        self._add("ending", options=(), meters=self._meters(s.vars, s.vars),
                  title=text_of(ending.title, self.scenario, self.lang),
                  questions=tuple(text_of(q, self.scenario, self.lang)
                                  for q in ending.debrief_questions),
                  warnings=self._ending_warning(ending.id))

    def _add(self, kind: str, **fields) -> None:
        text, text_reason, posts = self._situation()
        scene = self.session.node
        self.steps.append(ReplayStep(
            len(self.steps), kind, scene.id, text, True, text_reason, self._take_arrival(),
            posts, note=scene_note(scene, self.scenario, self.lang), notes=self._notes(scene.id),
            **fields))
        self.positions.append((self.made, self.advances))

    # ---- helpers --------------------------------------------------------------------------
    def _situation(self):
        s = self.session
        return (s.text(self.lang), self._reason(s.text_reason(), "text"),
                post_views(s.posts(), self.scenario, self.lang))

    def _mismatch(self, rec: DecisionRecord) -> str | None:
        """Why the recorded decision cannot be made here in this version, if it cannot."""
        d, s = rec.decision, self.session
        if d.scene not in self.scenario.scenes:
            return tr(self.lang, "warn.scene_gone", scene=d.scene)
        if s.scene_id != d.scene:
            return tr(self.lang, "warn.elsewhere", actual=s.scene_id, scene=d.scene)
        if d.choice not in {c.id for c in s.node.choices}:
            return tr(self.lang, "warn.choice_gone", choice=d.choice, scene=d.scene)
        if d.choice not in {c.id for c in s.available_choices()}:
            return tr(self.lang, "warn.unavailable", choice=d.choice, scene=d.scene)
        return None

    def _ending_warning(self, reached: str | None) -> tuple[str, ...]:
        recorded = self.record.ending
        if recorded is None or recorded == reached:
            return ()
        return (tr(self.lang, "warn.ending_differs", recorded=recorded, actual=reached or "—"),)

    def _route_reason(self, scene) -> reasons.ReasonView | None:
        """Why the route about to be taken from ``scene`` holds (or why the earlier ones failed)."""
        if rules.first_route(scene, self.session) is None:
            return None
        return self._reason(self.session.route_reason(), "route")

    def _reason(self, reason: Reason | None, kind: str) -> reasons.ReasonView | None:
        return reasons.view(reason, kind, self.scenario, self.lang, self.step_of)

    def _take_arrival(self) -> reasons.ReasonView | None:
        arrival, self.arrival = self.arrival, None
        return arrival

    def _meters(self, before, after):
        return meter_changes(self.scenario, before, after, self.lang)

    def _notes(self, scene_id: str):
        return tuple(n for n in self.record.notes if n.step == self.made and n.scene == scene_id)

