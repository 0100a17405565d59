"""Every shipped scenario teaches what it claims: the explorer proves each good ending's
``requires`` over every playthrough, and no playthrough with a misstep ends well."""
import pytest

from weerbaar.engine import load_scenario
from weerbaar.engine.explore import explore, play_ids, query
from weerbaar.engine.explore.claims import compile_query, path_ids

from ..conftest import SCENARIOS

FILES = sorted(p for p in SCENARIOS.glob("*.yaml") if not p.name.endswith(".transcripts.yaml"))
TRAINING = [p for p in FILES if p.stem != "voorbeeld"]

# The route a trainer would call the textbook answer, as choice ids.
TEXTBOOK = {
    "clientelisme": ("weerbaar", "procedure melden houden samen_sneller bibob_volgen aangifte_doen "
                     "grens uit_commissie niets_zeggen achter_burgemeester naar_gerda politie "
                     "meldingen_tonen vertrouwelijk medestanders voorwaarden nazorg_regelen "
                     "verantwoorden"),
    "desinformatie": ("weerbaar", "eerst_feiten eerst_raad onwaar klopt misleidend klopt alles_erin "
                      "verschonen geheimhouding_opheffen gerrit_bellen keukentafel zoon_vragen "
                      "noor_steunen aangifte alles_vertellen netwerk open_kaart integriteitstoets "
                      "klankbord"),
    "intimidatie": ("weerbaar", "aangifte alles plan volledig samen_aangifte melden feiten bel_112 "
                    "samen_plan intervisie melden besloten luisteren doorzetten bezoek "
                    "feiten_bijwerken programma"),
}


def ids(paths):
    return [p.stem for p in paths]


def good_endings(scenario):
    return [e.id for e in scenario.endings.values() if e.tone == "good"]


def misstep_ending_query(scenario) -> str:
    return "missteps() >= 1 and (" + " or ".join(f"ending({g})" for g in good_endings(scenario)) + ")"


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_claims_hold_and_no_misstep_ends_well(path):
    """One full exploration checks every ``requires`` and asks whether a playthrough with a
    misstep reaches a good ending; both answers are proofs, not samples."""
    scenario = load_scenario(str(path))
    if not good_endings(scenario):
        pytest.skip("no good ending")
    exploration = explore(scenario, query=compile_query(scenario, misstep_ending_query(scenario)))
    assert not exploration.bound_hit, exploration.budget
    assert {e: path_ids(p) for e, p in exploration.violations.items()} == {}
    assert exploration.witness is None, f"a misstep ends well: {path_ids(exploration.witness)}"


@pytest.mark.parametrize("path", TRAINING, ids=ids(TRAINING))
def test_training_scenario_marks_missteps_and_claims_good_endings(path):
    scenario = load_scenario(str(path))
    assert any(c.misstep for s in scenario.scenes.values() for c in s.choices)
    assert good_endings(scenario)
    for eid in good_endings(scenario):
        requires = scenario.endings[eid].requires
        assert requires is not None, f"good ending '{eid}' has no requires"
        assert "missteps()" in requires.source, f"'{eid}' does not claim the absence of missteps"


@pytest.mark.parametrize("name", sorted(TEXTBOOK))
def test_textbook_route_reaches_the_good_ending(name):
    scenario = load_scenario(str(SCENARIOS / f"{name}.yaml"))
    ending, route = TEXTBOOK[name]
    assert play_ids(scenario, route.split()).scene == ending


@pytest.mark.parametrize("name", sorted(TEXTBOOK))
def test_the_same_question_without_a_misstep_has_a_witness(name):
    """The proof above is only worth something if the query can say 'possible': asked for
    playthroughs without a misstep, it finds one that ends well."""
    scenario = load_scenario(str(SCENARIOS / f"{name}.yaml"))
    ending, _ = TEXTBOOK[name]
    answer = query(scenario, f"missteps() == 0 and ending({ending})")
    assert answer.possible and answer.path
