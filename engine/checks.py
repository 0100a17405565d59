"""Whole-scenario checks that run after loading: reachability, ways out, and warnings for
what is probably wrong. Play-time problems that depend on state (soft-locks, endless loops)
are found by ``engine.explore``.
"""
from __future__ import annotations

import difflib

from . import imagecheck, lessons
from .diagnostics import DiagnosticCollector
from .textcheck import conditions as text_conditions
from .model import Scenario, Variant
from .yamlsource import YMap

MAX_SCENE_TEXT = 900  # characters per language that still fit one projector screen


def _pos(doc: YMap, *path):
    """Where ``path`` (keys and list indexes) stood in the file; mapping keys give the key."""
    node, at = doc, getattr(doc, "pos", (0, 0))
    for key in path:
        if isinstance(node, YMap) and key in node:
            at, node = node.key_at(key), node[key]
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            at, node = node.at(key), node[key]
        else:
            break
    return at


def run(scenario: Scenario, collector: DiagnosticCollector, doc: YMap, prove: bool = False) -> None:
    unread = unread_exits(scenario, doc)
    reachability(scenario, collector, doc, unread)
    ways_out(scenario, collector, doc, unread)
    style(scenario, collector, doc)
    imagecheck.run(scenario, collector, doc)
    if not collector.has_errors:  # effects with errors were dropped: "never used" would mislead
        unused(scenario, collector, doc)
        lessons.dominance(scenario, collector, doc)
        lessons.free_missteps(scenario, collector, doc)
        if prove:  # explores every playthrough: lint asks for it, loading to play does not
            lessons.prove_claims(scenario, collector, doc)


def edges(scenario: Scenario, scene_id: str):
    return scenario.scenes[scene_id].targets()


def unread_exits(scenario: Scenario, doc: YMap) -> set[str]:
    """Scenes whose ways out were not all read: a misspelled 'choices:' or 'next:', a choice
    or route dropped for its errors, or a scene dropped whole. Which scenes they leave
    unreachable or stuck would only echo the error already reported there."""
    from .readers import misspelled_exit  # here, not at the top: the readers import this module
    out = set()
    scenes = doc.get("scenes") if isinstance(doc, YMap) else None
    for sid, body in (scenes.items() if isinstance(scenes, YMap) else ()):
        scene = scenario.scenes.get(sid)
        if scene is None or not isinstance(body, YMap) or any(misspelled_exit(k) for k in body):
            out.add(sid)
            continue
        for key, read in (("choices", scene.choices), ("next", scene.next)):
            if isinstance(body.get(key), list) and len(body[key]) != len(read):
                out.add(sid)
    return out


def reachability(scenario: Scenario, collector: DiagnosticCollector, doc: YMap, unread: set[str]) -> None:
    if scenario.start not in scenario.scenes:
        return  # already reported as an unknown start
    seen, todo = {scenario.start}, [scenario.start]
    while todo:
        node = todo.pop()
        if node in scenario.scenes:
            for target in edges(scenario, node):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
    if any(not target for sid in scenario.scenes for target in edges(scenario, sid)):
        return  # an unknown goto was reported; what it leaves unreachable would only echo it
    if seen & unread:
        return  # a reachable scene's ways out were not read: reachability cannot be judged
    for section, nodes in (("scenes", scenario.scenes), ("endings", scenario.endings)):
        kind = section[:-1]
        for nid in nodes:
            if nid not in seen:
                collector.error("E018", f"{kind} '{nid}' cannot be reached from '{scenario.start}'",
                             _pos(doc, section, nid), _unreached_hint(scenario, doc, nid, seen))


def _unreached_hint(scenario: Scenario, doc: YMap, nid: str, seen: set[str]) -> str:
    """Which goto would reach it: the unreachable scenes that lead here, or a goto whose
    target has a name like this one."""
    sources = [sid for sid in scenario.scenes if nid in edges(scenario, sid)]
    if sources:
        names = ", ".join(f"'{s}'" for s in sources)
        return (f"only {names} lead{'s' * (len(sources) == 1)} here, and "
                f"{'it' if len(sources) == 1 else 'they'} cannot be reached either")
    gotos = _goto_places(doc, seen)
    near = difflib.get_close_matches(nid, sorted(gotos), n=1, cutoff=0.6)
    if near:
        line, _ = gotos[near[0]]
        return (f"no choice or route leads here; did you mean it in 'goto: {near[0]}' "
                f"at line {line}?")
    return "no choice or route leads here; add one that does, or remove it"


def _goto_places(doc: YMap, scenes: set[str]) -> dict[str, tuple[int, int]]:
    """target -> where the first 'goto:' to it stands, in the given scenes."""
    out: dict[str, tuple[int, int]] = {}
    body_of = doc.get("scenes") if isinstance(doc, YMap) else None
    for sid in scenes:
        body = body_of.get(sid) if isinstance(body_of, YMap) else None
        for key in ("choices", "next"):
            items = body.get(key) if isinstance(body, YMap) else None
            for item in items if isinstance(items, list) else ():
                if isinstance(item, YMap) and isinstance(item.get("goto"), str):
                    at = item.at("goto")
                    out[item["goto"]] = min(out.get(item["goto"], at), at)
    return out


def ways_out(scenario: Scenario, collector: DiagnosticCollector, doc: YMap, unread: set[str]) -> None:
    for sid, scene in scenario.scenes.items():
        if sid in unread:
            continue  # its ways out were misspelled or had errors, reported where they stand
        if not scene.choices and not scene.next:
            collector.error("E017", f"scene '{sid}' has no choices and no 'next'", _pos(doc, "scenes", sid),
                         "add choices or 'next', or make it an ending under 'endings:'")
        elif scene.next and (scene.next[-1].condition is not None or scene.next[-1].chance is not None):
            collector.warn("W004", f"scene '{sid}': when no route matches, the play is stuck",
                        _pos(doc, "scenes", sid, "next"),
                        "end 'next' with a route without 'if' or 'chance'")


def _variant_lengths(variants: tuple[Variant, ...], languages):
    for i, v in enumerate(variants):
        for lang in languages:
            yield i, lang, len(v.text.get(lang))


def style(scenario: Scenario, collector: DiagnosticCollector, doc: YMap) -> None:
    langs = scenario.languages
    for sid, scene in scenario.scenes.items():
        for i, lang, n in _variant_lengths(scene.text, langs):
            if n > MAX_SCENE_TEXT:
                collector.warn("W001", f"scene '{sid}' text ({lang}) has {n} characters",
                            _pos(doc, "scenes", sid, "text"),
                            f"at most {MAX_SCENE_TEXT} fit one screen; split the scene")
                break
        for k, choice in enumerate(scene.choices):
            if choice.feedback is None:
                collector.warn("W002", f"choice '{choice.id}' in scene '{sid}' has no feedback",
                            _pos(doc, "scenes", sid, "choices", k),
                            "say what happened as a result; players learn from the consequence")
        if scene.choices and scene.debrief is None:
            collector.warn("W008", f"decision scene '{sid}' has no facilitator note",
                        _pos(doc, "scenes", sid),
                        "add 'debrief:' with the advice this decision is about")
    for eid, ending in scenario.endings.items():
        if not ending.debrief_questions:
            collector.warn("W005", f"ending '{eid}' has no debrief questions", _pos(doc, "endings", eid),
                        "add 'debrief_questions:' for the facilitator")


def unused(scenario: Scenario, collector: DiagnosticCollector, doc: YMap) -> None:
    changed, set_flags, read = set(), set(), set()

    def effects(e):
        changed.update(k for k, _ in (*e.adds, *e.assigns))
        set_flags.update(e.sets)

    def cond(c):
        if c is not None:
            read.update(c.uses.names)

    def texts(*items):  # a condition in a text's variants or inline parts reads too
        for text in items:
            for c in text_conditions(text):
                cond(c)

    for scene in scenario.scenes.values():
        effects(scene.on_enter)
        for v in scene.text:
            cond(v.condition)
            texts(v.text)
        for p in scene.posts:
            cond(p.condition)
            texts(p.text)
        for c in scene.choices:
            effects(c.effects)
            cond(c.condition)
            texts(c.text, c.feedback)
        for r in scene.next:
            cond(r.condition)
    for ending in scenario.endings.values():
        for v in ending.text:
            cond(v.condition)
            texts(v.text)
    for mid in scenario.meters:
        if mid not in changed:
            collector.warn("W006", f"meter '{mid}' never changes", _pos(doc, "meters", mid),
                        "change it in some effects or remove it")
    declared = doc.get("flags") if isinstance(doc.get("flags"), list) else []
    for flag in scenario.flags:
        at = _pos(doc, "flags", declared.index(flag)) if flag in declared else _pos(doc, "flags")
        if flag not in set_flags:
            collector.warn("W006", f"flag '{flag}' is never set", at,
                        "set it in some effects or remove it")
        elif flag not in read:
            collector.warn("W006", f"flag '{flag}' is set but never read", at,
                        "use it in a condition or remove it")
