"""The engine's reasons as sentences: "omdat je bij ‘Sanne belt’ niet koos: ‘Uitleggen’".

``because(reason, scenario, lang)`` walks the condition's syntax tree (``engine.expr``)
with the values the engine recorded when it evaluated it (``Reason.values``) and says why
the condition came out as it did, in words of the scenario: meter labels, scene names,
option texts; never the condition's source. Every front end that explains a reason (the
replay screen, the HTML report) says it with this one function.

Only the parts that decided the outcome are said: for a failed ``a and b`` the side that
failed, for a held ``a or b`` the side that held.
"""
from __future__ import annotations

from typing import Mapping

from ..engine.expr import Binary, Bool, Call, Name, Num, Unary
from ..engine.model import Scenario
from ..engine.reasons import Cause, Reason, term

from .sentence_words import count, join, word
from .texts import choice_text, find_choice, scene_name, text_of

QUOTES = "'‘’\"“”"
_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
_ARITH = {"+": "+", "-": "−", "*": "×"}
_LEVEL = {"+": 1, "-": 1, "*": 2}


def because(reason: Reason, scenario: Scenario, lang: str,
            step_of: Mapping[int, int] | None = None) -> str:
    """Why ``reason`` came out as it did: "omdat …" or "door het toeval (kans 30%)".
    ``step_of`` maps a decision's index to its step in a replay (from 0), to name it."""
    try:
        return _Sayer(reason, scenario, lang, step_of or {}).say()
    except KeyError:  # a value the reason did not record (a reason made by hand)
        return word(lang, "because", clauses=word(lang, "held" if reason.holds else "not_held"))


class _Sayer:
    def __init__(self, reason: Reason, scenario: Scenario, lang: str, step_of):
        self.reason, self.scenario, self.lang, self.step_of = reason, scenario, lang, step_of
        self.values = dict(reason.values)
        self.heads: dict[str, tuple[str, str]] = {}  # comparison clause -> (subject, relation)
        for part in reason.parts:
            self.values.update(part.values)

    def say(self) -> str:
        r, lang = self.reason, self.lang
        if r.parts:
            return word(lang, "because", clauses=self._join(
                [c for p in r.parts for c in self._route(p)]))
        if r.chance is not None and r.holds:
            if r.node is None:
                return word(lang, "by_chance", p=r.chance)
            return word(lang, "and_by_chance", clauses=self._join(self._clauses(r.node)),
                        p=r.chance)
        return word(lang, "because", clauses=self._join(self._route(r)))

    def _join(self, clauses: list[str]) -> str:
        """The clauses joined; comparisons of one subject said once: "Vertrouwen 50 was,
        lager dan 60 en hoger dan 40"."""
        merged: dict[str, list[str]] = {}
        for clause in self._unique(clauses):
            head, rel = self.heads.get(clause, (clause, ""))
            merged.setdefault(head, []).append(rel)
        comma = word(self.lang, "comma")
        return join(self.lang, [
            head + comma + join(self.lang, [r.removeprefix(comma) for r in rels if r])
            if any(rels) else head for head, rels in merged.items()])

    def _route(self, r: Reason) -> list[str]:
        """Why one condition (of a route: with its chance) held or failed."""
        if r.node is None:
            if r.chance is not None:
                return [word(self.lang, "chance_against", p=r.chance)]
            return [word(self.lang, "held" if r.holds else "not_held")]
        if r.chance is not None and not r.holds and self._value(r.node):
            return [word(self.lang, "chance_against", p=r.chance)]
        return self._clauses(r.node)

    @staticmethod
    def _unique(clauses: list[str]) -> list[str]:
        return list(dict.fromkeys(clauses))

    # ---- values --------------------------------------------------------------------------
    def _value(self, node):
        if isinstance(node, (Num, Bool)):
            return node.value
        if isinstance(node, Name):
            return self.values[node.name]
        if isinstance(node, Call):
            return self.values[term(node)]
        if isinstance(node, Unary):
            v = self._value(node.operand)
            return (not v) if node.op == "not" else -v
        return self._binary(node)

    def _binary(self, node: Binary):
        op = node.op
        if op == "and":
            return bool(self._value(node.left)) and bool(self._value(node.right))
        if op == "or":
            return bool(self._value(node.left)) or bool(self._value(node.right))
        a, b = self._value(node.left), self._value(node.right)
        return {"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b,
                "+": a + b if op == "+" else 0, "-": a - b if op == "-" else 0,
                "*": a * b if op == "*" else 0}[op]

    # ---- clauses -------------------------------------------------------------------------
    def _clauses(self, node) -> list[str]:
        """Why ``node`` (a truth value) has the value it has, as clauses to join."""
        if isinstance(node, Unary):
            return self._clauses(node.operand)
        if isinstance(node, Binary) and node.op in ("and", "or"):
            sides = [node.left, node.right]
            outcome = bool(self._value(node))
            deciding = [s for s in sides if bool(self._value(s)) == outcome]
            return self._unique([c for s in deciding for c in self._clauses(s)])
        if isinstance(node, Binary) and node.op in ("==", "!=") and \
                isinstance(self._value(node.left), bool):
            sides = [s for s in (node.left, node.right) if not isinstance(s, Bool)]
            return self._unique([c for s in sides for c in self._clauses(s)])
        if isinstance(node, Binary):
            return [self._comparison(node)]
        if isinstance(node, Bool):
            return [word(self.lang, "always" if node.value else "never")]
        if isinstance(node, Name):
            return [self._flag(node.name, bool(self._value(node)))]
        return [self._call(node, self._value(node))]

    def _call(self, call: Call, value) -> str:
        lang, scene = self.lang, call.args[0]
        if call.func == "chosen":
            return self._chose(scene, call.args[1], bool(value))
        if call.func == "ending":
            ending = self.scenario.endings.get(scene)
            title = text_of(ending.title, self.scenario, lang) if ending else scene
            return word(lang, "ended" if value else "not_ended", ending=title)
        return word(lang, "seen" if value else "not_seen", scene=self._scene(scene))

    def _chose(self, scene: str, choice: str, chosen: bool) -> str:
        lang, text = self.lang, _quoted(choice_text(self.scenario, scene, choice, self.lang))
        if not chosen:
            return word(lang, "not_chose", scene=self._scene(scene), choice=text)
        cause = next((c for c in self.reason.causes if (c.scene, c.choice) == (scene, choice)),
                     None)
        return word(lang, "chose", scene=self._scene(scene), choice=text, step=self._step(cause))

    def _step(self, cause: Cause | None) -> str:
        if cause is None or cause.decision not in self.step_of:
            return ""
        return word(self.lang, "step", n=self.step_of[cause.decision] + 1)

    def _flag(self, flag: str, on: bool) -> str:
        """A flag has no label: the decision that set (or cleared) it, else its name."""
        for cause in reversed(self.reason.causes):
            choice = find_choice(self.scenario, cause.scene, cause.choice)
            if choice is not None and flag in (choice.effects.sets if on else choice.effects.clears):
                return self._chose(cause.scene, cause.choice, True)
        setter = None if on else _only_setter(self.scenario, flag)
        if setter is not None:  # off because the one decision that sets it was not taken
            return self._chose(*setter, False)
        return word(self.lang, "flag.on" if on else "flag.off", flag=flag.replace("_", " "))

    def _scene(self, scene_id: str) -> str:
        return scene_name(self.scenario, scene_id, self.lang)

    # ---- comparisons ---------------------------------------------------------------------
    def _comparison(self, node: Binary) -> str:
        op, left, right = node.op, node.left, node.right
        if _constant(left) and not _constant(right):
            op, left, right = _FLIP[op], right, left
        lv, rv = self._value(left), self._value(right)
        if not _constant(right):
            return self._pair(left, lv, right, rv)
        return self._against(op, left, lv, rv)

    def _pair(self, left, lv: int, right, rv: int) -> str:
        names = {"left": self._term(left), "right": self._term(right)}
        if lv == rv:
            return word(self.lang, "pair.equal", v=lv, **names)
        return word(self.lang, "pair.lower" if lv < rv else "pair.higher", lv=lv, rv=rv, **names)

    def _against(self, op: str, subject, v: int, t: int) -> str:
        """``subject`` (with value ``v``) compared with the number ``t``."""
        lang = self.lang
        is_count = isinstance(subject, Call)
        rel = _relation(op, v, t, is_count)
        if is_count and subject.func == "visits":
            scene = self._scene(subject.args[0])
            if v == 0:
                return word(lang, "visits.0", scene=scene)
            return word(lang, "visits", scene=scene, times=count(lang, "times", v)) + \
                (word(lang, rel, t=t) if rel else "")
        if is_count:
            if v == 0:
                return word(lang, "missteps.0")
            return word(lang, "missteps", count=count(lang, "misstep", v)) + \
                (word(lang, rel, t=t) if rel else "")
        key = "meter" if isinstance(subject, Name) else "sum"
        label = self._term(subject)
        if rel is None:
            return word(lang, f"{key}.exact", label=label, term=label, v=v)
        head = word(lang, key, label=label, term=label, v=v, rel="")
        tail = word(lang, rel, t=t)
        self.heads[head + tail] = (head, tail)
        return head + tail

    def _term(self, node, level: int = 0) -> str:
        """A number as people name it: "Vertrouwen + Integriteit", "de misstappen"."""
        if isinstance(node, Num):
            return str(node.value)
        if isinstance(node, Name):
            meter = self.scenario.meters.get(node.name)
            return text_of(meter.label, self.scenario, self.lang) if meter else node.name
        if isinstance(node, Call):
            if node.func == "visits":
                return word(self.lang, "term.visits", scene=self._scene(node.args[0]))
            return word(self.lang, "term.missteps")
        if isinstance(node, Unary):
            return "−" + self._term(node.operand, 3)
        own = _LEVEL[node.op]
        text = f"{self._term(node.left, own)} {_ARITH[node.op]} {self._term(node.right, own + 1)}"
        return f"({text})" if own < level else text


def _quoted(text: str) -> str:
    """An option's text in quotes, unless it is a quote itself ("'Geen commentaar.'")."""
    if text[:1] in QUOTES and text[-1:] in QUOTES:
        return text
    return f"‘{text}’"


def _only_setter(scenario: Scenario, flag: str) -> tuple[str, str] | None:
    """The (scene, choice) that is the only thing in the scenario to set ``flag``, if any."""
    setters = [(scene.id, c.id) for scene in scenario.scenes.values() for c in scene.choices
               if flag in c.effects.sets]
    if any(flag in scene.on_enter.sets for scene in scenario.scenes.values()):
        return None
    return setters[0] if len(setters) == 1 else None


def _constant(node) -> bool:
    if isinstance(node, (Num, Bool)):
        return True
    if isinstance(node, Unary):
        return _constant(node.operand)
    if isinstance(node, Binary):
        return _constant(node.left) and _constant(node.right)
    return False


def _relation(op: str, v: int, t: int, is_count: bool) -> str | None:
    """The word key that sets ``v`` against ``t``; None when ``v`` is exactly ``t`` and that
    says it all."""
    if v == t:
        if op == ">":
            return "rel.not_more" if is_count else "rel.not_higher"
        if op == "<":
            return "rel.not_fewer" if is_count else "rel.not_lower"
        return None
    if v < t:
        return "rel.fewer" if is_count else "rel.lower"
    return "rel.more" if is_count else "rel.higher"
