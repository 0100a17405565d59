"""Saves: the round trip holds by construction, and a tampered save is refused with the path
of the bad value — never a raw KeyError or TypeError, never accepted."""
from __future__ import annotations

import copy
import dataclasses
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weerbaar.engine import load_scenario
from weerbaar.engine import saves
from weerbaar.engine.errors import SaveError, SessionError
from weerbaar.engine.session import Session
from weerbaar.engine.state import PlayState

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCENARIO = load_scenario(str(ROOT / "scenarios" / "voorbeeld.yaml"))


def played(seed: int = 3, steps: int = 2) -> Session:
    rng = random.Random(seed)
    s = Session(SCENARIO, seed)
    for _ in range(steps):
        if s.ended:
            break
        if s.view.can_continue:
            s.advance()
        s.choose(rng.choice(s.view.available_choices()).id, seconds=2.5)
        s.proceed()
    return s


def test_every_state_field_is_saved_and_restored():
    names = {f.name for f in dataclasses.fields(PlayState)}
    data = played().save()
    assert names <= set(data)
    restored = Session.from_save(SCENARIO, json.loads(json.dumps(data)))
    for name in names:
        assert getattr(restored.state, name) == getattr(played().state, name), name


def test_restored_state_is_independent_of_the_save():
    s = played(steps=1)
    data = s.save()
    restored = Session.from_save(SCENARIO, data)
    data["vars"]["vertrouwen"] = 99
    assert restored.vars["vertrouwen"] != 99


def _tamper(path: str, value):
    data = played().save()
    target = data
    keys = path.split(".")
    for k in keys[:-1]:
        target = target[int(k)] if isinstance(target, list) else target[k]
    last = keys[-1]
    if value is KeyError:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return data


TAMPERED = [
    ("vars.vertrouwen", "veel", "vars.vertrouwen"),
    ("vars.vertrouwen", 10**12, "vars.vertrouwen"),
    ("vars.vertrouwen", True, "vars.vertrouwen"),
    ("vars.pers_ingelicht", 1, "vars.pers_ingelicht"),
    ("vars.onbekend", 3, "vars"),
    ("phase", "ended", "phase"),
    ("phase", "zwevend", "phase"),
    ("scene", "nergens", "scene"),
    ("scene", ["begin"], "scene"),
    ("seed", 10**30, "seed"),
    ("seed", "7", "seed"),
    ("step", -1, "step"),
    ("visits.nergens", 1, "visits"),
    ("visits.begin", 0, "visits.begin"),
    ("chosen", [["begin", "bestaat_niet"]], "chosen[0][1]"),
    ("chosen", [["x"]], "chosen[0]"),
    ("chosen", "begin", "chosen"),
    ("decisions.0.scene", "nergens", "decisions[0].scene"),
    ("decisions.0.choice", "bestaat_niet", "decisions[0].choice"),
    ("decisions.0.offered", ["bestaat_niet"], "decisions[0].offered[0]"),
    ("decisions.0.index", 5, "decisions[0].index"),
    ("decisions.0.after", {}, "decisions[0].after"),
    ("decisions.0.seconds", -3, "decisions[0].seconds"),
    ("decisions.0.seconds", float("nan"), "decisions[0].seconds"),
    ("decisions.0.timed_out", "ja", "decisions[0].timed_out"),
    ("decisions.0", "x", "decisions[0]"),
    ("decisions.0.target", KeyError, "decisions[0].target"),
    ("undone", [{"index": 0}], "undone[0].scene"),
    ("causes.vertrouwen", [7], "causes.vertrouwen"),
    ("causes.onbekend", [0], "causes"),
    ("arrivals.nergens", 0, "arrivals"),
    ("vars", KeyError, "vars"),
    ("format", "iets", "format"),
    ("scenario", None, "scenario"),
]


@pytest.mark.parametrize("path,value,where", TAMPERED)
def test_a_tampered_save_is_refused_with_the_path_of_the_fault(path, value, where):
    with pytest.raises(SaveError) as caught:
        Session.from_save(SCENARIO, _tamper(path, value))
    assert caught.value.path == where, caught.value


def test_a_save_whose_values_its_own_decisions_do_not_give_is_refused():
    data = played().save()
    data["vars"]["vertrouwen"] = (data["vars"]["vertrouwen"] + 7) % 100
    with pytest.raises(SaveError, match="its own decisions"):
        Session.from_save(SCENARIO, data)
    # a changed scenario cannot check that: the values are only checked for range then
    data["scenario"]["hash"] = "0" * 16
    assert Session.from_save(SCENARIO, data, strict=False).vars == data["vars"]


def test_a_save_in_the_consequence_phase_restores_there():
    s = Session(SCENARIO, 5)
    s.choose("navragen")
    restored = Session.from_save(SCENARIO, s.save())
    assert restored.state == s.state
    restored.proceed()


def _mutations(data):
    """Every value of the save, replaced by something of another shape."""
    def walk(node, path):
        if isinstance(node, dict):
            for k, v in node.items():
                yield path + (k,)
                yield from walk(v, path + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield path + (i,)
                yield from walk(v, path + (i,))
    return list(walk(data, ()))


ODD = [None, "", "x" * 10_000, -1, 2**70, 1.5, float("inf"), [], {}, [[]], {"a": 1}, True]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_no_mutation_of_a_save_escapes_as_anything_but_a_save_error(data):
    base = played(seed=data.draw(st.integers(0, 20)), steps=2).save()
    paths = _mutations(base)
    path = data.draw(st.sampled_from(paths))
    mutated = copy.deepcopy(base)
    node = mutated
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = data.draw(st.sampled_from(ODD))
    try:
        Session.from_save(SCENARIO, mutated)
    except SessionError:
        pass


def test_to_dict_names_the_scenario_and_format():
    data = saves.to_dict(played().state, SCENARIO)
    assert data["format"] == saves.SAVE_FORMAT and data["version"] == saves.SAVE_VERSION
    assert data["scenario"] == {"id": SCENARIO.id, "version": SCENARIO.version,
                                "hash": SCENARIO.content_hash}
