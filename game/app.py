"""The window, the main loop and the stack of screens.

``run(path, args)`` is what ``main.py`` calls. The loop sleeps in ``pygame.event.wait``
while nothing moves, and draws only after input or while something animates. Tests drive
it frame by frame with ``App.step(events, dt)``.
"""
from __future__ import annotations

import sys
import time
import traceback
import warnings
from dataclasses import replace
from pathlib import Path

import pygame

from ..engine import check_file
from ..engine.session import SessionError

from . import paths
from .catalogue import scan
from .display import open_display
from .sounds import Cues
from .presenter import RoomWindow, mirror
from .images import ImageStore
from .input import InputMapper
from .intents import Quit, Redraw, Resize, TextSize, ToggleFullscreen
from .options import GameOptions
from .settings import Settings, SettingsStore
from .text import TextRenderer
from .theme import Theme
from .ui import Ui
from .watch import POLL_SECONDS, FileWatcher, reload_watched
from .widgets import Toast
from .widgets.toast import place as place_toast

WINDOW_SIZE = (1280, 720)
MIN_WINDOW = (800, 450)
FPS = 60
IDLE_WAKE = 2.0  # seconds: the longest the loop sleeps without input
POLL_FRAME = 1 / 60  # seconds between looks at the event queue while idle
KEY_EVENTS = {pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT}


class App:
    def __init__(self, settings: Settings | None = None, store: SettingsStore | None = None,
                 *, seed: int = 0, watch: bool = False, listeners=(), size=WINDOW_SIZE,
                 scenarios_dir: Path = paths.SCENARIOS, save_settings: bool = True,
                 recording=None):
        open_display()
        pygame.font.init()
        self.store = store or SettingsStore()
        self.settings = settings if settings is not None else self.store.load()
        self.save_settings = save_settings
        self.seed, self.watch, self.listeners = seed, watch, tuple(listeners)
        self.recording = recording  # game.recording.GameRecording; None: nothing is recorded
        if recording is not None:
            self.listeners += (recording.listener,)
            recording.bind_app(self)
        self.scenarios_dir = Path(scenarios_dir)
        self.only_file: Path | None = None  # play FILE: the title screen shows that file alone
        self.windowed_size = tuple(size)
        self.window = self._open_window()
        pygame.display.set_caption("Weerbaar")
        self.text = TextRenderer()
        self.images = ImageStore()
        self.input = InputMapper()
        self.ui = self._make_ui()
        self.stack: list = []
        self.toasts: list[Toast] = []
        self.watcher: FileWatcher | None = None
        self.running = True
        self.frames = 0   # full draws
        self.patches = 0  # partial draws: a running timer's bar alone
        self._dirty = True
        self._moving = False
        self.room = None  # presenter mode: the projector's window (game/presenter.py)
        self.phones = None  # game.phones.PhoneLink: workshop mode with --phones
        self.cues = Cues()  # sound cues, when the settings ask for them
        self._last = time.perf_counter()
        self._catalogue = None

    # ---- window and settings ------------------------------------------------------------
    def _open_window(self) -> pygame.Surface:
        if self.settings.fullscreen:
            surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            try:
                with warnings.catch_warnings():  # the display-module window is fine here
                    warnings.simplefilter("ignore", DeprecationWarning)
                    pygame.Window.from_display_module().minimum_size = MIN_WINDOW
            except (AttributeError, pygame.error):  # older pygame-ce or no window manager
                pass
        return surface

    def _make_ui(self) -> Ui:
        self.text.set_language(self.settings.language)  # hyphenation at its syllables
        return Ui(Theme.for_window(self.window.get_size(), self.settings), self.text,
                  self.settings, author_mode=self.watch)

    def resize(self, size) -> None:
        size = (max(MIN_WINDOW[0], int(size[0])), max(MIN_WINDOW[1], int(size[1])))
        if not self.settings.fullscreen:
            self.windowed_size = size
            if pygame.display.get_surface().get_size() != size:
                self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.window = pygame.display.get_surface()
        self.ui = self._make_ui()
        self._dirty = True

    def set_settings(self, settings: Settings, save: bool = True) -> None:
        old, self.settings = self.settings, settings
        if old.fullscreen != settings.fullscreen:
            self.window = self._open_window()
        if save and self.save_settings and not self.store.save(settings):
            self.toast(self.ui.t("settings_error", error=self.store.error), "bad")
        self.ui = self._make_ui()
        self._dirty = True

    # ---- the stack ----------------------------------------------------------------------
    @property
    def top(self):
        return self.stack[-1] if self.stack else None

    def push(self, screen) -> None:
        if self.stack:
            self.stack[-1].on_cover()
        self.stack.append(screen)
        self._dirty = True

    def pop(self, screen=None) -> None:
        if not self.stack or (screen is not None and self.stack[-1] is not screen):
            return
        self.stack.pop().on_close()
        if self.stack:
            self.stack[-1].on_reveal()
        self._dirty = True

    def replace(self, screen) -> None:
        if self.stack:
            self.stack.pop().on_close()
        self.stack.append(screen)
        self._dirty = True

    def clear(self) -> None:
        while self.stack:
            self.stack.pop().on_close()

    def find(self, kind):
        return next((s for s in reversed(self.stack) if isinstance(s, kind)), None)

    def to_title(self) -> None:
        from .screens.title import TitleScreen
        self.clear()
        self.watcher = None
        self.push(TitleScreen(self))

    def catalogue(self, refresh: bool = False):
        if self._catalogue is None or refresh:
            self._catalogue = scan(self.scenarios_dir, self.settings.language, self.only_file)
        return self._catalogue

    def open_scenario(self, path, entry=None) -> list[str]:
        """Play ``path`` on top of the stack, or show why it cannot be played; the errors
        (none when it plays)."""
        from .screens.message import ErrorScreen
        from .screens.play import PlayScreen
        if entry is not None:
            scenario, diagnostics = entry.scenario, list(entry.diagnostics)
        else:
            scenario, diagnostics = check_file(str(path))
        if self.watch:
            self.watcher = FileWatcher(str(path))
        if scenario is None:
            self.push(ErrorScreen(self, str(path), diagnostics))
            return [str(d) for d in diagnostics if d.severity.value == "error"]
        try:
            self.push(PlayScreen(self, scenario))
        except SessionError as exc:  # the scenario gets stuck before the first scene shows
            self.push(ErrorScreen(self, str(path), [f"{path}: {exc}"], "error_session"))
            return [f"{path}: {exc}"]
        return []

    def _reload_watched(self) -> None:
        reload_watched(self)
        self._dirty = True

    def toast(self, message: str, tone: str = "neutral") -> None:
        self.toasts = [t for t in self.toasts if t.message != message] + [Toast(message, tone=tone)]
        self._dirty = True

    def cue(self, name: str) -> None:
        self.cues.play(name, self.settings)

    def quit(self) -> None:
        self.running = False

    # ---- the loop -----------------------------------------------------------------------
    def step(self, events=None, dt: float | None = None) -> bool:
        """One pass: input, update, and a draw if anything changed. False once quitting."""
        now = time.perf_counter()
        if dt is None:  # real time: a timed decision counts the seconds the loop slept
            dt = now - self._last
        self._last = now
        if events is None:
            events = pygame.event.get()
        if self.room is not None:  # the room window takes keys only (presenter.py)
            events = [e for e in events if not self.room.owns(e) or e.type in KEY_EVENTS]
        self.input.text_mode = self.top is not None and bool(self.top.text_mode)
        intents = self.input.translate(events)
        for intent in intents:
            self._dispatch(intent)
            if not self.running:
                return False
        if self.watcher is not None and self.watcher.poll(dt):
            self._reload_watched()
        moving = self._update(dt)
        self._moving = moving
        if intents or moving or self._dirty:
            self.draw()
            pygame.display.flip()
            self.frames += 1
            self._dirty = False
            mirror(self)
        elif self.top is not None:
            self._patch()
            mirror(self, changed_only=True)
        return self.running

    def open_room(self, display: int | None = None, size=None) -> None:
        """Presenter mode: the room view also in a window of its own (on ``display``)."""
        if self.room is None:
            self.room = RoomWindow(self.ui.t("room_window"), display, size)
            self._dirty = True

    def _patch(self) -> None:
        """Redraw only what the top screen says changed by itself (a timer's bar)."""
        surface = pygame.display.get_surface()
        rects = self.top.patch(surface)
        if rects:
            pygame.display.update(rects)
            self.patches += 1

    def _dispatch(self, intent) -> None:
        if isinstance(intent, Quit):
            self.quit()
        elif isinstance(intent, Resize):
            self.resize(intent.size)
        elif isinstance(intent, Redraw):
            self._dirty = True
        elif isinstance(intent, TextSize):
            self.set_settings(self.settings.with_text_step(intent.step))
            self.toast(self.ui.t("text_size_now",
                                 size=self.ui.t(f"size_{self.settings.text_size}")))
        elif isinstance(intent, ToggleFullscreen):
            self.set_settings(replace(self.settings, fullscreen=not self.settings.fullscreen))
        elif self.top is not None:
            self.top.ensure_layout()
            self.top.handle(intent)

    def _update(self, dt: float) -> bool:
        moving = False
        if self.top is not None:
            self.top.ensure_layout()
            moving = bool(self.top.update(dt))
        for t in self.toasts:
            if t.update(dt):
                self._dirty = True
        self.toasts = [t for t in self.toasts if not t.done]
        return moving

    def timeout(self) -> float:
        """How long the loop may sleep: 0 while animating."""
        if self._dirty or self._moving:  # an animation runs to its end; a recovered error
            return 0.0
        waits = [IDLE_WAKE]
        top = self.top
        if top is not None:
            w = top.wake_in()
            if w is not None:
                waits.append(w)
        waits.extend(t.left for t in self.toasts)
        if self.watcher is not None:
            waits.append(POLL_SECONDS)
        return max(0.0, min(waits))

    def draw(self, surface=None) -> None:
        surface = surface or pygame.display.get_surface()
        surface.fill(self.ui.palette.bg)
        first = 0
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].opaque:
                first = i
                break
        for screen in self.stack[first:]:
            screen.ensure_layout()
            screen.draw(surface)
        rect = self.toast_rect()
        for t in self.toasts[-1:]:
            t.draw(surface, self.ui, rect)

    def toast_rect(self):
        """Where the latest notice shows: never over the top screen's buttons."""
        if not self.toasts:
            return None
        window = pygame.display.get_surface().get_rect()
        focus = self.top.focus if self.top is not None else None
        keep_clear = [b.rect for b in focus.buttons] if focus is not None else []
        return place_toast(self.toasts[-1].size(self.ui, window.width), window, keep_clear,
                           self.ui)

    def run(self, max_frames: int | None = None) -> int:
        clock = pygame.time.Clock()
        self.step([])
        loops = 0
        while self.running and (max_frames is None or loops < max_frames):
            wait = self.timeout()
            if wait <= 0:
                clock.tick(FPS)
                events = pygame.event.get()
            else:
                events = wait_for_events(wait)
            try:
                self.step(events)
            except Exception as exc:  # noqa: BLE001 - a workshop must not lose its window
                self._recover(exc)
            loops += 1
        if not self.running:  # quit; with max_frames (tests) the app stays open
            self.close()
        return 0

    def _recover(self, exc: Exception) -> None:
        """An unexpected error in a screen: report it on stderr and on screen, and go on."""
        from .screens.message import ErrorScreen
        traceback.print_exc(file=sys.stderr)
        self.clear()
        self.watcher = None
        self.to_title()
        self.push(ErrorScreen(self, "", [f"{type(exc).__name__}: {exc}"], "error_internal"))

    def close(self) -> None:
        self.clear()
        if self.room is not None:
            self.room.close()
            self.room = None
        if self.recording is not None:
            self.recording.close()
        pygame.display.quit()


def wait_for_events(timeout: float) -> list:
    """Sleep until input arrives or ``timeout`` seconds pass.

    Not ``pygame.event.wait``: SDL 2's wait polls its queue about every millisecond on the
    X11 and dummy drivers, which costs 2–2.5 % of a core while the game does nothing. Looking
    at the queue once per frame (1/60 s) and sleeping in between costs about 0.7 %, and input
    waits at most one frame. Measured in bench/frontend_perf.py.
    """
    end = time.perf_counter() + timeout
    while True:
        events = pygame.event.get()
        left = end - time.perf_counter()
        if events or left <= 0:
            return events
        time.sleep(min(POLL_FRAME, left))


def run(path: str | None, options: GameOptions = GameOptions(), start=None) -> int:
    """The entry point for the CLI: the title screen, or ``path`` directly, or what
    ``start(app)`` opens (``weerbaar replay``, ``weerbaar workshop``). Every play is recorded
    (``options.db``, ``options.label``)."""
    from .recording import GameRecording
    store = SettingsStore()
    settings = store.load()
    if options.lang:
        settings = replace(settings, language=options.lang)
    app = App(settings, store, seed=options.seed, watch=options.watch and path is not None,
              recording=GameRecording(options.db, options.label))
    if start is not None:
        app.to_title()
        start(app)
    elif path is None:
        app.to_title()
    else:
        app.only_file = Path(path)  # "back to the menu" is this file's title card
        app.to_title()
        errors = app.open_scenario(path)
        for line in errors:  # besides on screen: for the terminal and scripts
            print(line, file=sys.stderr)
        if errors:
            app.run()
            return 2
    return app.run()
