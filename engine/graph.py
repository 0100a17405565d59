"""The scene graph as Mermaid or Graphviz DOT text, with endings and problems marked.

transitions' own diagram extension (``GraphMachine``) was tried first: it needs a different
machine class, labels edges with trigger names and guard reprs (``begin/bellen [<lambda>]``)
and has no way to mark soft-locks or unreachable scenes, so authors learn little from it.
This module draws what an author needs: scenes, choice texts, route conditions, endings
coloured by tone, and the explorer's findings in red.
"""
from __future__ import annotations

from .inline import render
from .model import Scenario

TONE_COLOURS = {"good": "#2e7d32", "mixed": "#b26a00", "bad": "#c62828", "neutral": "#546e7a"}
PROBLEM = "#d32f2f"


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _edges(scenario: Scenario, lang: str):
    """(source, target, label, dashed) for every choice and route."""
    for sid, scene in scenario.scenes.items():
        for c in scene.choices:
            label = _short(render(c.text, None, lang, scenario.languages))
            if c.condition is not None:
                label += f" [if {c.condition.source}]"
            yield sid, c.goto, label, False
        for r in scene.next:
            parts = []
            if r.condition is not None:
                parts.append(f"if {r.condition.source}")
            if r.chance is not None:
                parts.append(f"{r.chance}%")
            yield sid, r.goto, " ".join(parts) or "→", True


def _mermaid_text(s: str) -> str:
    return s.replace('"', "#quot;").replace("\n", " ")


def to_mermaid(scenario: Scenario, lang: str | None = None, problems: frozenset = frozenset()) -> str:
    lang = lang or scenario.default_language
    out = ["flowchart TD"]
    for sid, scene in scenario.scenes.items():
        first = _short(render(scene.text[-1].text, None, lang, scenario.languages), 36)
        out.append(f'  {sid}["{sid}<br/><small>{_mermaid_text(first)}</small>"]')
    for eid, ending in scenario.endings.items():
        title = _mermaid_text(_short(ending.title.get(lang, scenario.languages), 36))
        out.append(f'  {eid}(["{title}"])')
    for a, b, label, dashed in _edges(scenario, lang):
        arrow = "-.->" if dashed else "-->"
        out.append(f'  {a} {arrow}|"{_mermaid_text(label)}"| {b}')
    for tone, colour in TONE_COLOURS.items():
        out.append(f"  classDef {tone} fill:{colour},color:#fff,stroke:{colour}")
    out.append(f"  classDef problem fill:#fff,stroke:{PROBLEM},stroke-width:3px,color:{PROBLEM}")
    for eid, ending in scenario.endings.items():
        out.append(f"  class {eid} {ending.tone}")
    for sid in sorted(problems):
        out.append(f"  class {sid} problem")
    return "\n".join(out) + "\n"


def _dot_text(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def to_dot(scenario: Scenario, lang: str | None = None, problems: frozenset = frozenset()) -> str:
    lang = lang or scenario.default_language
    out = [f'digraph "{_dot_text(scenario.id)}" {{', "  rankdir=TB;",
           '  node [shape=box, style="rounded", fontname="Helvetica"];',
           '  edge [fontname="Helvetica", fontsize=10];']
    for sid in scenario.scenes:
        attrs = f', color="{PROBLEM}", penwidth=3, fontcolor="{PROBLEM}"' if sid in problems else ""
        extra = " (start)" if sid == scenario.start else ""
        out.append(f'  "{sid}" [label="{sid}{extra}"{attrs}];')
    for eid, ending in scenario.endings.items():
        colour = TONE_COLOURS.get(ending.tone, TONE_COLOURS["neutral"])
        title = _dot_text(_short(ending.title.get(lang, scenario.languages), 36))
        out.append(f'  "{eid}" [label="{title}", shape=ellipse, style=filled, '
                   f'fillcolor="{colour}", fontcolor="white"];')
    for a, b, label, dashed in _edges(scenario, lang):
        style = ", style=dashed" if dashed else ""
        out.append(f'  "{a}" -> "{b}" [label="{_dot_text(label)}"{style}];')
    out.append("}")
    return "\n".join(out) + "\n"
