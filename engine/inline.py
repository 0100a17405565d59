"""Inline conditional text: a phrase inside a longer text that shows only when a condition holds.

    Je belt de journalist terug. {if chosen(begin, reageren): Je reactie van vanochtend
    gaat al rond.} Ze wil weten {if vertrouwen >= 60: of je het plan steunt}{else: waarom
    je zweeg}.

``{if CONDITION: TEXT}`` shows TEXT when CONDITION holds; an ``{else: TEXT}`` right after
it shows when it does not. Blocks may nest. ``{{`` and ``}}`` are a literal brace; inside a
block ``}`` always ends it (``{if a: x{if b: y}}`` closes both), so a closing brace cannot
be text there. The
condition is the engine's own condition language (``engine.expr``), checked when the
scenario loads like every condition. Text conditions never decide the way on: the explorer
ignores them, as it ignores text variants.

This module parses a string into pieces (plain strings and ``Conditional`` blocks) and
renders pieces in a play state. ``render`` is the one function every front end's text
passes through (via ``engine.views``): a text's variants first, then its inline parts.
"""
from __future__ import annotations

from dataclasses import dataclass

MAX_NESTING = 8


class InlineError(ValueError):
    """Malformed markup at ``offset`` (from 0) in the string."""

    def __init__(self, message: str, offset: int, hint: str = ""):
        super().__init__(message)
        self.message, self.offset, self.hint = message, offset, hint


@dataclass(frozen=True, slots=True)
class Conditional:
    """``{if source: then}{else: otherwise}``; ``offset`` is where the condition starts."""

    source: str
    then: tuple
    otherwise: tuple = ()
    offset: int = 0
    condition: object = None  # the compiled engine.expr.Condition, once checked

    def with_condition(self, compile_) -> "Conditional":
        return Conditional(self.source, compile_pieces(self.then, compile_),
                           compile_pieces(self.otherwise, compile_), self.offset,
                           compile_(self))


def has_markup(text: str) -> bool:
    return "{" in text or "}" in text


class _Parser:
    def __init__(self, text: str):
        self.s, self.i = text, 0

    def pieces(self, depth: int, closing: bool) -> tuple:
        out: list = []
        buf: list[str] = []
        s = self.s
        while self.i < len(s):
            ch = s[self.i]
            if s.startswith("{{", self.i) or (not closing and s.startswith("}}", self.i)):
                buf.append(ch)
                self.i += 2
            elif ch == "}":
                if closing:
                    break
                raise InlineError("'}' closes no conditional text", self.i,
                                  "write '}}' for a brace in the text")
            elif ch == "{":
                if buf:
                    out.append("".join(buf))
                    buf = []
                out.append(self.block(depth))
            else:
                buf.append(ch)
                self.i += 1
        if buf:
            out.append("".join(buf))
        return tuple(out)

    def block(self, depth: int) -> Conditional:
        s, start = self.s, self.i
        if depth >= MAX_NESTING:
            raise InlineError(f"conditional text nested deeper than {MAX_NESTING} levels", start)
        if s.startswith("{else", start):
            raise InlineError("'{else: ...}' without an '{if ...: ...}' right before it", start,
                              "put it directly after the '}' of an '{if'")
        if not s.startswith("{if", start) or s[start + 3:start + 4] not in (" ", "\t", "\n", "("):
            raise InlineError("'{' begins conditional text: '{if CONDITION: TEXT}'", start,
                              "write '{{' for a brace in the text")
        colon = s.find(":", start)
        stop = min((j for j in (s.find("{", start + 1), s.find("}", start)) if j >= 0),
                   default=len(s))
        if colon < 0 or colon > stop:
            raise InlineError("conditional text needs ':' after its condition", start,
                              "write '{if CONDITION: TEXT}'")
        source, offset = s[start + 3:colon], start + 3
        if not source.strip():
            raise InlineError("conditional text without a condition", start,
                              "write '{if CONDITION: TEXT}'")
        self.i = colon + 1
        then = self.closed(depth, start)
        otherwise: tuple = ()
        if s.startswith("{else", self.i):
            at = self.i
            rest = s[at + 5:].lstrip(" ")
            if not rest.startswith(":"):
                raise InlineError("'{else' needs ':'", at, "write '{else: TEXT}'")
            self.i = s.index(":", at) + 1
            otherwise = self.closed(depth, at)
        return Conditional(source, then, otherwise, offset)

    def closed(self, depth: int, start: int) -> tuple:
        while self.i < len(self.s) and self.s[self.i] == " ":
            self.i += 1  # '{if x: Tekst}': the space after the colon is not text
        inner = self.pieces(depth + 1, closing=True)
        if self.i >= len(self.s):
            raise InlineError("conditional text is not closed with '}'", start,
                              "end it with '}'; write '{{' for a brace in the text")
        self.i += 1  # the closing '}'
        return inner


def parse(text: str) -> tuple:
    """The pieces of a string: plain strings and ``Conditional`` blocks (raises InlineError)."""
    return _Parser(text).pieces(0, closing=False)


def compile_pieces(pieces: tuple, compile_) -> tuple:
    """The pieces with every block's condition compiled by ``compile_(block)``."""
    return tuple(p.with_condition(compile_) if isinstance(p, Conditional) else p for p in pieces)


def blocks(pieces: tuple):
    """Every block in the pieces, nested ones too, in text order."""
    for p in pieces:
        if isinstance(p, Conditional):
            yield p
            yield from blocks(p.then)
            yield from blocks(p.otherwise)


def conditions(pieces: tuple) -> list[str]:
    """The conditions of the blocks, normalised, in order: what translations must keep."""
    return [" ".join(b.source.split()) for b in blocks(pieces)]


def signature(text: str) -> list[str] | str:
    """The conditions of a string, or the markup error in it (for comparing languages)."""
    try:
        return conditions(parse(text))
    except InlineError as exc:
        return exc.message


# ---- rendering ---------------------------------------------------------------------------

def render(text, state, lang: str, fallback: tuple[str, ...] = ()) -> str:
    """What a player sees of ``text`` (a ``model.Text``) in ``state``, in ``lang``: the first
    variant whose condition holds (else the text itself), with its inline parts resolved.

    Without a state (``None``: a report over many plays, an overview of a scene) the text
    shows as written for no state in particular: the last variant, each inline part's
    ``{else: ...}`` (or nothing)."""
    if text is None:
        return ""
    for v in text.variants if state is not None else ():
        if v.condition is None or v.condition.test(state):
            text = v.text
            break
    code = text.language(lang, fallback)
    if code is None:
        return ""
    pieces = text.inline.get(code) if text.inline else None
    return text.values[code] if pieces is None else _tidy(_render(pieces, state))


_GAP = "\x00"  # where a block showed nothing: a space on both sides of it becomes one


def _render(pieces: tuple, state) -> str:
    out = []
    for p in pieces:
        if isinstance(p, str):
            out.append(p)
        else:
            holds = state is not None and p.condition.test(state)
            shown = _render(p.then if holds else p.otherwise, state)
            out.append(shown or _GAP)
    return "".join(out)


def _tidy(text: str) -> str:
    if _GAP not in text:
        return text
    lines = []
    for line in text.split("\n"):
        if _GAP in line:
            parts = line.split(_GAP)
            joined = parts[0]
            for part in parts[1:]:
                if joined.endswith(" ") and (part.startswith(" ") or not part):
                    joined = joined[:-1]
                elif (not joined or joined.endswith("\n")) and part.startswith(" "):
                    part = part[1:]
                joined += part
            line = joined
        lines.append(line)
    return "\n".join(lines)
