"""The one replay: a session takes recorded decisions again, with the policy as a parameter.

Undo, restoring a save, golden transcripts, resuming a recorded session, "what if", the
store's step-by-step replay and the game's reload after an edit all replay decisions. They
differ only in what to do where the recording and the scenario part ways (raise, or stop
there and say why) and where to stand after the last decision; those are the parameters of
``Walk``. A walk yields an event *before* each move (``Passage``, ``Deciding``) and after
each choice (``Decided``), so a caller that shows the replay looks at the session between
the moves; a caller that only wants the result calls ``replay_decisions``.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterator, NamedTuple

from . import views
from .model import Scenario
from .session import Session, SessionError, StuckError
from .state import Decision, Phase, PlayState

MAX_PASSAGES = 1000  # continue-only scenes passed in a row: a guard against endless loops


class Halt(str, Enum):
    """Why a replay stopped before its last decision."""

    ENDED = "ended"              # the play ended sooner
    ELSEWHERE = "elsewhere"      # the play stands in another scene than the recording's
    SCENE_GONE = "scene_gone"    # the recorded scene is not in this scenario version
    CHOICE_GONE = "choice_gone"  # the scene has no such choice
    UNAVAILABLE = "unavailable"  # the choice is not offered in this state
    STUCK = "stuck"              # no route holds, or routes pass on without end


class End(str, Enum):
    """Where a replay stands after its last decision."""

    REST = "rest"  # follow routes on until a decision or an ending (as a player would)
    STAY = "stay"  # right after the last decision's consequence (where the player saw it)


class RecordedChoice(NamedTuple):
    """A decision to take again: the choice and how it was made."""

    choice: str
    seconds: float | None = None
    timed_out: bool = False
    scene: str | None = None  # where it was made, when the recording says


def as_recorded_choice(item) -> RecordedChoice:
    if isinstance(item, str):
        return RecordedChoice(item)
    if isinstance(item, RecordedChoice):
        return item
    return RecordedChoice(item.choice, getattr(item, "seconds", None),
                          getattr(item, "timed_out", False), getattr(item, "scene", None))


@dataclass(frozen=True)
class Stop:
    why: Halt
    index: int          # the decision of the recording that was not taken
    step: RecordedChoice | None
    actual: str         # the scene the play stood in
    detail: str = ""

    def __str__(self) -> str:
        want = f"'{self.step.choice}'" if self.step else "the next decision"
        return f"decision {self.index + 1} ({want}): {self.why.value} in '{self.actual}'" + \
            (f": {self.detail}" if self.detail else "")


class ReplayError(SessionError):
    def __init__(self, stop: Stop):
        super().__init__(f"the decisions do not replay: {stop}")
        self.stop = stop


@dataclass(frozen=True)
class Passage:
    scene: str


@dataclass(frozen=True)
class Deciding:
    index: int
    step: RecordedChoice


@dataclass(frozen=True)
class Decided:
    index: int
    step: RecordedChoice
    outcome: views.Outcome


class Walk:
    """Replays ``steps`` on ``session``; iterate it to watch, or ``run()`` it.

    ``end`` says where to stand after the last decision: ``End.REST``, ``End.STAY``, a
    scene id (continue until the play stands there, as far as it can), or a step number
    (continue until the play has taken that many steps: exact even where continuing
    scenes loop). ``advances`` more
    continues follow after that. ``taken`` counts the decisions taken; ``stop`` says why the
    walk stopped early (None when every decision was taken).
    """

    def __init__(self, session: Session, steps, *, end: End | str | int = End.REST,
                 advances: int = 0):
        self.session = session
        self.steps = [as_recorded_choice(s) for s in steps]
        self.end, self.advances = end, advances
        self.taken = 0
        self.stop: Stop | None = None

    def __iter__(self) -> Iterator[Passage | Deciding | Decided]:
        s = self.session
        for index, step in enumerate(self.steps):
            yield from self._continue(lambda: True)
            if self.stop is not None:
                return
            self.stop = self._mismatch(index, step)
            if self.stop is not None:
                return
            yield Deciding(index, step)
            outcome = s.choose(step.choice, step.seconds, step.timed_out)
            yield Decided(index, step, outcome)
            try:
                s.proceed()
            except StuckError as exc:
                self.stop = Stop(Halt.STUCK, index + 1, None, exc.scene, str(exc))
                return
            self.taken += 1
        if self.end == End.REST:
            yield from self._continue(lambda: True)
        elif isinstance(self.end, int):
            yield from self._continue(lambda: s.state.step < self.end)
        elif self.end != End.STAY:
            yield from self._continue(lambda: s.scene_id != self.end)
        for _ in range(self.advances):
            if self.stop is not None or not s.view.can_continue:
                break
            yield from self._advance()

    def run(self, strict: bool = True) -> "Walk":
        for _ in self:
            pass
        if strict and self.stop is not None:
            raise ReplayError(self.stop)
        return self

    def _continue(self, wanted) -> Iterator[Passage]:
        s = self.session
        for _ in range(MAX_PASSAGES):
            if self.stop is not None or not wanted() or \
                    not s.view.can_continue:
                return
            yield from self._advance()
        self.stop = Stop(Halt.STUCK, self.taken, None, s.scene_id, "scenes continue without end")

    def _advance(self) -> Iterator[Passage]:
        s = self.session
        yield Passage(s.scene_id)
        try:
            s.advance()
        except StuckError as exc:
            self.stop = Stop(Halt.STUCK, self.taken, None, exc.scene or s.scene_id, str(exc))

    def _mismatch(self, index: int, step: RecordedChoice) -> Stop | None:
        s, scenario = self.session, self.session.scenario
        here = s.scene_id

        def stop(why: Halt) -> Stop:
            return Stop(why, index, step, here)
        if s.ended:
            return stop(Halt.ENDED)
        if step.scene is not None and step.scene not in scenario.scenes:
            return stop(Halt.SCENE_GONE)
        if step.scene is not None and here != step.scene:
            return stop(Halt.ELSEWHERE)
        if step.choice not in {c.id for c in scenario.scenes[here].choices}:
            return stop(Halt.CHOICE_GONE)
        if step.choice not in {c.id for c in s.view.available_choices()}:
            return stop(Halt.UNAVAILABLE)
        return None


class Replayed(NamedTuple):
    session: Session
    taken: int
    stop: Stop | None

    @property
    def state(self) -> PlayState:
        return self.session.state


def replay_decisions(scenario: Scenario, steps, seed: int = 0, *, strict: bool = True,
                     end: End | str | int = End.STAY, advances: int = 0,
                     undone: tuple[Decision, ...] = ()) -> Replayed:
    """A new session (without listeners) that takes ``steps`` (choice ids, ``RecordedChoice``s or
    recorded ``Decision``s) again. ``strict`` raises ``ReplayError`` where the scenario
    cannot follow; otherwise the replay stops there and ``stop`` says why. ``undone``: the
    decisions the recording says were taken back (kept in the state's history)."""
    session = Session(scenario, seed)
    walk = Walk(session, steps, end=end, advances=advances).run(strict)
    session.state.undone = list(undone)
    return Replayed(session, walk.taken, walk.stop)


def replay_to(scenario: Scenario, state: PlayState) -> PlayState:
    """The state that ``state``'s own decisions give (for checking a save): the same
    decisions, then on to where the saved state stands."""
    decisions = state.decisions
    taken = decisions[:-1] if state.phase is Phase.CONSEQUENCE else decisions
    session = replay_decisions(scenario, taken, state.seed).session
    if state.phase is Phase.CONSEQUENCE:
        last = decisions[-1]
        Walk(session, [], end=last.step).run(strict=False)
        session.choose(last.choice, last.seconds, last.timed_out)
    else:
        Walk(session, [], end=state.step).run(strict=False)
    result = session.state
    result.undone = list(state.undone)  # the history of what was taken back, as saved
    return result


def steps_of(decisions: list[Decision]) -> list[RecordedChoice]:
    return [as_recorded_choice(d) for d in decisions]


def outcomes(scenario: Scenario, state: PlayState) -> list[views.Outcome]:
    """What each decision of ``state`` led to, as the player saw it then (``Outcome``'s
    ``choice_text`` and ``feedback_text``): its decisions replayed, as far as they go."""
    walk = Walk(Session(scenario, state.seed), steps_of(state.decisions), end=End.STAY)
    return [event.outcome for event in walk if isinstance(event, Decided)]
