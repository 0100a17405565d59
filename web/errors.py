"""The refusals a phone can get: an HTTP status and a stable code the page translates."""
from __future__ import annotations

from starlette.responses import JSONResponse

REFUSALS = {
    "bad_request": (400, "the request is not a JSON object with the fields expected"),
    "no_code": (400, "give the room code"),
    "wrong_code": (403, "no room with that code"),
    "no_token": (401, "join the room first"),
    "bad_token": (401, "this device is not in the room (join again)"),
    "closed": (409, "the vote is closed"),
    "stale": (409, "the page was behind; here is where you are"),
    "round_closed": (409, "the facilitator closed the round"),
    "wrong_mode": (409, "the room does not do that now"),
    "foreign_option": (422, "that is not one of the options"),
    "not_offered": (422, "that choice is not on offer now"),
    "too_large": (413, "the request is too large"),
    "too_many": (429, "too many requests; wait a moment"),
    "room_full": (503, "the room is full"),
}


def refuse(code: str, **extra) -> JSONResponse:
    status, message = REFUSALS[code]
    headers = {"Retry-After": "2"} if status == 429 else None
    return JSONResponse({"error": code, "message": message, **extra}, status_code=status,
                        headers=headers)
