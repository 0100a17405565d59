"""visits(scene): how often a play has been in a scene, in conditions and in the explorer."""
from __future__ import annotations

from weerbaar.engine.explore import explore
from weerbaar.engine.session import Session

from .helpers import diag, load, scenario_text

LOOP = """\
start: overleg
scenes:
  overleg:
    text: Nog een overleg.
    choices:
      - {id: nog_eens, text: Nog eens, goto: overleg}
      - {id: besluiten, text: Besluiten, if: "visits(overleg) >= 3", goto: besluit}
  besluit:
    text:
      - {if: "visits(overleg) > 3", nl: "Eindelijk."}
      - "Besloten."
    next: [{goto: einde}]
endings:
  einde: {title: E, text: E}
"""


def test_a_choice_opens_on_the_third_visit():
    scenario = load(LOOP)
    s = Session(scenario, 0)
    assert [c.id for c in s.view.available_choices()] == ["nog_eens"]
    s.choose("nog_eens")
    s.proceed()
    assert [c.id for c in s.view.available_choices()] == ["nog_eens"]
    s.choose("nog_eens")
    s.proceed()
    assert [c.id for c in s.view.available_choices()] == ["nog_eens", "besluiten"]


def test_the_explorer_finishes_a_loop_counted_against_a_number():
    exploration = explore(load(LOOP), bound=5_000)
    assert not exploration.bound_hit and exploration.states < 50
    assert "einde" in exploration.endings_reached and not exploration.choices_missed
    assert [s.choice for s in exploration.shortest["einde"]] == ["nog_eens", "nog_eens", "besluiten"]


def test_counts_in_arithmetic_stay_exact():
    body = LOOP.replace('if: "visits(overleg) >= 3"', 'if: "visits(overleg) * 2 >= 6"')
    exploration = explore(load(body), bound=5_000)
    assert exploration.bound_hit  # exact counts around a cycle: as many states as the bound allows
    assert "einde" in exploration.endings_reached
    assert [s.choice for s in exploration.shortest["einde"]] == ["nog_eens", "nog_eens", "besluiten"]


def test_visits_is_a_number_and_checked_like_every_name():
    d = diag(scenario_text(LOOP.replace('"visits(overleg) >= 3"', '"visits(overleg)"')), "E013")
    assert "a condition must be true or false (got a number)" in d.message
    d = diag(scenario_text(LOOP.replace('"visits(overleg) >= 3"', '"visits(overlg) >= 3"')),
             "E012")
    assert "unknown scene 'overlg' in visits()" in d.message and "did you mean 'overleg'?" in d.hint
    d = diag(scenario_text(LOOP.replace('"visits(overleg) >= 3"', '"visited(overleg) >= 3"')),
             "E013")
    assert d.message
