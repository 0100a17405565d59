"""Pause the cyclic garbage collector while building large, long-lived structures.

Loading a scenario and building its machine create hundreds of thousands of objects that
all stay alive; every generation-2 collection on the way rescans them all, which makes the
build grow faster than the scenario (0.80 s instead of 0.14 s for 10,000 scenes here).
Reference counting still frees garbage while the collector is paused.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused_gc():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
