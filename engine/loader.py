"""From a YAML file to a checked ``Scenario``, with every problem reported at once.

The loader walks the located values of ``yamlsource`` and builds the immutable model of
``model``; ``checks`` then looks at the scenario as a whole (reachability, ways out, style
warnings). Every problem becomes a ``Diagnostic`` with file, line and column.
"""
from __future__ import annotations

import difflib
import hashlib
import re
from types import MappingProxyType

from dataclasses import replace

from . import catalog, checks, textcheck
from .diagnostics import Diagnostic, Reporter, ScenarioError, Severity
from .expr import Env, ExprError, compile_condition
from .gcpause import paused_gc
from .guess import Guesser
from .inline import has_markup
from .model import (EMPTY, NO_EFFECTS, SCENE_KINDS, TONES, Character, Choice, Effects, Ending,
                    Meter, Post, Route, Scenario, Scene, Text, Timer, Variant)
from .sourcefile import FileRefused, read_source
from .yamlsource import YList, YMap, read_yaml, where

FORMAT_VERSION = 1
MAX_FILE_BYTES = 64 * 2**20
MAX_METER = 10**9
NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
LANG_RE = re.compile(r"[a-z]{2,3}(-[A-Za-z]{2,4})?\Z")
RESERVED = {"and", "or", "not", "true", "false", "set", "clear"}

TOP_KEYS = {"format", "id", "version", "title", "summary", "languages", "role",
            "duration_minutes", "learning_goals", "sources", "meters", "flags", "characters",
            "start", "scenes", "endings"}
TOP_REQUIRED = ("format", "id", "title", "languages", "start", "scenes", "endings")
METER_KEYS = {"label", "start", "min", "max", "good"}
CHARACTER_KEYS = {"name", "role", "handle"}
SCENE_KEYS = {"text", "speaker", "kind", "on_enter", "choices", "next", "timer", "debrief",
              "posts", "messages", "channel", "headline", "outlet", "image"}
KIND_KEYS = {"posts": "feed", "messages": "message", "channel": "message",
             "headline": "news", "outlet": "news"}
CHOICE_KEYS = {"id", "text", "if", "effects", "feedback", "debrief", "goto", "misstep"}
ROUTE_KEYS = {"if", "chance", "goto"}
TIMER_KEYS = {"seconds", "default"}
POST_KEYS = {"author", "handle", "time", "likes", "shares", "text", "if"}
MESSAGE_KEYS = {"from", "time", "text", "if"}
ENDING_KEYS = {"title", "text", "tone", "debrief_questions", "image", "requires"}


def did_you_mean(word, options) -> str:
    """One guess without a budget (for a single name; the loader uses a ``Guesser``)."""
    return Guesser()(word, options)


EXITS = {"choices", "next"}


def misspelled_exit(key) -> str | None:
    """'chioces' -> 'choices': an unknown scene key that is a scene's way out misspelled."""
    if key in SCENE_KEYS:
        return None
    match = difflib.get_close_matches(str(key), sorted(SCENE_KEYS), n=1, cutoff=0.6)
    return match[0] if match and match[0] in EXITS else None


def _type_name(value) -> str:
    if value is None:
        return "nothing"
    return {bool: "true/false", int: "a number", float: "a decimal number", str: "text",
            YMap: "a mapping", YList: "a list"}.get(type(value), type(value).__name__)


class _Loader:
    def __init__(self, report: Reporter, source: str):
        self.r = report
        self.guess = Guesser()
        self.lines = source.splitlines()
        self.languages: tuple[str, ...] = ("nl",)
        self.env = Env()

    # ---- small typed readers ----------------------------------------------------------
    def keys(self, m: YMap, allowed: set, required: tuple, what: str) -> bool:
        for key in m:
            if key not in allowed:
                hint = self.guess(key, allowed)
                if allowed is SCENE_KEYS and misspelled_exit(key) and not EXITS & set(m):
                    hint += (" Until it is fixed, what is under it is not read, and whether the "
                             "scenes after it can be reached is not checked")
                self.r.error("E004", f"unknown key '{key}' in {what}", m.key_at(key),
                             hint or "allowed: " + ", ".join(sorted(allowed)))
        missing = [k for k in required if k not in m]
        for key in missing:
            self.r.error("E005", f"{what} needs '{key}'", m.pos)
        return not missing

    def mapping(self, value, at, what: str) -> YMap | None:
        if isinstance(value, YMap):
            return value
        self.r.error("E006", f"{what}: expected a mapping (got {_type_name(value)})", at)
        return None

    def listing(self, value, at, what: str) -> YList | None:
        if isinstance(value, YList):
            return value
        self.r.error("E006", f"{what}: expected a list (got {_type_name(value)})", at)
        return None

    def integer(self, value, at, what: str, lo=-MAX_METER, hi=MAX_METER) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.r.error("E006", f"{what}: expected a whole number (got {_type_name(value)})", at)
            return None
        if not lo <= value <= hi:
            self.r.error("E009", f"{what}: {value} is outside {lo}..{hi}", at)
            return None
        return value

    def string(self, value, at, what: str) -> str | None:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value)
        self.r.error("E006", f"{what}: expected text (got {_type_name(value)})", at)
        return None

    def name(self, value, at, what: str) -> str | None:
        if not isinstance(value, str) or not NAME_RE.match(value) or value in RESERVED:
            hint = "use letters, digits and '_', starting with a letter"
            if isinstance(value, str) and value in RESERVED:
                hint = f"'{value}' is a reserved word"
            self.r.error("E007", f"{what}: '{value}' is not a valid id", at, hint)
            return None
        return value

    def text(self, value, at, what: str, translatable: bool = True, shown: bool = False) -> Text:
        """A text; ``shown``: a text the player sees in play, where '{if ...}' is read."""
        if isinstance(value, str):
            if translatable and len(self.languages) > 1 and value.strip():
                self.r.warn("W003", f"{what} is plain text in a scenario in "
                            f"{', '.join(self.languages)}", at,
                            "give it per language: {" + ", ".join(
                                f"{lang}: ..." for lang in self.languages) + "}")
            return self.inline(Text.of(value), {"": at}, what, shown) if has_markup(value) \
                else Text.of(value)
        if isinstance(value, YMap):
            return self.text_map(value, value, what, shown)
        self.r.error("E006", f"{what}: expected text or a mapping of languages "
                     f"(got {_type_name(value)})", at)
        return EMPTY

    def text_map(self, m: YMap, values: dict, what: str, shown: bool = False) -> Text:
        out = {}
        for lang, s in values.items():
            if lang not in self.languages:
                self.r.error("E024", f"{what}: language '{lang}' is not declared", m.key_at(lang),
                             self.guess(lang, self.languages) or textcheck.brace_hint(lang) or
                             f"declared: {', '.join(self.languages)}")
                continue
            if not isinstance(s, str):
                self.r.error("E006", f"{what} ({lang}): expected text (got {_type_name(s)})",
                             m.at(lang), textcheck.brace_hint(s))
                continue
            out[lang] = s
        for lang in self.languages:  # not for '{if x: ...}' read by YAML as a mapping
            if lang not in values and not textcheck.brace_hint(values):
                self.r.error("E016", f"{what} has no '{lang}' text", m.pos,
                             f"add '{lang}: ...' or remove '{lang}' from languages")
        text = Text(MappingProxyType(out))
        if not any(map(has_markup, out.values())):
            return text  # the common case: nothing to parse or place
        return self.inline(text, {k: m.at(k) for k in out}, what, shown)

    def inline(self, text: Text, where: dict, what: str, shown: bool) -> Text:
        if shown:
            return textcheck.shown(text, where, what, self.env, self.lines, self.r)
        textcheck.misplaced(text, where, what, self.r)
        return text

    def varying(self, value, at, what: str) -> Text:
        """A choice's text or feedback: one text, or variants as a scene's text has."""
        if not isinstance(value, YList):
            return self.text(value, at, what, shown=True)
        variants = self.variants(value, at, what)
        return replace(variants[-1].text, variants=variants[:-1])

    def condition(self, src, at, what: str):
        if not isinstance(src, str):
            if isinstance(src, bool):
                src = "true" if src else "false"
            else:
                self.r.error("E006", f"{what}: expected a condition in quotes "
                             f"(got {_type_name(src)})", at)
                return None
        try:
            return compile_condition(src, self.env)
        except ExprError as exc:
            line, col = at
            if 0 < line <= len(self.lines) and self.lines[line - 1][col - 1:col] in ("'", '"'):
                col += 1  # the mark points at the opening quote
            for e in (exc, *exc.also):  # a mistyped operator does not hide an unknown name
                self.r.error(e.code, f"{what}: {e.message}", (line, col + e.column), e.hint)
            return None

    def effects(self, value, at, what: str) -> Effects:
        m = self.mapping(value, at, what)
        if m is None:
            return NO_EFFECTS
        adds, sets, clears, assigns = [], [], [], []
        for key, delta in m.items():
            if key == "set" and isinstance(delta, YMap):
                self.assignments(delta, what, assigns, sets, clears)
            elif key in ("set", "clear"):
                items = self.listing(delta, m.at(key), f"{what} '{key}'") or []
                for i, flag in enumerate(items):
                    pos = items.at(i)
                    if not isinstance(flag, str):
                        self.r.error("E006", f"{what} '{key}': expected a flag name "
                                     f"(got {_type_name(flag)})", pos)
                    elif flag in self.env.meters:
                        self.r.error("E013", f"'{key}: {flag}': '{flag}' is a meter, not a flag",
                                     pos, f"change a meter with '{flag}: +5' or '{flag}: -5'")
                    elif flag not in self.env.flags:
                        self.r.error("E011", f"{what}: unknown flag '{flag}'", pos,
                                     self.guess(flag, self.env.flags) or "declare it under 'flags:'")
                    else:
                        (sets if key == "set" else clears).append(flag)
            elif key in self.env.flags:
                self.r.error("E013", f"{what}: '{key}' is a flag; a number cannot be added to it",
                             m.key_at(key), f"use 'set: [{key}]' or 'clear: [{key}]'")
            elif key not in self.env.meters:
                self.r.error("E011", f"{what}: unknown meter '{key}'", m.key_at(key),
                             self.guess(key, set(self.env.meters) | self.env.flags | {"set", "clear"})
                             or "declare it under 'meters:'")
            else:
                d = self.integer(delta, m.at(key), f"{what} '{key}'")
                if d is not None:
                    adds.append((key, d))
        for key in sorted({k for k, _ in adds} & {k for k, _ in assigns}):
            self.r.error("E013", f"{what}: '{key}' is both changed and set", m.key_at(key),
                         f"either set it ('set: {{{key}: ...}}') or change it ('{key}: +5')")
        return Effects(tuple(adds), tuple(sets), tuple(clears), tuple(assigns))

    def assignments(self, m: YMap, what: str, assigns: list, sets: list, clears: list) -> None:
        """'set: {vertrouwen: 50, pers_ingelicht: true}': meters to a value, flags on or off."""
        for name, value in m.items():
            at, where = m.at(name), f"{what} 'set' {name}"
            if name in self.env.meters:
                lo, hi = self.env.meters[name]
                v = self.integer(value, at, where, lo, hi)
                if v is not None:
                    assigns.append((name, v))
            elif name in self.env.flags and isinstance(value, bool):
                (sets if value else clears).append(name)
            elif name in self.env.flags:
                self.r.error("E006", f"{where}: expected true or false (got {_type_name(value)})", at)
            else:
                self.r.error("E011", f"{what} 'set': unknown meter or flag '{name}'", m.key_at(name),
                             did_you_mean(name, set(self.env.meters) | self.env.flags)
                             or "declare it under 'meters:' or 'flags:'")

    def goto(self, target, at, what: str, targets: set) -> str | None:
        if not isinstance(target, str) or target not in targets:
            self.r.error("E012", f"unknown scene '{target}' in {what}", at,
                         self.guess(target, targets) or "name a scene or an ending")
            return None
        return target

    # ---- the document -----------------------------------------------------------------
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

    def declare_nodes(self, scenes: YMap, endings: YMap):
        for sid in scenes:
            self.name(sid, scenes.key_at(sid), "scene")
        for eid in endings:
            if self.name(eid, endings.key_at(eid), "ending") is None:
                continue
            if eid in scenes:
                self.r.error("E015", f"'{eid}' is both a scene and an ending", endings.key_at(eid),
                             "scenes and endings share one set of ids; rename one")
        self.env.scenes = set(scenes) | set(endings)
        for sid, body in scenes.items():
            ids = set()
            choices = body.get("choices") if isinstance(body, YMap) else None
            if isinstance(body, YMap) and choices is None:  # 'chioces:': chosen() must not echo it
                choices = next((v for k, v in body.items() if misspelled_exit(k) == "choices"), None)
            if isinstance(choices, YList):
                for i, c in enumerate(choices):
                    if isinstance(c, YMap):
                        cid = c.get("id", f"c{i + 1}")
                        if isinstance(cid, str):
                            ids.add(cid)
            self.env.choices[sid] = ids
        self.env.missteps = _misstep_pairs(scenes)
        self.env.endings = frozenset(endings)

    def variants(self, value, at, what: str) -> tuple[Variant, ...]:
        if not isinstance(value, YList):
            return (Variant(self.text(value, at, what, shown=True)),)
        if not value:
            self.r.error("E005", f"{what}: the list of variants is empty", at)
            return (Variant(EMPTY),)
        out = []
        for i, item in enumerate(value):
            pos = value.at(i)
            if isinstance(item, YMap):
                cond = self.condition(item["if"], item.at("if"), f"{what} variant {i + 1} 'if'") \
                    if "if" in item else None
                langs = {k: v for k, v in item.items() if k != "if"}
                text = self.text_map(item, langs, f"{what} variant {i + 1}", shown=True)
            else:
                cond, text = None, self.text(item, pos, f"{what} variant {i + 1}", shown=True)
            if i < len(value) - 1 and not (isinstance(item, YMap) and "if" in item):
                self.r.error("E022", f"{what} variant {i + 1} has no 'if', so the variants after "
                             "it are never shown", pos, "only the last variant goes without 'if'")
            out.append(Variant(text, cond))
        if isinstance(value[-1], YMap) and "if" in value[-1]:
            self.r.error("E022", f"{what}: the last variant has an 'if'", value.at(len(value) - 1),
                         "end with a variant without 'if', shown when no other holds")
        return tuple(out)

    def scene(self, sid, body, at, targets: set, characters: dict) -> Scene | None:
        b = self.mapping(body, at, f"scene '{sid}'")
        if b is None or not self.keys(b, SCENE_KEYS, ("text",), f"scene '{sid}'"):
            return None
        kind = b.get("kind", "dialogue")
        if kind not in SCENE_KINDS:
            self.r.error("E006", f"scene '{sid}' kind: expected one of {', '.join(SCENE_KINDS)} "
                         f"(got {kind!r})", b.at("kind"), self.guess(kind, SCENE_KINDS))
        for key, wants in KIND_KEYS.items():
            if key in b and kind != wants:
                self.r.error("E004", f"'{key}' belongs to scenes of kind '{wants}'", b.key_at(key),
                             f"add 'kind: {wants}' or remove '{key}'")
        speaker = b.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            self.r.error("E006", f"scene '{sid}' speaker: expected a character id "
                         f"(got {_type_name(speaker)})", b.at("speaker"))
            speaker = None
        elif speaker is not None and speaker not in characters:
            self.r.error("E019", f"unknown character '{speaker}'", b.at("speaker"),
                         self.guess(speaker, characters) or "declare it under 'characters:'")
        choices = self.choices(sid, b, targets)
        routes = self.routes(sid, b, targets)
        if choices and routes:
            self.r.error("E006", f"scene '{sid}' has both 'choices' and 'next'", b.key_at("next"),
                         "a scene either offers choices or routes on its own")
        timer = self.timer(sid, b, choices) if "timer" in b else None
        posts = self.posts(sid, b, characters)
        return Scene(
            id=sid, kind=kind, speaker=speaker, choices=choices, next=routes, timer=timer,
            text=self.variants(b["text"], b.at("text"), f"scene '{sid}' text"),
            on_enter=self.effects(b["on_enter"], b.at("on_enter"), f"scene '{sid}' on_enter")
            if "on_enter" in b else NO_EFFECTS,
            debrief=self.text(b["debrief"], b.at("debrief"), f"scene '{sid}' debrief")
            if "debrief" in b else None,
            posts=posts,
            channel=self.text(b["channel"], b.at("channel"), "channel") if "channel" in b else None,
            headline=self.text(b["headline"], b.at("headline"), "headline")
            if "headline" in b else None,
            outlet=self.string(b.get("outlet", ""), b.at("outlet"), "outlet") or "",
            image=self.string(b.get("image", ""), b.at("image"), "image") or "")

    def choices(self, sid: str, b: YMap, targets: set) -> tuple[Choice, ...]:
        if "choices" not in b:
            return ()
        items = self.listing(b["choices"], b.at("choices"), f"scene '{sid}' choices") or []
        out, seen = [], {}
        for i, c in enumerate(items):
            pos = items.at(i)
            c = self.mapping(c, pos, f"scene '{sid}' choice {i + 1}")
            if c is None or not self.keys(c, CHOICE_KEYS, ("text", "goto"),
                                          f"scene '{sid}' choice {i + 1}"):
                continue
            if "id" in c:
                # an invalid id is reported; a stand-in keeps the graph whole for other checks
                cid = self.name(c["id"], c.at("id"), "choice id") or f"c{i + 1}"
            else:
                cid = f"c{i + 1}"
                self.r.warn("W007", f"scene '{sid}' choice {i + 1} has no id", pos,
                            f"recorded sessions point at choices by id; add 'id: ...'")
            if cid in seen:
                self.r.error("E015", f"choice id '{cid}' is used twice in scene '{sid}'", c.at("id"),
                             f"first used at line {seen[cid][0]}")
                continue
            what = f"choice '{cid}'"
            goto = self.goto(c["goto"], c.at("goto"), f"{what} goto", targets)
            choice = Choice(
                id=cid or "", index=len(out), goto=goto or "",
                text=self.varying(c["text"], c.at("text"), f"{what} text"),
                condition=self.condition(c["if"], c.at("if"), f"{what} 'if'") if "if" in c else None,
                effects=self.effects(c["effects"], c.at("effects"), f"{what} effects")
                if "effects" in c else NO_EFFECTS,
                feedback=self.varying(c["feedback"], c.at("feedback"), f"{what} feedback")
                if "feedback" in c else None,
                debrief=self.text(c["debrief"], c.at("debrief"), f"{what} debrief")
                if "debrief" in c else None,
                misstep=self.flag_value(c, "misstep", what))
            if cid is not None:
                seen[cid] = pos
                out.append(choice)
        return tuple(out)

    def routes(self, sid: str, b: YMap, targets: set) -> tuple[Route, ...]:
        if "next" not in b:
            return ()
        items = self.listing(b["next"], b.at("next"), f"scene '{sid}' next") or []
        out = []
        for i, r in enumerate(items):
            r = self.mapping(r, items.at(i), f"scene '{sid}' route {i + 1}")
            if r is None or not self.keys(r, ROUTE_KEYS, ("goto",), f"scene '{sid}' route {i + 1}"):
                continue
            what = f"scene '{sid}' route {i + 1}"
            chance = self.integer(r["chance"], r.at("chance"), f"{what} chance", 0, 100) \
                if "chance" in r else None
            out.append(Route(
                goto=self.goto(r["goto"], r.at("goto"), f"{what} goto", targets) or "",
                condition=self.condition(r["if"], r.at("if"), f"{what} 'if'") if "if" in r else None,
                chance=chance, index=i))
        return tuple(out)

    def timer(self, sid: str, b: YMap, choices: tuple[Choice, ...]) -> Timer | None:
        t = self.mapping(b["timer"], b.at("timer"), f"scene '{sid}' timer")
        if t is None or not self.keys(t, TIMER_KEYS, ("seconds", "default"), f"scene '{sid}' timer"):
            return None
        seconds = self.integer(t["seconds"], t.at("seconds"), "timer seconds", 1, 3600)
        ids = [c.id for c in choices]
        if not ids and any(misspelled_exit(k) for k in b):
            return None  # the choices were not read ('chioces:'); that is the error to report
        if t["default"] not in ids:
            self.r.error("E023", f"timer default '{t['default']}' is not a choice of scene '{sid}'",
                         t.at("default"), self.guess(t["default"], ids) or "name one of its choices")
            return None
        return Timer(seconds or 1, t["default"])

    def posts(self, sid: str, b: YMap, characters: dict) -> tuple[Post, ...]:
        key = "posts" if "posts" in b else "messages" if "messages" in b else None
        if key is None:
            return ()
        allowed, author_key = (POST_KEYS, "author") if key == "posts" else (MESSAGE_KEYS, "from")
        items = self.listing(b[key], b.at(key), f"scene '{sid}' {key}") or []
        out = []
        for i, p in enumerate(items):
            what = f"scene '{sid}' {key[:-1]} {i + 1}"
            p = self.mapping(p, items.at(i), what)
            if p is None or not self.keys(p, allowed, (author_key, "text"), what):
                continue
            author = self.string(p[author_key], p.at(author_key), f"{what} {author_key}") or ""
            handle = p.get("handle", "")
            if author in characters and not handle:
                handle = characters[author].handle
            out.append(Post(
                author=author, handle=str(handle),
                text=self.text(p["text"], p.at("text"), f"{what} text", shown=True),
                time=self.string(p.get("time", ""), p.at("time"), f"{what} time") or "",
                likes=self.integer(p["likes"], p.at("likes"), f"{what} likes", 0)
                if "likes" in p else None,
                shares=self.integer(p["shares"], p.at("shares"), f"{what} shares", 0)
                if "shares" in p else None,
                condition=self.condition(p["if"], p.at("if"), f"{what} 'if'") if "if" in p else None))
        return tuple(out)

    def ending(self, eid, body, at) -> Ending | None:
        b = self.mapping(body, at, f"ending '{eid}'")
        if b is None or not self.keys(b, ENDING_KEYS, ("title", "text"), f"ending '{eid}'"):
            return None
        tone = b.get("tone", "neutral")
        if tone not in TONES:
            self.r.error("E006", f"ending '{eid}' tone: expected one of {', '.join(TONES)} "
                         f"(got {tone!r})", b.at("tone"), self.guess(tone, TONES))
        return Ending(
            id=eid, tone=tone,
            title=self.text(b["title"], b.at("title"), f"ending '{eid}' title"),
            text=self.variants(b["text"], b.at("text"), f"ending '{eid}' text"),
            debrief_questions=self.texts(b, "debrief_questions", f"ending '{eid}' debrief question"),
            image=self.string(b.get("image", ""), b.at("image"), "image") or "",
            requires=self.claim(b, eid))

    def flag_value(self, m: YMap, key: str, what: str) -> bool:
        """An optional true/false key such as a choice's ``misstep``."""
        value = m.get(key, False)
        if not isinstance(value, bool):
            self.r.error("E006", f"{what} {key}: expected true or false (got {_type_name(value)})",
                         m.at(key))
            return False
        return value

    def claim(self, b: YMap, eid: str):
        """An ending's ``requires``: a condition checked in the context of a claim."""
        if "requires" not in b:
            return None
        saved = self.env.context
        self.env.context = "requires"
        try:
            return self.condition(b["requires"], b.at("requires"), f"ending '{eid}' requires")
        finally:
            self.env.context = saved


def _misstep_pairs(scenes: YMap) -> frozenset:
    """The (scene, choice) pairs marked ``misstep: true``, read before any condition is
    compiled so that ``missteps()`` knows them everywhere."""
    pairs = set()
    for sid, body in scenes.items():
        if isinstance(body, YMap) and isinstance(body.get("choices"), YList):
            for i, c in enumerate(body["choices"]):
                if isinstance(c, YMap) and c.get("misstep") is True:
                    cid = c.get("id", f"c{i + 1}")
                    if isinstance(cid, str):
                        pairs.add((sid, cid))
    return frozenset(pairs)


def content_hash(raw: bytes) -> str:
    """The id of one exact version of a scenario file: sha256 of its bytes, 16 hex digits."""
    return hashlib.sha256(raw).hexdigest()[:16]


def check_text(source: str | bytes, path: str = "<scenario>",
               prove: bool = False) -> tuple[Scenario | None, list[Diagnostic]]:
    """Load and check a scenario from its text. Never raises for bad input. With ``prove``
    the explorer also proves the endings' claims (``requires``), as ``lint`` does."""
    report = Reporter(path)
    raw = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    digest = content_hash(raw)
    try:
        text = raw.decode("utf-8") if isinstance(source, bytes) else source
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        report.error("E001", "the file is not valid UTF-8", (line, col),
                     "save the file as UTF-8 in your editor")
        return None, report.sorted()
    if text.startswith("\ufeff"):
        text = text[1:]
    with paused_gc():
        doc = read_yaml(text, report)
        if doc is None and report.has_errors:  # not YAML; a null document goes on to E006
            textcheck.explain_yaml_braces(report, text.splitlines())
            return None, report.sorted()
        catalog.apply(doc, path, report)  # translations from NAME.LANG.po beside the file
        scenario = _Loader(report, text).scenario(doc, path, digest)
        if scenario is not None:
            checks.run(scenario, report, doc, prove)  # also with errors: report everything at once
            if report.has_errors:
                scenario = None
    return scenario, report.sorted()


def check_file(path: str, prove: bool = False) -> tuple[Scenario | None, list[Diagnostic]]:
    """Load and check a scenario file. Never raises for bad input (``prove``: as check_text)."""
    report = Reporter(str(path))
    try:
        raw = read_source(path, MAX_FILE_BYTES)
    except FileRefused as exc:
        report.error("E025", f"cannot read the file: {exc.reason}", (0, 0),
                     "check the path")
        return None, report.sorted()
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
