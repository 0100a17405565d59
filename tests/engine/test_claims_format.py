"""The claims format: ``misstep: true`` on a choice, ``requires`` on an ending, and the
condition functions ``missteps()`` and ``ending(ID)``."""
from weerbaar.engine.expr import Env, ExprError, compile_condition

from .helpers import codes, diag, load, scenario_text

FORMAT = """\
start: a
scenes:
  a:
    text: A
    choices:
      - {id: lekken, text: L, misstep: true, goto: b}
      - {id: zwijgen, text: Z, goto: b}
  b:
    text: B
    choices:
      - {id: dreigen, text: D, misstep: true, goto: goed}
      - {id: praten, text: P, if: "missteps() == 0", goto: goed}
endings:
  goed: {title: G, text: g, tone: good, requires: "missteps() == 0 and chosen(a, zwijgen)"}
"""


class State:
    def __init__(self, chosen=(), scene="a"):
        self.vars, self.visits, self.chosen, self.scene = {}, {}, set(chosen), scene


def test_misstep_and_requires_are_loaded_into_the_model():
    sc = load(FORMAT)
    assert sc.scenes["a"].choice("lekken").misstep is True
    assert sc.scenes["a"].choice("zwijgen").misstep is False
    req = sc.endings["goed"].requires
    assert req.source == "missteps() == 0 and chosen(a, zwijgen)"
    assert req(State({("a", "zwijgen")})) and not req(State({("a", "lekken")}))


def test_missteps_counts_distinct_misstep_choices_and_records_the_pairs():
    sc = load(FORMAT)
    cond = sc.scenes["b"].choice("praten").condition
    assert cond.uses.missteps == {("a", "lekken"), ("b", "dreigen")}
    assert cond(State()) and cond(State({("a", "zwijgen")}))
    assert not cond(State({("a", "lekken")}))


def test_missteps_range_is_zero_to_the_number_of_missteps():
    env = Env(missteps=frozenset({("a", "x"), ("b", "y")}))
    compile_condition("missteps() <= 2", env)
    try:
        compile_condition("missteps() * 1000000000 * 1000000000 > 1", env)
    except ExprError as exc:
        assert exc.code == "E021"
    else:
        raise AssertionError("a range of 0..2 times 10^18 must be refused")


def test_misstep_must_be_true_or_false():
    text = scenario_text(FORMAT.replace("misstep: true, goto: b", "misstep: ja, goto: b"))
    d = diag(text, "E006")
    assert "misstep: expected true or false" in d.message and d.line == 14


def test_ending_is_refused_in_scene_conditions_and_pointless_in_requires():
    in_scene = scenario_text(FORMAT.replace('"missteps() == 0", goto', '"ending(goed)", goto'))
    d = diag(in_scene, "E020")
    assert "only be used in explorer queries" in d.message
    in_claim = scenario_text(FORMAT.replace('requires: "missteps() == 0 and',
                                            'requires: "ending(goed) and'))
    d = diag(in_claim, "E020")
    assert "pointless" in d.message and "remove ending()" in d.hint
    assert d.line == 22 and d.column == 52  # at ending(


def test_ending_in_a_query_knows_the_endings():
    env = Env(endings=frozenset({"goed", "slecht"}), context="query")
    cond = compile_condition("ending(goed)", env)
    assert cond(State(scene="goed")) and not cond(State(scene="slecht"))
    assert cond.uses.endings == {"goed"}
    try:
        compile_condition("ending(gooed)", env)
    except ExprError as exc:
        assert exc.code == "E012" and "did you mean 'goed'?" == exc.hint and exc.column == 7
    else:
        raise AssertionError("an unknown ending must be refused")


def test_requires_must_be_a_condition():
    assert "E006" in codes(scenario_text(FORMAT.replace(
        'requires: "missteps() == 0 and chosen(a, zwijgen)"', "requires: 5")))
    assert "E011" in codes(scenario_text(FORMAT.replace('chosen(a, zwijgen)"', 'zwijgen"')))
