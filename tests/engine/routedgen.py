"""Random scenarios without loops where every step may end in a router that a chance route or
a path fact sends into an ending or on, and whose claims read the path (flags, choices
taken, missteps, visits) more than meters: what the claims check has to tell apart when one
step can end in several endings. For the class explorer's brute-force test."""
from __future__ import annotations

import random

import yaml

ENDINGS = ["e0", "e1", "e2", "e3"]


def _facts(rnd: random.Random, made: list):
    """A maker of conditions on path facts, over the choices ``made`` so far."""
    def fact() -> str:
        kinds = ["flag", "missteps"] + (["chosen", "visited"] if made else [])
        kind = rnd.choice(kinds)
        neg = rnd.choice(["", "not "])
        if kind == "flag":
            return neg + rnd.choice(["f", "g"])
        if kind == "missteps":
            return f"missteps() {rnd.choice(['>=', '<', '=='])} {rnd.randint(0, 2)}"
        s, c = rnd.choice(made)
        return neg + (f"chosen({s}, {c})" if kind == "chosen" else f"visited(r{s[1:]})")
    return fact


def _choices(rnd: random.Random, i: int, nxt: str, fact) -> list:
    choices = []
    for k in range(rnd.randint(1, 3)):
        goto = f"r{i}" if k == 0 or rnd.random() < 0.6 else nxt
        c: dict = {"id": f"k{k}", "text": "C", "goto": goto}
        if k and rnd.random() < 0.3:
            c["if"] = fact()
        if rnd.random() < 0.5:
            c["effects"] = {rnd.choice(["set", "clear"]): [rnd.choice(["f", "g"])],
                            "a": rnd.choice([-3, 4])}
        if rnd.random() < 0.35:
            c["misstep"] = True
        choices.append(c)
    return choices


def _routes(rnd: random.Random, nxt: str, fact) -> list:
    routes = []
    for _ in range(rnd.randint(1, 3)):
        r: dict = {"goto": rnd.choice(ENDINGS + [nxt])}
        if rnd.random() < 0.6:
            r["chance"] = rnd.choice([0, 30, 30, 100])
        if rnd.random() < 0.4 or "chance" not in r:
            r["if"] = fact()
        routes.append(r)
    last = {"goto": nxt} if rnd.random() < 0.85 else {"goto": nxt, "if": fact()}
    return routes + [last]


def routed(seed: int) -> str:
    """Decision scenes ``s<i>``, each followed by a router ``r<i>`` (chance 0, 30 or 100,
    or a path fact, into an ending or on; sometimes no sure way on), endings with claims."""
    rnd = random.Random(seed)
    n = rnd.randint(2, 5)
    made: list = []
    fact = _facts(rnd, made)
    scenes: dict = {}
    for i in range(n):
        nxt = f"s{i + 1}" if i + 1 < n else rnd.choice(ENDINGS)
        choices = _choices(rnd, i, nxt, fact)
        made += [(f"s{i}", c["id"]) for c in choices]
        scenes[f"s{i}"] = {"text": "T", "choices": choices}
        scenes[f"r{i}"] = {"text": "", "next": _routes(rnd, nxt, fact)}
    targets = {x["goto"] for sc in scenes.values()
               for x in sc.get("choices", []) + sc.get("next", [])}
    endings: dict = {}
    for e in [e for e in ENDINGS if e in targets]:  # an ending nothing leads to: an error
        endings[e] = {"title": "E", "text": e}
        if rnd.random() < 0.8:
            path = rnd.random() < 0.8
            endings[e]["requires"] = fact() if path else f"a {rnd.choice(['>=', '<'])} 5"
    doc = {"format": 1, "id": "routed", "title": "R", "languages": ["nl"],
           "meters": {"a": {"label": "a", "start": 5, "min": 0, "max": 10}},
           "flags": ["f", "g"], "start": "s0", "scenes": scenes, "endings": endings}
    return yaml.safe_dump(doc, sort_keys=False)
