"""The explorer's findings as editor diagnostics: what no play can reach, and soft-locks.

They come on open and on save, after the checker's, when the exploration finishes within
its bound; a bound that is hit would make every "never reached" a guess, so nothing is
shown then (``weerbaar explore`` says more, with ``--bound``). An exploration is kept for the
structure it explored (``engine.explore.structure``): a save that changed only words reuses
it at once.
"""
from __future__ import annotations

from lsprotocol import types as lsp

from ..engine.explore import explore
from ..engine.explore.structure import play_structure
from ..engine.model import Scenario
from ..engine.yamlsource import YList, YMap

from .index import Index
from .ranges import spot_range

BOUND = 200_000
SOURCE = "weerbaar explore"
KEPT = 8  # explorations kept, by structure (a few open files, each a few versions back)
_explored: dict = {}


def explored(scenario: Scenario) -> dict:
    """The exploration of ``scenario`` as a dict, reused when its structure was explored."""
    key = play_structure(scenario)
    found = _explored.pop(key, None)
    if found is None:
        found = explore(scenario, BOUND).to_dict()
    _explored[key] = found  # the most recent last
    while len(_explored) > KEPT:
        del _explored[next(iter(_explored))]
    return found


def findings(scenario: Scenario, index: Index) -> list[lsp.Diagnostic]:
    exploration = explored(scenario)
    if exploration["bound_hit"]:
        return []
    missed = exploration["missed"]
    out = [_at(index, "scene", sid, f"scene '{sid}' is never reached in play: the conditions "
               "that lead here never hold") for sid in missed["scenes"]]
    out += [_at(index, "ending", eid, f"ending '{eid}' is never reached in play")
            for eid in missed["endings"]]
    for pair in missed["choices"]:
        sid, _, cid = pair.partition("/")
        out.append(_choice(index, sid, cid))
    for p in exploration["problems"]:
        steps = ", ".join(f"{s['scene']}/{s['choice']}" for s in p["path"]) or "the start"
        out.append(_at(index, "scene", p["scene"], f"{p['kind']} in scene '{p['scene']}', "
                       f"reached by: {steps}"))
    return out


def _diagnostic(rng: lsp.Range, message: str) -> lsp.Diagnostic:
    return lsp.Diagnostic(range=rng, message=message, severity=lsp.DiagnosticSeverity.Warning,
                          code="explore", source=SOURCE)


def _at(index: Index, kind: str, name: str, message: str) -> lsp.Diagnostic:
    spot = index.definitions.get((kind, name))
    rng = spot_range(spot.line, spot.column, len(name)) if spot else spot_range(1, 1, 0)
    return _diagnostic(rng, message)


def _choice(index: Index, sid: str, cid: str) -> lsp.Diagnostic:
    message = f"choice '{cid}' in scene '{sid}' is never available in play: its 'if' never holds"
    scenes = index.doc.get("scenes") if index.doc is not None else None
    body = scenes.get(sid) if isinstance(scenes, YMap) else None
    choices = body.get("choices") if isinstance(body, YMap) else None
    for i, c in enumerate(choices if isinstance(choices, YList) else ()):
        if isinstance(c, YMap) and str(c.get("id", f"c{i + 1}")) == cid:
            line, col = choices.at(i)
            return _diagnostic(spot_range(line, col, 1), message)
    return _at(index, "scene", sid, message)
