"""The engine's reasons as sentences (``debrief.sentences.because``): one row per kind of
condition the language has, in Dutch and English, with plurals, and never the source."""
from __future__ import annotations

import pytest

from weerbaar.engine import load_scenario_text
from weerbaar.engine.explore.claims import query_env
from weerbaar.engine.expr import compile_condition
from weerbaar.engine.reasons import Reason, combine, explain
from weerbaar.engine.state import Decision, PlayState
from weerbaar.debrief.sentences import because

from ..conftest import SCENARIOS

MISSTEP = "        effects: {rust: 10, vertrouwen: -10}\n"


@pytest.fixture(scope="module")
def scenario():
    text = (SCENARIOS / "voorbeeld.yaml").read_text(encoding="utf-8")
    return load_scenario_text(text.replace(MISSTEP, MISSTEP + "        misstep: true\n", 1))


def state(*, vertrouwen=35, rust=50, informed=False, chose_react=True, visits=None):
    """A play after 'reageren' (step 1) and, when ``informed``, 'uitleggen' (step 2)."""
    vars_ = {"vertrouwen": vertrouwen, "rust": rust, "pers_ingelicht": informed}
    decisions = [Decision(0, "begin", "reageren" if chose_react else "navragen", (), (),
                          "journalist", {}, {})]
    causes = {"vertrouwen": (0,), "rust": (0,)}
    if informed:
        decisions.append(Decision(1, "journalist", "uitleggen", (), (), "avond", {}, {}))
        causes["pers_ingelicht"] = (1,)
    return PlayState("avond", vars=vars_, visits=visits or {"begin": 1, "journalist": 1},
                     chosen={(d.scene, d.choice) for d in decisions}, decisions=decisions,
                     causes=causes)


def say(scenario, src, play, lang, steps=None):
    reason = explain(play, compile_condition(src, query_env(scenario)))
    return because(reason, scenario, lang, steps)


REACT_NL = "‘Meteen in de groep reageren: 'Klopt niet!'’"
GROUP_NL = "‘WhatsApp-groep 'Wij zijn Oosterend'’"
REACT_EN = "‘Reply in the group at once: 'Not true!'’"
GROUP_EN = "‘WhatsApp group 'We are Oosterend'’"
EXPLAIN_EN = "‘Explain what was and was not decided’"
EVENING_NL = "‘'s Avonds gaat het gerucht nog…’"  # a scene without a title: its first words
EVENING_EN = "‘In the evening the rumour is…’"

ROWS = [  # (condition, state, Dutch, English)
    ("vertrouwen >= 40", {}, "omdat Vertrouwen 35 was, lager dan 40",
     "because Trust was 35, lower than 40"),
    ("vertrouwen < 40", {}, "omdat Vertrouwen 35 was, lager dan 40",
     "because Trust was 35, lower than 40"),
    ("vertrouwen >= 35", {}, "omdat Vertrouwen precies 35 was", "because Trust was exactly 35"),
    ("vertrouwen > 35", {}, "omdat Vertrouwen 35 was, niet hoger dan 35",
     "because Trust was 35, not higher than 35"),
    ("40 <= vertrouwen", {}, "omdat Vertrouwen 35 was, lager dan 40",
     "because Trust was 35, lower than 40"),
    ("vertrouwen > rust", {}, "omdat Vertrouwen (35) lager was dan Rust in het dorp (50)",
     "because Trust (35) was lower than Calm in the village (50)"),
    ("(vertrouwen + rust) * 2 > 100", {},
     "omdat (Vertrouwen + Rust in het dorp) × 2 samen 170 was, hoger dan 100",
     "because (Trust + Calm in the village) × 2 came to 170, higher than 100"),
    ("pers_ingelicht", {"informed": True},
     "omdat je bij ‘Sanne belt’ (stap 2) koos: ‘Uitleggen wat er wel en niet besloten is’",
     f"because you chose {EXPLAIN_EN} at ‘Sanne calls’ (step 2)"),
    ("pers_ingelicht", {},
     "omdat je bij ‘Sanne belt’ niet koos: ‘Uitleggen wat er wel en niet besloten is’",
     f"because you did not choose {EXPLAIN_EN} at ‘Sanne calls’"),
    ("chosen(begin, reageren)", {}, f"omdat je bij {GROUP_NL} (stap 1) koos: {REACT_NL}",
     f"because you chose {REACT_EN} at {GROUP_EN} (step 1)"),
    ("chosen(begin, reageren)", {"chose_react": False},
     f"omdat je bij {GROUP_NL} niet koos: {REACT_NL}",
     f"because you did not choose {REACT_EN} at {GROUP_EN}"),
    ("chosen(journalist, geen_commentaar)", {},        # a quote is not quoted again
     "omdat je bij ‘Sanne belt’ niet koos: 'Geen commentaar.'",
     "because you did not choose 'No comment.' at ‘Sanne calls’"),
    ("visited(journalist)", {}, "omdat je ‘Sanne belt’ al had gezien",
     "because you had already seen ‘Sanne calls’"),
    ("not visited(avond)", {}, f"omdat je {EVENING_NL} nog niet had gezien",
     f"because you had not seen {EVENING_EN} yet"),
    ("visits(journalist) >= 2", {"visits": {"journalist": 3}},
     "omdat je ‘Sanne belt’ 3 keer had bezocht, meer dan 2",
     "because you had visited ‘Sanne calls’ 3 times, more than 2"),
    ("visits(journalist) == 1", {}, "omdat je ‘Sanne belt’ 1 keer had bezocht",
     "because you had visited ‘Sanne calls’ once"),
    ("visits(avond) > 0", {}, f"omdat je {EVENING_NL} nog niet had bezocht",
     f"because you had not visited {EVENING_EN} yet"),
    ("missteps() >= 1", {}, "omdat je 1 misstap had gezet", "because you had made 1 misstep"),
    ("missteps() >= 2", {}, "omdat je 1 misstap had gezet, minder dan 2",
     "because you had made 1 misstep, fewer than 2"),
    ("missteps() == 0", {"chose_react": False}, "omdat je geen misstappen had gezet",
     "because you had made no missteps"),
    ("vertrouwen >= 40 and chosen(begin, reageren)", {},
     "omdat Vertrouwen 35 was, lager dan 40", "because Trust was 35, lower than 40"),
    ("vertrouwen >= 40 or visited(avond)", {},
     f"omdat Vertrouwen 35 was, lager dan 40 en je {EVENING_NL} nog niet had gezien",
     f"because Trust was 35, lower than 40 and you had not seen {EVENING_EN} yet"),
    ("vertrouwen < 40 and not pers_ingelicht", {},
     "omdat Vertrouwen 35 was, lager dan 40 en je bij ‘Sanne belt’ niet koos: ‘Uitleggen wat "
     "er wel en niet besloten is’", f"because Trust was 35, lower than 40 and you did not "
     f"choose {EXPLAIN_EN} at ‘Sanne calls’"),
    ("vertrouwen >= 60 or vertrouwen < 40", {}, "omdat Vertrouwen 35 was, lager dan 40",
     "because Trust was 35, lower than 40"),
    ("pers_ingelicht == false", {}, "omdat je bij ‘Sanne belt’ niet koos: ‘Uitleggen wat er "
     "wel en niet besloten is’", f"because you did not choose {EXPLAIN_EN} at ‘Sanne calls’"),
]


@pytest.mark.parametrize("src, kw, nl, en", ROWS, ids=[r[0] + str(r[1]) for r in ROWS])
def test_every_kind_of_condition_reads_as_a_sentence(scenario, src, kw, nl, en):
    play = state(**kw)
    assert say(scenario, src, play, "nl", {0: 0, 1: 1}) == nl
    assert say(scenario, src, play, "en", {0: 0, 1: 1}) == en


@pytest.mark.parametrize("src", [r[0] for r in ROWS])
def test_no_sentence_shows_the_condition_source(scenario, src):
    for lang in ("nl", "en"):
        text = say(scenario, src, state(), lang)
        assert src not in text and "(" + "begin" not in text and "_" not in text
        assert not any(word in text.split() for word in ("and", "or", "not") if lang == "nl")


def test_a_flag_set_by_more_than_one_decision_is_named_plainly(scenario):
    play = state()
    reason = explain(play, compile_condition("pers_ingelicht", query_env(scenario)))
    two = load_scenario_text((SCENARIOS / "voorbeeld.yaml").read_text(encoding="utf-8").replace(
        "effects: {vertrouwen: 5, rust: -5}", "effects: {vertrouwen: 5, rust: -5, set: [pers_ingelicht]}"))
    assert because(reason, two, "nl") == "omdat ‘pers ingelicht’ niet het geval was"
    assert because(reason, two, "en") == "because ‘pers ingelicht’ was not the case"


def test_chance_routes_say_the_chance(scenario):
    cond = compile_condition("vertrouwen < 40", query_env(scenario))
    lucky = Reason("", True, chance=30)
    assert because(lucky, scenario, "nl") == "door het toeval (kans 30%)"
    assert because(lucky, scenario, "en") == "by chance (a 30% chance)"
    taken = explain(state(), cond)
    taken = Reason(taken.condition, True, taken.values, taken.causes, taken.node, chance=60)
    assert because(taken, scenario, "nl") == ("omdat Vertrouwen 35 was, lager dan 40, en door "
                                              "het toeval (kans 60%)")
    unlucky = Reason(taken.condition, False, taken.values, taken.causes, taken.node, chance=60)
    failed = explain(state(), compile_condition("vertrouwen >= 60", query_env(scenario)))
    fallback = combine([unlucky, failed])
    assert because(fallback, scenario, "nl") == ("omdat het toeval anders uitviel (kans 60%) "
                                                 "en Vertrouwen 35 was, lager dan 60")
    assert because(fallback, scenario, "en") == ("because chance went the other way (a 60% "
                                                 "chance) and Trust was 35, lower than 60")


def test_a_route_with_chance_is_recorded_with_it(tmp_path):
    from weerbaar.engine import load_scenario
    from weerbaar.engine.reasons import route_reason
    from weerbaar.engine.session import Session
    scenario = load_scenario(str(SCENARIOS / "burgemeester.yaml"))
    routes = [(s, r) for s in scenario.scenes.values() for r in s.next if r.chance]
    assert routes  # the shipped scenario has chance routes
    scene, route = routes[0]
    for seed in range(40):
        play = Session(scenario, seed).state.copy()
        play.scene = scene.id
        reason = route_reason(scenario, play)
        text = because(reason, scenario, "nl")
        assert "kans" in text and "(" + route.goto not in text


def test_a_quoted_text_that_ends_the_sentence_keeps_one_stop():
    from weerbaar.debrief.explanations import _one_stop
    assert _one_stop("Je kwam hier omdat je koos: 'Ik zal eens kijken.'.") == \
        "Je kwam hier omdat je koos: 'Ik zal eens kijken.'"
    assert _one_stop("Hij vroeg: ‘Waarom?’.") == "Hij vroeg: ‘Waarom?’"
    assert _one_stop("omdat Vertrouwen 35 was.") == "omdat Vertrouwen 35 was."
