"""Reading an author's file with bounds: only regular files, and at most so many bytes.

A scenario or transcripts path is input like any other: a FIFO would block the reader for
ever, ``/dev/zero`` would fill the memory, a folder gives a confusing error. Each is
refused with a reason before more than the limit is read.
"""
from __future__ import annotations

import os
import stat

MAX_BYTES = 64 * 2**20


class FileRefused(OSError):
    """The path cannot be read as a source file; ``reason`` says why in plain words."""

    def __init__(self, path: str, reason: str):
        super().__init__(reason)
        self.path, self.reason = path, reason


def read_source(path: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path`` (at most ``limit``), else ``FileRefused``."""
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise FileRefused(str(path), exc.strerror or str(exc)) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a folder" if stat.S_ISDIR(mode) else "a pipe" if stat.S_ISFIFO(mode)
                    else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket"
                    if stat.S_ISSOCK(mode) else "not a regular file")
            raise FileRefused(str(path), f"it is {kind}, not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as f:
            fd = -1
            raw = f.read(limit + 1)
    except OSError as exc:
        if isinstance(exc, FileRefused):
            raise
        raise FileRefused(str(path), exc.strerror or str(exc)) from exc
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > limit:
        raise FileRefused(str(path), f"it is larger than {limit // 2**20} MB")
    return raw
