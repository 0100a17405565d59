"""Where each id of a scenario file is defined and where it is used.

The language server answers "go to definition", "find references", hover and rename from
this index. It is built from the located YAML values of ``engine.yamlsource`` rather than
from the checked ``Scenario``, so that it still works while the file has errors: a trainer
renames a scene in a file that does not load yet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..engine.diagnostics import DiagnosticCollector
from ..engine.expr import FUNCTIONS
from ..engine.inline import InlineError, blocks, has_markup, parse
from ..engine.textcheck import offset_pos
from ..engine.yamlsource import YList, YMap, read_yaml

KINDS = ("scene", "ending", "meter", "flag", "character")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Spot:
    """One place an id stands in the file: 1-based line and column, and its length."""

    name: str
    kind: str
    line: int
    column: int
    role: str = ""  # for a use: what uses it ("goto of choice 'x' in scene 'y'")

    @property
    def end(self) -> int:
        return self.column + len(self.name)

    def covers(self, line: int, column: int) -> bool:
        return self.line == line and self.column <= column <= self.end


@dataclass
class Index:
    definitions: dict[tuple[str, str], Spot] = field(default_factory=dict)
    uses: list[Spot] = field(default_factory=list)
    doc: YMap | None = None

    def kind_of(self, name: str) -> str | None:
        for kind in KINDS:
            if (kind, name) in self.definitions:
                return kind
        return None

    def names(self, *kinds: str) -> list[str]:
        return [name for (kind, name) in self.definitions if kind in kinds]

    def at(self, line: int, column: int) -> Spot | None:
        """The definition or use under the cursor (1-based)."""
        for spot in (*self.definitions.values(), *self.uses):
            if spot.covers(line, column):
                return spot
        return None

    def uses_of(self, kind: str, name: str) -> list[Spot]:
        return [s for s in self.uses if s.kind == kind and s.name == name]


def build(text: str) -> Index | None:
    """Index a scenario's text; None when it is not readable YAML."""
    doc = read_yaml(text, DiagnosticCollector("<index>"))
    if not isinstance(doc, YMap):
        return None
    return _Indexer(text.splitlines(), doc).run()


def value_column(lines: list[str], pos: tuple[int, int]) -> int:
    """The column of a scalar's first character, after an opening quote."""
    line, col = pos
    if 0 < line <= len(lines) and lines[line - 1][col - 1:col] in ("'", '"'):
        return col + 1
    return col


class _Indexer:
    def __init__(self, lines: list[str], doc: YMap):
        self.lines = lines
        self.doc = doc
        self.index = Index(doc=doc)

    def value_column(self, pos: tuple[int, int]) -> int:
        return value_column(self.lines, pos)

    def define(self, kind: str, name, pos) -> None:
        if isinstance(name, str) and (kind, name) not in self.index.definitions:
            self.index.definitions[(kind, name)] = Spot(name, kind, pos[0], pos[1])

    def use(self, kind: str, name, pos, role: str) -> None:
        if isinstance(name, str) and name:
            self.index.uses.append(Spot(name, kind, pos[0], self.value_column(pos), role))

    def run(self) -> Index:
        doc = self.doc
        for key, kind in (("meters", "meter"), ("characters", "character"),
                          ("scenes", "scene"), ("endings", "ending")):
            m = doc.get(key)
            if isinstance(m, YMap):
                for name in m:
                    self.define(kind, name, m.key_at(name))
        flags = doc.get("flags")
        if isinstance(flags, YList):
            for i, flag in enumerate(flags):
                self.define("flag", flag, (flags.at(i)[0], self.value_column(flags.at(i))))
        if "start" in doc:
            self.use("scene", doc["start"], doc.at("start"), "start")
        scenes = doc.get("scenes")
        for sid, body in (scenes.items() if isinstance(scenes, YMap) else ()):
            if isinstance(body, YMap):
                self.scene(str(sid), body)
        endings = doc.get("endings")
        for eid, body in (endings.items() if isinstance(endings, YMap) else ()):
            if isinstance(body, YMap):
                self.text(body, "text", f"ending '{eid}'")
        return self.index

    def scene(self, sid: str, body: YMap) -> None:
        where = f"scene '{sid}'"
        if "speaker" in body:
            self.use("character", body["speaker"], body.at("speaker"), f"speaker of {where}")
        self.effects(body.get("on_enter"), f"on_enter of {where}")
        self.text(body, "text", where)
        for i, item in enumerate(_items(body.get("choices"))):
            what = f"choice '{item.get('id', f'c{i + 1}')}' in {where}"
            self.goto(item, what)
            self.effects(item.get("effects"), what)
            self.text(item, "text", what)
            self.text(item, "feedback", what, "feedback")
        for i, item in enumerate(_items(body.get("next"))):
            self.goto(item, f"route {i + 1} of {where}")
        for key, author in (("posts", "author"), ("messages", "from")):
            for i, item in enumerate(_items(body.get(key))):
                what = f"{key[:-1]} {i + 1} in {where}"
                if author in item:
                    self.use("character", item[author], item.at(author), f"{author} of {what}")
                self.condition(item, what)
                self.text(item, "text", what)

    def goto(self, item: YMap, what: str) -> None:
        target = item.get("goto")
        if isinstance(target, str):
            kind = "ending" if ("ending", target) in self.index.definitions else "scene"
            self.use(kind, target, item.at("goto"), what)
        self.condition(item, what)

    def text(self, container: YMap, key: str, what: str, label: str = "text") -> None:
        """A text: its variants' conditions and the conditions inline in each language."""
        value, strings = container.get(key), []
        if isinstance(value, str):
            strings.append((value, container.at(key)))
        elif isinstance(value, YMap):
            strings += _strings(value)
        for i, item in enumerate(value if isinstance(value, YList) else ()):
            if isinstance(item, str):
                strings.append((item, value.at(i)))
            elif isinstance(item, YMap):
                self.condition(item, f"{label} of {what}")
                strings += _strings(item)
        for text, pos in strings:
            self.inline(text, pos, f"{label} of {what}")

    def inline(self, text: str, pos, what: str) -> None:
        """The names in '{if ...}' parts, at their place in the file."""
        if not has_markup(text):
            return
        try:
            pieces = parse(text)
        except InlineError:
            return  # the checker reports it; nothing to point at yet
        for block in blocks(pieces):
            line, col = offset_pos(self.lines, pos, text, block.offset)
            self.names(block.source, line, col, f"'{{if}}' in the {what}")

    def effects(self, value, what: str) -> None:
        if not isinstance(value, YMap):
            return
        for key, delta in value.items():
            if key in ("set", "clear") and isinstance(delta, YList):
                for i, flag in enumerate(delta):
                    self.use("flag", flag, delta.at(i), f"{key} by {what}")
            elif key == "set" and isinstance(delta, YMap):  # set: {vertrouwen: 50, flag: true}
                for name, v in delta.items():
                    kind = "flag" if ("flag", name) in self.index.definitions else "meter"
                    self.use(kind, name, delta.key_at(name), f"set to {v} by {what}")
            elif isinstance(key, str) and key not in ("set", "clear"):
                change = f"{delta:+d}" if isinstance(delta, int) and not isinstance(delta, bool) \
                    else str(delta)
                self.use("meter", key, value.key_at(key), f"{change} by {what}")

    def condition(self, item: YMap, what: str) -> None:
        src = item.get("if")
        if not isinstance(src, str):
            return
        line, col = item.at("if")
        col = self.value_column((line, col))
        self.names(src, line, col, f"'if' of {what}", block_places(self.lines, line, col, src))

    def names(self, src: str, line: int, col: int, role: str, place=None) -> None:
        """The meters, flags, scenes and endings a condition names, where they stand
        (``place``: offset -> position, for a condition written as a block scalar)."""
        defs = self.index.definitions
        for m in _NAME.finditer(src):
            name, before = m.group(), src[:m.start()].rstrip()
            if before.endswith("(") and before[:-1].rstrip().endswith(tuple(FUNCTIONS)):
                kind = "ending" if ("ending", name) in defs else "scene"
            elif ("meter", name) in defs:
                kind = "meter"
            elif ("flag", name) in defs:
                kind = "flag"
            else:
                continue
            at = place(m.start()) if place else (line, col + m.start())
            self.index.uses.append(Spot(name, kind, at[0], at[1], role))


def block_places(lines: list[str], line: int, col: int, src: str):
    """For a block scalar (``>-`` or ``|``) at ``line:col``: a function from an offset in its
    text to the (line, column) in the file where that character stands (each source line of
    the block adds its text and one joining character). None for any other scalar."""
    head = lines[line - 1][col - 1:] if 0 < line <= len(lines) else ""
    if not head[:1] in (">", "|"):
        return None
    key_line = lines[line - 1]
    parent = len(key_line) - len(key_line.lstrip())  # the block is indented deeper than this
    starts, n = [], 0  # (offset where a source line starts, its line number, its indent)
    for no in range(line + 1, len(lines) + 1):
        text = lines[no - 1]
        if not text.strip():
            continue
        indent = len(text) - len(text.lstrip())
        if indent <= parent:
            break
        starts.append((n, no, indent))
        n += len(text.strip()) + 1
        if n > len(src) + 1:
            break

    def place(offset: int) -> tuple[int, int]:
        start, no, indent = max((s for s in starts if s[0] <= offset), key=lambda s: s[0])
        return no, indent + 1 + offset - start
    return place if starts else None


def _items(value):
    """The mappings in a list (choices, routes, posts, variants); nothing for other values."""
    return [v for v in value if isinstance(v, YMap)] if isinstance(value, YList) else []


def _strings(m: YMap) -> list[tuple[str, tuple[int, int]]]:
    """The texts of a mapping of languages (or of a variant: without its 'if')."""
    return [(v, m.at(k)) for k, v in m.items() if isinstance(v, str) and k != "if"]
