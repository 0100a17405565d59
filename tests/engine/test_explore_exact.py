"""The explorer's merging is exact: on generated scenarios it finds what enumerating every
playthrough one by one finds (endings, choices, counts, lengths, claims, queries)."""
import random

import pytest

from weerbaar.engine import check_text
from weerbaar.engine.explore import explore, query, start_state, take
from weerbaar.engine.explore.state import settle
from weerbaar.engine import rules

METERS = {"a": (0, 100, 50), "b": (-20, 20, 0)}
FLAGS = ["f", "g"]


def _condition(rnd, scene_ids, choice_ids):
    kind = rnd.choice(["meter", "meter", "flag", "flag", "chosen", "missteps", "sum"])
    if kind == "meter":
        m = rnd.choice(list(METERS))
        lo, hi, _ = METERS[m]
        return f"{m} {rnd.choice(['>=', '<', '>', '<=', '==', '!='])} {rnd.randint(lo - 5, hi + 5)}"
    if kind == "flag":
        return rnd.choice(["", "not "]) + rnd.choice(FLAGS)
    scene_ids = [sid for sid in scene_ids if sid in choice_ids]
    if kind == "chosen" and scene_ids:
        sid = rnd.choice(scene_ids)
        return f"chosen({sid}, {rnd.choice(choice_ids[sid])})"
    if kind == "sum":
        return f"a + b > {rnd.randint(30, 80)}"
    return f"missteps() {rnd.choice(['==', '>=', '<'])} {rnd.randint(0, 2)}"


def generate(seed: int) -> str:
    rnd = random.Random(seed)
    n = rnd.randint(3, 7)
    ids = [f"s{i}" for i in range(n)]
    endings = ["e0", "e1", "e2"]
    choice_ids = {sid: [f"k{j}" for j in range(3)] for sid in ids}
    lines = ["format: 1", "id: gen", "title: Gen", "languages: [nl]", "meters:"]
    lines += [f"  {m}: {{label: {m}, start: {s}, min: {lo}, max: {hi}}}"
              for m, (lo, hi, s) in METERS.items()]
    lines += [f"flags: [{', '.join(FLAGS)}]", "start: s0", "scenes:"]
    for i, sid in enumerate(ids):
        later = ids[i + 1:] + endings
        earlier = ids[:i]
        lines.append(f"  {sid}:")
        if 0 < i < n - 1 and rnd.random() < 0.25:  # a router
            del choice_ids[sid]
            lines.append('    text: ""')
            lines.append("    next:")
            for _ in range(rnd.randint(1, 2)):
                lines.append(f'      - {{if: "{_condition(rnd, earlier, choice_ids)}", '
                             f"goto: {rnd.choice(later)}}}")
            lines.append(f"      - {{goto: {rnd.choice(later)}}}")
            continue
        lines.append("    text: T")
        lines.append("    choices:")
        for j, cid in enumerate(choice_ids[sid]):
            goto = endings[j] if i == n - 1 else ids[i + 1] if j == 0 else rnd.choice(later)
            parts = [f"id: {cid}", "text: C", f"goto: {goto}"]
            if j and rnd.random() < 0.4:
                parts.append(f'if: "{_condition(rnd, earlier, choice_ids)}"')
            eff = [f"{m}: {rnd.randint(-30, 30)}" for m in METERS if rnd.random() < 0.6]
            if rnd.random() < 0.4:
                eff.append(f"{rnd.choice(['set', 'clear'])}: [{rnd.choice(FLAGS)}]")
            if eff:
                parts.append("effects: {" + ", ".join(eff) + "}")
            if rnd.random() < 0.3:
                parts.append("misstep: true")
            lines.append("      - {" + ", ".join(parts) + "}")
    lines.append("endings:")
    for e in endings:
        req = f', requires: "{_condition(rnd, ids, choice_ids)}"' if rnd.random() < 0.7 else ""
        lines.append(f"  {e}: {{title: E, text: e{req}}}")
    return "\n".join(lines) + "\n"


def enumerate_all(sc):
    """Every playthrough, one by one: (ending, [(scene, choice, number)], final state)."""
    out = []

    def walk(s, path):
        s = settle(sc, s)
        if s.scene in sc.endings:
            out.append((s.scene, path, s))
            return
        for n, c in enumerate(rules.available_choices(sc.scenes[s.scene], s), 1):
            nxt = s.copy()
            take(sc, nxt, c)
            walk(nxt, path + [(s.scene, c.id, n)])
    walk(start_state(sc), [])
    return out


def valid_scenario(seed: int, make=None):
    """The first scenario that ``make`` (default ``generate``) makes from ``seed`` on that
    checks (a generator can make a scene that nothing reaches; such a draw is replaced, not
    skipped)."""
    for attempt in range(seed * 1000, seed * 1000 + 200):
        sc, _ = check_text((make or generate)(attempt), "gen.yaml")
        if sc is not None:
            return sc
    raise AssertionError(f"no valid scenario generated from seed {seed}")


@pytest.mark.parametrize("seed", range(200))
def test_merging_loses_nothing(seed):
    sc = valid_scenario(seed)
    plays = enumerate_all(sc)
    r = explore(sc)
    assert r.playthroughs == len(plays)
    assert r.endings_reached == {e for e, _, _ in plays}
    assert r.choices_taken == {(p[0], p[1]) for _, path, _ in plays for p in path}
    assert r.min_decisions == min(len(p) for _, p, _ in plays)
    assert r.max_decisions == max(len(p) for _, p, _ in plays)
    lengths = sorted(len(p) for _, p, _ in plays)
    assert r.median_decisions == lengths[(len(lengths) - 1) // 2]  # the lower median
    failing = {}
    for e, path, s in plays:
        req = sc.endings[e].requires
        if req is not None and not req(s):
            failing.setdefault(e, []).append(len(path))
    assert set(r.violations) == set(failing)
    for e, lengths in failing.items():
        assert len(r.violations[e]) == min(lengths)
        replayed = [p for p in plays if [(x.scene, x.choice, x.number) for x in r.violations[e]]
                    == p[1]]
        assert replayed and replayed[0][0] == e and not sc.endings[e].requires(replayed[0][2])
    q = "missteps() >= 1 and (ending(e0) or ending(e1)) and a > 40"
    truth = [p for e, p, s in plays if e in ("e0", "e1") and s.vars["a"] > 40
             and len({(x[0], x[1]) for x in p} & {(s_.id, c.id) for s_ in sc.scenes.values()
                                                  for c in s_.choices if c.misstep}) >= 1]
    answer = query(sc, q)
    assert answer.possible == bool(truth)
    if truth:
        assert len(answer.path) == min(len(p) for p in truth)
