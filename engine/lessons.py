"""Does a scenario teach what it claims? Checks of the lesson, for lint.

- ``E030``: some playthrough reaches an ending whose ``requires`` does not hold; the
  message names the shortest such playthrough as choice ids, the hint as the line that
  replays it in the terminal player. Found by the explorer (``prove_claims``).
- ``W012``: the explorer stopped at its state budget before the claims were proved.
- ``W010``: a choice that dominates its siblings: on every meter at least as good as each
  sibling (in the direction the meter's ``good`` names) and better on some meter than each.
  Compared: the choice's own effects plus its target scene's ``on_enter``, against the
  siblings with the same ``if`` (or none), which are surely offered together with it.
- ``W011``: a ``misstep`` choice that costs nothing and changes nothing later: no meter
  goes the wrong way (same comparison), no flag it sets or clears is read, no condition
  reads ``chosen()`` of it or ``missteps()`` (claims in ``requires`` do not count), and it
  leads where a sibling leads.
"""
from __future__ import annotations

from .diagnostics import DiagnosticCollector
from .model import Choice, Scenario, Scene
from .yamlsource import YMap


def _pos(doc: YMap, *path):
    from .checks import _pos as pos
    return pos(doc, *path)


def outcome(scenario: Scenario, choice: Choice) -> dict[str, int]:
    """meter -> how much better (positive) or worse the choice leaves it, by the meter's
    ``good`` direction: its own effects plus the target scene's on_enter, unclamped."""
    out: dict[str, int] = {}
    target = scenario.scenes.get(choice.goto)
    for effects in (choice.effects, target.on_enter if target is not None else None):
        for m, d in (effects.adds if effects else ()):
            sign = -1 if scenario.meters[m].good == "low" else 1
            out[m] = out.get(m, 0) + sign * d
    return out


def _dominates(a: dict, b: dict, meters) -> bool:
    return all(a.get(m, 0) >= b.get(m, 0) for m in meters) and \
        any(a.get(m, 0) > b.get(m, 0) for m in meters)


def dominance(scenario: Scenario, collector: DiagnosticCollector, doc: YMap) -> None:
    for sid, scene in scenario.scenes.items():
        if len(scene.choices) < 2:
            continue
        scores = [outcome(scenario, c) for c in scene.choices]
        for k, (choice, mine) in enumerate(zip(scene.choices, scores)):
            others = [s for j, s in enumerate(scores) if j != k
                      and _source(scene.choices[j]) == _source(choice)]
            if others and all(_dominates(mine, o, scenario.meters) for o in others):
                better = [m for m in scenario.meters if all(mine.get(m, 0) > o.get(m, 0)
                                                            for o in others)]
                collector.warn("W010", f"choice '{choice.id}' in scene '{sid}' dominates its "
                            f"siblings: never worse on any meter"
                            + (f", better on {', '.join(better)}" if better else ""),
                            _pos(doc, "scenes", sid, "choices", k),
                            "give every option a cost, so the decision is a real dilemma")


def _source(choice: Choice) -> str | None:
    """Choices with the same ``if`` (or none) are surely offered together."""
    return choice.condition.source if choice.condition is not None else None


def _reads(scenario: Scenario):
    """Every condition that can change what a play shows or where it goes (not claims)."""
    for scene in scenario.scenes.values():
        yield from (v.condition for v in scene.text)
        yield from (p.condition for p in scene.posts)
        yield from (c.condition for c in scene.choices)
        yield from (r.condition for r in scene.next)
    for ending in scenario.endings.values():
        yield from (v.condition for v in ending.text)


def free_missteps(scenario: Scenario, collector: DiagnosticCollector, doc: YMap) -> None:
    names, chosen, counted = set(), set(), False
    for cond in _reads(scenario):
        if cond is not None:
            names |= cond.uses.names
            chosen |= cond.uses.chosen
            counted = counted or bool(cond.uses.missteps)
    for sid, scene in scenario.scenes.items():
        for k, c in enumerate(scene.choices):
            if c.misstep and _is_free(scenario, scene, c, names, chosen, counted):
                collector.warn("W011", f"misstep '{c.id}' in scene '{sid}' costs nothing and "
                            "changes nothing later", _pos(doc, "scenes", sid, "choices", k),
                            "let it cost on a meter, set a flag that a later scene reads, or "
                            "lead somewhere its siblings do not")


def _is_free(scenario: Scenario, scene: Scene, c: Choice, names, chosen, counted) -> bool:
    if any(v < 0 for v in outcome(scenario, c).values()):
        return False
    if (set(c.effects.sets) | set(c.effects.clears)) & names:
        return False
    if (scene.id, c.id) in chosen or counted:
        return False
    return any(o.goto == c.goto for o in scene.choices if o is not c)


_PROOFS: dict = {}  # content hash -> the explorer's report: one file's proof runs once


def _explored(scenario: Scenario):
    from .explore import explore
    key = scenario.content_hash
    if not key or key not in _PROOFS:
        found = explore(scenario)
        if not key:
            return found
        if len(_PROOFS) >= 8:
            _PROOFS.pop(next(iter(_PROOFS)))
        _PROOFS[key] = found
    return _PROOFS[key]


def prove_claims(scenario: Scenario, collector: DiagnosticCollector, doc: YMap) -> None:
    """Explore every playthrough and report each ending whose ``requires`` can fail."""
    if not any(e.requires is not None for e in scenario.endings.values()):
        return
    from .explore.claims import path_ids, replay_command
    found = _explored(scenario)
    for eid, path in found.violations.items():
        collector.error("E030", f"ending '{eid}' is reached while its 'requires' does not hold, "
                     f"for example: {path_ids(path)}", _pos(doc, "endings", eid, "requires"),
                     f"replay it: {replay_command(collector.path, path)}")
    if found.bound_hit:
        collector.warn("W012", f"the claims could not be proved: {found.budget}",
                    _pos(doc, "endings"), "weerbaar explore --bound N tries more states")
