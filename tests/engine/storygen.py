"""Random scenarios for differential tests: valid by construction (every scene reachable,
every scene with a way on), with what makes stepping hard — conditions on meters, flags,
visits and earlier choices, effects that clamp, on_enter effects, routers, scenes that only
continue, seeded chance and loops back."""
from __future__ import annotations

import random

import yaml


def story(seed: int, scenes: int = 12) -> str:
    rnd = random.Random(seed)
    meters = {f"m{i}": {"label": f"M{i}", "start": rnd.randint(0, 10) * 10, "min": 0,
                        "max": 100} for i in range(3)}
    flags = [f"f{i}" for i in range(3)]
    ids = [f"s{i}" for i in range(scenes)]
    endings = {f"e{i}": {"title": f"E{i}", "text": f"einde {i}"} for i in range(3)}
    made: list[tuple[str, str]] = []

    def effects():
        out = {m: rnd.choice([-40, -15, -5, 5, 15, 40]) for m in rnd.sample(sorted(meters), rnd.randint(0, 2))}
        if rnd.random() < 0.4:
            out["set"] = [rnd.choice(flags)]
        if rnd.random() < 0.2:
            out["clear"] = [rnd.choice(flags)]
        return out

    def condition(i: int) -> str:
        kinds = ["meter", "flag", "meter and flag"]
        if i > 1:
            kinds.append("visited")
        if made:
            kinds.append("chosen")
        kind = rnd.choice(kinds)
        m, f = rnd.choice(sorted(meters)), rnd.choice(flags)
        op = rnd.choice([">=", "<", ">", "<=", "==", "!="])
        if kind == "meter":
            return f"{m} {op} {rnd.randint(0, 10) * 10}"
        if kind == "flag":
            return f"not {f}" if rnd.random() < 0.5 else f
        if kind == "visited":
            return f"visited({rnd.choice(ids[:i])})"
        if kind == "chosen":
            s, c = rnd.choice(made)
            return f"chosen({s}, {c})"
        return f"{m} {op} {rnd.randint(0, 10) * 10} or {f}"

    def target(i: int) -> str:
        r = rnd.random()
        if i + 1 >= len(ids) or r < 0.12:
            return rnd.choice(sorted(endings))
        if r < 0.2 and i > 2:
            return rnd.choice(ids[1:i])  # a loop back
        return ids[min(len(ids) - 1, i + 1 + int(rnd.random() * 3))]

    body = {}
    for i, sid in enumerate(ids):
        nxt = ids[i + 1] if i + 1 < len(ids) else sorted(endings)[0]
        scene: dict = {"text": f"scene {i}"}
        if rnd.random() < 0.3:
            scene["on_enter"] = effects()
        kind = rnd.random() if i + 1 < len(ids) else 1.0  # the last scene leads to every ending
        if kind < 0.2:  # a router (no text) or a scene that only continues
            if rnd.random() < 0.5:
                scene["text"] = ""
            routes = []
            for _ in range(rnd.randint(0, 2)):
                r = {"goto": target(i)}
                if rnd.random() < 0.5:
                    r["if"] = condition(i)
                else:
                    r["chance"] = rnd.choice([0, 25, 50, 100])
                routes.append(r)
            routes.append({"goto": nxt})
            scene["next"] = routes
        else:
            choices = [{"id": "verder", "text": "verder", "goto": nxt, "effects": effects()}]
            if i + 1 == len(ids):
                choices += [{"id": f"naar_{e}", "text": e, "goto": e} for e in sorted(endings)[1:]]
            for k in range(rnd.randint(1, 3)):
                c = {"id": f"c{k}", "text": f"keuze {k}", "goto": target(i), "effects": effects()}
                if rnd.random() < 0.5:
                    c["if"] = condition(i)
                choices.append(c)
            rnd.shuffle(choices)
            scene["choices"] = choices
            made += [(sid, c["id"]) for c in choices]
        body[sid] = scene
    doc = {"format": 1, "id": f"gen{seed}", "title": f"Gen {seed}", "languages": ["nl"],
           "meters": meters, "flags": flags, "start": ids[0], "scenes": body,
           "endings": endings}
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
