"""Live updates over a WebSocket: a phone sends its token once, then gets its view again
whenever the room changes (a vote opened or closed, the round closed).

The ``Hub`` is an event that is set and replaced on every change; the room's changes come
from the pygame thread too, so they reach the hub through ``call_soon_threadsafe``.
"""
from __future__ import annotations

import asyncio
import json
from urllib.parse import urlsplit

from starlette.websockets import WebSocket, WebSocketDisconnect

HELLO_SECONDS = 10
MAX_HELLO = 512


class Hub:
    def __init__(self):
        self.loop = None
        self.event: asyncio.Event | None = None
        self.closed = False

    def bind(self, loop) -> None:
        self.loop, self.event, self.closed = loop, asyncio.Event(), False

    def notify(self) -> None:
        if self.event is None:
            return
        old, self.event = self.event, asyncio.Event()
        old.set()

    def notify_threadsafe(self) -> None:
        try:
            self.loop.call_soon_threadsafe(self.notify)
        except (AttributeError, RuntimeError):  # not started, or the loop has closed
            pass

    def shut(self) -> None:
        self.closed = True
        self.notify()


def same_origin(websocket: WebSocket) -> bool:
    """A browser's WebSocket from another site's page is refused (its Origin differs)."""
    origin = websocket.headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc == websocket.headers.get("host", "")


async def _hello(websocket: WebSocket, phones):
    try:
        text = await asyncio.wait_for(websocket.receive_text(), HELLO_SECONDS)
    except (asyncio.TimeoutError, WebSocketDisconnect, KeyError, RuntimeError):
        return None
    if len(text) > MAX_HELLO:
        return None
    try:
        token = json.loads(text).get("token")
    except (ValueError, AttributeError):
        return None
    return phones.room.device(token)


async def live_endpoint(phones, websocket: WebSocket) -> None:
    if not same_origin(websocket):
        await websocket.close(code=4403)
        return
    await websocket.accept()
    device = await _hello(websocket, phones)
    if device is None:
        await websocket.close(code=4401)
        return
    reader = asyncio.ensure_future(_drain(websocket, phones, device))
    last = None
    try:
        while not phones.hub.closed:
            view = json.dumps(phones.view(device))
            if view != last:
                await websocket.send_text(view)
                last = view
            waiter = asyncio.ensure_future(phones.hub.event.wait())
            done, _ = await asyncio.wait({waiter, reader}, return_when=asyncio.FIRST_COMPLETED)
            if reader in done:
                waiter.cancel()
                return
        await websocket.close(code=1001)
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        reader.cancel()


async def _drain(websocket: WebSocket, phones, device) -> None:
    """Read (and drop) what the phone sends, until it goes; a phone that floods is cut off."""
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return
        if not phones.by_device.allow(device.id):
            await websocket.close(code=4429)
            return
