"""Every shipped scenario is clean, complete in both languages, and provably playable."""
import pytest

from weerbaar.engine import Text, check_file
from weerbaar.engine.explore import explore, random_walks

from ..conftest import SCENARIOS

FILES = sorted(p for p in SCENARIOS.glob("*.yaml") if not p.name.endswith(".transcripts.yaml"))
TRAINING = [p for p in FILES if p.stem != "voorbeeld"]


def ids(paths):
    return [p.stem for p in paths]


@pytest.fixture(scope="module", params=FILES, ids=ids(FILES))
def loaded(request):
    scenario, diagnostics = check_file(str(request.param))
    return request.param, scenario, diagnostics


def test_lint_strict_is_clean(loaded):
    path, scenario, diagnostics = loaded
    assert [str(d) for d in diagnostics] == []


def _texts(scenario):
    yield "title", scenario.title
    yield "summary", scenario.summary
    yield "role", scenario.role
    for i, g in enumerate(scenario.learning_goals):
        yield f"learning goal {i + 1}", g
    for m in scenario.meters.values():
        yield f"meter {m.id}", m.label
    for sid, scene in scenario.scenes.items():
        for i, v in enumerate(scene.text):
            yield f"{sid} text {i + 1}", v.text
        for c in scene.choices:
            yield f"{sid}/{c.id} text", c.text
            yield f"{sid}/{c.id} feedback", c.feedback
            yield f"{sid}/{c.id} debrief", c.debrief
        yield f"{sid} debrief", scene.debrief
        for i, p in enumerate(scene.posts):
            yield f"{sid} post {i + 1}", p.text
        yield f"{sid} headline", scene.headline
        yield f"{sid} channel", scene.channel
    for eid, e in scenario.endings.items():
        yield f"{eid} title", e.title
        for i, v in enumerate(e.text):
            yield f"{eid} text {i + 1}", v.text
        for i, q in enumerate(e.debrief_questions):
            yield f"{eid} question {i + 1}", q


def test_both_languages_complete(loaded):
    path, scenario, _ = loaded
    assert scenario.languages == ("nl", "en")
    missing = [where for where, text in _texts(scenario)
               if isinstance(text, Text) and not (text.plain and not text.values[""]) and
               (text.plain or any(not text.values.get(lang, "").strip() for lang in ("nl", "en")))]
    assert missing == [], f"texts not given in both nl and en: {missing[:10]}"


@pytest.mark.parametrize("path", TRAINING, ids=ids(TRAINING))
def test_training_scenario_shape(path):
    scenario, _ = check_file(str(path))
    assert len(scenario.scenes) >= 25 and len(scenario.endings) >= 4
    assert len(scenario.learning_goals) >= 3 and scenario.sources
    for sid, scene in scenario.scenes.items():
        for c in scene.choices:
            assert c.feedback is not None and c.debrief is not None, f"{sid}/{c.id}"
        if scene.choices:
            assert scene.debrief is not None, sid
    for e in scenario.endings.values():
        assert e.debrief_questions, e.id


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_explore_reaches_everything_without_getting_stuck(path):
    scenario, _ = check_file(str(path))
    exploration = explore(scenario)
    assert not exploration.bound_hit
    assert exploration.problems == []
    assert exploration.violations == {}  # every ending's requires holds on every playthrough
    assert (exploration.scenes_missed, exploration.choices_missed, exploration.endings_missed) == ([], [], [])
    if path in TRAINING:
        assert not exploration.has_cycles
        assert 10 <= exploration.median_decisions <= 20, exploration.median_decisions
        walks = random_walks(scenario, 500, seed=1)
        assert walks.stuck == 0


@pytest.mark.parametrize("path", TRAINING, ids=ids(TRAINING))
def test_delayed_consequences_for_a_third_of_decisions(path):
    """At least a third of the decision scenes have a choice whose effects or choice id are
    read by a condition two or more scenes further on."""
    scenario, _ = check_file(str(path))
    depth = _distances(scenario)
    readers = []  # (scene of the condition, names, chosen pairs)
    for sid, scene in scenario.scenes.items():
        conds = [v.condition for v in scene.text] + [p.condition for p in scene.posts] + \
                [c.condition for c in scene.choices] + [r.condition for r in scene.next]
        for cond in conds:
            if cond is not None:
                readers.append((sid, cond.uses.names, cond.uses.chosen))
    for e in scenario.endings.values():
        for v in e.text:
            if v.condition is not None:
                readers.append((e.id, v.condition.uses.names, v.condition.uses.chosen))
    decision_scenes = [s for s in scenario.scenes.values() if s.choices]
    delayed = 0
    for scene in decision_scenes:
        if any(_read_later(scene, c, readers, depth) for c in scene.choices):
            delayed += 1
    assert delayed * 3 >= len(decision_scenes), f"{delayed} of {len(decision_scenes)}"


def _distances(scenario):
    """Shortest number of scene steps between every pair (small graphs)."""
    nodes = list(scenario.scenes) + list(scenario.endings)
    dist = {}
    for a in nodes:
        seen, frontier, d = {a: 0}, [a], 0
        while frontier:
            d += 1
            nxt = []
            for n in frontier:
                sc = scenario.scenes.get(n)
                if sc is None:
                    continue
                for t in [c.goto for c in sc.choices] + [r.goto for r in sc.next]:
                    if t not in seen:
                        seen[t] = d
                        nxt.append(t)
            frontier = nxt
        dist[a] = seen
    return dist


def _read_later(scene, choice, readers, depth):
    effects = {k for k, _ in choice.effects.adds} | set(choice.effects.sets) | set(choice.effects.clears)
    for where, names, chosen in readers:
        d = depth[scene.id].get(where)
        if d is None or d < 2:
            continue
        if effects & names or (scene.id, choice.id) in chosen:
            return True
    return False
