"""Checked reading of database columns: a row that holds what Weerbaar never writes (junk
JSON, a list where the meters belong, text where a number belongs) raises ``DamagedRow``
naming the session, the row and the column, instead of failing somewhere later.

The database is a file on someone's disk: another program, a crash of an old version or a
hand edit can leave anything in it. One damaged row must not block a whole workshop.
"""
from __future__ import annotations

import json
import math
from datetime import datetime

from .errors import DamagedRow

MAX_SHOWN = 40


class RowReader:
    """Reads the columns of one row; ``where`` names the row in messages ("decision 3")."""

    def __init__(self, session_id: str, where: str, row):
        self.session_id, self.where, self.row = session_id, where, row

    def fail(self, column: str, reason: str) -> DamagedRow:
        return DamagedRow(self.session_id, f"{self.where}, column '{column}'", reason)

    def text(self, column: str, optional: bool = False) -> str | None:
        value = self.row[column]
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(column, f"expected text (got {_shown(value)})")
        return value

    def integer(self, column: str) -> int:
        value = self.row[column]
        if type(value) is not int:
            raise self.fail(column, f"expected a whole number (got {_shown(value)})")
        return value

    def number(self, column: str) -> float | None:
        value = self.row[column]
        if value is not None and (type(value) not in (int, float) or not math.isfinite(value)
                                  or value < 0):
            raise self.fail(column, f"expected a number of seconds (got {_shown(value)})")
        return value

    def timestamp(self, column: str, optional: bool = False) -> str | None:
        """An ISO 8601 moment, as the store writes them."""
        value = self.text(column, optional)
        if value is None:
            return None
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(column, f"expected a date and time (got {_shown(value)})") from None
        return value

    def json(self, column: str, default=None):
        raw = self.row[column]
        if raw is None:
            return default
        if not isinstance(raw, str):
            raise self.fail(column, f"expected JSON text (got {_shown(raw)})")
        try:
            return json.loads(raw)
        except (ValueError, RecursionError) as exc:
            raise self.fail(column, f"not valid JSON ({_first_line(exc)})") from None

    def variables(self, column: str, optional: bool = False) -> dict | None:
        """Meters and flags: an object of names to whole numbers or true/false."""
        value = self.json(column)
        if value is None and optional:
            return None
        if not isinstance(value, dict):
            raise self.fail(column, f"expected an object of meters and flags (got {_kind(value)})")
        for name, v in value.items():
            if type(v) not in (int, bool):
                raise self.fail(column, f"'{_cut(name)}': expected a number or true/false "
                                f"(got {_kind(v)})")
        return value

    def ids(self, column: str) -> tuple[str, ...]:
        """A list of choice ids."""
        value = self.json(column)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(column, f"expected a list of choice ids (got {_kind(value)})")
        return tuple(value)

    def mapping(self, column: str) -> dict:
        value = self.json(column, {})
        if not isinstance(value, dict):
            raise self.fail(column, f"expected a JSON object (got {_kind(value)})")
        return value


def _kind(value) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "text",
            list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def _shown(value) -> str:
    if isinstance(value, (bytes, bytearray)):
        return f"{len(value)} bytes"
    return f"{_kind(value)} {_cut(repr(value))}" if value is not None else "nothing"


def _cut(text: str) -> str:
    text = str(text)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def _first_line(exc: Exception) -> str:
    return _cut(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
