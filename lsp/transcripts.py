"""Where a scenario's ids stand in its transcripts file, so that a rename reaches it too.

``NAME.transcripts.yaml`` names scenes and endings (``expect: scenes``, ``ending``), meters
and flags (``expect: meters``, ``flags``); choice ids are not renamed by the server.
"""
from __future__ import annotations

from pathlib import Path

from ..engine.diagnostics import DiagnosticCollector
from ..engine.transcript import transcripts_path
from ..engine.yamlsource import YList, YMap, read_yaml

from .index import Spot, value_column


def beside(scenario_path: str) -> Path | None:
    path = transcripts_path(scenario_path)
    return path if path.is_file() else None


def spots(text: str, kind: str, name: str) -> list[Spot]:
    doc = read_yaml(text, DiagnosticCollector("<transcripts>"))
    items = doc.get("transcripts") if isinstance(doc, YMap) else None
    lines = text.splitlines()
    out = []
    for t in items if isinstance(items, YList) else ():
        expect = t.get("expect") if isinstance(t, YMap) else None
        if not isinstance(expect, YMap):
            continue
        if kind in ("scene", "ending"):
            scenes = expect.get("scenes")
            for i, sid in enumerate(scenes if isinstance(scenes, YList) else ()):
                if sid == name:
                    out.append(_spot(lines, name, kind, scenes.at(i)))
            if kind == "ending" and expect.get("ending") == name:
                out.append(_spot(lines, name, kind, expect.at("ending")))
        elif kind in ("meter", "flag"):
            m = expect.get(f"{kind}s")
            if isinstance(m, YMap) and name in m:
                line, col = m.key_at(name)
                out.append(Spot(name, kind, line, col))
    return out


def _spot(lines: list[str], name: str, kind: str, pos: tuple[int, int]) -> Spot:
    return Spot(name, kind, pos[0], value_column(lines, pos))
