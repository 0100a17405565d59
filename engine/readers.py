"""The loader's small typed readers: a value of the scenario file read as a mapping, a list,
a whole number, a name, a text, a condition, effects or a ``goto``, each problem reported
with its position. Mixed into ``engine.loader._Loader``; the key sets of the format are here
too, beside the readers that check them."""
from __future__ import annotations

import difflib
import re
from types import MappingProxyType

from dataclasses import replace

from . import textcheck
from .expr import ExprError, compile_condition
from .guess import Guesser
from .inline import has_markup
from .model import (EMPTY, NO_EFFECTS, Effects, Text)
from .yamlsource import YList, YMap

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


def did_you_mean(word, candidates) -> str:
    """One guess without a budget (for a single name; the loader uses a ``Guesser``)."""
    return Guesser()(word, candidates)


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


class Readers:
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
