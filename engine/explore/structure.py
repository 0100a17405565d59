"""What an exploration depends on, as one digest: the scenes, choices and routes with their
conditions, effects and targets, the meters, flags, start and endings with their claims.
Texts, titles, pictures and translations are left out, so an edit of the words alone keeps
the digest and the exploration can be reused (the language server re-proves on every save)."""
from __future__ import annotations

import hashlib

from ..model import Scenario


def _source(condition) -> str | None:
    return None if condition is None else condition.source


def play_structure(scenario: Scenario) -> str:
    """The digest of everything ``explore`` reads of ``scenario``."""
    parts: list = [scenario.id, scenario.start, list(scenario.flags),
                   [(m.id, m.min, m.max, m.start) for m in scenario.meters.values()]]
    for scene in scenario.scenes.values():
        parts.append((scene.id, repr(scene.on_enter),
                      [(r.goto, _source(r.condition), r.chance, r.index) for r in scene.next],
                      [(c.id, c.goto, _source(c.condition), repr(c.effects), c.misstep)
                       for c in scene.choices]))
    parts.append([(e, _source(x.requires)) for e, x in scenario.endings.items()])
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()
