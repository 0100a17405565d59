"""The condition language: a small, safe expression language of the engine's own.

    vertrouwen >= 40 and not pers_ingelicht
    (integriteit + vertrouwen) * 2 > 100 or visited(persconferentie)
    chosen(begin, bellen)

Integers, ``true``/``false``, meter and flag names, ``== != < <= > >=``, ``and or not``,
``+ - *``, parentheses and the functions in ``FUNCTIONS``. Expressions are parsed once when
a scenario loads, type-checked (numbers and truth values do not mix), bounded (interval
arithmetic over the meters' ranges keeps every intermediate value small), and compiled to
closures. Nothing is ever handed to Python's ``eval``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .exprsyntax import (FUNCTIONS, MAX_MAGNITUDE, MAX_VISITS, Binary, Bool, Call, ExprError, Name,
                         Num, Unary, parse, tokenize)

# the language's public names: its syntax (``exprsyntax``) and what is checked and compiled here
__all__ = ["FUNCTIONS", "Binary", "Bool", "Call", "Condition", "Env", "ExprError", "Name", "Num",
           "Unary", "Uses", "check", "compile_condition", "compile_node", "parse", "tokenize",
           "uses"]


# ---- checking ---------------------------------------------------------------------------

@dataclass
class Env:
    """What names mean in one scenario: meter ranges, flags, scene and choice ids."""

    meters: dict[str, tuple[int, int]] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    scenes: set[str] = field(default_factory=set)
    choices: dict[str, set[str]] = field(default_factory=dict)
    missteps: frozenset[tuple[str, str]] = frozenset()  # the (scene, choice) pairs marked misstep
    endings: frozenset[str] = frozenset()
    context: str = "scene"  # "scene", "requires" (an ending's claim) or "query" (the explorer)


@dataclass(frozen=True, slots=True)
class Uses:
    """The state an expression reads: for explanations and for the explorer's state key."""

    names: frozenset[str] = frozenset()
    visited: frozenset[str] = frozenset()
    chosen: frozenset[tuple[str, str]] = frozenset()
    missteps: frozenset[tuple[str, str]] = frozenset()  # the pairs missteps() counts
    endings: frozenset[str] = frozenset()  # the endings ending() asks about


def _closest(word: str, candidates) -> str:
    import difflib
    match = difflib.get_close_matches(str(word), sorted(map(str, candidates)), n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else ""


def check(node, env: Env) -> tuple[str, tuple[int, int]]:
    """Return (type, (low, high)) of ``node``; raise ExprError on misuse."""
    if isinstance(node, Num):
        return "int", (node.value, node.value)
    if isinstance(node, Bool):
        return "bool", (int(node.value), int(node.value))
    if isinstance(node, Name):
        if node.name in env.meters:
            return "int", env.meters[node.name]
        if node.name in env.flags:
            return "bool", (0, 1)
        hint = _closest(node.name, set(env.meters) | env.flags) or \
            "declare it under 'meters:' or 'flags:'"
        raise ExprError("E011", f"unknown meter or flag '{node.name}'", node.col, hint)
    if isinstance(node, Call) and node.func in ("missteps", "ending"):
        return _check_play_call(node, env)
    if isinstance(node, Call):
        scene = node.args[0]
        if scene not in env.scenes:
            raise ExprError("E012", f"unknown scene '{scene}' in {node.func}()", node.arg_cols[0],
                            _closest(scene, env.scenes))
        if node.func == "visits":
            return "int", (0, MAX_VISITS)
        if node.func == "chosen":
            known = env.choices.get(scene, set())
            if node.args[1] not in known:
                raise ExprError("E012", f"scene '{scene}' has no choice '{node.args[1]}'",
                                node.arg_cols[1], _closest(node.args[1], known))
        return "bool", (0, 1)
    if isinstance(node, Unary):
        kind, (lo, hi) = check(node.operand, env)
        if node.op == "not":
            _want(kind, "bool", node, "'not' needs a truth value")
            return "bool", (0, 1)
        _want(kind, "int", node, "'-' needs a number")
        return "int", (-hi, -lo)
    kl, (a, b) = check(node.left, env)
    kr, (c, d) = check(node.right, env)
    op = node.op
    if op in ("and", "or"):
        _want(kl, "bool", node, f"'{op}' joins truth values")
        _want(kr, "bool", node, f"'{op}' joins truth values")
        return "bool", (0, 1)
    if op in ("==", "!="):
        if kl != kr:
            raise ExprError("E013", f"'{op}' compares a {_noun(kl)} with a {_noun(kr)}", node.col)
        return "bool", (0, 1)
    _want(kl, "int", node, f"'{op}' needs numbers on both sides")
    _want(kr, "int", node, f"'{op}' needs numbers on both sides")
    if op in ("<", "<=", ">", ">="):
        return "bool", (0, 1)
    if op == "+":
        lo, hi = a + c, b + d
    elif op == "-":
        lo, hi = a - d, b - c
    else:
        products = (a * c, a * d, b * c, b * d)
        lo, hi = min(products), max(products)
    if max(abs(lo), abs(hi)) > MAX_MAGNITUDE:
        raise ExprError("E021", "the arithmetic can grow beyond what a condition needs", node.col,
                        "compare meters directly instead of multiplying them")
    return "int", (lo, hi)


def _check_play_call(node: Call, env: Env) -> tuple[str, tuple[int, int]]:
    """``missteps()`` counts the misstep choices taken; ``ending(ID)`` asks where a play ended
    and means something only in an explorer query."""
    if node.func == "missteps":
        return "int", (0, len(env.missteps))
    if env.context == "requires":
        raise ExprError("E020", "ending() is pointless in 'requires'", node.col,
                        "a claim is already about the ending it stands in; remove ending()")
    if env.context != "query":
        raise ExprError("E020", "ending() can only be used in explorer queries", node.col,
                        "weerbaar explore FILE --query \"ending(ID) and ...\"")
    if node.args[0] not in env.endings:
        raise ExprError("E012", f"unknown ending '{node.args[0]}' in ending()", node.arg_cols[0],
                        _closest(node.args[0], env.endings) or "name an ending")
    return "bool", (0, 1)


def _noun(kind: str) -> str:
    return "number" if kind == "int" else "truth value"


def _want(kind: str, want: str, node, hint: str):
    if kind != want:
        raise ExprError("E013", f"expected a {_noun(want)} (got a {_noun(kind)})", node.col, hint)


def uses(node, env: Env | None = None) -> Uses:
    names, visited, chosen, play = set(), set(), set(), set()

    def walk(n):
        if isinstance(n, Name):
            names.add(n.name)
        elif isinstance(n, Call) and n.func in ("missteps", "ending"):
            play.add(n.func if n.func == "missteps" else n.args[0])
        elif isinstance(n, Call):
            (chosen if n.func == "chosen" else visited).add(
                n.args if n.func == "chosen" else n.args[0])
        elif isinstance(n, Unary):
            walk(n.operand)
        elif isinstance(n, Binary):
            walk(n.left)
            walk(n.right)
    walk(node)
    pairs = env.missteps if env is not None and "missteps" in play else frozenset()
    return Uses(frozenset(names), frozenset(visited), frozenset(chosen), pairs,
                frozenset(play - {"missteps"}))


# ---- compiling --------------------------------------------------------------------------
# A compiled expression is a function of a play state ``s`` with ``s.vars`` (meters and
# flags), ``s.visits`` (scene -> count) and ``s.chosen`` (set of (scene, choice)).

_CMP = {"==": lambda x, y: x == y, "!=": lambda x, y: x != y, "<": lambda x, y: x < y,
        "<=": lambda x, y: x <= y, ">": lambda x, y: x > y, ">=": lambda x, y: x >= y}


def compile_node(node, env: Env | None = None):
    if isinstance(node, Call) and node.func in ("missteps", "ending"):
        return _compile_play_call(node, env)
    if isinstance(node, (Num, Bool)):
        v = node.value
        return lambda s: v
    if isinstance(node, Name):
        k = node.name
        return lambda s: s.vars[k]
    if isinstance(node, Call):
        if node.func == "visited":
            scene = node.args[0]
            return lambda s: scene in s.visits
        if node.func == "visits":
            scene = node.args[0]
            return lambda s: s.visits.get(scene, 0)
        pair = node.args
        return lambda s: pair in s.chosen
    if isinstance(node, Unary):
        f = compile_node(node.operand, env)
        return (lambda s: not f(s)) if node.op == "not" else (lambda s: -f(s))
    return _compile_binary(node, env)


def _compile_play_call(node: Call, env: Env | None):
    """``missteps()`` reads the ``chosen`` set against the scenario's misstep pairs;
    ``ending(ID)`` reads the scene the play stands in (an ending, where queries are asked)."""
    if node.func == "ending":
        eid = node.args[0]
        return lambda s: s.scene == eid
    pairs = env.missteps if env is not None else frozenset()
    return lambda s: len(pairs.intersection(s.chosen))


def _compile_binary(node, env: Env | None = None):
    op = node.op
    f, g = compile_node(node.left, env), compile_node(node.right, env)
    if op == "and":
        return lambda s: f(s) and g(s)
    if op == "or":
        return lambda s: f(s) or g(s)
    if op in _CMP:
        if isinstance(node.left, Name) and isinstance(node.right, Num):
            k, v = node.left.name, node.right.value
            return {">=": lambda s: s.vars[k] >= v, ">": lambda s: s.vars[k] > v,
                    "<=": lambda s: s.vars[k] <= v, "<": lambda s: s.vars[k] < v,
                    "==": lambda s: s.vars[k] == v, "!=": lambda s: s.vars[k] != v}[op]
        cmp = _CMP[op]
        return lambda s: cmp(f(s), g(s))
    if op == "+":
        return lambda s: f(s) + g(s)
    if op == "-":
        return lambda s: f(s) - g(s)
    return lambda s: f(s) * g(s)


@dataclass(frozen=True, slots=True)
class Condition:
    """A parsed, checked and compiled condition."""

    source: str
    test: object  # callable(state) -> bool
    uses: Uses
    node: object = None  # the syntax tree, for analyses such as the explorer's

    def __call__(self, state) -> bool:
        return bool(self.test(state))


# operators from other languages or typing slips -> what was meant
_MISTYPED = re.compile(r"=>|=<|>>|<<")
_MEANT = {"=>": (">=", "at least"), "=<": ("<=", "at most"), ">>": (">", "greater than"),
          "<<": ("<", "less than")}


def _mistyped_operator(src: str, env: Env) -> None:
    """Raise E010 for '=>', '>>'... with what was meant; the rest of the condition is still
    checked as if it were written right, so that an unknown name in it is reported too."""
    m = _MISTYPED.search(src)
    if m is None:
        return
    right, meaning = _MEANT[m.group()]
    error = ExprError("E010", f"'{m.group()}' is not an operator", m.start(),
                      f"write '{right}' for '{meaning}'")
    fixed = src[:m.start()] + right.ljust(2) + src[m.end():]  # same length: columns stay
    try:
        compile_condition(fixed, env)
    except ExprError as other:
        error.also = [other, *other.also]
    raise error


def compile_condition(src: str, env: Env) -> Condition:
    """Parse, check and compile one condition; raise ExprError with a column on failure."""
    _mistyped_operator(src, env)
    node = parse(src)
    kind, _ = check(node, env)
    if kind != "bool":
        raise ExprError("E013", "a condition must be true or false (got a number)", 0,
                        "compare it, for example 'vertrouwen >= 40'")
    return Condition(src, compile_node(node, env), uses(node, env), node)
