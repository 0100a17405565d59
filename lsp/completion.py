"""Completion: what may stand at the cursor, judged from the text before it on its line.

After ``goto:`` scene and ending ids; after ``speaker:``, ``author:`` or ``from:`` character
ids; inside an ``if:`` or a text's ``{if`` meters, flags, functions and words of the condition language (and
scene ids inside ``visited(``/``chosen(``); inside effects meters and ``set``/``clear``; at
the start of a line the keys the JSON schema allows at that place.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from lsprotocol import types as lsp

from .. import resources as package_files
from ..engine.expr import FUNCTIONS
from ..engine.yamlsource import YList, YMap

from .index import Index

K = lsp.CompletionItemKind
_GOTO = re.compile(r"\bgoto:\s*['\"]?\w*$")
_START = re.compile(r"^start:\s*['\"]?\w*$")
_CHARACTER = re.compile(r"\b(speaker|author|from):\s*['\"]?\w*$")
_CONDITION = re.compile(r"\bif:\s*['\"]?(?P<expr>[^'\"]*)$")
_INLINE = re.compile(r"(?<!\{)\{if\s+(?P<expr>[^:{}]*)$")  # in a text: '{if vertrouwen >= '
_CALL = re.compile(r"\b(?P<func>visited|visits|chosen)\(\s*(?P<scene>\w+)?(?P<comma>\s*,\s*)?\w*$")
_EFFECTS = re.compile(r"\b(effects|on_enter):\s*\{(?P<inside>[^}]*)$")
_KEY = re.compile(r"^(?P<indent>\s*(?:-\s+)?)\w*$")
_PARENT = re.compile(r"(?:-\s+)?(?P<key>[\w]+)\s*:")
SECTIONS = {"meters": "meter", "characters": "character", "scenes": "scene", "endings": "ending"}
IN_SCENE = {"choices": "choice", "next": "route", "posts": "post", "messages": "message"}
TEXT_KEYS = {"title", "summary", "role", "label", "name", "text", "feedback", "debrief", "channel",
             "headline"}


@lru_cache(maxsize=1)
def schema() -> dict:
    with package_files.schema("scenario").open(encoding="utf-8") as f:
        return json.load(f)


def complete(index: Index | None, lines: list[str], pos: lsp.Position) -> list[lsp.CompletionItem]:
    line = lines[pos.line] if pos.line < len(lines) else ""
    before = line[:pos.character]
    ids = _ids(index)
    if _GOTO.search(before):
        return _items(ids("scene"), K.Class, "scene") + _items(ids("ending"), K.Event, "ending")
    if _START.search(before):
        return _items(ids("scene"), K.Class, "scene")
    if _CHARACTER.search(before):
        return _items(ids("character"), K.Constant, "character")
    cond = _INLINE.search(before) or _CONDITION.search(before)
    if cond:
        return _condition(index, cond.group("expr"), ids)
    effects = _EFFECTS.search(before)
    if effects:
        if re.search(r"\b(set|clear):\s*\[[^\]]*$", effects.group("inside")):
            return _items(ids("flag"), K.Variable, "flag")
        if re.search(r"\bset:\s*\{[^}]*$", effects.group("inside")):  # set: {meter: 50, flag: true}
            return _items(ids("meter"), K.Variable, "meter") + _items(ids("flag"), K.Variable, "flag")
        return _items(ids("meter"), K.Variable, "meter") + _items(["set", "clear"], K.Keyword, "")
    key = _KEY.match(before)
    if key:
        return _keys(index, lines, pos.line, len(key.group("indent")))
    return []


def _ids(index: Index | None):
    return lambda kind: index.names(kind) if index else []


def _items(names, kind, detail: str) -> list[lsp.CompletionItem]:
    return [lsp.CompletionItem(label=n, kind=kind, detail=detail) for n in names]


def _condition(index: Index | None, expr: str, ids) -> list[lsp.CompletionItem]:
    call = _CALL.search(expr)
    if call and call.group("comma") and call.group("func") == "chosen" and index is not None:
        return _items(_choice_ids(index, call.group("scene")), K.EnumMember, "choice")
    if call:
        return _items(ids("scene"), K.Class, "scene")
    functions = [lsp.CompletionItem(label=f"{f}()", kind=K.Function, detail="function",
                                    insert_text=f"{f}(") for f in FUNCTIONS]
    return (_items(ids("meter"), K.Variable, "meter") + _items(ids("flag"), K.Variable, "flag")
            + functions + _items(["and", "or", "not", "true", "false"], K.Keyword, ""))


def _choice_ids(index: Index, scene: str) -> list[str]:
    scenes = index.doc.get("scenes") if index.doc is not None else None
    body = scenes.get(scene) if isinstance(scenes, YMap) else None
    choices = body.get("choices") if isinstance(body, YMap) else None
    return [str(c.get("id", f"c{i + 1}")) for i, c in enumerate(choices or ())
            if isinstance(c, YMap)] if isinstance(choices, YList) else []


# ---- keys --------------------------------------------------------------------------------

def key_path(lines: list[str], row: int, column: int) -> list[str]:
    """The keys of the mappings that enclose a key written at ``column`` (0-based)."""
    path, limit = [], column
    for r in range(row - 1, -1, -1):
        text = lines[r]
        stripped = text.lstrip()
        indent = len(text) - len(stripped)
        if not stripped or stripped.startswith("#") or indent >= limit:
            continue
        limit = indent
        if not stripped.startswith("-"):
            m = _PARENT.match(stripped)
            if m:
                path.insert(0, m.group("key"))
        if limit == 0:
            break
    return path


def _keys(index: Index | None, lines: list[str], row: int, column: int) -> list[lsp.CompletionItem]:
    path = key_path(lines, row, column)
    definitions = schema()["definitions"]
    if not path:
        keys = list(schema()["properties"])
    elif len(path) == 2 and path[0] in SECTIONS:
        keys = list(definitions[SECTIONS[path[0]]]["properties"])
    elif len(path) == 3 and path[0] == "scenes" and path[2] in IN_SCENE:
        keys = list(definitions[IN_SCENE[path[2]]]["properties"])
    elif len(path) == 3 and path[0] == "scenes" and path[2] == "timer":
        keys = ["seconds", "default"]
    elif path[-1] in ("effects", "on_enter"):
        keys = ["set", "clear", *(index.names("meter") if index else [])]
    elif path[-1] in TEXT_KEYS:
        keys = _languages(index) + ["if"] * (path[-1] == "text")
    else:
        return []
    present = _siblings(lines, row, column)
    return [lsp.CompletionItem(label=k, kind=K.Property, detail="key", insert_text=f"{k}: ")
            for k in keys if k not in present]


def _siblings(lines: list[str], row: int, column: int) -> set[str]:
    """Keys already written in the same mapping as the cursor (not offered twice)."""
    found = set()
    for step in (-1, 1):
        r = row + step
        while 0 <= r < len(lines):
            stripped = lines[r].lstrip()
            indent = len(lines[r]) - len(stripped)
            r += step
            if not stripped or stripped.startswith("#"):
                continue
            dash = stripped.startswith("-")
            key_col = indent + len(stripped) - len(stripped[1:].lstrip()) if dash else indent
            if key_col < column or (dash and key_col == column and step == 1):
                break  # the parent's level, or the next item of the same list
            m = _PARENT.match(stripped)
            if key_col == column and m:
                found.add(m.group("key"))
                if dash:
                    break  # the first line of the list item the cursor is in
    return found


def _languages(index: Index | None) -> list[str]:
    langs = index.doc.get("languages") if index and index.doc is not None else None
    return [x for x in langs if isinstance(x, str)] if isinstance(langs, YList) else ["nl", "en"]
