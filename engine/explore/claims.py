"""A reviewer's questions over every playthrough, and counterexamples one can replay.

``query(scenario, "missteps() >= 1 and ending(weerbaar)")`` answers whether some
playthrough ends where the condition holds, with the shortest such playthrough. In a query,
``ending(ID)`` is true when the playthrough ended in that ending. A path is shown as choice
ids and as the numbers to pipe into the terminal player (``replay_command``).
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass

from ..expr import Env, ExprError, compile_condition
from ..model import Scenario
from .exploration import DEFAULT_BOUND, Exploration, PathChoice
from .search import explore


class QueryError(ValueError):
    """A query that does not parse or check; ``column`` counts from 1."""

    def __init__(self, exc: ExprError):
        super().__init__(exc.message)
        self.code, self.message, self.hint = exc.code, exc.message, exc.hint
        self.column = exc.column + 1

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"--query:1:{self.column}: error[{self.code}]: {self.message}{hint}"


@dataclass
class Answer:
    possible: bool
    path: list[PathChoice] | None
    exploration: Exploration

    @property
    def decided(self) -> bool:
        """False when the search stopped at its budget before finding a witness."""
        return self.possible or not self.exploration.bound_hit


def query_env(scenario: Scenario) -> Env:
    """What names mean in a query about ``scenario``."""
    return Env(
        meters={m.id: (m.min, m.max) for m in scenario.meters.values()},
        flags=set(scenario.flags), scenes=set(scenario.scenes) | set(scenario.endings),
        choices={s.id: {c.id for c in s.choices} for s in scenario.scenes.values()},
        missteps=frozenset((s.id, c.id) for s in scenario.scenes.values()
                           for c in s.choices if c.misstep),
        endings=frozenset(scenario.endings), context="query")


def compile_query(scenario: Scenario, src: str):
    try:
        return compile_condition(src, query_env(scenario))
    except ExprError as exc:
        raise QueryError(exc) from None


def query(scenario: Scenario, src: str, bound: int = DEFAULT_BOUND) -> Answer:
    """Is there a playthrough that ends where ``src`` holds? Raise QueryError if ``src`` is
    not a valid condition for this scenario."""
    cond = compile_query(scenario, src)
    exploration = explore(scenario, bound, claims=False, query=cond)
    return Answer(exploration.witness is not None, exploration.witness, exploration)


def path_ids(path: list[PathChoice]) -> str:
    return " → ".join(s.choice for s in path) if path else "(no choices)"


def replay_command(scenario_path: str, path: list[PathChoice]) -> str:
    """The shell line that replays ``path`` in the terminal player."""
    numbers = "".join(f"{s.number}\\n" for s in path)
    return f"printf '{numbers}' | weerbaar play {shlex.quote(scenario_path)} --text"


def uses_chance(scenario: Scenario) -> bool:
    return any(r.chance is not None for s in scenario.scenes.values() for r in s.next)
