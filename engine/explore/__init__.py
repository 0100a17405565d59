"""Proof that a scenario works and teaches what it claims: walk its whole state space, or
play it at random.

``explore(scenario)`` visits every reachable state (scene, meters, flags, and the visits and
choices that conditions read), merging states that no later condition can tell apart, and
reports what was reached and what not, soft-locks, endless loops and dead ends, path
lengths, for every ending the shortest sequence of choices that reaches it, and every ending
whose ``requires`` fails on some playthrough (with the shortest such playthrough; the claims
are checked over the paths of the merged graph, so they add no states).
``query(scenario, "CONDITION")`` asks whether some playthrough ends where the condition
holds. ``random_walks`` plays seeded random sessions by the same rules.

Stepping (for differential tests against the machine): ``start_state(scenario, seed)``
gives the state after entering the start scene; ``take(scenario, state, choice)`` and
``follow(scenario, state, route)`` step it in place through ``engine.rules``;
``settle(scenario, state)`` follows routes as the machine does (seeded chance) until a
decision or an ending; ``play_ids(scenario, ["bellen", "wachten"], seed)`` plays choice
ids from the start. ``random_walks(scenario, runs, seed, on_choice=...)`` reports every
choice it takes.

Modules: ``state`` (the play state and its steps), ``cuts`` and ``key`` (what a state is
merged by), ``search`` (the breadth-first search, state by state), ``classes`` (the classes
of states, for scenarios without loops) and ``classwalk`` (the same search over them), with
``diagram``, ``setops``, ``changes`` and ``conditions`` (decision diagrams over the play's
variables), ``structure``
(the digest of what an exploration reads), ``facts`` and ``proof`` (the claims,
checked after the search over graph node × what the path did), ``exploration`` (the result
and its figures), ``walks`` (random play), ``claims`` (queries and counterexamples).
"""
from .claims import QueryError, query, query_env, replay_command
from .exploration import DEFAULT_BOUND, Problem, Exploration, PathChoice
from .search import SCENE_BUDGET, explore
from .state import PlayState, StepError, follow, play_ids, settle, start_state, take
from .walks import WALK_CAP, WalkResults, random_walks

__all__ = ["DEFAULT_BOUND", "SCENE_BUDGET", "WALK_CAP", "PlayState", "Problem", "QueryError",
           "Exploration", "PathChoice", "StepError", "WalkResults", "explore", "follow", "play_ids",
           "query", "query_env", "random_walks", "replay_command", "settle", "start_state",
           "take"]
