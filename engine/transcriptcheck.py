"""Lint for golden transcript files (``NAME.transcripts.yaml`` beside ``NAME.yaml``).

``weerbaar lint`` checks a transcripts file as one: its form (as ``weerbaar test`` reads
it), and that every choice, scene, meter, flag and ending it names exists in the scenario
beside it. Whether the playthroughs still come out as recorded is ``weerbaar test``'s job.
"""
from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostic, DiagnosticCollector
from .loader import check_file
from .readers import did_you_mean
from .model import Scenario
from .transcript import read_transcripts_text
from .yamlsource import YList, YMap, read_yaml

SUFFIXES = (".transcripts.yaml", ".transcripts.yml")


def is_transcripts(path: str | Path) -> bool:
    return str(path).endswith(SUFFIXES)


def scenario_beside(path: str | Path) -> Path:
    p = Path(path)
    name = p.name
    for suffix in SUFFIXES:
        name = name.removesuffix(suffix)
    return p.with_name(name + ".yaml")


def check_transcripts_file(path: str) -> list[Diagnostic]:
    collector = DiagnosticCollector(str(path))
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        collector.error("E025", f"cannot read the transcripts: {exc}", (0, 0), "check the path")
        return collector.sorted()
    beside = scenario_beside(path)
    if not beside.is_file():
        collector.error("E025", f"the scenario of these transcripts, {beside.name}, is not beside "
                     "them", (0, 0), "keep NAME.transcripts.yaml in the folder of NAME.yaml")
        return collector.sorted()
    scenario, _ = check_file(str(beside))
    return check_transcripts_text(text, str(path), scenario)


def check_transcripts_text(text: str, path: str, scenario: Scenario | None) -> list[Diagnostic]:
    """Problems in a transcripts file; names are checked when its scenario loads."""
    collector = DiagnosticCollector(path)
    read_transcripts_text(text, collector)
    if collector.has_errors or scenario is None:
        return collector.sorted()
    doc = read_yaml(text, DiagnosticCollector(path))
    for t in doc["transcripts"]:
        if isinstance(t, YMap):
            _names(t, scenario, collector)
    return collector.sorted()


def _names(t: YMap, scenario: Scenario, collector: DiagnosticCollector) -> None:
    choices = {c.id for scene in scenario.scenes.values() for c in scene.choices}
    for i, cid in enumerate(t["choices"]):
        if str(cid) not in choices:
            collector.error("E012", f"unknown choice '{cid}' in transcript '{t.get('name', '')}'",
                         t["choices"].at(i), did_you_mean(cid, choices)
                         or f"no scene of '{scenario.id}' has a choice with this id")
    expect = t.get("expect")
    if not isinstance(expect, YMap):
        return
    nodes = set(scenario.scenes) | set(scenario.endings)
    scenes = expect.get("scenes")
    for i, sid in enumerate(scenes if isinstance(scenes, YList) else ()):
        if sid not in nodes:
            collector.error("E012", f"unknown scene '{sid}' in expect scenes", scenes.at(i),
                         did_you_mean(sid, nodes) or "name a scene or an ending")
    ending = expect.get("ending")
    if ending is not None and ending not in scenario.endings:
        collector.error("E012", f"unknown ending '{ending}' in expect", expect.at("ending"),
                     did_you_mean(ending, scenario.endings) or "name an ending")
    for key, names in (("meters", scenario.meters), ("flags", scenario.flags)):
        m = expect.get(key)
        for name in (m if isinstance(m, YMap) else ()):
            if name not in names:
                collector.error("E011", f"unknown {key[:-1]} '{name}' in expect {key}", m.key_at(name),
                             did_you_mean(name, names) or f"name one of the scenario's {key}")
