"""The store's exceptions. Each subclasses a built-in one and carries its data as attributes."""
from __future__ import annotations


class StoreError(Exception):
    """The session database cannot do what was asked."""

    hint = ""

    def __str__(self) -> str:
        message = str(self.args[0]) if self.args else ""
        return f"{message} ({self.hint})" if self.hint else message


class DatabaseError(StoreError, OSError):
    """The database file cannot be opened, read or written."""

    def __init__(self, path: str, reason: str, hint: str = ""):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason, self.hint = path, reason, hint


class SchemaTooNew(StoreError):
    """The database was written by a newer Weerbaar: its schema is unknown here."""

    def __init__(self, path: str, found: int, known: int):
        super().__init__(f"{path}: schema version: expected at most {known} (got {found})")
        self.path, self.found, self.known = path, found, known
        self.hint = "update Weerbaar to open this database"


class SessionNotFound(StoreError, KeyError):
    """No session has this id (or id prefix)."""

    def __init__(self, session_id: str):
        super().__init__(f"no session with id '{session_id}'")
        self.session_id = session_id
        self.hint = "'weerbaar sessions' lists the ids"

    __str__ = StoreError.__str__  # not KeyError's, which quotes the message


class AmbiguousSession(StoreError, LookupError):
    """An id prefix matches more than one session."""

    def __init__(self, prefix: str, matches: list[str]):
        super().__init__(f"id '{prefix}' matches {len(matches)} sessions")
        self.prefix, self.matches = prefix, matches
        self.hint = "give more characters of the id"


class ReplayError(StoreError, ValueError):
    """A recorded session cannot be rebuilt on this scenario."""

    def __init__(self, session_id: str, reason: str, hint: str = ""):
        super().__init__(f"session {session_id}: {reason}")
        self.session_id, self.reason, self.hint = session_id, reason, hint
