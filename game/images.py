"""Scenario images, looked up next to the scenario file; a missing or broken one is a
message on screen, not a crash.

SVG is rasterised at the size it is drawn (``pygame.image.load_sized_svg``), so a picture
is as sharp on a 1920×1080 projector as at 1280×720; PNG and JPEG are scaled down to fit
(never enlarged). Each image is cached per file version and per size."""
from __future__ import annotations

import stat
from collections import OrderedDict
from pathlib import Path

import pygame

from ..engine.imagecheck import MAX_IMAGE_BYTES, resolve

CACHE_SIZE = 48                  # images × sizes kept (a resize adds one size per image)


def is_svg(path: Path) -> bool:
    return path.suffix.lower() == ".svg"


def fit(size: tuple[int, int], max_size: tuple[int, int]) -> tuple[int, int]:
    """``size`` scaled down to fit ``max_size`` with its aspect ratio (never enlarged)."""
    w, h = size
    f = min(max_size[0] / w, max_size[1] / h, 1.0)
    return max(1, round(w * f)), max(1, round(h * f))


class ImageStore:
    def __init__(self):
        self._cache: OrderedDict[tuple, pygame.Surface | None] = OrderedDict()

    resolve = staticmethod(resolve)

    def load(self, name: str, scenario_path: str, max_size: tuple[int, int]) -> pygame.Surface | None:
        """The image fitted to ``max_size``, or None if it cannot be read."""
        path = self.resolve(name, scenario_path)
        try:
            st = path.stat()
        except (OSError, ValueError):  # missing, a name too long, a NUL byte in the name
            return None
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_IMAGE_BYTES:
            return None  # a folder, a pipe or a device would hang or flood the loader
        key = (str(path), st.st_mtime_ns, tuple(max_size))
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        img = self._read(path, max_size)
        self._cache[key] = img
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return img

    @staticmethod
    def _read(path: Path, max_size) -> pygame.Surface | None:
        try:
            img = _read_svg(path, max_size) if is_svg(path) else _read_bitmap(path, max_size)
        except (pygame.error, OSError, ValueError, MemoryError):
            return None
        if img is not None and pygame.display.get_surface() is not None:
            img = img.convert_alpha()
        return img


def _read_svg(path: Path, max_size) -> pygame.Surface | None:
    """Rasterised at ``max_size`` (aspect ratio kept) instead of scaled from a bitmap."""
    img = pygame.image.load_sized_svg(str(path), tuple(max_size))
    w, h = img.get_size()
    if w <= 1 or h <= 1:  # nanosvg parses what it does not understand to an empty picture
        return None
    return img


def _read_bitmap(path: Path, max_size) -> pygame.Surface:
    img = pygame.image.load(str(path))
    size = fit(img.get_size(), max_size)
    if size != img.get_size():
        img = pygame.transform.smoothscale(img.convert_alpha() if pygame.display.get_surface()
                                           else img, size)
    return img
