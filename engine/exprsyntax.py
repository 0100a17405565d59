"""The condition language's syntax: tokens and the syntax tree, parsed from a condition's
source (``engine.expr`` checks and compiles what this parses)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_LENGTH = 500
MAX_DEPTH = 40
MAX_LITERAL = 10**9
MAX_MAGNITUDE = 10**15
FUNCTIONS = {"visited": 1, "visits": 1, "chosen": 2, "missteps": 0, "ending": 1}
MAX_VISITS = 10**4  # for the range check only: no play enters a scene more often
KEYWORDS = {"and", "or", "not", "true", "false"}

# ASCII only: ``\d`` and ``\s`` would let '٤٠' read as 40 and a non-breaking space pass
_TOKEN = re.compile(r"""
    (?P<ws>[ \t\r\n]+)
  | (?P<num>[0-9]+)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>==|!=|<=|>=|<|>|\+|-|\*|\(|\)|,)
""", re.VERBOSE)


class ExprError(ValueError):
    """A problem in one expression; ``column`` counts from 0 within the expression."""

    def __init__(self, code: str, message: str, column: int = 0, hint: str = ""):
        super().__init__(message)
        self.code, self.message, self.column, self.hint = code, message, column, hint
        self.also: list[ExprError] = []  # further problems in the same expression


@dataclass(frozen=True, slots=True)
class Tok:
    kind: str
    text: str
    col: int


def tokenize(src: str) -> list[Tok]:
    if len(src) > MAX_LENGTH:
        raise ExprError("E021", f"condition is {len(src)} characters long (at most {MAX_LENGTH})",
                        0, "split it with a flag set by an earlier choice")
    out, i = [], 0
    while i < len(src):
        m = _TOKEN.match(src, i)
        if not m:
            ch = src[i]
            hint = {"&": "write 'and'", "|": "write 'or'", "!": "write 'not'",
                    "=": "compare with '=='", ".": "there are no attributes; use a plain name",
                    "/": "there is no division", "'": "there are no strings", '"': "there are no strings",
                    "[": "there is no indexing"}.get(ch, "") or _foreign_hint(ch)
            raise ExprError("E010", f"unexpected character {_shown_char(ch)}", i, hint)
        if m.lastgroup != "ws":
            out.append(Tok(m.lastgroup, m.group(), i))
        i = m.end()
    out.append(Tok("end", "", len(src)))
    return out


def _shown_char(ch: str) -> str:
    """A character for a message: invisible ones (spaces other than ' ', controls, format
    characters) escaped, so that the author can see what is there."""
    if ch.isprintable() and not ch.isspace() or ch == " ":
        return f"'{ch}'"
    return f"'\\u{ord(ch):04x}' ({unicodedata.name(ch, 'a control character').lower()})"


def _foreign_hint(ch: str) -> str:
    if ch.isdigit():
        return f"write numbers with the digits 0-9 (this is {unicodedata.digit(ch, '?')})"
    if ch.isspace():
        return "use plain spaces"
    if not ch.isprintable():
        return "remove the invisible character"
    return ""


# ---- syntax tree -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Num:
    value: int
    col: int


@dataclass(frozen=True, slots=True)
class Bool:
    value: bool
    col: int


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    col: int


@dataclass(frozen=True, slots=True)
class Call:
    func: str
    args: tuple[str, ...]
    col: int
    arg_cols: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Unary:
    op: str
    operand: object
    col: int


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: object
    right: object
    col: int


class _Parser:
    def __init__(self, src: str):
        self.toks = tokenize(src)
        self.i = 0
        self.depth = 0

    def peek(self) -> Tok:
        return self.toks[self.i]

    def take(self) -> Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect(self, text: str) -> Tok:
        t = self.peek()
        if t.text != text:
            found = f"'{t.text}'" if t.text else "the end"
            raise ExprError("E010", f"expected '{text}' but found {found}", t.col)
        return self.take()

    def parse(self):
        if self.peek().kind == "end":
            raise ExprError("E010", "empty condition", 0, "write a condition or remove 'if:'")
        node = self.or_()
        t = self.peek()
        if t.kind != "end":
            hint = "comparisons cannot be chained; join them with 'and'" \
                if t.text in ("<", ">", "<=", ">=", "==", "!=") else "a condition is one expression"
            raise ExprError("E010", f"unexpected '{t.text}'", t.col, hint)
        return node

    def nest(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError("E021", f"condition nested deeper than {MAX_DEPTH} levels",
                            self.peek().col)

    def or_(self):
        return self.chain(("or",), self.and_)

    def and_(self):
        return self.chain(("and",), self.not_)

    def not_(self):
        return self.prefix("not", self.not_, self.compare)

    def compare(self):
        node = self.sum()
        if self.peek().text in ("==", "!=", "<", "<=", ">", ">="):
            t = self.take()
            node = Binary(t.text, node, self.sum(), t.col)
        return node

    def sum(self):
        return self.chain(("+", "-"), self.product)

    def product(self):
        return self.chain(("*",), self.unary)

    def unary(self):
        return self.prefix("-", self.unary, self.atom)

    def chain(self, operators: tuple[str, ...], operand):
        """``operand (operator operand)*``, grouped from the left."""
        node = operand()
        while self.peek().text in operators:
            t = self.take()
            node = Binary(t.text, node, operand(), t.col)
        return node

    def prefix(self, operator: str, operand, otherwise):
        """``operator operand`` (a level deeper), or else ``otherwise()``."""
        if self.peek().text != operator:
            return otherwise()
        t = self.take()
        self.nest()
        node = Unary(operator, operand(), t.col)
        self.depth -= 1
        return node

    def atom(self):
        t = self.take()
        if t.kind == "num":
            if len(t.text) > 10 or int(t.text) > MAX_LITERAL:
                raise ExprError("E021", f"number {t.text[:12]} is too large (at most {MAX_LITERAL})",
                                t.col)
            return Num(int(t.text), t.col)
        if t.text in ("true", "false"):
            return Bool(t.text == "true", t.col)
        if t.text == "(":
            self.nest()
            node = self.or_()
            self.expect(")")
            self.depth -= 1
            return node
        if t.kind == "name" and t.text not in KEYWORDS:
            if self.peek().text == "(":
                return self.call(t)
            return Name(t.text, t.col)
        found = f"'{t.text}'" if t.text else "the end"
        raise ExprError("E010", f"expected a value but found {found}", t.col)

    def call(self, name: Tok):
        if name.text not in FUNCTIONS:
            raise ExprError("E020", f"unknown function '{name.text}'", name.col,
                            "functions: " + ", ".join(f"{f}()" for f in FUNCTIONS))
        self.expect("(")
        args, cols = [], []
        while self.peek().text != ")":
            t = self.take()
            if t.kind != "name" or t.text in KEYWORDS:
                raise ExprError("E020", f"{name.text}() takes scene and choice ids, not '{t.text}'",
                                t.col)
            args.append(t.text)
            cols.append(t.col)
            if self.peek().text == ",":
                self.take()
            elif self.peek().text != ")":
                self.expect(")")
        self.expect(")")
        if len(args) != FUNCTIONS[name.text]:
            want = FUNCTIONS[name.text]
            raise ExprError("E020", f"{name.text}() takes {want} argument{'s' * (want > 1)}"
                            f" (got {len(args)})", name.col,
                            "visited(scene), visits(scene), chosen(scene, choice), missteps() or ending(id)")
        return Call(name.text, tuple(args), name.col, tuple(cols))


def parse(src: str):
    """Parse an expression into a syntax tree, or raise ExprError."""
    return _Parser(src).parse()
