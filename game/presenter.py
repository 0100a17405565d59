"""Presenter mode: with two displays (a laptop and a projector as an extended desktop) a
workshop opens a second window on the projector that always shows the room view, while
the laptop's window can show the facilitator view (notes, consequences in advance) behind
Tab without the room seeing it. With one display there is no second window, and the
facilitator view says plainly that a mirrored projector shows it too.

The room window mirrors the room view: ``RoomWindow.show`` is given the room screen drawn at
the main window's size (so the screen keeps one layout) and scales it to the projector,
keeping its proportions. It takes no input: keys go to the app whichever window has the
focus, and pointer and window events of the room window are dropped (``owns``).
"""
from __future__ import annotations

import pygame

CENTERED_ON = 0x2FFF0000  # SDL_WINDOWPOS_CENTERED_DISPLAY(n) is this | n


def display_count() -> int:
    try:
        return pygame.display.get_num_displays()
    except pygame.error:
        return 1


class RoomWindow:
    def __init__(self, title: str, display: int | None = None, size=None):
        sizes = pygame.display.get_desktop_sizes()
        if size is None:
            size = sizes[display if display is not None and display < len(sizes) else 0]
        kw = {}
        if display is not None:
            kw["position"] = (CENTERED_ON | display, CENTERED_ON | display)
        self.window = pygame.Window(title, tuple(size), **kw)
        if display is not None and display > 0:
            try:
                self.window.set_fullscreen(desktop=True)
            except pygame.error:  # a window manager that refuses: a large window is fine
                pass
        self.frames = 0
        self._frame: pygame.Surface | None = None

    def owns(self, event) -> bool:
        """Whether ``event`` happened in this window (pointer, resize, close...)."""
        return getattr(event, "window", None) is self.window

    def frame(self, size) -> pygame.Surface:
        """A surface of ``size`` to draw the room view on (kept between frames)."""
        if self._frame is None or self._frame.get_size() != tuple(size):
            self._frame = pygame.Surface(size)
        return self._frame

    def show(self, frame: pygame.Surface, background) -> None:
        """Scale ``frame`` into the window, keeping its proportions, and flip."""
        target = self.window.get_surface()
        tw, th = target.get_size()
        fw, fh = frame.get_size()
        scale = min(tw / fw, th / fh)
        size = (max(1, round(fw * scale)), max(1, round(fh * scale)))
        target.fill(background)
        image = frame if size == (fw, fh) else pygame.transform.smoothscale(frame, size)
        target.blit(image, ((tw - size[0]) // 2, (th - size[1]) // 2))
        self.window.flip()
        self.frames += 1

    def close(self) -> None:
        self.window.destroy()


def mirror(app, changed_only: bool = False) -> None:
    """Show the room view in ``app.room``: after a full draw, or (``changed_only``) when the
    room's countdown changed though nothing else was drawn."""
    from .screens.workshop_play import WorkshopScreen
    room = app.room
    if room is None:
        return
    screen = app.find(WorkshopScreen)
    if screen is None:  # the workshop is over: the projector goes back to the desktop
        room.close()
        app.room = None
        return
    timer = screen.timer
    if changed_only and not (timer is not None and timer.changed):
        return
    surface = pygame.display.get_surface()
    if app.top is screen:  # the main window shows the room view already
        if changed_only:
            screen.patch(surface)
        room.show(surface, app.ui.palette.bg)
        return
    frame = room.frame(surface.get_size())
    frame.fill(app.ui.palette.bg)
    screen.ensure_layout()
    screen.draw(frame)
    room.show(frame, app.ui.palette.bg)
