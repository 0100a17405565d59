import itertools

import pytest

from weerbaar.engine import load_scenario
from weerbaar.storage import SessionStore

from ..conftest import SCENARIOS


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Never touch the user's own data folder: the default database goes to a tmp dir."""
    folder = tmp_path / "data"
    monkeypatch.setenv("WEERBAAR_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def scenario():
    return load_scenario(str(SCENARIOS / "voorbeeld.yaml"))


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
