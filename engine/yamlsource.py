"""Safe YAML reading with positions.

PyYAML composes the document into nodes (libyaml's C parser where available, which still
gives line and column marks); this module turns the nodes into plain Python values while
remembering where each key and value stood. It refuses what an untrusted scenario file has
no use for: tags (``!!python/object``...), anchors and aliases (alias bombs), merge keys
and duplicate keys (which plain PyYAML silently resolves by keeping the last).
"""
from __future__ import annotations

import unicodedata

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .diagnostics import DiagnosticCollector

try:  # libyaml's parser is ~3x faster and gives the same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

Pos = tuple[int, int]
MAX_DEPTH = 64

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_PLAIN_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _SEQ, _MAP, "tag:yaml.org,2002:timestamp"}


class YMap(dict):
    """A mapping that knows where it, its keys and its values stood in the file."""

    __slots__ = ("pos", "key_pos", "val_pos")

    def at(self, key) -> Pos:
        return self.val_pos.get(key, self.pos)

    def key_at(self, key) -> Pos:
        return self.key_pos.get(key, self.pos)


class YList(list):
    """A sequence that knows where it and each item stood in the file."""

    __slots__ = ("pos", "item_pos")

    def at(self, index: int) -> Pos:
        return self.item_pos[index] if 0 <= index < len(self.item_pos) else self.pos


def where(value, default: Pos = (0, 0)) -> Pos:
    return getattr(value, "pos", default)


def _mark(node) -> Pos:
    m = node.start_mark
    return (m.line + 1, m.column + 1)


class _Builder:
    """Builds located values straight from the parser's events, with an explicit stack.

    PyYAML's composers recurse once per nesting level; libyaml's (in C) crashes the whole
    process on a file nested a few thousand levels deep. Events come flat, so the depth is
    checked here before anything can overflow.
    """

    def __init__(self, collector: DiagnosticCollector):
        self.collector = collector
        self.resolver = Resolver()
        self.constructor = SafeConstructor()
        self.tags: dict[str, str] = {}  # plain scalar -> resolved tag (ids and numbers repeat)

    def build(self, events):
        stack: list = []   # frames: [container, key, key_pos, has_key]
        root, documents, broken = None, 0, False
        for ev in events:
            kind = type(ev)
            if kind is yaml.ScalarEvent:
                value = self.scalar(ev)
                pos = _mark(ev)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    self.collector.error("E006", f"nesting deeper than {MAX_DEPTH} levels", _mark(ev),
                                      "a scenario never needs this; check the brackets")
                    return None
                self.check_tag(ev)
                if kind is yaml.MappingStartEvent:
                    c = YMap()
                    c.pos, c.key_pos, c.val_pos = _mark(ev), {}, {}
                else:
                    c = YList()
                    c.pos, c.item_pos = _mark(ev), []
                stack.append([c, None, None, False])
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                value = stack.pop()[0]
                pos = value.pos
            elif kind is yaml.AliasEvent:
                self.collector.error("E003", "anchors and aliases are not supported", _mark(ev),
                                  "write the value out in full")
                value, pos = None, _mark(ev)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.collector.error("E001", "expected exactly one YAML document", _mark(ev),
                                      "a scenario file holds one mapping; remove the '---'")
                    return None
                continue
            else:
                continue
            if not stack:
                root = value
                continue
            frame = stack[-1]
            target = frame[0]
            if type(target) is YList:
                target.append(value)
                target.item_pos.append(pos)
            elif not frame[3]:
                frame[1], frame[2], frame[3] = value, pos, True
            else:
                frame[3] = False
                self.put(target, frame[1], frame[2], value, pos)
        if documents == 0:
            self.collector.error("E001", "the file is empty", (1, 1),
                              "a scenario file holds one mapping that starts with 'format: 1'")
        return root

    def put(self, target: YMap, key, key_pos, value, pos) -> None:
        if key is _MERGE:
            self.collector.error("E003", "merge keys ('<<') are not supported", key_pos,
                              "write the keys out in full")
        elif isinstance(key, (YMap, YList)):
            self.collector.error("E006", "a key must be a plain value", key_pos)
        elif key in target:
            first = target.key_pos[key]
            self.collector.error("E002", f"duplicate key '{key}'", key_pos,
                              f"first defined at line {first[0]}; remove one of them")
        else:
            target[key] = value
            target.key_pos[key], target.val_pos[key] = key_pos, pos

    def check_tag(self, ev) -> bool:
        if ev.anchor is not None:
            self.collector.error("E003", "anchors and aliases are not supported", _mark(ev),
                              "write the value out in full")
        if ev.tag is not None and ev.tag not in _PLAIN_TAGS:
            self.collector.error("E003", f"YAML tag '{ev.tag}' is not supported", _mark(ev),
                              "remove the tag; scenario files hold plain text, numbers and lists")
            return False
        return True

    def scalar(self, ev):
        tag = ev.tag
        if (tag is not None or ev.anchor is not None) and not self.check_tag(ev):
            return None
        if tag is None or tag == "!":
            if not ev.implicit[0]:  # quoted or block text
                return ev.value
            tag = self.tags.get(ev.value)
            if tag is None:
                tag = self.tags[ev.value] = self.resolver.resolve(
                    yaml.ScalarNode, ev.value, (True, False))
        if tag == _STR:
            return ev.value
        if tag == "tag:yaml.org,2002:merge":
            return _MERGE
        node = yaml.ScalarNode(tag, ev.value, ev.start_mark, ev.end_mark)
        try:
            if tag == _INT:
                return self.constructor.construct_yaml_int(node)
            if tag == _BOOL:
                return self.constructor.construct_yaml_bool(node)
            if tag == _NULL:
                return None
            if tag == _FLOAT:
                return self.constructor.construct_yaml_float(node)
        except ValueError as exc:  # e.g. an integer with more digits than Python allows
            self.collector.error("E009", f"number cannot be read: {exc}", _mark(ev))
            return None
        return ev.value  # timestamps stay the text the author wrote


_MERGE = object()


def _char_offset(text: str, position: int) -> int:
    """libyaml counts the offset of a reader error in bytes of UTF-8, PyYAML in characters."""
    if _Loader.__name__.startswith("C"):
        return len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
    return position


def _line_column(text: str, offset: int) -> Pos:
    """Line and column (from 1) of a character offset, counting lines as YAML does."""
    offset = max(0, min(offset, len(text)))
    before = text[:offset].replace("\r\n", "\n")
    for br in "\r\x85\u2028\u2029":  # YAML 1.1 breaks lines at these too
        before = before.replace(br, "\n")
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


def _character_name(character) -> str:
    code = character if isinstance(character, int) else ord(str(character)[:1] or "\0")
    name = unicodedata.name(chr(code), "control character")
    return f"the character U+{code:04X} ({name.lower()})"


def read_yaml(text: str, collector: DiagnosticCollector):
    """Parse one YAML document into located plain values; problems go to ``collector``.

    Returns None when the text is not usable YAML (the reason is in the report).
    """
    loader = _Loader(text)
    try:
        return _Builder(collector).build(iter(loader.get_event, None))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        collector.error("E001", f"{exc.problem or 'invalid YAML'}"
                     + (f" {exc.context}" if exc.context else ""), at,
                     "check indentation, colons and quotes around this place")
    except yaml.reader.ReaderError as exc:  # a control character: PyYAML gives an offset only
        collector.error("E001", f"{_character_name(exc.character)} is not allowed in a scenario "
                     "file", _line_column(text, _char_offset(text, exc.position)),
                     "remove it; an editor may show it as a box, or not at all")
    except (yaml.YAMLError, ValueError) as exc:  # e.g. NUL bytes
        collector.error("E001", f"invalid YAML: {exc}", (1, 1))
    finally:
        loader.dispose()
    return None
