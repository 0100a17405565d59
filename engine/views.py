"""What a player sees, as functions of a scenario and a play state; they change nothing.

Screens, the terminal player, the phones and the store's replay all ask these; none of them
reads the play state's internals for itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from . import rules
from .inline import render
from .model import Choice, Ending, Scenario, Scene, Text
from .reasons import Reason, explain, route_reason, text_reason
from .state import CONSEQUENCE, SCENE, Change, Decision, PlayState


@dataclass(frozen=True, slots=True)
class ChoiceView:
    choice: Choice
    available: bool
    reason: Reason | None = None  # for a conditional choice: why it is (not) available


class Outcome:
    """What a choice led to, for the consequence panel: the decision, the choice, its
    feedback, the net change of every meter and flag, and every change with its cause
    (the choice's effects, then the target's ``on_enter``).

    ``before`` is the play state in which the choice was offered, ``after`` the one right
    after it (its effects and the target's ``on_enter`` applied), in which the feedback is
    shown; a session passes these snapshots only when the texts vary with the state."""

    __slots__ = ("decision", "choice", "net", "changes", "_scenario", "_before", "_after")

    def __init__(self, scenario: Scenario, decision: Decision, choice: Choice, net: dict,
                 changes, before: PlayState | None = None, after: PlayState | None = None):
        self.decision, self.choice, self.net = decision, choice, net
        self.changes: tuple[Change, ...] = tuple(changes)
        self._scenario, self._before, self._after = scenario, before, after

    @property
    def feedback(self) -> Text | None:
        """The feedback as written; what the player sees is ``feedback_text``."""
        return self.choice.feedback

    def feedback_text(self, lang: str | None = None) -> str | None:
        """The feedback shown after the choice, in ``lang``; None when the choice has none."""
        if self.choice.feedback is None:
            return None
        languages = self._scenario.languages
        return render(self.choice.feedback, self._after, lang or languages[0], languages)

    def choice_text(self, lang: str | None = None) -> str:
        """The chosen option as it was offered (in the state before the choice)."""
        languages = self._scenario.languages
        return render(self.choice.text, self._before, lang or languages[0], languages)

    @property
    def target(self) -> str:
        return self.decision.target

    @property
    def misstep(self) -> bool:
        return bool(getattr(self.choice, "misstep", False))

    @property
    def meter_changes(self) -> dict:
        """meter -> (before, after)"""
        return {k: v for k, v in self.net.items() if k in self._scenario.meters}

    @property
    def flags_set(self) -> tuple[str, ...]:
        meters = self._scenario.meters
        return tuple(k for k, (a, b) in self.net.items() if k not in meters and b)

    @property
    def flags_cleared(self) -> tuple[str, ...]:
        meters = self._scenario.meters
        return tuple(k for k, (a, b) in self.net.items() if k not in meters and not b)


class View:
    """One scenario and one play state, looked at: every question is answered from those two.

    ``Session.view`` gives the view of a session's current state; any ``PlayState`` (a
    replay's, a save's) can be looked at the same way.
    """

    __slots__ = ("scenario", "state", "_available")

    def __init__(self, scenario: Scenario, state: PlayState):
        self.scenario, self.state = scenario, state
        self._available: tuple[Choice, ...] | None = None

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
        """The scene's or ending's text as shown now: its variant, its inline parts resolved."""
        return self.render(self.variant().text, lang)

    def render(self, text: Text | None, lang: str | None = None) -> str:
        """Any text of the scenario as it shows in this state (``engine.inline.render``)."""
        return render(text, self.state, lang or self.scenario.default_language,
                      self.scenario.languages)

    def choice_text(self, choice: Choice, lang: str | None = None) -> str:
        """An option's text as offered now."""
        return self.render(choice.text, lang)

    def post_text(self, post, lang: str | None = None) -> str:
        """A post's or message's text as shown now."""
        return self.render(post.text, lang)

    def chosen_text(self, lang: str | None = None) -> str | None:
        """After a choice (phase CONSEQUENCE): the chosen option's text as it was offered;
        else None."""
        s = self.state
        if s.phase is not CONSEQUENCE or not s.decisions:
            return None
        last = s.decisions[-1]
        return self.as_offered(self.scenario.scenes[last.scene].choice(last.choice).text, lang)

    def as_offered(self, text: Text | None, lang: str | None = None) -> str:
        """A text as it showed when the last choice was offered (at a consequence: in the
        state before that choice, which the last decision gives back exactly); in a scene,
        as it shows now."""
        s = self.state
        if s.phase is not CONSEQUENCE or not s.decisions:
            return self.render(text, lang)
        last = s.decisions[-1]
        visits = dict(s.visits)
        visits[last.target] = visits.get(last.target, 1) - 1  # the choice's arrival, undone
        pair = (last.scene, last.choice)
        again = any((d.scene, d.choice) == pair for d in s.decisions[:-1])
        before = SimpleNamespace(vars=last.before, visits=visits,
                                 chosen=s.chosen if again else s.chosen - {pair})
        return render(text, before, lang or self.scenario.default_language,
                      self.scenario.languages)

    def feedback_text(self, lang: str | None = None) -> str | None:
        """After a choice (phase CONSEQUENCE): its feedback as shown now; else None."""
        if self.state.phase is not CONSEQUENCE or not self.state.decisions:
            return None
        last = self.state.decisions[-1]
        feedback = self.scenario.scenes[last.scene].choice(last.choice).feedback
        return None if feedback is None else self.render(feedback, lang)

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
        return list(self.offered())

    def offered(self) -> tuple[Choice, ...]:
        """The choices offered now, as a tuple (worked out once per view)."""
        if self._available is None:
            state = self.state
            scene = self.scenario.scenes.get(state.scene)
            self._available = () if scene is None or state.phase is not SCENE \
                else tuple(rules.available_choices(scene, state))
        return self._available

    def choice_views(self) -> list[ChoiceView]:
        """Every choice of the current scene, available or not, with the reason."""
        scene = self.scene
        if scene is None or self.state.phase is not SCENE:
            return []
        return [ChoiceView(c, rules.is_available(c, self.state),
                           explain(self.state, c.condition) if c.condition else None)
                for c in scene.choices]

    @property
    def can_continue(self) -> bool:
        """True when the scene routes on by itself and waits only for the player to read."""
        state = self.state
        if state.phase is not SCENE:
            return False
        scene = self.scenario.scenes.get(state.scene)
        return scene is not None and bool(scene.next)

    def explain(self, condition) -> Reason:
        return explain(self.state, condition)

    def text_reason(self) -> Reason | None:
        return text_reason(self.scenario, self.state)

    def route_reason(self) -> Reason | None:
        return route_reason(self.scenario, self.state)
