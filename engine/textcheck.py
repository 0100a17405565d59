"""Checking the texts a player sees while the loader reads them: inline conditional text
(``engine.inline``) parsed, its conditions checked and located in the file, and the
languages of one text compared (they must ask the same conditions).
"""
from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from .expr import Env, ExprError, compile_condition
from .inline import InlineError, blocks, compile_pieces, has_markup, parse, signature
from .model import Text

Pos = tuple[int, int]
SCAN_LINES = 400  # how far below a text's start its markup is looked for


def locate(lines: list[str], at: Pos, needle: str, nth: int = 0) -> Pos | None:
    """Where the ``nth`` (from 0) occurrence of ``needle`` stands at or after ``at``."""
    line, col = at
    if not needle or line < 1:
        return None
    for i in range(line - 1, min(len(lines), line - 1 + SCAN_LINES)):
        j = lines[i].find(needle, col - 1 if i == line - 1 else 0)
        while j >= 0:
            if nth == 0:
                return (i + 1, j + 1)
            nth -= 1
            j = lines[i].find(needle, j + 1)
    return None


def offset_pos(lines: list[str], at: Pos, text: str, offset: int) -> Pos:
    """The file position of ``text[offset]``, for a string that begins at ``at``. Folded and
    quoted strings differ from their lines, so the characters there are looked for."""
    rest = text[offset:].split("\n", 1)[0]
    for needle in (rest[:24], rest.split(" ", 1)[0] if rest.strip() else rest):
        if needle.strip():
            found = locate(lines, at, needle, text[:offset].count(needle))
            if found is not None:
                return found
    return at


def compile_string(text: str, at: Pos, what: str, env: Env, lines: list[str],
                   collector) -> tuple | None:
    """The pieces of a shown string with markup, conditions compiled; None without markup
    or when it has errors (reported)."""
    if not has_markup(text):
        return None
    try:
        pieces = parse(text)
    except InlineError as exc:
        collector.error("E031", f"{what}: {exc.message}", offset_pos(lines, at, text, exc.offset),
                     exc.hint)
        return None
    failed = []

    def compile_block(block):
        try:
            return compile_condition(block.source, env)
        except ExprError as exc:
            failed.append(block)
            line, col = offset_pos(lines, at, text, block.offset)
            for e in (exc, *exc.also):
                collector.error(e.code, f"{what} '{{if ...}}': {e.message}", (line, col + e.column),
                             e.hint)
            return None
    pieces = compile_pieces(pieces, compile_block)
    return None if failed else pieces


def shown(text: Text, where: dict, what: str, env: Env, lines: list[str], collector) -> Text:
    """``text`` with its inline conditional parts compiled. ``where``: language -> position."""
    inline = {}
    for code, s in text.values.items():
        pieces = compile_string(s, where.get(code, (0, 0)), what, env, lines, collector)
        if pieces is not None:
            inline[code] = pieces
    same_conditions(text, where, what, collector)
    return replace(text, inline=MappingProxyType(inline)) if inline else text


def same_conditions(text: Text, where: dict, what: str, collector) -> None:
    """W015 when the languages of one text ask different conditions inline."""
    if text.plain or len(text.values) < 2 or not any(map(has_markup, text.values.values())):
        return
    (first, source), *others = text.values.items()
    want = signature(source)
    for code, s in others:
        got = signature(s)
        if got != want and isinstance(want, list) and isinstance(got, list):
            collector.warn("W015", f"{what}: the '{code}' text asks other conditions than the "
                        f"'{first}' text ({_listed(got)} instead of {_listed(want)})",
                        where.get(code, (0, 0)),
                        "every language shows the same parts in the same states; copy the "
                        "'{if ...}' conditions from the source and translate only the text")


def _listed(conditions: list[str]) -> str:
    return ", ".join(f"'{c}'" for c in conditions) or "none"


def misplaced(text: Text, where: dict, what: str, collector) -> None:
    """E031 for conditional text where no play state is at hand (titles, labels, notes)."""
    for code, s in text.values.items():
        if "{if" in s:
            at = where.get(code, (0, 0))
            collector.error("E031", f"{what}: conditional text is read only in texts shown "
                         "during play", at, "use it in scene, ending, choice, feedback, post "
                         "and message texts; write '{{' for a brace")


def conditions(text: Text | None):
    """Every compiled condition a text can ask: its variants' and its inline parts'."""
    if text is None:
        return
    for v in text.variants:
        if v.condition is not None:
            yield v.condition
    for t in (*(v.text for v in text.variants), text):
        for pieces in (t.inline or {}).values():
            for b in blocks(pieces):
                if b.condition is not None:
                    yield b.condition


def brace_hint(value) -> str:
    """For a text that YAML read as a mapping because it begins with '{'."""
    key = next(iter(value), "") if isinstance(value, dict) else value
    if isinstance(key, str) and (key.startswith("if ") or key.startswith("else")):
        return ("a text that begins with '{' is read by YAML as a mapping: put the text in "
                "quotes, or under '>-' on the lines below")
    return ""


def explain_yaml_braces(collector, lines: list[str]) -> None:
    """A YAML syntax error (E001) on a line whose value begins with '{if' or '{else': the
    text was read as a flow mapping; say so in the hint."""
    for i, d in enumerate(collector.items):
        row = lines[d.line - 1] if d.code == "E001" and 0 < d.line <= len(lines) else ""
        if ": {if " in row or ": {else" in row or row.lstrip().startswith(("- {if ", "{if ")):
            collector.items[i] = replace(d, hint=brace_hint("if ..."))
