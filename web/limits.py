"""Limits on what a client may send: body size, field lengths, and how often (throttling).

A token bucket per key (a device, or the address of a client without a device): each
request takes a token, tokens come back at ``rate`` a second up to ``burst``. A client that
floods gets 429 until its bucket fills again. The number of keys kept is bounded, so a
flood of new addresses cannot grow the table without end.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

MAX_BODY = 2048          # bytes of a request body
MAX_NAME = 40            # characters of a pseudonym
MAX_KEYS = 10_000        # buckets kept


@dataclass(frozen=True)
class Limits:
    device_rate: float = 5.0     # requests a second a device may make, on average
    device_burst: int = 20
    address_rate: float = 0.5    # joins and unauthenticated requests a second per address
    address_burst: int = 10
    max_devices: int = 500       # devices a room admits


class Throttle:
    def __init__(self, rate: float, burst: int, clock=time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            tokens, then = self._buckets.pop(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
            while len(self._buckets) > MAX_KEYS:
                self._buckets.popitem(last=False)
            return allowed


def clean_name(text: object) -> str:
    """A pseudonym as typed: printable characters only, spaces collapsed, at most MAX_NAME."""
    if not isinstance(text, str):
        return ""
    printable = "".join(ch for ch in text if ch.isprintable())
    return " ".join(printable.split())[:MAX_NAME]
