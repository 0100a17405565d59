"""Stepping through a session on screen: what the play screen and the workshop's room view
share (``PlayScreen`` and ``WorkshopScreen`` mix ``Stepping`` in).

The session decides; this asks it to take a step, says on screen when it refuses, and
brings the meters, the consequence and the scene on screen up to date. A screen that
mixes it in has ``app``, ``ui``, ``session``, ``teller`` (``game.changes.ChangeTeller``),
``outcome`` and ``content`` (the situation's ``ScrollView``), and gives:

- ``meter_hud``: the ``MeterHud`` the meters show in;
- ``new_scene()``: what a new scene (or the same after a take-back) resets besides the
  decision clock (its timer, the room's tally);
- ``ending_screen()``: the screen pushed when the session has ended.
"""
from __future__ import annotations

from ..engine.session import RecordingError, SessionError

from .screens.scene_view import SceneSnapshot


def step_on(screen, move, *args) -> tuple[bool, object]:
    """Take a step the engine may refuse: a route that gets stuck, or a step that could not
    be recorded (then it was not taken: the engine put the play back). Say so on screen;
    the play stays where it was. Returns (taken, the step's result)."""
    try:
        return True, move(*args)
    except RecordingError as exc:
        screen.app.toast(screen.ui.t("store_error", error=str(exc.error)), "bad")
    except SessionError as exc:
        screen.app.toast(screen.ui.t("stuck", error=str(exc)), "bad")
    return False, None


class Stepping:
    _scene_key = None  # (scene, decisions, step) of the scene on screen; None: none yet
    decide_seconds = 0.0  # how long the decision on screen has taken

    @property
    def animate(self) -> bool:
        return not self.app.settings.reduced_motion

    # ---- the scene on screen ------------------------------------------------------------
    def _enter_scene(self) -> None:
        """A new scene (or the same after a take-back): the snapshot of what is seen, the
        decision clock from zero, the situation scrolled to its top. Nothing when the
        session still stands where the screen does."""
        s = self.session
        key = (s.scene_id, len(s.decisions), s.state.step)
        if key == self._scene_key:
            return
        first = self._scene_key is None
        self._scene_key, self.seen = key, SceneSnapshot(s)
        self.decide_seconds = 0.0
        self.content.offset = 0
        self.new_scene(first)

    def new_scene(self, first: bool) -> None:
        """What else a new scene resets; ``first``: nothing was on screen before (a start,
        a take-back, a reload)."""

    # ---- steps --------------------------------------------------------------------------
    def decide_by(self, move, *args):
        """Take a decision (``session.choose``, ``time_out``, a workshop's ``decide``):
        its ``Outcome``, shown in the meters; None (and a notice) when it was refused."""
        taken, outcome = step_on(self, move, *args)
        if not taken:
            return None
        self.outcome = outcome
        self.teller.chose(outcome)
        self.meter_hud.set_values(self.session.view.meters(), outcome.meter_changes,
                                  animate=self.animate)
        return outcome

    def proceed(self) -> None:
        """After the consequence: on to where the choice leads."""
        self._move(self.session.proceed)

    def advance(self) -> None:
        """A scene without a decision: on to the next."""
        self._move(self.session.advance)

    def _move(self, move) -> None:
        """Proceed or advance; the meters follow and the new scene says what arriving did."""
        taken, changes = step_on(self, move)
        if not taken:
            return
        self.outcome = None
        note = self.teller.moved(changes)
        self.meter_hud.set_values(self.session.view.meters(), note.changes, animate=self.animate)
        self._after_move()

    def _after_move(self) -> None:
        self._enter_scene()
        if self.session.ended:
            self.app.push(self.ending_screen())

    def take_back(self) -> tuple[bool, object]:
        """Undo the last decision if the settings allow it and there is one (else a notice):
        (taken, the decision taken back)."""
        if not self.app.settings.allow_undo:
            self.app.toast(self.ui.t("undo_off"))
            return False, None
        if not self.session.decisions:
            self.app.toast(self.ui.t("undo_none"))
            return False, None
        taken, last = step_on(self, self.session.undo)
        if taken:
            self._reset_view()
        return taken, last

    def _reset_view(self) -> None:
        """The session moved back (undo, restart): no consequence, no change to tell; the
        scene it stands at is shown anew."""
        self.outcome = None
        self.teller.forget()
        self.meter_hud.set_values(self.session.view.meters(), None, animate=self.animate)
        self._scene_key = None
        self._enter_scene()
