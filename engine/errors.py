"""What can go wrong while playing: the engine's exceptions. Each subclasses a built-in one
and carries its data as attributes."""
from __future__ import annotations


class SessionError(ValueError):
    """A session cannot do what was asked (wrong phase, unknown or unavailable choice)."""


class StuckError(SessionError):
    """The play is stuck: no choice is available and no route matches (a soft-lock), or
    routes pass on without end. ``scene`` is where."""

    def __init__(self, message: str, scene: str = ""):
        super().__init__(message)
        self.scene = scene


class RecordingError(SessionError):
    """A listener (such as the session store's recorder) failed; the operation was undone.
    ``error`` is the listener's exception."""

    def __init__(self, error: BaseException):
        super().__init__(f"the step could not be recorded, so it was not taken: {error}")
        self.error = error


class SaveError(SessionError):
    """A save that cannot be restored: ``path`` names the value, ``message`` says why."""

    def __init__(self, path: str, message: str):
        super().__init__(f"save: {path}: {message}" if path else f"save: {message}")
        self.path, self.message = path, message
