"""The phone server's ASGI app (Starlette): the page, its JSON API and a live WebSocket.

Every request that acts names its device by the token it got on joining (header
``Authorization: Bearer TOKEN``); bodies are small JSON objects, read up to ``MAX_BODY``;
each device and each address is throttled. Engine and store work runs on the event loop's
own thread (async endpoints only), as the SQLite connection must stay on one thread.
"""
from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket

from .ballot import BallotClosed, ForeignChoice
from .errors import refuse
from .limits import MAX_BODY, Throttle
from .live import Hub, live_endpoint
from .play import StepRefused
from .room import SOLO, VOTE, Room, RoomFull, RoundClosed
from .security import SecurityHeaders
from .solo import SoloRound, StaleStep
from .tokens import normal_code
from .views import phone_view

STATIC = Path(__file__).parent / "static"


class TooLarge(Exception):
    pass


class BadRequest(Exception):
    pass


async def read_json(request: Request) -> dict:
    """The body as a JSON object, read no further than ``MAX_BODY`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise TooLarge()
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise TooLarge()
    try:
        data = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest() from None
    if not isinstance(data, dict):
        raise BadRequest()
    return data


class PhoneApp:
    """The endpoints, bound to one room (and, in solo mode, its round)."""

    def __init__(self, room: Room, solo: SoloRound | None = None):
        self.room, self.solo = room, solo
        limits = room.limits
        self.by_device = Throttle(limits.device_rate, limits.device_burst)
        self.by_address = Throttle(limits.address_rate, limits.address_burst)
        self.hub = Hub()

    def address(self, request) -> str:
        return request.client.host if request.client else "?"

    def authorised(self, request: Request):
        """(device, refusal): the device of the request's token, else the response."""
        header = request.headers.get("authorization", "")
        token = header[7:] if header.lower().startswith("bearer ") else None
        if not token:
            if not self.by_address.allow(self.address(request)):
                return None, refuse("too_many")
            return None, refuse("no_token")
        device = self.room.device(token)
        if device is None:
            if not self.by_address.allow(self.address(request)):
                return None, refuse("too_many")
            return None, refuse("bad_token")
        if not self.by_device.allow(device.id):
            return None, refuse("too_many")
        return device, None

    def view(self, device) -> dict:
        return phone_view(self.room, device, self.solo)

    # ---- endpoints ------------------------------------------------------------------------
    async def page(self, request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def join(self, request: Request) -> Response:
        if not self.by_address.allow(self.address(request)):
            return refuse("too_many")
        data = await read_json(request)
        code = data.get("code")
        if not isinstance(code, str) or not normal_code(code):
            return refuse("no_code")
        if normal_code(code) != self.room.code:
            return refuse("wrong_code")
        lang = data.get("lang") if isinstance(data.get("lang"), str) else ""
        try:
            device, token = self.room.join(data.get("name", ""), lang)
        except RoomFull:
            return refuse("room_full")
        return JSONResponse({"token": token, **self.view(device)})

    async def state(self, request: Request) -> Response:
        device, refusal = self.authorised(request)
        if refusal:
            return refusal
        return JSONResponse(self.view(device))

    async def vote(self, request: Request) -> Response:
        device, refusal = self.authorised(request)
        if refusal:
            return refusal
        data = await read_json(request)
        ballot, letter = data.get("ballot"), data.get("option")
        if type(ballot) is not int or not isinstance(letter, str):
            return refuse("bad_request")
        if self.room.mode != VOTE:
            return refuse("wrong_mode")
        try:
            self.room.cast(device, ballot, letter)
        except BallotClosed:
            return refuse("closed", state=self.view(device))
        except ForeignChoice:
            return refuse("foreign_option")
        return JSONResponse(self.view(device))

    async def language(self, request: Request) -> Response:
        device, refusal = self.authorised(request)
        if refusal:
            return refusal
        data = await read_json(request)
        if not isinstance(data.get("lang"), str) or not self.room.set_language(device,
                                                                                data["lang"]):
            return refuse("bad_request")
        if self.solo is not None:
            self.solo.set_language(device)
        return JSONResponse(self.view(device))

    async def step(self, request: Request) -> Response:
        device, refusal = self.authorised(request)
        if refusal:
            return refusal
        data = await read_json(request)
        seq, choice = data.get("seq"), data.get("choice")
        if type(seq) is not int or not (choice is None or isinstance(choice, str)):
            return refuse("bad_request")
        if self.room.mode != SOLO or self.solo is None:
            return refuse("wrong_mode")
        try:
            self.solo.step(device, seq, choice)
        except RoundClosed:
            return refuse("round_closed", state=self.view(device))
        except StaleStep:
            return refuse("stale", state=self.view(device))
        except StepRefused:
            return refuse("not_offered")
        return JSONResponse(self.view(device))

    async def live(self, websocket: WebSocket) -> None:
        await live_endpoint(self, websocket)


def build_app(room: Room, solo: SoloRound | None = None) -> Starlette:
    phones = PhoneApp(room, solo)

    def guarded(handler):
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(request)
            except TooLarge:
                return refuse("too_large")
            except BadRequest:
                return refuse("bad_request")
        return endpoint

    @asynccontextmanager
    async def lifespan(app):
        loop = asyncio.get_running_loop()
        phones.hub.bind(loop)
        room.on_change = phones.hub.notify_threadsafe
        try:
            yield
        finally:
            room.on_change = lambda: None
            phones.hub.shut()
            if solo is not None:
                solo.close()

    routes = [
        Route("/", phones.page),
        Route("/r/{code}", phones.page),
        Route("/api/join", guarded(phones.join), methods=["POST"]),
        Route("/api/state", guarded(phones.state)),
        Route("/api/vote", guarded(phones.vote), methods=["POST"]),
        Route("/api/step", guarded(phones.step), methods=["POST"]),
        Route("/api/lang", guarded(phones.language), methods=["POST"]),
        WebSocketRoute("/api/live", phones.live),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.phones = phones
    return SecurityHeaders(app)
