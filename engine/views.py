"""What a player sees, as functions of a scenario and a play state; they change nothing.

Screens, the terminal player, the phones and the store's replay all ask these; none of them
reads the play state's internals for itself.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import rules
from .model import Choice, Ending, Scenario, Scene, Text
from .reasons import Reason, explain, route_reason, text_reason
from .state import Change, Decision, Phase, PlayState


@dataclass(frozen=True, slots=True)
class ChoiceView:
    choice: Choice
    available: bool
    reason: Reason | None = None  # for a conditional choice: why it is (not) available


class Outcome:
    """What a choice led to, for the consequence panel: the decision, the choice, its
    feedback, the net change of every meter and flag, and every change with its cause
    (the choice's effects, then the target's ``on_enter``)."""

    __slots__ = ("decision", "choice", "net", "changes", "_meters")

    def __init__(self, scenario: Scenario, decision: Decision, choice: Choice, net: dict,
                 changes) -> None:
        self.decision, self.choice, self.net = decision, choice, net
        self.changes: tuple[Change, ...] = tuple(changes)
        self._meters = scenario.meters

    @property
    def feedback(self) -> Text | None:
        return self.choice.feedback

    @property
    def target(self) -> str:
        return self.decision.target

    @property
    def misstep(self) -> bool:
        return bool(getattr(self.choice, "misstep", False))

    @property
    def meter_changes(self) -> dict:
        """meter -> (before, after)"""
        return {k: v for k, v in self.net.items() if k in self._meters}

    @property
    def flags_set(self) -> tuple[str, ...]:
        return tuple(k for k, (a, b) in self.net.items() if k not in self._meters and b)

    @property
    def flags_cleared(self) -> tuple[str, ...]:
        return tuple(k for k, (a, b) in self.net.items() if k not in self._meters and not b)


class View:
    """One scenario and one play state, looked at: every question is answered from those two.

    ``Session.view`` gives the view of a session's current state; any ``PlayState`` (a
    replay's, a save's) can be looked at the same way.
    """

    __slots__ = ("scenario", "state", "_available")

    def __init__(self, scenario: Scenario, state: PlayState):
        self.scenario, self.state = scenario, state
        self._available: list[Choice] | None = None

    @property
    def node(self) -> Scene | Ending:
        return self.scenario.node(self.state.scene)

    @property
    def ending(self) -> Ending | None:
        return self.scenario.endings.get(self.state.scene)

    @property
    def scene(self) -> Scene | None:
        return self.scenario.scenes.get(self.state.scene)

    def variant(self):
        """The text variant shown now: the first whose condition holds."""
        variants = self.node.text
        for v in variants:
            if v.condition is None or v.condition.test(self.state):
                return v
        return variants[-1]

    def text(self, lang: str | None = None) -> str:
        lang = lang or self.scenario.default_language
        return self.variant().text.get(lang, self.scenario.languages)

    def posts(self) -> list:
        """The posts or messages of a feed or message scene that show in this state."""
        scene = self.scene
        if scene is None:
            return []
        return [p for p in scene.posts if p.condition is None or p.condition.test(self.state)]

    def meters(self) -> dict[str, int]:
        return {m: self.state.vars[m] for m in self.scenario.meters}

    def flags(self) -> dict[str, bool]:
        return {f: self.state.vars[f] for f in self.scenario.flags}

    def available_choices(self) -> list[Choice]:
        """The choices offered now (each condition evaluated once per view)."""
        if self._available is None:
            scene = self.scene
            self._available = [] if scene is None or self.state.phase is not Phase.SCENE \
                else rules.available_choices(scene, self.state)
        return list(self._available)

    def choice_views(self) -> list[ChoiceView]:
        """Every choice of the current scene, available or not, with the reason."""
        scene = self.scene
        if scene is None or self.state.phase is not Phase.SCENE:
            return []
        return [ChoiceView(c, rules.is_available(c, self.state),
                           explain(self.state, c.condition) if c.condition else None)
                for c in scene.choices]

    @property
    def can_continue(self) -> bool:
        """True when the scene routes on by itself and waits only for the player to read."""
        scene = self.scene
        return self.state.phase is Phase.SCENE and scene is not None and bool(scene.next)

    def explain(self, condition) -> Reason:
        return explain(self.state, condition)

    def text_reason(self) -> Reason | None:
        return text_reason(self.scenario, self.state)

    def route_reason(self) -> Reason | None:
        return route_reason(self.scenario, self.state)
