"""Player settings, kept as JSON in the user's config directory.

``WEERBAAR_CONFIG_DIR`` overrides the directory (tests and kiosks use it). A missing or
damaged file gives the defaults; the game never fails over its settings.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from .i18n import CATALOGS

LANGUAGES = CATALOGS.languages  # the interface languages: one per catalog in game/locale
TEXT_SIZES = (0.85, 1.0, 1.2, 1.4)  # factors on the base type size; index 1 is normal
SETTINGS_FORMAT = 1
ENV_DIR = "WEERBAAR_CONFIG_DIR"


@dataclass(frozen=True)
class Settings:
    language: str = "nl"
    text_size: int = 1          # index into TEXT_SIZES
    fullscreen: bool = False
    high_contrast: bool = False
    reduced_motion: bool = False
    allow_undo: bool = True     # a facilitator can switch undo off for a group
    sound: bool = False         # sound cues (game/sounds.py)

    @property
    def text_factor(self) -> float:
        return TEXT_SIZES[self.text_size]

    def with_text_step(self, step: int) -> "Settings":
        return replace(self, text_size=max(0, min(len(TEXT_SIZES) - 1, self.text_size + step)))

    def to_dict(self) -> dict:
        return {"format": SETTINGS_FORMAT, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict) -> "Settings":
        """Take what is valid from ``data`` and the defaults for the rest."""
        base = cls()
        values = {}
        for f in fields(cls):
            v = data.get(f.name, getattr(base, f.name))
            default = getattr(base, f.name)
            if isinstance(default, bool):
                v = v if isinstance(v, bool) else default
            elif f.name == "text_size":
                v = v if isinstance(v, int) and 0 <= v < len(TEXT_SIZES) else default
            elif f.name == "language":
                v = v if v in LANGUAGES else default
            values[f.name] = v
        return cls(**values)


def config_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_config_dir("weerbaar", appauthor=False))


class SettingsStore:
    """Reads and writes ``settings.json``; remembers the last error for the UI to show."""

    def __init__(self, directory: Path | None = None):
        self.path = (directory or config_dir()) / "settings.json"
        self.error: str | None = None

    def load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError) as exc:
            self.error = f"{self.path}: {exc}"
            return Settings()
        return Settings.from_dict(data if isinstance(data, dict) else {})

    def save(self, settings: Settings) -> bool:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(settings.to_dict(), indent=1), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            self.error = f"{self.path}: {exc}"
            return False
        self.error = None
        return True
