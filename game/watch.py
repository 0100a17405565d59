"""Watching a scenario file for changes (by polling its modification time and size:
cheap, portable, and it needs no extra package)."""
from __future__ import annotations

import os

POLL_SECONDS = 0.5


class FileWatcher:
    def __init__(self, path: str):
        self.path = path
        self._stamp = self._read()
        self._since = 0.0

    def _read(self):
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def poll(self, dt: float) -> bool:
        """True once after the file changed (checked at most every POLL_SECONDS)."""
        self._since += dt
        if self._since < POLL_SECONDS:
            return False
        self._since = 0.0
        stamp = self._read()
        if stamp != self._stamp:
            self._stamp = stamp
            return True
        return False


def reload_watched(app) -> None:
    """The watched file changed: the play screen reloads it (or shows its errors), or an
    error screen turns into the game once the file loads."""
    from ..engine import check_file
    from ..engine.session import SessionError

    from .screens.message import ErrorScreen
    from .screens.play import PlayScreen
    scenario, diagnostics = check_file(app.watcher.path)
    play, error = app.find(PlayScreen), app.find(ErrorScreen)
    if play is not None:
        play.reload(scenario, diagnostics)
    elif error is not None:
        if scenario is None:
            error.diagnostics = diagnostics
            error.invalidate()
        else:
            try:
                app.replace(PlayScreen(app, scenario))
                app.toast(app.ui.t("reloaded"))
            except SessionError as exc:
                error.diagnostics = [f"{app.watcher.path}: {exc}"]
                error.invalidate()
