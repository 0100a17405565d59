"""Room codes and device tokens.

A room code is random (``secrets``), from an alphabet without look-alikes (no 0/O, 1/I/L),
and shown only on the projector. A device that joins with it gets a token
``DEVICE.SIGNATURE``: the signature is an HMAC-SHA256 of the room code and the device id
under a secret made afresh for each workshop, so a token cannot be forged without the
secret and a token of another workshop (or another room) is not valid here.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
DEVICE_BYTES = 12
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$")


def new_room_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(max(CODE_LENGTH, length)))


def normal_code(text: str) -> str:
    """What a participant typed, as a code: upper case, without spaces or dashes."""
    return re.sub(r"[\s-]", "", text or "").upper()


class Signer:
    def __init__(self, room_code: str, secret: bytes | None = None):
        self.room_code = room_code
        self._secret = secret or secrets.token_bytes(32)

    @property
    def secret(self) -> bytes:
        """For keeping the room across a crash (``web.keep``), nothing else."""
        return self._secret

    def _signature(self, device: str) -> str:
        mac = hmac.new(self._secret, f"{self.room_code}:{device}".encode(), hashlib.sha256)
        return base64.urlsafe_b64encode(mac.digest()).decode().rstrip("=")

    def issue(self) -> tuple[str, str]:
        """A new device id and its token."""
        device = base64.urlsafe_b64encode(secrets.token_bytes(DEVICE_BYTES)).decode()
        return device, f"{device}.{self._signature(device)}"

    def device_of(self, token: object) -> str | None:
        """The device a token was issued to, or None for anything not signed here."""
        if not isinstance(token, str) or not TOKEN_PATTERN.match(token):
            return None
        device, signature = token.split(".")
        if not hmac.compare_digest(signature, self._signature(device)):
            return None
        return device
