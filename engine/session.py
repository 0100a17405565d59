"""One play of a scenario: its state, its decisions, and why things happened.

A ``Session`` is plain data plus the shared ``transitions`` machine of its scenario. Every
decision is recorded as a ``Decision`` (plain data, JSON-ready); every meter and flag
remembers which decisions changed it, so the engine can say why a text, a route or a hidden
choice came about. The session never reads the clock: callers pass the seconds a decision
took, and chance is seeded.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum

from . import rules
from .machine import choice_trigger, machine_for, route_trigger
from .model import Choice, Ending, Scenario, Scene, Text

SESSION_FORMAT = "weerbaar-session"
SESSION_VERSION = 1
MAX_AUTO_ROUTES = 1000  # routers passing on to routers: a guard against endless loops


class Phase(str, Enum):
    SCENE = "scene"              # the player reads a scene and chooses or continues
    CONSEQUENCE = "consequence"  # a choice was made; its outcome is on show
    ENDED = "ended"              # an ending has been reached


class SessionError(ValueError):
    """A session cannot do what was asked (wrong phase, unknown or unavailable choice)."""


class StuckError(SessionError):
    """The play is stuck: no choice is available and no route matches (a soft-lock)."""


@dataclass(frozen=True, slots=True)
class Decision:
    """One choice a player made, with the state around it. Plain data."""

    index: int
    scene: str
    choice: str
    offered: tuple[str, ...]
    hidden: tuple[str, ...]
    target: str
    before: dict
    after: dict
    step: int = 0
    seconds: float | None = None
    timed_out: bool = False

    def changes(self) -> dict[str, tuple]:
        """Variables whose value differs: name -> (before, after)."""
        return {k: (self.before[k], v) for k, v in self.after.items() if self.before.get(k) != v}

    def to_dict(self) -> dict:
        d = asdict(self)
        d["offered"], d["hidden"] = list(self.offered), list(self.hidden)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Decision":
        return cls(index=d["index"], scene=d["scene"], choice=d["choice"],
                   offered=tuple(d["offered"]), hidden=tuple(d["hidden"]), target=d["target"],
                   before=dict(d["before"]), after=dict(d["after"]), step=d.get("step", 0),
                   seconds=d.get("seconds"), timed_out=d.get("timed_out", False))


@dataclass(frozen=True, slots=True)
class Cause:
    """A decision that a condition's outcome depends on."""

    decision: int
    scene: str
    choice: str


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a condition held or not: its source, the values it read, and the decisions behind them."""

    condition: str
    holds: bool
    values: tuple[tuple[str, object], ...] = ()
    causes: tuple[Cause, ...] = ()


@dataclass(frozen=True, slots=True)
class ChoiceView:
    choice: Choice
    available: bool
    reason: Reason | None = None  # for a conditional choice: why it is (not) available


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a choice led to, for the consequence panel."""

    decision: Decision
    choice: Choice
    feedback: Text | None
    meter_changes: dict = field(default_factory=dict)  # meter -> (before, after)
    flags_set: tuple[str, ...] = ()
    flags_cleared: tuple[str, ...] = ()

    @property
    def target(self) -> str:
        return self.decision.target


class Session:
    """The state of one play. Attach to the scenario's shared machine; ``close()`` when done."""

    def __init__(self, scenario: Scenario, seed: int = 0):
        self.scenario = scenario
        self.seed = int(seed)
        self._machine = machine_for(scenario)
        self._attached = False
        self.undone: list[Decision] = []
        self.listeners: list = []  # objects with on_decision/on_undo/on_end/on_restart
        self.replayed = 0  # decisions taken by the last replay()
        self._reset()

    # ---- lifecycle ----------------------------------------------------------------------
    def _reset(self) -> None:
        self.vars = rules.initial_vars(self.scenario)
        self.visits: dict[str, int] = {}
        self.chosen: set[tuple[str, str]] = set()
        self.step = 0
        self.decisions: list[Decision] = []
        self.causes: dict[str, list[int]] = {}
        self.arrivals: dict[str, int] = {}   # scene -> decision that first led there
        self.phase = Phase.SCENE
        if self._attached:
            self._machine.place(self, self.scenario.start)
        else:
            self._machine.attach(self)
            self._attached = True
        rules.enter(self, self.scenario.start, self.scenario)
        self._settle()

    def close(self) -> None:
        """Detach from the shared machine so the session can be garbage-collected."""
        if self._attached:
            self._machine.detach(self)
            self._attached = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def restart(self) -> None:
        self.undone = []
        self._reset()
        self._notify("on_restart")

    def _notify(self, event: str, *args) -> None:
        for listener in list(self.listeners):
            handler = getattr(listener, event, None)
            if handler is not None:
                handler(self, *args)

    # ---- what the player sees -------------------------------------------------------------
    @property
    def scene_id(self) -> str:
        return self.state  # set by the transitions machine

    @property
    def node(self) -> Scene | Ending:
        return self.scenario.node(self.state)

    @property
    def ended(self) -> bool:
        return self.phase is Phase.ENDED

    @property
    def ending(self) -> Ending | None:
        return self.scenario.endings.get(self.state)

    def text(self, lang: str | None = None) -> str:
        """The scene's (or ending's) text: the first variant whose condition holds."""
        lang = lang or self.scenario.default_language
        return self._variant().text.get(lang, self.scenario.languages)

    def _variant(self):
        for v in self.node.text:
            if v.condition is None or v.condition.test(self):
                return v
        return self.node.text[-1]

    def text_reason(self) -> Reason | None:
        """Why the shown text variant was chosen (None when the scene has one text)."""
        variants = self.node.text
        if len(variants) == 1:
            return None
        v = self._variant()
        if v.condition is not None:
            return self.explain(v.condition)
        # the fallback is shown because every earlier variant's condition failed
        return self._combine([self.explain(x.condition) for x in variants if x.condition])

    def posts(self):
        """The posts or messages of a feed or message scene that show in this state."""
        scene = self.scenario.scenes.get(self.state)
        if scene is None:
            return []
        return [p for p in scene.posts if p.condition is None or p.condition.test(self)]

    def meters(self) -> dict[str, int]:
        return {m: self.vars[m] for m in self.scenario.meters}

    def flags(self) -> dict[str, bool]:
        return {f: self.vars[f] for f in self.scenario.flags}

    def choice_views(self) -> list[ChoiceView]:
        """Every choice of the current scene, available or not, with the reason."""
        scene = self.scenario.scenes.get(self.state)
        if scene is None or self.phase is not Phase.SCENE:
            return []
        return [ChoiceView(c, rules.is_available(c, self),
                           self.explain(c.condition) if c.condition else None)
                for c in scene.choices]

    def available_choices(self) -> list[Choice]:
        scene = self.scenario.scenes.get(self.state)
        if scene is None or self.phase is not Phase.SCENE:
            return []
        return rules.available_choices(scene, self)

    @property
    def can_continue(self) -> bool:
        """True when the scene routes on by itself and waits only for the player to read."""
        scene = self.scenario.scenes.get(self.state)
        return self.phase is Phase.SCENE and scene is not None and bool(scene.next)

    # ---- acting ---------------------------------------------------------------------------
    def choose(self, choice_id: str, seconds: float | None = None,
               timed_out: bool = False) -> Outcome:
        if self.phase is not Phase.SCENE:
            raise SessionError(f"cannot choose now (phase: {self.phase.value})")
        scene = self.scenario.scenes.get(self.state)
        if scene is None or not scene.choices:
            raise SessionError(f"scene '{self.state}' has no choices")
        try:
            choice = scene.choice(choice_id)
        except KeyError:
            raise SessionError(f"scene '{scene.id}' has no choice '{choice_id}'") from None
        offered = tuple(c.id for c in rules.available_choices(scene, self))
        if choice_id not in offered:
            raise SessionError(f"choice '{choice_id}' is not available in scene '{scene.id}'")
        before, step = dict(self.vars), self.step
        self._machine.fire(self, choice_trigger(scene.id, choice_id))
        index = len(self.decisions)
        decision = Decision(
            index=index, scene=scene.id, choice=choice_id, offered=offered,
            hidden=tuple(c.id for c in scene.choices if c.id not in offered),
            target=self.state, before=before, after=dict(self.vars), step=step,
            seconds=seconds, timed_out=timed_out)
        self.decisions.append(decision)
        changes = decision.changes()
        for name in changes:
            self.causes.setdefault(name, []).append(index)
        self.arrivals.setdefault(self.state, index)
        self.phase = Phase.CONSEQUENCE
        self._notify("on_decision", decision)
        return self._outcome(decision, choice, changes)

    def time_out(self) -> Outcome:
        """The scene's timer ran out: take its default choice."""
        scene = self.scenario.scenes.get(self.state)
        if scene is None or scene.timer is None:
            raise SessionError(f"scene '{self.state}' has no timer")
        choice_id = scene.timer.default
        available = [c.id for c in self.available_choices()]
        if choice_id not in available:
            if not available:
                raise StuckError(f"time ran out in scene '{scene.id}', but no choice is available")
            choice_id = available[0]
        return self.choose(choice_id, seconds=float(scene.timer.seconds), timed_out=True)

    def proceed(self) -> None:
        """Leave the consequence panel: on to the new scene (or the ending)."""
        if self.phase is not Phase.CONSEQUENCE:
            raise SessionError(f"nothing to proceed from (phase: {self.phase.value})")
        self.phase = Phase.SCENE
        self._settle()

    def advance(self) -> None:
        """Continue from a scene without choices: take the first route that holds."""
        if not self.can_continue:
            raise SessionError(f"scene '{self.state}' does not continue on its own")
        self._route()
        self._settle()

    def _route(self) -> None:
        scene = self.scenario.scenes[self.state]
        before = dict(self.vars)
        if not self._machine.fire(self, route_trigger(scene.id)):
            raise StuckError(f"no route of scene '{scene.id}' holds: the play is stuck")
        if self.decisions:  # what a route leads to is owed to the last decision taken
            last = len(self.decisions) - 1
            self.arrivals.setdefault(self.state, last)
            for name, value in self.vars.items():
                if before[name] != value:
                    causes = self.causes.setdefault(name, [])
                    if not causes or causes[-1] != last:
                        causes.append(last)

    def _settle(self) -> None:
        """Pass through routers and note an ending."""
        for _ in range(MAX_AUTO_ROUTES):
            if self.state in self.scenario.endings:
                self.phase = Phase.ENDED
                self._notify("on_end", self.scenario.endings[self.state])
                return
            scene = self.scenario.scenes[self.state]
            if not rules.is_router(scene):
                return
            self._route()
        raise StuckError(f"routers keep passing on from '{self.state}': an endless loop")

    def undo(self) -> Decision:
        """Take back the last decision; the session is as it was before it."""
        if not self.decisions:
            raise SessionError("there is no decision to undo")
        kept, last = self.decisions[:-1], self.decisions[-1]
        undone = self.undone + [last]
        listeners, self.listeners = self.listeners, []  # the replay is not news
        try:
            self._replay(kept)
        finally:
            self.listeners = listeners
        self.undone = undone
        self._notify("on_undo", last)
        return last

    def _replay(self, decisions) -> None:
        self._reset()
        for d in decisions:
            while self.can_continue and self.phase is Phase.SCENE:
                self.advance()
            self.choose(d.choice, d.seconds, d.timed_out)
            self.proceed()

    # ---- why ------------------------------------------------------------------------------
    def explain(self, condition) -> Reason:
        """Evaluate ``condition`` now and name the decisions its outcome depends on."""
        uses = condition.uses
        values = tuple((n, self.vars[n]) for n in sorted(uses.names))
        idx = set()
        for n in uses.names:
            idx.update(self.causes.get(n, ()))
        for s in uses.visited:
            if s in self.arrivals:
                idx.add(self.arrivals[s])
        for d in self.decisions:
            if (d.scene, d.choice) in uses.chosen:
                idx.add(d.index)
        causes = tuple(Cause(i, self.decisions[i].scene, self.decisions[i].choice)
                       for i in sorted(idx))
        return Reason(condition.source, condition(self), values, causes)

    @staticmethod
    def _combine(reasons: list[Reason]) -> Reason | None:
        if not reasons:
            return None
        causes = sorted({c for r in reasons for c in r.causes}, key=lambda c: c.decision)
        values = dict(v for r in reasons for v in r.values)
        return Reason(" / ".join(r.condition for r in reasons), False,
                      tuple(sorted(values.items())), tuple(causes))

    def _outcome(self, decision: Decision, choice: Choice, changes: dict) -> Outcome:
        meters = self.scenario.meters
        return Outcome(
            decision=decision, choice=choice, feedback=choice.feedback,
            meter_changes={k: v for k, v in changes.items() if k in meters},
            flags_set=tuple(k for k, (a, b) in changes.items() if k not in meters and b),
            flags_cleared=tuple(k for k, (a, b) in changes.items() if k not in meters and not b))

    # ---- saving ---------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The whole state as JSON-ready plain data, versioned and tied to the scenario."""
        s = self.scenario
        return {
            "format": SESSION_FORMAT, "version": SESSION_VERSION,
            "scenario": {"id": s.id, "version": s.version, "hash": s.content_hash},
            "seed": self.seed, "scene": self.state, "phase": self.phase.value,
            "step": self.step, "vars": dict(self.vars), "visits": dict(self.visits),
            "chosen": sorted([a, b] for a, b in self.chosen),
            "decisions": [d.to_dict() for d in self.decisions],
            "undone": [d.to_dict() for d in self.undone],
            "causes": {k: list(v) for k, v in self.causes.items()},
            "arrivals": dict(self.arrivals),
        }

    @classmethod
    def from_dict(cls, scenario: Scenario, data: dict, strict: bool = True) -> "Session":
        """Restore a saved session. With ``strict``, the scenario must be the same file."""
        if data.get("format") != SESSION_FORMAT or data.get("version") != SESSION_VERSION:
            raise SessionError(f"not a {SESSION_FORMAT} v{SESSION_VERSION} save")
        meta = data["scenario"]
        if meta["id"] != scenario.id:
            raise SessionError(f"the save is of scenario '{meta['id']}', not '{scenario.id}'")
        if strict and meta["hash"] != scenario.content_hash:
            raise SessionError(f"the scenario changed since the save (hash {meta['hash']} "
                               f"!= {scenario.content_hash}); replay the decisions instead")
        session = cls(scenario, data["seed"])
        if data["scene"] not in scenario.scenes and data["scene"] not in scenario.endings:
            raise SessionError(f"the save stands in unknown scene '{data['scene']}'")
        expected = set(rules.initial_vars(scenario))
        if set(data["vars"]) != expected:
            raise SessionError("the save's meters and flags do not match the scenario")
        session._machine.place(session, data["scene"])
        session.phase = Phase(data["phase"])
        session.step = int(data["step"])
        session.vars = dict(data["vars"])
        session.visits = {k: int(v) for k, v in data["visits"].items()}
        session.chosen = {(a, b) for a, b in data["chosen"]}
        session.decisions = [Decision.from_dict(d) for d in data["decisions"]]
        session.undone = [Decision.from_dict(d) for d in data.get("undone", [])]
        session.causes = {k: list(v) for k, v in data.get("causes", {}).items()}
        session.arrivals = dict(data.get("arrivals", {}))
        return session

    @classmethod
    def replay(cls, scenario: Scenario, choices, seed: int = 0, *, continue_at_end: bool = True,
               lenient: bool = False) -> "Session":
        """A new session that takes ``choices`` in order, continuing where needed.

        ``choices`` are choice ids or recorded ``Decision``s (whose seconds and time-outs are
        kept). With ``continue_at_end=False`` the session stops where the last decision left
        it (as the player saw it), rather than following routes on. With ``lenient``, a choice
        that is no longer available ends the replay quietly; ``replayed`` says how many were
        taken (an author's edit, or an older recording, may have removed the rest).
        """
        session = cls(scenario, seed)
        session.replayed = 0
        for item in choices:
            if isinstance(item, Decision):
                choice_id, seconds, timed_out = item.choice, item.seconds, item.timed_out
            else:
                choice_id, seconds, timed_out = item, None, False
            while session.can_continue:
                session.advance()
            if lenient and (session.ended or choice_id not in
                            {c.id for c in session.available_choices()}):
                return session
            session.choose(choice_id, seconds, timed_out)
            session.proceed()
            session.replayed += 1
        while continue_at_end and session.can_continue:
            session.advance()
        return session

    def route_reason(self) -> Reason | None:
        """Why the route this scene is about to take holds (None if it has no routes)."""
        scene = self.scenario.scenes.get(self.state)
        if scene is None or not scene.next:
            return None
        failed = []
        for r in scene.next:
            if rules.route_holds(r, self, scene.id):
                if r.condition is not None:
                    return self.explain(r.condition)
                return self._combine(failed)
            if r.condition is not None:
                failed.append(self.explain(r.condition))
        return self._combine(failed)
