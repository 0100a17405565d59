"""What every screen has: the app it belongs to, layout on demand, and the loop hooks.

A screen gets intents (``handle``), advances its animations (``update``), and draws from
its state (``draw``). It lays itself out again whenever ``layout_key`` changes (window
size, settings, or state the screen names), so drawing never computes positions.
"""
from __future__ import annotations

from ..widgets import FocusGroup
from ..widgets.draw import box, dim


class Screen:
    opaque = True  # False: the screen below shows through (overlays such as the pause menu)
    text_mode = False  # True: typed keys are text (TypeText), not commands
    focus = None  # the screen's FocusGroup, if it has buttons (notices keep clear of them)

    def __init__(self, app):
        self.app = app
        self._laid_for = None

    @property
    def ui(self):
        return self.app.ui

    # ---- layout -------------------------------------------------------------------------
    def layout_key(self) -> tuple:
        """Extra state that, when it changes, needs a new layout."""
        return ()

    def ensure_layout(self) -> None:
        key = (self.ui.key(), self.layout_key())
        if key != self._laid_for:
            self._laid_for = key
            self.layout(self.ui)

    def invalidate(self) -> None:
        self._laid_for = None

    def layout(self, ui) -> None:
        pass

    # ---- loop ---------------------------------------------------------------------------
    def handle(self, intent) -> None:
        pass

    def update(self, dt: float) -> bool:
        """Advance animations; True while something moves (the loop keeps drawing)."""
        return False

    def wake_in(self) -> float | None:
        """Seconds until this screen needs an update though nothing happens (a timer)."""
        return None

    def draw(self, surface) -> None:
        pass

    def patch(self, surface) -> list:
        """Redraw only what changed by itself since the last draw (a running timer's bar),
        when nothing else did; the rects drawn. A full ``draw`` makes this unnecessary."""
        return []

    # ---- stack events -------------------------------------------------------------------
    def on_cover(self) -> None:
        """Another screen was pushed on top of this one."""

    def on_reveal(self) -> None:
        """The screen on top of this one was popped."""

    def on_close(self) -> None:
        """This screen leaves the stack for good."""


class OverPlay(Screen):
    """A panel over the play screen (the pause menu, the history): the play stays behind
    it, dimmed, and the panel acts on it."""
    opaque = False

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        self.focus = FocusGroup()

    def draw_panel(self, surface, title: str, inset: tuple[int, int]) -> None:
        """The play dimmed, this panel (``self.rect``) over it, and its title at ``inset``
        (design pixels from the panel's corner)."""
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        dim(surface, surface.get_rect(), p.overlay)
        box(surface, self.rect, p.panel, t.radius + t.px(4), p.border, t.border_width)
        img = ui.text.render(title, t.h2, p.text, "bold")
        surface.blit(img, (self.rect.left + t.px(inset[0]), self.rect.top + t.px(inset[1])))
