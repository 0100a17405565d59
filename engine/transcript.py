"""Golden transcripts: known playthroughs that authors keep next to a scenario.

``voorbeeld.transcripts.yaml`` beside ``voorbeeld.yaml`` lists playthroughs as choice ids
with what must come out: the scenes passed, meters, flags and the ending. After an edit,
``weerbaar test voorbeeld.yaml`` says at once which known playthrough changed, and how.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Reporter
from .model import Scenario
from .session import Session, SessionError
from .sourcefile import FileRefused, read_source
from .yamlsource import YList, YMap, read_yaml

MAX_TRANSCRIPT_BYTES = 16 * 2**20
TRANSCRIPT_KEYS = {"name", "seed", "choices", "expect"}
EXPECT_KEYS = {"scenes", "meters", "flags", "ending"}


@dataclass
class Transcript:
    name: str
    choices: list[str]
    seed: int = 0
    expect: dict = field(default_factory=dict)
    line: int = 0


@dataclass
class Result:
    transcript: Transcript
    failures: list[str]

    @property
    def passed(self) -> bool:
        return not self.failures


def transcripts_path(scenario_path: str) -> Path:
    p = Path(scenario_path)
    return p.with_name(p.name.removesuffix(".yaml").removesuffix(".yml") + ".transcripts.yaml")


def read_transcripts(path: str, report: Reporter) -> list[Transcript]:
    try:
        text = read_source(path, MAX_TRANSCRIPT_BYTES).decode("utf-8")
    except FileRefused as exc:
        report.error("E025", f"cannot read the transcripts: {exc.reason}", (0, 0),
                     "check the path")
        return []
    except UnicodeDecodeError as exc:
        report.error("E025", f"cannot read the transcripts: not valid UTF-8 ({exc.reason})", (0, 0),
                     "save the file as UTF-8 in your editor")
        return []
    doc = read_yaml(text, report)
    if doc is None:
        return []
    items = doc.get("transcripts") if isinstance(doc, YMap) else None
    if not isinstance(items, YList):
        report.error("E005", "a transcripts file needs 'transcripts:' with a list",
                     getattr(doc, "pos", (1, 1)))
        return []
    out = []
    for i, t in enumerate(items):
        at = items.at(i)
        if not isinstance(t, YMap) or not isinstance(t.get("choices"), list):
            report.error("E006", f"transcript {i + 1}: expected a mapping with 'choices: [...]'", at)
            continue
        for key in t:
            if key not in TRANSCRIPT_KEYS:
                report.error("E004", f"unknown key '{key}' in transcript {i + 1}", t.key_at(key),
                             "allowed: " + ", ".join(sorted(TRANSCRIPT_KEYS)))
        seed = t.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, int):
            report.error("E006", f"transcript {i + 1} seed: expected a whole number "
                         f"(got {seed!r})", t.at("seed"))
            continue
        expect = t.get("expect", YMap())
        if not isinstance(expect, YMap) or not _expect_ok(expect, i, report):
            if not isinstance(expect, YMap):
                report.error("E006", f"transcript {i + 1} expect: expected a mapping", t.at("expect"))
            continue
        out.append(Transcript(str(t.get("name", f"transcript {i + 1}")),
                              [str(c) for c in t["choices"]], seed, dict(expect), at[0]))
    return out


def _expect_ok(expect: YMap, i: int, report: Reporter) -> bool:
    ok = True
    kinds = {"scenes": YList, "meters": YMap, "flags": YMap, "ending": str}
    for key, value in expect.items():
        if key not in EXPECT_KEYS:
            report.error("E004", f"unknown key '{key}' in expect", expect.key_at(key),
                         "allowed: " + ", ".join(sorted(EXPECT_KEYS)))
            ok = False
        elif not isinstance(value, kinds[key]):
            want = {YList: "a list", YMap: "a mapping", str: "an ending id"}[kinds[key]]
            report.error("E006", f"transcript {i + 1} expect {key}: expected {want}", expect.at(key))
            ok = False
        elif key == "meters" and any(isinstance(v, bool) or not isinstance(v, int)
                                     for v in value.values()):
            report.error("E006", f"transcript {i + 1} expect meters: values must be whole numbers",
                         expect.at(key))
            ok = False
        elif key == "flags" and any(not isinstance(v, bool) for v in value.values()):
            report.error("E006", f"transcript {i + 1} expect flags: values must be true or false",
                         expect.at(key))
            ok = False
    return ok


def run_transcript(scenario: Scenario, t: Transcript) -> Result:
    failures: list[str] = []
    with Session(scenario, t.seed) as s:
        scenes = [s.state]

        def note():
            if scenes[-1] != s.state:
                scenes.append(s.state)
        try:
            for n, choice in enumerate(t.choices, 1):
                while s.can_continue:
                    s.advance()
                    note()
                if s.ended:
                    failures.append(f"choice {n} '{choice}': the play already ended in '{s.state}'")
                    break
                offered = [c.id for c in s.available_choices()]
                if choice not in offered:
                    failures.append(f"choice {n} '{choice}' is not available in scene '{s.state}' "
                                    f"(available: {', '.join(offered) or 'none'})")
                    break
                s.choose(choice)
                note()
                s.proceed()
                note()
            while s.can_continue and not failures:
                s.advance()
                note()
        except SessionError as exc:
            failures.append(str(exc))
        if failures:
            return Result(t, failures)
        want = t.expect
        if "scenes" in want and list(want["scenes"]) != scenes:
            failures.append(f"scenes: expected {' → '.join(map(str, want['scenes']))}\n"
                            f"             got {' → '.join(scenes)}")
        for name, value in dict(want.get("meters") or {}).items():
            got = s.vars.get(name, "<no such meter>")
            if got != value:
                failures.append(f"meter {name}: expected {value}, got {got}")
        for name, value in dict(want.get("flags") or {}).items():
            got = s.vars.get(name, "<no such flag>")
            if got != value:
                failures.append(f"flag {name}: expected {value}, got {got}")
        if "ending" in want:
            got = s.state if s.ended else f"no ending (stopped in scene '{s.state}')"
            if got != want["ending"]:
                failures.append(f"ending: expected {want['ending']}, got {got}")
    return Result(t, failures)


def ending_transcripts(scenario: Scenario, shortest: dict) -> str:
    """Golden transcripts (YAML text) for the shortest way to every ending, as the explorer
    found them (``Report.shortest``), with the meters, flags and ending each one gives."""
    lines = [f"# Golden transcripts for {Path(scenario.path).name}: the shortest way to every "
             "ending, as", "# `weerbaar explore --write-transcripts` found it. Run them with "
             "`weerbaar test`;", "# a failure means a known playthrough changed.", "transcripts:"]
    for eid in scenario.endings:
        if eid not in shortest:
            continue
        path = [step.choice for step in shortest[eid]]
        with Session.replay(scenario, path, seed=0) as s:
            meters = ", ".join(f"{k}: {v}" for k, v in s.meters().items())
            flags = ", ".join(f"{k}: true" for k, v in s.flags().items() if v)
            lines += [f"  - name: kortste weg naar '{eid}'", f"    choices: [{', '.join(path)}]",
                      "    expect:", f"      meters: {{{meters}}}"]
            if flags:
                lines.append(f"      flags: {{{flags}}}")
            lines.append(f"      ending: {s.state}")
    return "\n".join(lines) + "\n"
