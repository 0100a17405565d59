import itertools

import pytest

from weerbaar.storage import SessionStore


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "workshop.db"


@pytest.fixture
def clock():
    """A clock that ticks one second per reading, from a fixed moment."""
    counter = itertools.count()

    def now() -> str:
        n = next(counter)
        return f"2026-03-02T{9 + n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}.000+00:00"
    return now


@pytest.fixture
def store(db_path, clock):
    with SessionStore(db_path, clock=clock) as s:
        yield s
