"""Scenario images, looked up next to the scenario file; a missing one is a message, not
a crash."""
from __future__ import annotations

from pathlib import Path

import pygame


class ImageStore:
    def __init__(self):
        self._cache: dict[tuple, pygame.Surface | None] = {}

    @staticmethod
    def resolve(name: str, scenario_path: str) -> Path:
        p = Path(name)
        if p.is_absolute():
            return p
        base = Path(scenario_path).resolve().parent if scenario_path else Path.cwd()
        return base / p

    def load(self, name: str, scenario_path: str, max_size: tuple[int, int]) -> pygame.Surface | None:
        """The image scaled to fit ``max_size`` (never enlarged), or None if it cannot be read."""
        path = self.resolve(name, scenario_path)
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return None
        key = (str(path), stamp, max_size)
        if key not in self._cache:
            self._cache[key] = self._read(path, max_size)
        return self._cache[key]

    @staticmethod
    def _read(path: Path, max_size) -> pygame.Surface | None:
        try:
            img = pygame.image.load(str(path))
        except (pygame.error, OSError, ValueError):
            return None
        w, h = img.get_size()
        f = min(max_size[0] / w, max_size[1] / h, 1.0)
        if f < 1.0:
            img = pygame.transform.smoothscale(img.convert_alpha() if pygame.display.get_surface()
                                               else img, (max(1, int(w * f)), max(1, int(h * f))))
        return img
