"""Safe YAML reading with positions.

PyYAML composes the document into nodes (libyaml's C parser where available, which still
gives line and column marks); this module turns the nodes into plain Python values while
remembering where each key and value stood. It refuses what an untrusted scenario file has
no use for: tags (``!!python/object``...), anchors and aliases (alias bombs), merge keys
and duplicate keys (which plain PyYAML silently resolves by keeping the last).
"""
from __future__ import annotations

import yaml
from yaml.constructor import SafeConstructor

from .diagnostics import Reporter

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
    def __init__(self, report: Reporter):
        self.report = report
        self.seen: set[int] = set()
        self.constructor = SafeConstructor()

    def value(self, node, depth: int = 0):
        if id(node) in self.seen:  # the composer reuses a node only for an alias
            self.report.error("E003", "anchors and aliases are not supported", _mark(node),
                              "write the value out in full")
            return None
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self.report.error("E003", f"YAML tag '{node.tag}' is not supported", _mark(node),
                              "remove the tag; scenario files hold plain text, numbers and lists")
            return None
        if depth > MAX_DEPTH:
            self.report.error("E006", f"nesting deeper than {MAX_DEPTH} levels", _mark(node))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            out = YList(self.value(item, depth + 1) for item in node.value)
            out.pos, out.item_pos = _mark(node), [_mark(item) for item in node.value]
            return out
        return self.scalar(node)

    def scalar(self, node):
        tag = node.tag
        if tag == _STR:
            return node.value
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
            self.report.error("E009", f"number cannot be read: {exc}", _mark(node))
            return None
        return node.value  # timestamps stay the text the author wrote

    def mapping(self, node, depth: int) -> YMap:
        out = YMap()
        out.pos, out.key_pos, out.val_pos = _mark(node), {}, {}
        for key_node, val_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.report.error("E003", "merge keys ('<<') are not supported", _mark(key_node),
                                  "write the keys out in full")
                continue
            key = self.value(key_node, depth + 1)
            if isinstance(key, (YMap, YList)):
                self.report.error("E006", "a key must be a plain value", _mark(key_node))
                continue
            if key in out:
                first = out.key_pos[key]
                self.report.error("E002", f"duplicate key '{key}'", _mark(key_node),
                                  f"first defined at line {first[0]}; remove one of them")
                continue
            out[key] = self.value(val_node, depth + 1)
            out.key_pos[key], out.val_pos[key] = _mark(key_node), _mark(val_node)
        return out


def read_yaml(text: str, report: Reporter):
    """Parse one YAML document into located plain values; problems go to ``report``.

    Returns None when the text is not usable YAML (the reason is in the report).
    """
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        report.error("E001", f"{exc.problem or 'invalid YAML'}"
                     + (f" {exc.context}" if exc.context else ""), at,
                     "check indentation, colons and quotes around this place")
        return None
    except yaml.YAMLError as exc:
        report.error("E001", f"invalid YAML: {exc}", (1, 1))
        return None
    except (ValueError, RecursionError) as exc:  # e.g. NUL bytes, absurd nesting
        report.error("E001", f"invalid YAML: {exc}", (1, 1))
        return None
    if len(nodes) != 1 or nodes[0] is None:
        report.error("E001", "expected exactly one YAML document" if nodes else "the file is empty",
                     _mark(nodes[1]) if len(nodes) > 1 else (1, 1),
                     "a scenario file holds one mapping that starts with 'format: 1'")
        return None
    try:
        return _Builder(report).value(nodes[0])
    except RecursionError:
        report.error("E006", "the document is nested too deeply", (1, 1))
        return None
