"""Replay: a recorded session rebuilt step by step, with reasons, "what if" and old versions."""
import random

import pytest

from weerbaar.engine import check_file, load_scenario, load_scenario_text
from weerbaar.engine.session import Session
from weerbaar.debrief import build_replay, replay_session
from weerbaar.storage import ReplayError, ScenarioLibrary, resume

from ..conftest import SCENARIOS
from .helpers import random_walk, record


def shipped():
    out = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        if path.name.endswith(".transcripts.yaml"):
            continue
        out.append(pytest.param(path, id=path.stem))
    return out


@pytest.mark.parametrize("path", shipped())
def test_a_recorded_session_replays_to_the_same_scene_and_meters(store, path):
    scenario, diagnostics = check_file(str(path))
    assert scenario is not None, diagnostics[0]
    rng = random.Random(path.stem)
    for seed in range(6):
        moves = random_walk(scenario, rng, seed=seed)
        sid = record(store, scenario, moves, seed=seed)
        r = store.get(sid)
        shown, check = ScenarioLibrary(store).for_record(r)
        assert check.same
        replay = build_replay(r, shown)
        assert replay.exact and not replay.warnings
        assert replay.final_scene == r.ending
        assert replay.final_meters == {m: r.final_vars[m] for m in scenario.meters}
        decisions = [s for s in replay.steps if s.kind == "decision"]
        assert [s.chosen for s in decisions] == r.choice_ids()
        assert all(not s.warnings for s in replay.steps)


def test_the_steps_show_the_situation_choices_consequence_and_notes(store, scenario):
    r = store.get(record(store, scenario, ["reageren", "geen_commentaar", "undo", "uitleggen"]))
    replay = build_replay(r, scenario)
    kinds = [(s.kind, s.scene) for s in replay.steps]
    assert kinds == [("decision", "begin"), ("decision", "journalist"), ("passage", "avond"),
                     ("ending", "gemengd")]
    begin, journalist, avond, end = replay.steps
    assert begin.text.startswith("Je telefoon trilt") and begin.posts[0].author == "Gert (buurman)"
    assert [(o.id, o.chosen, o.hidden) for o in begin.choices] == [
        ("reageren", True, False), ("navragen", False, False)]
    assert begin.chosen_view.feedback.startswith("Je reactie wordt doorgestuurd")
    assert begin.choices[1].feedback.startswith("Ahmed zet de feiten")  # the road not taken
    assert begin.choices[1].note == "Feiten eerst: zo kun je precies corrigeren."
    assert begin.note.startswith("Snel reageren voelt goed")
    assert [(m.id, m.before, m.after, m.delta) for m in begin.changes] == [
        ("vertrouwen", 50, 40, -10), ("rust", 50, 60, 10)]
    assert begin.decision.decision.seconds == 1.5
    assert journalist.flags_set == ("pers_ingelicht",)
    assert end.title == "Onrust blijft" and end.questions == ("Wat had je anders kunnen doen?",)


def test_reasons_name_the_earlier_decision(store, scenario):
    r = store.get(record(store, scenario, ["reageren", "uitleggen"]))
    steps = build_replay(r, scenario, "nl").steps
    reason = steps[1].text_reason
    assert reason.holds and reason.condition == "chosen(begin, reageren)"
    assert [(c.step, c.scene, c.choice) for c in reason.causes] == [(0, "begin", "reageren")]
    assert reason.sentence("nl") == (
        "Deze tekst verschijnt omdat je bij ‘WhatsApp-groep 'Wij zijn Oosterend'’ (stap 1) "
        "koos: ‘Meteen in de groep reageren: 'Klopt niet!'’.")
    avond = build_replay(r, scenario, "en").steps[2].text_reason
    assert avond.sentence() == ("This text appears because you chose ‘Explain what was and "
                                "was not decided’ at ‘Sanne calls’ (step 2).")  # set the flag
    arrival = build_replay(r, scenario, "en").steps[3].arrival_reason
    assert arrival.kind == "route" and not arrival.holds
    assert arrival.condition == "vertrouwen >= 60 / vertrouwen < 40"
    assert [c.step for c in arrival.causes] == [0, 1]
    assert arrival.sentence() == ("You came here because Trust was 50, lower than 60 and "
                                  "higher than 40.")


def test_a_fallback_text_without_causes_says_which_condition_did_not_hold(store, scenario):
    r = store.get(record(store, scenario, ["navragen", "geen_commentaar"]))
    steps = build_replay(r, scenario, "en").steps
    assert steps[1].text_reason.sentence() == (
        "This text appears because you did not choose ‘Reply in the group at once: 'Not "
        "true!'’ at ‘WhatsApp group 'We are Oosterend'’.")
    assert steps[2].text_reason.sentence() == (
        "This text appears because you did not choose ‘Explain what was and was not decided’ "
        "at ‘Sanne calls’.")


HIDDEN_OPTION = """\
      - id: bellen
        if: "pers_ingelicht"
        text: {nl: "Sanne terugbellen", en: "Call Sanne back"}
        goto: avond
"""


def with_hidden_choice(scenario):
    text = open(scenario.path, encoding="utf-8").read()
    marker = "        goto: avond\n  avond:\n"
    return text.replace(marker, "        goto: avond\n" + HIDDEN_OPTION + "  avond:\n", 1)


def test_choices_hidden_by_conditions_are_shown_with_the_reason(store):
    scenario = load_scenario_text(with_hidden_choice(load_scenario(str(SCENARIOS / "voorbeeld.yaml"))))
    r = store.get(record(store, scenario, ["reageren", "geen_commentaar"]))
    choices = build_replay(r, scenario, "en").steps[1].choices
    hidden = choices[-1]
    assert (hidden.id, hidden.hidden, hidden.chosen) == ("bellen", True, False)
    assert hidden.reason.kind == "hidden" and not hidden.reason.holds
    assert hidden.reason.sentence() == ("This option was not there because you did not "
                                        "choose ‘Explain what was and was not decided’ at "
                                        "‘Sanne calls’.")  # the one choice that sets the flag
    assert r.decisions[1].hidden == ("bellen",)


def test_what_if_plays_on_from_a_step_without_changing_the_recording(store, scenario):
    sid = record(store, scenario, ["reageren", "geen_commentaar"])
    before = store.get(sid)
    replay = build_replay(before, scenario)
    live = replay.what_if(1)      # standing at the journalist, after "reageren"
    assert live.scene_id == "journalist" and live.vars["vertrouwen"] == 40
    assert live.listeners == [] and [d.choice for d in live.decisions] == ["reageren"]
    live.choose("uitleggen")
    live.proceed()
    live.advance()
    assert live.view.ending.id == "gemengd"
    assert store.get(sid) == before
    assert replay.what_if(0).scene_id == "begin"
    passage = replay.what_if(2)
    assert passage.scene_id == "avond" and passage.view.can_continue
    assert replay.what_if(3).ended


def test_resume_continues_the_same_record(store, scenario):
    sid = record(store, scenario, ["navragen", "geen_commentaar", "undo"], finish=False)
    session, recorder = resume(store, sid)
    assert session.scene_id == "journalist" and [d.choice for d in session.decisions] == ["navragen"]
    assert [d.choice for d in session.state.undone] == ["geen_commentaar"]
    session.choose("uitleggen")
    session.proceed()
    session.advance()
    r = store.get(sid)
    assert r.choice_ids() == ["navragen", "uitleggen"] and r.ending == "goed"
    assert len(r.history) == 3 and recorder.session_id == sid
    with pytest.raises(ReplayError, match="already ended"):
        resume(store, sid)


# ---- older versions of a scenario ---------------------------------------------------------
def edited(scenario, old, new):
    text = open(scenario.path, encoding="utf-8").read()
    assert old in text
    return load_scenario_text(text.replace(old, new), "edited.yaml")


def test_a_text_edit_replays_exactly_with_a_version_warning(store, scenario):
    r = store.get(record(store, scenario, ["reageren", "uitleggen"]))
    newer = edited(scenario, 'version: "1.0"', 'version: "1.1"')
    shown, check = ScenarioLibrary(store, [newer]).for_record(r, prefer_current=True)
    assert shown is newer and not check.same and not check.from_recording
    replay = build_replay(r, shown, version=check)
    assert replay.exact and replay.final_scene == "gemengd"
    assert replay.warnings == (f"Gespeeld op versie 1.0 ({scenario.content_hash}); getoond op "
                               f"versie 1.1 ({newer.content_hash}).",)
    exact, check = ScenarioLibrary(store, [newer]).for_record(r)
    assert exact.content_hash == scenario.content_hash and check.same and check.from_recording


def test_a_step_that_no_longer_exists_is_shown_as_recorded_with_a_warning(store, scenario):
    r = store.get(record(store, scenario, ["reageren", "geen_commentaar"]))
    newer = edited(scenario, "      - id: geen_commentaar\n", "      - id: zwijgen\n")
    replay = build_replay(r, newer, "en")
    begin, journalist, end = replay.steps
    assert begin.exact and not begin.warnings
    assert not journalist.exact and journalist.chosen == "geen_commentaar"
    assert journalist.warnings == ("Option 'geen_commentaar' no longer exists in scene "
                                   "'journalist': shown as recorded.",)
    gone = [o for o in journalist.choices if not o.known]
    assert [(o.id, o.chosen) for o in gone] == [("geen_commentaar", True)]
    assert journalist.text.startswith("Sanne calls: 'You said in the group chat")
    assert [(m.id, m.before, m.after) for m in journalist.changes] == [("vertrouwen", 40, 25)]
    assert (end.kind, end.scene, end.exact, end.title) == ("ending", "slecht", False, "The rumour wins")
    with pytest.raises(ReplayError, match="shown as recorded"):
        replay.what_if(1)
    assert replay.what_if(0).scene_id == "begin"


def test_a_scene_that_is_gone_is_shown_as_recorded(store, scenario):
    r = store.get(record(store, scenario, ["reageren", "uitleggen"]))
    text = open(scenario.path, encoding="utf-8").read()
    newer = load_scenario_text(text.replace("journalist", "pers"), "renamed.yaml")
    replay = build_replay(r, newer)
    assert [s.exact for s in replay.steps] == [True, False, False]
    assert replay.steps[1].warnings == ("Scène 'journalist' bestaat niet meer in deze versie: "
                                        "getoond zoals opgenomen.",)
    assert replay.steps[1].text == "" and replay.steps[1].note is None
    assert [(o.id, o.text, o.known) for o in replay.steps[1].choices] == [
        ("uitleggen", "uitleggen", False), ("geen_commentaar", "geen_commentaar", False)]
    assert replay.steps[2].scene == "gemengd" and replay.steps[2].title == "Onrust blijft"


def test_a_route_that_now_leads_elsewhere_is_shown_as_recorded(store, scenario):
    r = store.get(record(store, scenario, ["reageren", "uitleggen"]))
    text = open(scenario.path, encoding="utf-8").read()
    newer = load_scenario_text(text.replace("goto: journalist", "goto: avond", 1), "re.yaml")
    replay = build_replay(r, newer)
    assert [(s.kind, s.scene, s.exact) for s in replay.steps] == [
        ("decision", "begin", True), ("passage", "avond", True),
        ("decision", "journalist", False), ("ending", "gemengd", False)]
    assert replay.steps[2].warnings == ("Deze versie brengt de speler naar 'gemengd', niet naar "
                                        "'journalist': getoond zoals opgenomen.",)
    assert replay.steps[2].choices[0].text == "Uitleggen wat er wel en niet besloten is"
    assert replay.steps[2].text.startswith("Sanne belt: 'U zei in de appgroep")


def test_without_any_version_of_the_scenario_replay_is_refused(store, scenario):
    r = store.get(record(store, scenario, ["reageren"]))
    store.conn.execute("DELETE FROM scenario_sources")
    with pytest.raises(ReplayError, match="--scenario FILE"):
        ScenarioLibrary(store).for_record(r)


def test_an_unfinished_session_ends_on_the_open_scene(store, scenario):
    r = store.get(record(store, scenario, ["navragen"], finish=False))
    last = build_replay(r, scenario).steps[-1]
    assert (last.kind, last.scene, last.chosen) == ("open", "journalist", None)
    assert [o.chosen for o in last.choices] == [False, False]


def test_replay_leaves_the_scenario_machine_clean(store, scenario):
    r = store.get(record(store, scenario, ["reageren", "uitleggen"]))
    for _ in range(3):
        build_replay(r, scenario)
    s = Session(scenario)
    assert s.scene_id == "begin"


def test_replay_session_by_id_prefix(store, scenario):
    sid = record(store, scenario, ["navragen", "uitleggen"], lang="en")
    replay = replay_session(store, sid[:6])
    assert replay.lang == "en" and replay.version.same and replay.final_scene == "goed"
    assert replay.step_of_decision(1) == 1
    assert replay_session(store, sid, "nl").steps[0].text.startswith("Je telefoon")
