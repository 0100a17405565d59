"""The mayor's scenario teaches the right lesson: the explorer finds no line of play that
contradicts what its endings say about the player. (The good ending's `requires` is proved by
`explore` in test_shipped; the hard judgements that still allow the good ending are golden
transcripts.)"""
import pytest

from weerbaar.engine import load_scenario
from weerbaar.engine.explore import query

from ..conftest import SCENARIOS

FREEDOM_MISSTEPS = {("kennisgeving", "verbieden"), ("post_a", "aanspreken"), ("post_d", "aanspreken"),
                    ("driehoek", "iedereen"), ("noodverordening", "breed"),
                    ("raad_debat", "woord_ontnemen"), ("escalatie", "alles_beeindigen")}
PROTECTION_MISSTEPS = {("eveline_ochtend", "afraden"), ("bb_overleg", "zelf"),
                       ("journalist", "details"), ("thuis", "stil_houden")}


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(str(SCENARIOS / "burgemeester.yaml"))


def test_each_misstep_sets_the_flag_of_its_kind_and_nothing_else_does(scenario):
    kinds = {}
    for sid, scene in scenario.scenes.items():
        for c in scene.choices:
            flags = {f for f in c.effects.sets if f.startswith("misstap_")}
            if c.misstep or flags:
                kinds[(sid, c.id)] = (c.misstep, flags)
    expected = {pair: (True, {"misstap_vrijheid"}) for pair in FREEDOM_MISSTEPS}
    expected.update({pair: (True, {"misstap_bescherming"}) for pair in PROTECTION_MISSTEPS})
    assert kinds == expected


def test_no_misstep_reaches_the_good_ending(scenario):
    assert not query(scenario, "missteps() >= 1 and ending(grens_bewaakt)").possible


@pytest.mark.parametrize("cond", ["misstap_vrijheid and not ending(gecorrigeerd)",
                                  "misstap_bescherming and not misstap_vrijheid and "
                                  "not ending(buiten_de_lijnen)"],
                         ids=["freedom", "protection"])
def test_each_kind_of_misstep_ends_in_the_ending_that_names_it(scenario, cond):
    assert not query(scenario, cond).possible


@pytest.mark.parametrize("choice", ["chosen(avond_thuis, afwachten)", "chosen(escalatie, deescaleren)",
                                    "chosen(raad_debat, doorgaan)", "chosen(demonstratie, beeindigen)"],
                         ids=["watching-the-torches", "no-order-in-the-riot", "threat-in-the-chamber",
                              "first-demo-ended"])
def test_hard_calls_that_leave_a_gap_never_end_well(scenario, choice):
    # Not missteps (no law forbids them), but the good ending says the line held.
    assert not query(scenario, f"{choice} and ending(grens_bewaakt)").possible
