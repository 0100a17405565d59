"""JSON in the database and in exports: one compact, stable encoding."""
from __future__ import annotations

import json


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str | None, default=None):
    return default if text is None else json.loads(text)
