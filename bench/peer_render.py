#!/usr/bin/env python3
"""Render the peer benchmark's abstract story graph (``scenario-graph/1`` JSON, made by
``../shared/peer-bench/gen_story.py``) as a Weerbaar scenario file, so that inkjs and
Weerbaar load and play the same story.

    python bench/peer_render.py story.json -o story.yaml
"""
from __future__ import annotations

import argparse
import json


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def condition(clauses) -> str | None:
    if not clauses:
        return None
    out = []
    for c in clauses:
        if c["op"] == "==" and isinstance(c["value"], bool):
            out.append(c["var"] if c["value"] else f"not {c['var']}")
        else:
            out.append(f"{c['var']} {c['op']} {c['value']}")
    return " and ".join(out)


def effects(items) -> str | None:
    adds, sets, clears = [], [], []
    for e in items:
        if e["op"] == "add":
            adds.append(f"{e['var']}: {e['value']}")
        elif e["value"]:
            sets.append(e["var"])
        else:
            clears.append(e["var"])
    parts = adds + ([f"set: [{', '.join(sets)}]"] if sets else []) \
        + ([f"clear: [{', '.join(clears)}]"] if clears else [])
    return "{" + ", ".join(parts) + "}" if parts else None


def render(doc: dict) -> str:
    lo, hi = doc["meter_min"], doc["meter_max"]
    out = ["format: 1", f"id: peer-{doc['params']['n']}", 'title: "Peer benchmark story"',
           "languages: [nl]", "meters:"]
    for name, start in doc["meters"].items():
        out.append(f"  {name}: {{label: {name}, start: {start}, min: {lo}, max: {hi}}}")
    out.append(f"flags: [{', '.join(doc['flags'])}]")
    out.append(f"start: {doc['start']}")
    out.append("scenes:")
    endings = []
    for s in doc["scenes"]:
        if s["ending"]:
            endings.append(s)
            continue
        out.append(f"  {s['id']}:")
        out.append(f"    text: {q(s['text'])}")
        out.append("    choices:")
        for k, c in enumerate(s["choices"], 1):
            fields = [f"id: c{k}", f"text: {q(c['text'])}"]
            cond = condition(c["condition"])
            if cond:
                fields.append(f"if: {q(cond)}")
            eff = effects(c["effects"])
            if eff:
                fields.append(f"effects: {eff}")
            fields.append(f"goto: {c['target']}")
            out.append("      - {" + ", ".join(fields) + "}")
    out.append("endings:")
    for s in endings:
        out.append(f"  {s['id']}: {{title: {q(s['id'])}, text: {q(s['text'])}}}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("story")
    ap.add_argument("-o", "--out", required=True)
    a = ap.parse_args()
    with open(a.story, encoding="utf-8") as f:
        doc = json.load(f)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(render(doc))


if __name__ == "__main__":
    main()
