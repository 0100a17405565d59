"""Saves: a ``PlayState`` as versioned JSON tied to its scenario, and back — checked whole.

The JSON holds one key per ``PlayState`` field (the table ``_CODECS`` below must name every
field, which is checked when this module is imported), plus the format, its version and the
scenario's id, version and content hash. A save is untrusted input: ``restore`` checks every
value against the scenario (types, ranges, known scenes and choices, a consistent history)
and raises ``SaveError`` with the path of the first bad value, never a raw ``KeyError``.
With ``strict`` (the default) it also replays the saved decisions and insists that the
result is the saved state, so a save cannot claim a meter value its own decisions did not
produce. ``engine/schema/save.schema.json`` describes the format for other tools.
"""
from __future__ import annotations

import math

from .errors import SaveError
from .model import Scenario
from .state import STATE_FIELDS, Decision, Phase, PlayState

SAVE_FORMAT = "weerbaar-session"
SAVE_VERSION = 1
MAX_SEED = 2**63 - 1
MAX_HISTORY = 100_000


def _pairs_out(chosen):
    return sorted([a, b] for a, b in chosen)


def _decisions_out(decisions):
    return [d.to_dict() for d in decisions]


_CODECS = {  # field -> (to JSON, from checked JSON)
    "scene": (str, str),
    "seed": (int, int),
    "phase": (lambda p: p.value, Phase),
    "step": (int, int),
    "vars": (dict, dict),
    "visits": (dict, dict),
    "chosen": (_pairs_out, lambda v: {(a, b) for a, b in v}),
    "decisions": (_decisions_out, lambda v: [Decision.from_dict(d) for d in v]),
    "undone": (_decisions_out, lambda v: [Decision.from_dict(d) for d in v]),
    "causes": (lambda c: {k: list(v) for k, v in c.items()}, lambda c: {k: tuple(v) for k, v in c.items()}),
    "arrivals": (dict, dict),
}
if set(_CODECS) != set(STATE_FIELDS):  # pragma: no cover - a field added without a codec
    raise ImportError(f"engine.saves: no codec for {sorted(set(STATE_FIELDS) ^ set(_CODECS))}")


def to_dict(state: PlayState, scenario: Scenario) -> dict:
    """The whole state as JSON-ready plain data, versioned and tied to the scenario."""
    out = {"format": SAVE_FORMAT, "version": SAVE_VERSION,
           "scenario": {"id": scenario.id, "version": scenario.version,
                        "hash": scenario.content_hash}}
    for name in STATE_FIELDS:
        out[name] = _CODECS[name][0](getattr(state, name))
    return out


def from_dict(data, scenario: Scenario, *, strict: bool = True) -> PlayState:
    """The state a save holds, checked against ``scenario``; ``SaveError`` if anything is off."""
    _check_header(data, scenario, strict)
    _Checker(scenario).state(data)
    return PlayState(**{name: _CODECS[name][1](data[name]) for name in STATE_FIELDS})


def _check_header(data, scenario: Scenario, strict: bool) -> None:
    if not isinstance(data, dict):
        raise SaveError("", f"expected an object (got {type(data).__name__})")
    if data.get("format") != SAVE_FORMAT or data.get("version") != SAVE_VERSION:
        raise SaveError("format", f"not a {SAVE_FORMAT} v{SAVE_VERSION} save")
    meta = data.get("scenario")
    if not isinstance(meta, dict) or not all(isinstance(meta.get(k), str) for k in ("id", "hash")):
        raise SaveError("scenario", "expected an object with 'id' and 'hash'")
    if meta["id"] != scenario.id:
        raise SaveError("scenario.id", f"the save is of scenario '{meta['id']}', not '{scenario.id}'")
    if strict and meta["hash"] != scenario.content_hash:
        raise SaveError("scenario.hash", f"the scenario changed since the save (hash {meta['hash']} "
                        f"!= {scenario.content_hash}); replay the decisions instead")
    missing = [k for k in STATE_FIELDS if k not in data]
    if missing:
        raise SaveError(missing[0], "missing")


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class _Checker:
    """Checks the JSON of a save against one scenario; raises SaveError at the first fault."""

    def __init__(self, scenario: Scenario):
        self.s = scenario
        self.nodes = set(scenario.scenes) | set(scenario.endings)

    def fail(self, path: str, message: str):
        raise SaveError(path, message)

    def integer(self, value, path: str, lo: int, hi: int) -> int:
        if type(value) is not int:
            self.fail(path, f"expected a whole number (got {_short(value)})")
        if not lo <= value <= hi:
            self.fail(path, f"expected {lo}..{hi} (got {value})")
        return value

    def seq(self, value, path: str, limit: int = MAX_HISTORY) -> list:
        if not isinstance(value, list):
            self.fail(path, f"expected a list (got {_short(value)})")
        if len(value) > limit:
            self.fail(path, f"more than {limit} entries")
        return value

    def node(self, value, path: str) -> str:
        if not isinstance(value, str) or value not in self.nodes:
            self.fail(path, f"unknown scene or ending {_short(value)}")
        return value

    def choice(self, scene: str, value, path: str) -> str:
        node = self.s.scenes.get(scene)
        if node is None or not isinstance(value, str) or value not in {c.id for c in node.choices}:
            self.fail(path, f"scene '{scene}' has no choice {_short(value)}")
        return value

    def state(self, d: dict) -> None:
        self.integer(d["seed"], "seed", -MAX_SEED, MAX_SEED)
        scene = self.node(d["scene"], "scene")
        if not isinstance(d["phase"], str) or d["phase"] not in {p.value for p in Phase}:
            self.fail("phase", f"expected one of scene, consequence, ended (got {_short(d['phase'])})")
        if (d["phase"] == Phase.ENDED.value) != (scene in self.s.endings):
            self.fail("phase", f"'{d['phase']}' does not fit '{scene}'"
                      f" ({'an ending' if scene in self.s.endings else 'not an ending'})")
        self.integer(d["step"], "step", 0, 10 * MAX_HISTORY)
        self.vars(d["vars"], "vars")
        self.visits(d["visits"])
        for i, pair in enumerate(self.seq(d["chosen"], "chosen")):
            if not isinstance(pair, list) or len(pair) != 2:
                self.fail(f"chosen[{i}]", f"expected [scene, choice] (got {_short(pair)})")
            self.choice(self.node(pair[0], f"chosen[{i}][0]"), pair[1], f"chosen[{i}][1]")
        n = len(self.seq(d["decisions"], "decisions"))
        for key in ("decisions", "undone"):
            for i, dec in enumerate(self.seq(d[key], key)):
                self.decision(dec, f"{key}[{i}]", i if key == "decisions" else None)
        if d["phase"] == Phase.CONSEQUENCE.value and n == 0:
            self.fail("phase", "'consequence' with no decision taken")
        self.index_map(d["causes"], "causes", set(d["vars"]), n, many=True)
        self.index_map(d["arrivals"], "arrivals", self.nodes, n, many=False)

    def vars(self, value, path: str) -> None:
        if not isinstance(value, dict):
            self.fail(path, f"expected an object (got {_short(value)})")
        expected = set(self.s.meters) | set(self.s.flags)
        if set(value) != expected:
            odd = sorted(set(value) ^ expected)
            self.fail(path, f"the meters and flags do not match the scenario ({', '.join(map(str, odd[:5]))})")
        for name, meter in self.s.meters.items():
            self.integer(value[name], f"{path}.{name}", meter.min, meter.max)
        for flag in self.s.flags:
            if type(value[flag]) is not bool:
                self.fail(f"{path}.{flag}", f"expected true or false (got {_short(value[flag])})")

    def visits(self, value) -> None:
        if not isinstance(value, dict):
            self.fail("visits", f"expected an object (got {_short(value)})")
        for node, count in value.items():
            self.node(node, "visits")
            self.integer(count, f"visits.{node}", 1, 10 * MAX_HISTORY)

    def decision(self, d, path: str, index: int | None) -> None:
        if not isinstance(d, dict):
            self.fail(path, f"expected an object (got {_short(d)})")
        for key in ("index", "scene", "choice", "offered", "hidden", "target", "before", "after"):
            if key not in d:
                self.fail(f"{path}.{key}", "missing")
        self.integer(d["index"], f"{path}.index", 0, MAX_HISTORY)
        if index is not None and d["index"] != index:
            self.fail(f"{path}.index", f"expected {index} (got {d['index']})")
        scene = self.node(d["scene"], f"{path}.scene")
        self.choice(scene, d["choice"], f"{path}.choice")
        for key in ("offered", "hidden"):
            for i, c in enumerate(self.seq(d[key], f"{path}.{key}", 1000)):
                self.choice(scene, c, f"{path}.{key}[{i}]")
        self.node(d["target"], f"{path}.target")
        self.vars(d["before"], f"{path}.before")
        self.vars(d["after"], f"{path}.after")
        self.integer(d.get("step", 0), f"{path}.step", 0, 10 * MAX_HISTORY)
        seconds = d.get("seconds")
        if seconds is not None and (type(seconds) not in (int, float) or not math.isfinite(seconds)
                                    or seconds < 0):
            self.fail(f"{path}.seconds", f"expected a number of seconds >= 0 (got {_short(seconds)})")
        if type(d.get("timed_out", False)) is not bool:
            self.fail(f"{path}.timed_out", "expected true or false")

    def index_map(self, value, path: str, keys: set, n: int, many: bool) -> None:
        if not isinstance(value, dict):
            self.fail(path, f"expected an object (got {_short(value)})")
        for key, v in value.items():
            if key not in keys:
                self.fail(path, f"unknown name {_short(key)}")
            if n == 0:
                self.fail(f"{path}.{key}", "names a decision, but none was taken")
            for i in (self.seq(v, f"{path}.{key}") if many else [v]):
                self.integer(i, f"{path}.{key}", 0, max(n - 1, 0))
