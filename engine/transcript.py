"""Golden transcripts: known playthroughs that authors keep next to a scenario.

``voorbeeld.transcripts.yaml`` beside ``voorbeeld.yaml`` lists playthroughs as choice ids
with what must come out: the scenes passed, meters, flags and the ending. After an edit,
``weerbaar test voorbeeld.yaml`` says at once which known playthrough changed, and how.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import DiagnosticCollector
from .model import Scenario
from .replay import End, Halt, Stop, Walk, replay_decisions
from .session import Session, SessionError
from .sourcefile import FileRefused, read_source
from .yamlsource import YList, YMap, read_yaml

MAX_TRANSCRIPT_BYTES = 16 * 2**20
TRANSCRIPT_KEYS = {"name", "seed", "choices", "expect"}
CLAIM_KEYS = {"query", "expect"}
CLAIM_ANSWERS = ("possible", "impossible")
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


def read_transcripts(path: str, collector: DiagnosticCollector, claims: list | None = None
                     ) -> list[Transcript]:
    """The transcripts of a test plan; with ``claims`` (a list), its claims are added to it."""
    try:
        text = read_source(path, MAX_TRANSCRIPT_BYTES).decode("utf-8")
    except FileRefused as exc:
        collector.error("E025", f"cannot read the transcripts: {exc.reason}", (0, 0),
                     "check the path")
        return []
    except UnicodeDecodeError as exc:
        collector.error("E025", f"cannot read the transcripts: not valid UTF-8 ({exc.reason})", (0, 0),
                     "save the file as UTF-8 in your editor")
        return []
    return read_transcripts_text(text, collector, claims)


def read_transcripts_text(text: str, collector: DiagnosticCollector, claims: list | None = None
                          ) -> list[Transcript]:
    """The transcripts in a file's text; problems with their form go to ``collector``; with
    ``claims`` (a list), the plan's claims are added to it."""
    doc = read_yaml(text, collector)
    if doc is None:
        return []
    if claims is not None and isinstance(doc, YMap) and "claims" in doc:
        claims.extend(read_claims(doc, collector))
        if "transcripts" not in doc:
            return []
    items = doc.get("transcripts") if isinstance(doc, YMap) else None
    if not isinstance(items, YList):
        collector.error("E005", "a transcripts file needs 'transcripts:' with a list",
                     getattr(doc, "pos", (1, 1)))
        return []
    out = []
    for i, t in enumerate(items):
        at = items.at(i)
        if not isinstance(t, YMap) or not isinstance(t.get("choices"), list):
            collector.error("E006", f"transcript {i + 1}: expected a mapping with 'choices: [...]'", at)
            continue
        for key in t:
            if key not in TRANSCRIPT_KEYS:
                collector.error("E004", f"unknown key '{key}' in transcript {i + 1}", t.key_at(key),
                             "allowed: " + ", ".join(sorted(TRANSCRIPT_KEYS)))
        seed = t.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, int):
            collector.error("E006", f"transcript {i + 1} seed: expected a whole number "
                         f"(got {seed!r})", t.at("seed"))
            continue
        expect = t.get("expect", YMap())
        if not isinstance(expect, YMap) or not _expect_ok(expect, i, collector):
            if not isinstance(expect, YMap):
                collector.error("E006", f"transcript {i + 1} expect: expected a mapping", t.at("expect"))
            continue
        out.append(Transcript(str(t.get("name", f"transcript {i + 1}")),
                              [str(c) for c in t["choices"]], seed, dict(expect), at[0]))
    return out


def _expect_ok(expect: YMap, i: int, collector: DiagnosticCollector) -> bool:
    ok = True
    kinds = {"scenes": YList, "meters": YMap, "flags": YMap, "ending": str}
    for key, value in expect.items():
        if key not in EXPECT_KEYS:
            collector.error("E004", f"unknown key '{key}' in expect", expect.key_at(key),
                         "allowed: " + ", ".join(sorted(EXPECT_KEYS)))
            ok = False
        elif not isinstance(value, kinds[key]):
            want = {YList: "a list", YMap: "a mapping", str: "an ending id"}[kinds[key]]
            collector.error("E006", f"transcript {i + 1} expect {key}: expected {want}", expect.at(key))
            ok = False
        elif key == "meters" and any(isinstance(v, bool) or not isinstance(v, int)
                                     for v in value.values()):
            collector.error("E006", f"transcript {i + 1} expect meters: values must be whole numbers",
                         expect.at(key))
            ok = False
        elif key == "flags" and any(not isinstance(v, bool) for v in value.values()):
            collector.error("E006", f"transcript {i + 1} expect flags: values must be true or false",
                         expect.at(key))
            ok = False
    return ok


def run_transcript(scenario: Scenario, t: Transcript) -> Result:
    session = Session(scenario, t.seed)
    scenes = [session.scene_id]
    walk = Walk(session, t.choices, end=End.REST)
    try:
        for _ in walk:
            if scenes[-1] != session.scene_id:
                scenes.append(session.scene_id)
    except SessionError as exc:
        return Result(t, [str(exc)])
    if scenes[-1] != session.scene_id:
        scenes.append(session.scene_id)
    if walk.stop is not None:
        return Result(t, [_stop_message(walk.stop, session)])
    return Result(t, _compare(t.expect, scenes, session))


def _stop_message(stop: Stop, session: Session) -> str:
    n, choice = stop.index + 1, stop.step.choice if stop.step else ""
    if stop.why is Halt.ENDED:
        return f"choice {n} '{choice}': the play already ended in '{stop.actual}'"
    if stop.why is Halt.STUCK:
        return stop.detail
    offered = [c.id for c in session.view.available_choices()]
    return (f"choice {n} '{choice}' is not available in scene '{stop.actual}' "
            f"(available: {', '.join(offered) or 'none'})")


def _compare(want: dict, scenes: list[str], s: Session) -> list[str]:
    failures = []
    if "scenes" in want and list(want["scenes"]) != scenes:
        failures.append(f"scenes: expected {' → '.join(map(str, want['scenes']))}\n"
                        f"             got {' → '.join(scenes)}")
    for kind in ("meters", "flags"):
        for name, value in dict(want.get(kind) or {}).items():
            got = s.vars.get(name, f"<no such {kind[:-1]}>")
            if got != value:
                failures.append(f"{kind[:-1]} {name}: expected {value}, got {got}")
    if "ending" in want:
        got = s.scene_id if s.ended else f"no ending (stopped in scene '{s.scene_id}')"
        if got != want["ending"]:
            failures.append(f"ending: expected {want['ending']}, got {got}")
    return failures


@dataclass
class Claim:
    """A claim of a test plan: ``query`` over every playthrough is ``expect``."""

    query: str
    expect: str  # "possible" or "impossible"
    line: int = 0


def read_claims(doc: YMap, collector: DiagnosticCollector) -> list[Claim]:
    """``claims: [{query: "missteps() >= 1 and ending(goed)", expect: impossible}]``"""
    items = doc["claims"]
    if not isinstance(items, YList):
        collector.error("E006", "claims: expected a list", doc.at("claims"))
        return []
    out = []
    for i, c in enumerate(items):
        at = items.at(i)
        if not isinstance(c, YMap):
            collector.error("E006", f"claim {i + 1}: expected a mapping with 'query' and 'expect'", at)
            continue
        bad = [k for k in c if k not in CLAIM_KEYS]
        for key in bad:
            collector.error("E004", f"unknown key '{key}' in claim {i + 1}", c.key_at(key),
                         "allowed: expect, query")
        if not isinstance(c.get("query"), str):
            collector.error("E005", f"claim {i + 1} needs 'query' with a condition in quotes", at)
        elif c.get("expect") not in CLAIM_ANSWERS:
            collector.error("E006", f"claim {i + 1} expect: 'possible' or 'impossible'",
                         c.at("expect") if "expect" in c else at)
        elif not bad:
            out.append(Claim(c["query"], c["expect"], at[0]))
    return out


def run_claim(scenario: Scenario, claim: Claim) -> list[str]:
    """What is wrong with ``claim`` for ``scenario``: nothing (an empty list) when it holds."""
    from .explore import QueryError, query
    from .explore.claims import path_ids
    try:
        answer = query(scenario, claim.query)
    except QueryError as exc:
        return [str(exc).replace("--query:1:", "query column ", 1)]
    if not answer.decided:
        return [f"undecided: {answer.exploration.budget}"]
    got = "possible" if answer.possible else "impossible"
    if got == claim.expect:
        return []
    return [f"expected {claim.expect}, but it is possible: {path_ids(answer.path)}"
            if answer.possible else f"expected possible, but no playthrough ends where it holds"]


def ending_transcripts(scenario: Scenario, shortest: dict) -> str:
    """Golden transcripts (YAML text) for the shortest way to every ending, as the explorer
    found them (``Exploration.shortest``), with the meters, flags and ending each one gives."""
    lines = [f"# Golden transcripts for {Path(scenario.path).name}: the shortest way to every "
             "ending, as", "# `weerbaar explore --write-transcripts` found it. Run them with "
             "`weerbaar test`;", "# a failure means a known playthrough changed.", "transcripts:"]
    for eid in scenario.endings:
        if eid not in shortest:
            continue
        path = [step.choice for step in shortest[eid]]
        view = replay_decisions(scenario, path, end=End.REST).session.view
        meters = ", ".join(f"{k}: {v}" for k, v in view.meters().items())
        flags = ", ".join(f"{k}: true" for k, v in view.flags().items() if v)
        lines += [f"  - name: kortste weg naar '{eid}'", f"    choices: [{', '.join(path)}]",
                  "    expect:", f"      meters: {{{meters}}}"]
        if flags:
            lines.append(f"      flags: {{{flags}}}")
        lines.append(f"      ending: {view.state.scene}")
    return "\n".join(lines) + "\n"
