"""From a YAML file to a checked ``Scenario``, with every problem reported at once.

The loader walks the located values of ``yamlsource`` and builds the immutable model of
``model``; ``checks`` then looks at the scenario as a whole (reachability, ways out, style
warnings). Every problem becomes a ``Diagnostic`` with file, line and column.
"""
from __future__ import annotations

import hashlib
from types import MappingProxyType

from . import catalog, checks, textcheck
from .diagnostics import Diagnostic, DiagnosticCollector, ScenarioError, Severity
from .expr import Env
from .gcpause import paused_gc
from .guess import Guesser
from .model import EMPTY, Character, Meter, Scenario, Text
from .nodes import Nodes
from .readers import (CHARACTER_KEYS, FORMAT_VERSION, LANG_RE, MAX_FILE_BYTES, METER_KEYS,
                      SLUG_RE, TOP_KEYS, TOP_REQUIRED, Readers)
from .sourcefile import FileRefused, read_source
from .yamlsource import YList, YMap, read_yaml


class _Loader(Readers, Nodes):
    """Reads one scenario file: the typed readers (``readers``), the scenes and endings
    (``nodes``), and here the whole: languages, meters, flags, characters."""

    def __init__(self, collector: DiagnosticCollector, source: str):
        self.r = collector
        self.guess = Guesser()
        self.lines = source.splitlines()
        self.languages: tuple[str, ...] = ("nl",)
        self.env = Env()

    def scenario(self, doc, path: str, digest: str) -> Scenario | None:
        doc = self.mapping(doc, (1, 1), "scenario")
        if doc is None:
            return None
        ok = self.keys(doc, TOP_KEYS, TOP_REQUIRED, "scenario")
        if "format" in doc and doc["format"] != FORMAT_VERSION:
            self.r.error("E008", f"format {doc['format']!r} is not supported", doc.at("format"),
                         f"this version of Weerbaar reads format: {FORMAT_VERSION}")
            return None
        sid = doc.get("id")
        if "id" in doc and (not isinstance(sid, str) or not SLUG_RE.match(sid)):
            self.r.error("E007", f"scenario id '{sid}' is not a slug", doc.at("id"),
                         "use lowercase letters, digits, '-' and '_'")
        self.read_languages(doc)
        meters = self.read_meters(doc)
        flags = self.read_flags(doc, meters)
        characters = self.read_characters(doc)
        scenes_m = self.mapping(doc.get("scenes"), doc.at("scenes"), "scenes") if "scenes" in doc \
            else None
        endings_m = self.mapping(doc.get("endings"), doc.at("endings"), "endings") \
            if "endings" in doc else None
        scenes_m, endings_m = scenes_m or YMap(), endings_m or YMap()
        self.declare_nodes(scenes_m, endings_m)
        targets = set(scenes_m) | set(endings_m)
        start = doc.get("start")
        if "start" in doc:
            start = self.goto(start, doc.at("start"), "start", set(scenes_m))
        scenes = {}
        for scene_id, body in scenes_m.items():
            scene = self.scene(scene_id, body, scenes_m.at(scene_id), targets, characters)
            if scene is not None:
                scenes[scene_id] = scene
        endings = {}
        for end_id, body in endings_m.items():
            ending = self.ending(end_id, body, endings_m.at(end_id))
            if ending is not None:
                endings[end_id] = ending
        title = self.text(doc["title"], doc.at("title"), "title") if "title" in doc else EMPTY
        summary = self.text(doc["summary"], doc.at("summary"), "summary") \
            if "summary" in doc else EMPTY
        role = self.text(doc["role"], doc.at("role"), "role") if "role" in doc else EMPTY
        duration = self.integer(doc.get("duration_minutes", 0), doc.at("duration_minutes"),
                                "duration_minutes", 0, 24 * 60) or 0
        goals = self.texts(doc, "learning_goals", "learning goal")
        source_list = self.listing(doc.get("sources", YList()), doc.at("sources"), "sources") or ()
        sources = tuple(self.string(s, doc.at("sources"), "source") or "" for s in source_list)
        if not ok:
            return None
        return Scenario(
            id=sid, title=title, languages=self.languages, start=start,
            scenes=MappingProxyType(scenes), endings=MappingProxyType(endings),
            meters=MappingProxyType(meters), flags=tuple(flags),
            characters=MappingProxyType(characters), summary=summary, role=role,
            duration_minutes=duration, learning_goals=goals, sources=sources,
            version=str(doc.get("version", "")), content_hash=digest, path=path)

    def texts(self, m: YMap, key: str, what: str) -> tuple[Text, ...]:
        if key not in m:
            return ()
        items = self.listing(m[key], m.at(key), key) or []
        return tuple(self.text(t, items.at(i), what) for i, t in enumerate(items))

    def read_languages(self, doc: YMap):
        if "languages" not in doc:
            return
        langs = self.listing(doc["languages"], doc.at("languages"), "languages")
        if not langs:
            if langs is not None:
                self.r.error("E005", "languages: name at least one language", doc.at("languages"))
            return
        out = []
        for i, lang in enumerate(langs):
            if not isinstance(lang, str) or not LANG_RE.match(lang):
                self.r.error("E007", f"'{lang}' is not a language code", langs.at(i),
                             "use codes such as nl, en, fy")
            elif lang in out:
                self.r.error("E015", f"language '{lang}' is listed twice", langs.at(i))
            else:
                out.append(lang)
        if out:
            self.languages = tuple(out)

    def read_meters(self, doc: YMap) -> dict[str, Meter]:
        meters = {}
        m = self.mapping(doc.get("meters", YMap()), doc.at("meters"), "meters")
        for mid, body in (m or {}).items():
            at = m.key_at(mid)
            if self.name(mid, at, "meter") is None:
                continue
            b = self.mapping(body, m.at(mid), f"meter '{mid}'")
            if b is None or not self.keys(b, METER_KEYS, ("label", "start"), f"meter '{mid}'"):
                continue
            lo = self.integer(b.get("min", 0), b.at("min"), f"meter '{mid}' min")
            hi = self.integer(b.get("max", 100), b.at("max"), f"meter '{mid}' max")
            start = self.integer(b["start"], b.at("start"), f"meter '{mid}' start")
            good = b.get("good", "high")
            if good not in ("high", "low"):
                self.r.error("E006", f"meter '{mid}' good: expected 'high' or 'low' (got {good!r})",
                             b.at("good"))
            if None in (lo, hi, start):
                lo, hi, start = lo or 0, hi if hi is not None else 100, start or 0
            elif lo >= hi:
                self.r.error("E014", f"meter '{mid}': min {lo} is not below max {hi}", b.at("min"))
            elif not lo <= start <= hi:
                self.r.error("E014", f"meter '{mid}': start {start} is outside {lo}..{hi}",
                             b.at("start"), "move start into the range or widen the range")
            # an invalid meter is still declared, so that its uses are not reported as unknown
            meters[mid] = Meter(mid, self.text(b["label"], b.at("label"), f"meter '{mid}' label"),
                                start, lo, max(hi, lo + 1), good)
        self.env.meters = {k: (v.min, v.max) for k, v in meters.items()}
        return meters

    def read_flags(self, doc: YMap, meters: dict) -> list[str]:
        flags = []
        items = self.listing(doc.get("flags", YList()), doc.at("flags"), "flags") or []
        for i, flag in enumerate(items):
            if self.name(flag, items.at(i), "flag") is None:  # also refuses lists and numbers
                continue
            if flag in flags or flag in meters:
                self.r.error("E015", f"'{flag}' is declared twice", items.at(i),
                             "meters and flags share one set of names")
                continue
            flags.append(flag)
        self.env.flags = set(flags)
        return flags

    def read_characters(self, doc: YMap) -> dict[str, Character]:
        out = {}
        m = self.mapping(doc.get("characters", YMap()), doc.at("characters"), "characters")
        for cid, body in (m or {}).items():
            if self.name(cid, m.key_at(cid), "character") is None:
                continue
            b = self.mapping(body, m.at(cid), f"character '{cid}'")
            if b is None or not self.keys(b, CHARACTER_KEYS, ("name",), f"character '{cid}'"):
                continue
            out[cid] = Character(
                cid, self.text(b["name"], b.at("name"), f"character '{cid}' name", False),
                self.text(b["role"], b.at("role"), f"character '{cid}' role")
                if "role" in b else None,
                self.string(b.get("handle", ""), b.at("handle"), "handle") or "")
        return out


def content_hash(raw: bytes) -> str:
    """The id of one exact version of a scenario file: sha256 of its bytes, 16 hex digits."""
    return hashlib.sha256(raw).hexdigest()[:16]


def check_text(source: str | bytes, path: str = "<scenario>",
               prove: bool = False) -> tuple[Scenario | None, list[Diagnostic]]:
    """Load and check a scenario from its text. Never raises for bad input. With ``prove``
    the explorer also proves the endings' claims (``requires``), as ``lint`` does."""
    collector = DiagnosticCollector(path)
    raw = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    digest = content_hash(raw)
    try:
        text = raw.decode("utf-8") if isinstance(source, bytes) else source
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        collector.error("E001", "the file is not valid UTF-8", (line, col),
                     "save the file as UTF-8 in your editor")
        return None, collector.sorted()
    if text.startswith("\ufeff"):
        text = text[1:]
    with paused_gc():
        doc = read_yaml(text, collector)
        if doc is None and collector.has_errors:  # not YAML; a null document goes on to E006
            textcheck.explain_yaml_braces(collector, text.splitlines())
            return None, collector.sorted()
        catalog.apply(doc, path, collector)  # translations from NAME.LANG.po beside the file
        scenario = _Loader(collector, text).scenario(doc, path, digest)
        if scenario is not None:
            checks.run(scenario, collector, doc, prove)  # also with errors: report everything at once
            if collector.has_errors:
                scenario = None
    return scenario, collector.sorted()


def check_file(path: str, prove: bool = False) -> tuple[Scenario | None, list[Diagnostic]]:
    """Load and check a scenario file. Never raises for bad input (``prove``: as check_text)."""
    collector = DiagnosticCollector(str(path))
    try:
        raw = read_source(path, MAX_FILE_BYTES)
    except FileRefused as exc:
        collector.error("E025", f"cannot read the file: {exc.reason}", (0, 0),
                     "check the path")
        return None, collector.sorted()
    return check_text(raw, str(path), prove)


def load_scenario(path: str) -> Scenario:
    """Load a scenario file, raising ScenarioError (with every diagnostic) if it has errors."""
    scenario, diagnostics = check_file(path)
    if scenario is None:
        raise ScenarioError(diagnostics)
    return scenario


def load_scenario_text(source: str | bytes, path: str = "<scenario>") -> Scenario:
    scenario, diagnostics = check_text(source, path)
    if scenario is None:
        raise ScenarioError(diagnostics)
    return scenario


def errors_only(diagnostics) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR]
