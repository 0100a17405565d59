"""Wall-clock time for records. The engine never reads the clock; the store does, here only."""
from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> str:
    """Now, as ISO 8601 in UTC with milliseconds: sortable as text."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def local_minute(stamp: str | None) -> str:
    """A stamp as local 'YYYY-MM-DD HH:MM' for lists and reports."""
    if not stamp:
        return ""
    return parse(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
