"""Where the session database lives when no ``--db`` is given."""
from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "WEERBAAR_DATA_DIR"
DB_NAME = "sessions.db"


def data_dir() -> Path:
    """The user's data directory for Weerbaar; ``$WEERBAAR_DATA_DIR`` overrides it."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir
    return Path(user_data_dir("weerbaar", appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_NAME


def db_path(given: str | os.PathLike | None) -> Path:
    """The database a command uses: the one given, else the default."""
    return Path(given) if given else default_db_path()
