"""Texts that vary with the play in the terminal player and the store's replay: both show
what the engine renders (``engine.inline.render`` via the View and the Outcome)."""
from __future__ import annotations

from weerbaar.engine import load_scenario
from weerbaar.debrief import build_replay
from weerbaar.storage import SessionStore

from ..conftest import ROOT
from ..storage.helpers import record
from .test_cli import weerbaar

INLINE = ROOT / "tests" / "fixtures" / "inline.yaml"
MOVES = ["bellen", "terug", "wachten", "afronden"]


def test_the_terminal_player_shows_texts_as_the_play_has_them(tmp_path, monkeypatch):
    monkeypatch.setenv("WEERBAAR_DATA_DIR", str(tmp_path))
    r = weerbaar("play", str(INLINE), "--text", "--lang", "en", stdin="1\n1\n2\n2\n")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "{if" not in out and "{{" not in out
    assert "  1) Call the journalist\n" in out and "1) Call the journalist confidently" in out
    assert "→ She answers. She sounds impressed." in out
    assert "Alderman calls in person!" in out and "Wait, you called already" in out
    assert "→ You wait for her article." in out
    assert "It is done. You called yourself." in out
    path = out[out.index("  1. "):]
    assert path.startswith("  1. Call the journalist\n")  # as it was offered then


def test_the_store_replay_shows_texts_as_the_play_had_them(tmp_path):
    scenario = load_scenario(str(INLINE))
    with SessionStore(tmp_path / "s.db") as store:
        replay = build_replay(store.get(record(store, scenario, MOVES, lang="en")), scenario,
                              lang="en")
    begin, overleg, back, overleg2, end = replay.steps
    assert begin.text == "You sit in your office. The phone lies in front of you. {silent}"
    assert [o.text for o in begin.choices] == ["Call the journalist", "Wait"]
    assert begin.feedback == "She answers. She sounds impressed."
    assert begin.choices[1].feedback == "You wait."  # the road not taken, in that state
    assert [p.text.get("") for p in overleg.posts] == ["Alderman calls in person!"]
    assert back.text.startswith("You sit in your office. The meeting just now still bothers")
    assert [o.text for o in back.choices] == ["Call the journalist confidently",
                                              "Wait, you called already"]
    assert back.feedback == "You wait for her article."
    assert end.text == "It is done. You called yourself."
