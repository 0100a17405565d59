"""The claims check over the merged graph agrees with a brute-force check of every
playthrough, on seeded random small scenarios: claims that mix flags, meters, choices,
missteps and visits; flags set on entering scenes; routers; loops that a visit count ends.
For every ending the explorer names a counterexample exactly when one exists, it is a real
playthrough that ends there with the claim false, and no shorter one exists."""
import random

import pytest

from weerbaar.engine.explore import explore

from .test_explore_exact import enumerate_all, valid_scenario

ENDINGS = ["e0", "e1", "e2"]


def _atom(rnd, scenes, choices) -> str:
    sid = rnd.choice(scenes)
    kind = rnd.choice(["flag", "flag", "chosen", "chosen", "missteps", "visited", "visits",
                       "meter"])
    if kind == "flag":
        return rnd.choice(["", "not "]) + rnd.choice(["f", "g"])
    if kind == "chosen":
        return f"chosen({sid}, {rnd.choice(choices)})"
    if kind == "missteps":
        return f"missteps() {rnd.choice(['==', '<=', '>=', '!='])} {rnd.randint(0, 2)}"
    if kind == "visited":
        return rnd.choice(["", "not "]) + f"visited({sid})"
    if kind == "visits":
        return f"visits({sid}) {rnd.choice(['<', '>=', '=='])} {rnd.randint(1, 3)}"
    return f"a {rnd.choice(['>=', '<'])} {rnd.randint(30, 70)}"


def claim(rnd, scenes, choices) -> str:
    atoms = [_atom(rnd, scenes, choices) for _ in range(rnd.randint(1, 3))]
    out = atoms[0]
    for a in atoms[1:]:
        out = f"({out}) {rnd.choice(['and', 'or', 'and'])} {a}"
    return out


def generate(seed: int) -> str:
    rnd = random.Random(seed)
    n = rnd.randint(3, 6)
    ids = [f"s{i}" for i in range(n)]
    choices = ["k0", "k1", "k2"]
    lines = ["format: 1", "id: gen", "title: Gen", "languages: [nl]", "meters:",
             "  a: {label: a, start: 50, min: 0, max: 100}", "flags: [f, g]", "start: s0",
             "scenes:"]
    for i, sid in enumerate(ids):
        later = ids[i + 1:] + ENDINGS
        lines.append(f"  {sid}:")
        if rnd.random() < 0.3:
            lines.append(f"    on_enter: {{{rnd.choice(['set', 'clear'])}: "
                         f"[{rnd.choice(['f', 'g'])}]}}")
        if 0 < i < n - 1 and rnd.random() < 0.25:  # a router
            lines += ['    text: ""', "    next:",
                      f'      - {{if: "{rnd.choice(["f", "not g", "a >= 50"])}", '
                      f"goto: {rnd.choice(later)}}}",
                      f"      - {{goto: {rnd.choice(later)}}}"]
            continue
        lines += ["    text: T", "    choices:"]
        for j, cid in enumerate(choices):
            goto = ENDINGS[j] if i == n - 1 else ids[i + 1] if j == 0 else rnd.choice(later)
            parts = [f"id: {cid}", "text: C", f"goto: {goto}"]
            if j == 2 and i > 0 and rnd.random() < 0.3:  # a loop back, ended by a count
                back = rnd.choice(ids[:i])
                parts = [f"id: {cid}", "text: C", f"goto: {back}",
                         f'if: "visits({back}) < 2"']
            eff = [f"a: {rnd.randint(-20, 20)}"] if rnd.random() < 0.5 else []
            if rnd.random() < 0.4:
                eff.append(f"{rnd.choice(['set', 'clear'])}: [{rnd.choice(['f', 'g'])}]")
            if eff:
                parts.append("effects: {" + ", ".join(eff) + "}")
            if rnd.random() < 0.35:
                parts.append("misstep: true")
            lines.append("      - {" + ", ".join(parts) + "}")
    lines.append("endings:")
    for e in ENDINGS:
        lines.append(f'  {e}: {{title: E, text: e, requires: "{claim(rnd, ids, choices)}"}}')
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(150))
def test_the_claims_check_agrees_with_every_playthrough(seed):
    sc = valid_scenario(seed, generate)
    plays = enumerate_all(sc)
    failing: dict = {}
    for ending, path, state in plays:
        if not sc.endings[ending].requires(state):
            failing.setdefault(ending, []).append(path)
    r = explore(sc)
    assert set(r.violations) == set(failing)
    for ending, paths in failing.items():
        found = [(x.scene, x.choice, x.number) for x in r.violations[ending]]
        assert found in paths  # a real playthrough that ends there with the claim false
        assert len(found) == min(len(p) for p in paths)


def test_the_generator_makes_claims_hold_and_fail():
    outcomes = set()
    for seed in range(40):
        sc = valid_scenario(seed, generate)
        r = explore(sc)
        outcomes |= {e in r.violations for e in sc.endings if e in r.endings_reached}
    assert outcomes == {True, False}
