"""The phone server in the workshop process: uvicorn on its own thread and event loop,
beside the pygame loop, started with the workshop and stopped when it ends.

``PhoneServer.start`` returns once the socket listens (so the join address printed is
real); ``stop`` closes every connection and joins the thread.
"""
from __future__ import annotations

import socket
import threading
import time

import uvicorn

from .app import build_app
from .limits import MAX_BODY
from .room import Room
from .solo import SoloRound, SoloSetup

DEFAULT_PORT = 8765
START_SECONDS = 10.0


class ServerError(RuntimeError):
    """The server could not start (the port is taken, the address is not this machine's)."""


def lan_address() -> str:
    """This machine's address on the local network (the one a phone on the same Wi-Fi
    reaches), found without sending anything; 127.0.0.1 when there is no network."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


class PhoneServer:
    def __init__(self, room: Room, *, solo: SoloSetup | None = None, host: str | None = None,
                 port: int = DEFAULT_PORT):
        self.room = room
        self.solo = SoloRound(room, solo) if solo is not None else None
        self.bind = host or "0.0.0.0"
        self.advertised = host if host and host not in ("0.0.0.0", "::") else lan_address()
        self.port = port
        self.app = build_app(room, self.solo)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    @property
    def url(self) -> str:
        return f"http://{self.advertised}:{self.port}/r/{self.room.code}"

    def start(self) -> "PhoneServer":
        config = uvicorn.Config(self.app, host=self.bind, port=self.port, log_level="warning",
                                access_log=False, ws="websockets", ws_max_size=MAX_BODY,
                                lifespan="on", h11_max_incomplete_event_size=16 * 1024,
                                # the standard loop: "auto" would install uvloop's policy for
                                # the whole workshop process, not only for this thread
                                loop="asyncio",
                                # connections at once (a phone holds one or two): beyond, 503
                                limit_concurrency=4 * self.room.limits.max_devices,
                                timeout_graceful_shutdown=2)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, name="weerbaar-phones", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_SECONDS
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise ServerError(f"cannot serve on {self.bind}:{self.port}"
                                  + (f" ({self._error})" if self._error else ""))
            time.sleep(0.02)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        return self

    def _run(self) -> None:
        try:
            self._server.run()
        except BaseException as exc:  # SystemExit when uvicorn cannot bind; start() reports it
            self._error = exc

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
