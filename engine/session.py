"""One play of a scenario: the runner that advances a ``PlayState`` through the machine.

A ``Session`` holds the scenario, its shared ``transitions`` machine, the play state and the
listeners; it does not read the clock (callers pass the seconds a decision took) and chance
is seeded. What the player sees is asked of ``engine.views`` and why things happened of
``engine.reasons``, both with ``session.scenario`` and ``session.state``.

Every operation (``choose``, ``time_out``, ``proceed``, ``advance``, ``undo``, ``restart``)
is all or nothing. It runs on the state, then tells the listeners (a recorder writes the
decision to the session store); if the operation fails, or a listener raises, the state is
put back as it was before the operation and the error is raised — a listener's as
``RecordingError``. So a decision that could not be recorded was not taken, in every front
end alike: the player sees the same situation and can try again.

Listeners are told in order. A session has one recorder (the store's ``Recorder``); a listener
after it that failed after the recorder wrote would leave in the database a step that the
state rolled back — so only the recorder may refuse a step; other listeners only observe.
"""
from __future__ import annotations

from . import rules, saves, views
from .machine import machine_for, route_trigger
from .model import Scenario
from .errors import RecordingError, SessionError, StuckError
from .state import CONSEQUENCE, ENDED, SCENE, Decision, Phase, PlayState

MAX_AUTO_ROUTES = 1000  # routers passing on to routers: a guard against endless loops
_STEADY = (False, False)  # neither the text of a choice nor its feedback varies


class Session:
    """The runner of one play. ``state`` is plain data; replace it only through the methods."""

    def __init__(self, scenario: Scenario, seed: int = 0, *, state: PlayState | None = None):
        self.scenario = scenario
        self.machine = machine_for(scenario)
        self.listeners: list = []  # objects with on_decision/on_undo/on_end/on_restart
        self._events: list = []
        self._saved: PlayState | None = None
        self._view: views.View | None = None  # of the state as it is; None once it moves
        self.opening: tuple = ()  # the changes arriving in the first scene made (a new play)
        self.state = state if state is not None else self._start(int(seed))
        self._events.clear()  # a new session's ending is not news

    # ---- reading the state ----------------------------------------------------------------
    @property
    def seed(self) -> int:
        return self.state.seed

    @property
    def scene_id(self) -> str:
        return self.state.scene

    @property
    def phase(self) -> Phase:
        return self.state.phase

    @property
    def ended(self) -> bool:
        return self.state.phase is ENDED

    @property
    def decisions(self) -> list[Decision]:
        return self.state.decisions

    @property
    def vars(self) -> dict:
        return self.state.vars

    @property
    def view(self) -> views.View:
        """What the player sees now (``engine.views.View``). The same view is given until an
        operation moves the state on (or the state is replaced), so what it worked out (the
        choices offered) is worked out once."""
        view = self._view
        if view is None or view.state is not self.state:
            view = self._view = views.View(self.scenario, self.state)
        return view

    # ---- saving ---------------------------------------------------------------------------
    def save(self) -> dict:
        return saves.to_dict(self.state, self.scenario)

    @classmethod
    def from_save(cls, scenario: Scenario, data, strict: bool = True) -> "Session":
        """Restore a save, checked against ``scenario``. With ``strict`` the scenario must be
        the same file, and the saved decisions must replay to the saved state."""
        state = saves.from_dict(data, scenario, strict=strict)
        if strict:
            from .replay import replay_to
            try:
                replayed = replay_to(scenario, state)
            except SessionError as exc:
                raise saves.SaveError("decisions", f"do not replay: {exc}") from None
            if replayed != state:
                raise saves.SaveError("", "the saved state is not what its own decisions give")
        return cls(scenario, state=state)

    # ---- acting ---------------------------------------------------------------------------
    def choose(self, choice_id: str, seconds: float | None = None, timed_out: bool = False):
        """Take an offered choice; returns its ``views.Outcome``. The phase becomes CONSEQUENCE."""
        return self._transact(self._choose, choice_id, seconds, timed_out)

    def time_out(self):
        """The scene's timer ran out: take its default choice (or the first one offered)."""
        scene = self.scenario.scenes.get(self.state.scene)
        if scene is None or scene.timer is None:
            raise SessionError(f"scene '{self.state.scene}' has no timer")
        offered = [c.id for c in self.view.available_choices()]
        choice_id = scene.timer.default
        if choice_id not in offered:
            if not offered:
                raise StuckError(f"time ran out in scene '{scene.id}', but no choice is available",
                                 scene.id)
            choice_id = offered[0]
        return self.choose(choice_id, seconds=float(scene.timer.seconds), timed_out=True)

    def proceed(self) -> tuple:
        """Leave the consequence panel: on to the new scene (or the ending). Returns the changes
        that arriving there made (a router's or scene's ``on_enter`` effects)."""
        return self._transact(self._proceed)

    def advance(self) -> tuple:
        """Continue from a scene without choices along the first route that holds. Returns the
        changes the arrival made."""
        return self._transact(self._advance)

    def undo(self) -> Decision:
        """Take back the last decision; the session is as it was before it."""
        return self._transact(self._undo)

    def restart(self) -> None:
        self._transact(self._restart)

    # ---- the transaction ------------------------------------------------------------------
    def _transact(self, operation, *args):
        self._saved = None
        self._events.clear()
        try:
            result = operation(*args)
        except BaseException:
            self._roll_back()
            raise
        self._view = None  # the state has moved on
        events = self._events
        if events and self.listeners:
            events = list(events)
            try:
                for event, payload in events:
                    for listener in list(self.listeners):
                        handler = getattr(listener, event, None)
                        if handler is not None:
                            handler(self, *payload)
            except Exception as exc:
                self._roll_back()
                raise RecordingError(exc) from exc
        return result

    def _save_point(self) -> None:
        """Keep the state as it was before this operation's first change, to roll back to."""
        if self._saved is None:
            self._saved = self.state.copy()

    def _roll_back(self) -> None:
        self._view = None
        if self._saved is not None:
            self.state, self._saved = self._saved, None

    # ---- the operations -------------------------------------------------------------------
    def _start(self, seed: int) -> PlayState:
        state = PlayState(self.scenario.start, seed, vars=rules.initial_vars(self.scenario))
        changes: list = []
        self.machine.arrive_at_start(state, changes)
        self.state = state
        self._settle(changes)
        self.opening = tuple(changes)  # what arriving in the first scene(s) changed
        return self.state

    def _choose(self, choice_id: str, seconds, timed_out):
        s = self.state
        available = self.view.offered()  # none unless the play stands in a scene
        for choice in available:
            if choice.id == choice_id:
                break
        else:
            raise self._refusal(choice_id)
        if self.listeners and self._saved is None:  # a recorder can still refuse the step
            self._saved = s.copy()
        machine, scene_id, vars = self.machine, s.scene, s.vars
        text_varies, feedback_varies = machine.varying.get((scene_id, choice_id), _STEADY)
        offered_in = s.copy() if text_varies else None  # for the texts: see Outcome
        before, step, changes = dict(vars), s.step, []
        machine.fire_choice(s, scene_id, choice_id, changes)
        index = len(s.decisions)
        offered, hidden = machine.offer(scene_id, available)
        decision = tuple.__new__(Decision, (  # a named tuple made without its keyword checks
            index, scene_id, choice_id, offered, hidden, s.scene, before, dict(vars), step,
            seconds, timed_out))
        s.decisions.append(decision)
        net, causes = {}, s.causes  # from the records (every change is recorded): name ->
        for change in changes:     # (before, after), in the order of its first change
            name = change[0]
            old, new = before[name], vars[name]
            if old != new and name not in net:
                net[name] = (old, new)
                causes[name] = causes.get(name, ()) + (index,)
        s.arrivals.setdefault(s.scene, index)
        s.phase = CONSEQUENCE
        self._events.append(("on_decision", (decision,)))
        after = s.copy() if feedback_varies else None
        return views.Outcome(self.scenario, decision, choice, net, changes, offered_in, after)

    def _refusal(self, choice_id: str) -> SessionError:
        """Why ``choice_id`` cannot be taken now."""
        s = self.state
        if s.phase is not SCENE:
            return SessionError(f"cannot choose now (phase: {s.phase.value})")
        scene = self.scenario.scenes.get(s.scene)
        if scene is None or not scene.choices:
            return SessionError(f"scene '{s.scene}' has no choices")
        if choice_id not in [c.id for c in scene.choices]:
            return SessionError(f"scene '{scene.id}' has no choice '{choice_id}'")
        return SessionError(f"choice '{choice_id}' is not available in scene '{scene.id}'")

    def _proceed(self) -> tuple:
        s = self.state
        if s.phase is not CONSEQUENCE:
            raise SessionError(f"nothing to proceed from (phase: {s.phase.value})")
        if self.listeners and self._saved is None:  # a recorder can still refuse the ending
            self._saved = s.copy()
        s.phase = SCENE
        changes: list = []
        self._settle(changes)
        return tuple(changes)

    def _advance(self) -> tuple:
        if not self.view.can_continue:
            raise SessionError(f"scene '{self.state.scene}' does not continue on its own")
        changes: list = []
        self._route(changes)
        self._settle(changes)
        return tuple(changes)

    def _route(self, changes: list) -> None:
        self._save_point()  # routes can get stuck on the way: roll back then
        s = self.state
        scene_id, before = s.scene, dict(s.vars)
        if not self.machine.fire(s, route_trigger(scene_id), changes):
            raise StuckError(f"no route of scene '{scene_id}' holds: the play is stuck", scene_id)
        if s.decisions:  # what a route leads to is owed to the last decision taken
            last = len(s.decisions) - 1
            s.arrivals.setdefault(s.scene, last)
            for name, value in s.vars.items():
                if before[name] != value:
                    causes = s.causes.get(name, ())
                    if not causes or causes[-1] != last:
                        s.causes[name] = causes + (last,)

    def _settle(self, changes: list) -> None:
        """Pass through routers and note an ending."""
        s, endings, routers = self.state, self.scenario.endings, self.machine.routers
        for _ in range(MAX_AUTO_ROUTES):
            if s.scene in endings:
                s.phase = ENDED
                self._events.append(("on_end", (endings[s.scene],)))
                return
            if s.scene not in routers:
                return
            self._route(changes)
        raise StuckError(f"routers keep passing on from '{s.scene}': an endless loop", s.scene)

    def _undo(self) -> Decision:
        s = self.state
        if not s.decisions:
            raise SessionError("there is no decision to undo")
        from .replay import replay_decisions
        last = s.decisions[-1]
        self._saved = s  # not changed: the replay makes a new state
        self.state = replay_decisions(self.scenario, s.decisions[:-1], s.seed).state
        self.state.undone = s.undone + [last]
        self._events.append(("on_undo", (last,)))
        return last

    def _restart(self) -> None:
        self._saved = self.state  # not changed: a new state starts
        self._start(self.state.seed)
        self._events.clear()  # the new start's ending (a scenario that ends at once) is not news
        self._events.append(("on_restart", ()))
