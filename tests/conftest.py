import os
from pathlib import Path

import pytest

from weerbaar import resources

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = resources.scenarios_dir()


@pytest.fixture(scope="session", autouse=True)
def private_user_dirs(tmp_path_factory):
    """Tests never write into the user's own data or config folders (sessions, settings);
    subprocesses inherit the environment."""
    base = tmp_path_factory.mktemp("user")
    saved = {k: os.environ.get(k) for k in ("WEERBAAR_DATA_DIR", "WEERBAAR_CONFIG_DIR")}
    os.environ["WEERBAAR_DATA_DIR"] = str(base / "data")
    os.environ["WEERBAAR_CONFIG_DIR"] = str(base / "config")
    yield
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def read_on(session) -> bool:
    """One move that needs no decision: past a consequence, or along a route. False when the
    session waits for a decision or has ended."""
    from weerbaar.engine.state import Phase
    if session.ended:
        return False
    if session.phase is Phase.CONSEQUENCE:
        session.proceed()
    elif session.view.can_continue:
        session.advance()
    else:
        return False
    return True


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Never touch the user's own data folder, nor another test's: the default database
    goes to this test's tmp dir."""
    folder = tmp_path / "data"
    monkeypatch.setenv("WEERBAAR_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def example_path() -> Path:
    return SCENARIOS / "voorbeeld.yaml"


@pytest.fixture
def scenario():
    """The example scenario (a test module may mean another one by this name)."""
    from weerbaar.engine import load_scenario
    return load_scenario(str(SCENARIOS / "voorbeeld.yaml"))
