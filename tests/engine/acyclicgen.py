"""Random scenarios without loops for the class explorer's differential test: every
condition is one the decision diagrams can express (comparisons with numbers of meters,
flags, ``visits()``, ``visited()``, ``chosen()``, ``missteps()``), so the classes really
run. Routers (the start one too) whose conditions read meters and flags, chance routes (0, 30, 100), routes
that can leave the play stuck, ``on_enter`` effects that add to meters and set a meter to
a value, choice scenes whose every choice is guarded (a possible soft-lock), missteps,
and claims on the endings (some with arithmetic)."""
from __future__ import annotations

import random

import yaml

METERS = {"a": (0, 100, 50), "b": (-20, 20, 0), "c": (0, 10, 3)}
FLAGS = ["f", "g", "h"]
ENDINGS = ["e0", "e1", "e2"]
OPS = [">=", "<", ">", "<=", "==", "!="]


class _Story:
    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        self.ids = [f"s{i}" for i in range(rnd.randint(4, 9))]
        self.made: list[tuple[str, str]] = []  # (scene, choice) of the scenes before

    def atom(self, i: int) -> str:
        rnd = self.rnd
        kinds = ["meter", "meter", "flag", "flag", "missteps"]
        if i > 0:
            kinds += ["visits", "visited"]
        if self.made:
            kinds += ["chosen", "chosen"]
        kind = rnd.choice(kinds)
        if kind == "meter":
            m = rnd.choice(sorted(METERS))
            lo, hi, _ = METERS[m]
            k = rnd.randint(lo - 3, hi + 3)
            if k < 0 and rnd.random() < 0.8:  # "-5" is "-" applied to 5: no classes for it
                k = -k
            return f"{m} {rnd.choice(OPS)} {k}"
        if kind == "flag":
            return rnd.choice(["", "not "]) + rnd.choice(FLAGS)
        if kind == "missteps":
            return f"missteps() {rnd.choice(OPS)} {rnd.randint(0, 3)}"
        if kind == "chosen":
            s, c = rnd.choice(self.made)
            return rnd.choice(["", "not "]) + f"chosen({s}, {c})"
        sid = rnd.choice(self.ids[:i])
        if kind == "visited":
            return rnd.choice(["", "not "]) + f"visited({sid})"
        return f"visits({sid}) {rnd.choice(OPS)} {rnd.randint(0, 2)}"

    def condition(self, i: int) -> str:
        out = self.atom(i)
        for _ in range(self.rnd.choice([0, 0, 1, 2])):
            out = f"({out}) {self.rnd.choice(['and', 'or'])} {self.atom(i)}"
        return out

    def claim(self) -> str:
        """A claim: a condition, or now and then arithmetic (claims are proved over the
        graph, not read by the diagrams, so any condition will do)."""
        rnd, sid = self.rnd, self.rnd.choice(self.ids)
        if rnd.random() < 0.7:
            return self.condition(len(self.ids))
        return rnd.choice([f"a + b > {rnd.randint(20, 90)}", f"a - c * 3 < {rnd.randint(10, 80)}",
                           f"-b > {rnd.randint(-5, 5)}", f"visits({sid}) + missteps() >= 2",
                           f"(missteps() == 0 or c > 4) and b > -{rnd.randint(0, 15)}"])

    def effects(self) -> dict:
        rnd = self.rnd
        out: dict = {}
        for m in rnd.sample(sorted(METERS), rnd.randint(0, 2)):
            lo, hi, _ = METERS[m]
            if rnd.random() < 0.25:
                out.setdefault("set", {})[m] = rnd.randint(lo, hi)
            else:
                out[m] = rnd.randint(-(hi - lo) // 2, (hi - lo) // 2)
        if rnd.random() < 0.35:
            flag = rnd.choice(FLAGS)
            if "set" in out:
                out["set"][flag] = rnd.random() < 0.5
            else:
                out[rnd.choice(["set", "clear"])] = [flag]
        return out

    def target(self, i: int) -> str:
        later = self.ids[i + 1:]
        if not later or self.rnd.random() < 0.2:
            return self.rnd.choice(ENDINGS)
        return self.rnd.choice(later)

    def router(self, i: int) -> dict:
        rnd = self.rnd
        routes = []
        for _ in range(rnd.randint(1, 3)):
            r: dict = {}
            if rnd.random() < 0.7:
                r["if"] = self.condition(i)
            if rnd.random() < 0.35:
                r["chance"] = rnd.choice([0, 30, 30, 100])
            r["goto"] = self.target(i)
            routes.append(r)
        last: dict = {"goto": self.ids[i + 1]}
        if rnd.random() < 0.3:  # no sure way on: the play can be stuck here
            last = {"if": self.condition(i)} if rnd.random() < 0.6 else {"chance": 30}
            last["goto"] = self.ids[i + 1]
        return {"text": rnd.choice(["", "R"]), "next": routes + [last]}

    def decision(self, i: int) -> dict:
        rnd = self.rnd
        sid, last = self.ids[i], i == len(self.ids) - 1
        guarded = rnd.random() < 0.12  # every choice guarded: a soft-lock can happen
        choices = []
        for k in range(rnd.randint(1, 3) if not last else 3):
            goto = ENDINGS[k] if last else self.ids[i + 1] if k == 0 else self.target(i)
            c: dict = {"id": f"k{k}", "text": f"C{k}", "goto": goto}
            if guarded or (k and rnd.random() < 0.45):
                c["if"] = self.condition(i)
            eff = self.effects()
            if eff:
                c["effects"] = eff
            if rnd.random() < 0.3:
                c["misstep"] = True
            choices.append(c)
        self.made += [(sid, c["id"]) for c in choices]
        return {"text": "T", "choices": choices}

    def document(self) -> dict:
        rnd = self.rnd
        scenes = {}
        for i, sid in enumerate(self.ids):
            router = i < len(self.ids) - 1 and rnd.random() < (0.35 if i else 0.2)
            scene = self.router(i) if router else self.decision(i)
            if rnd.random() < 0.35:
                scene = {"on_enter": self.effects() or {"a": 5}, **scene}
            scenes[sid] = scene
        endings = {}
        for e in ENDINGS:
            endings[e] = {"title": "E", "text": e}
            if rnd.random() < 0.7:
                endings[e]["requires"] = self.claim()
        return {"format": 1, "id": "gen", "title": "Gen", "languages": ["nl"],
                "meters": {m: {"label": m, "start": s, "min": lo, "max": hi}
                           for m, (lo, hi, s) in METERS.items()},
                "flags": FLAGS, "start": self.ids[0], "scenes": scenes, "endings": endings}


def generate(seed: int) -> str:
    """A scenario text without loops (it may not check: see ``valid_scenario``)."""
    doc = _Story(random.Random(seed)).document()
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
