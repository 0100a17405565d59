"""A phone's solo play shows texts as the engine renders them in the play's state."""
from __future__ import annotations

from weerbaar.engine import load_scenario
from weerbaar.storage import SessionStore
from weerbaar.web.play import SoloPlay

from ..conftest import ROOT

INLINE = ROOT / "tests" / "fixtures" / "inline.yaml"


def test_a_phone_sees_choice_texts_feedback_and_posts_as_the_play_has_them(tmp_path):
    scenario = load_scenario(str(INLINE))
    with SessionStore(tmp_path / "s.db") as store:
        play = SoloPlay.start(store, scenario, seed=0, lang="en", pseudonym="Tafel 1",
                              room="r", workshop="w")
        view = play.view()
        assert view["scene"]["text"] == "You sit in your office. The phone lies in front of you. {silent}"
        assert [c["text"] for c in view["choices"]] == ["Call the journalist", "Wait"]
        play.choose("A")
        assert play.view()["consequence"]["choice"] == "Call the journalist"
        assert play.view()["consequence"]["feedback"] == "She answers. She sounds impressed."
        play.go_on()
        assert [p["text"] for p in play.view()["scene"]["posts"]] == ["Alderman calls in person!"]
        play.choose("A")  # back to the office
        play.go_on()
        assert [c["text"] for c in play.view()["choices"]] == [
            "Call the journalist confidently", "Wait, you called already"]
        play.choose("A")  # the same choice again, offered in other words now
        consequence = play.view()["consequence"]
        assert consequence["choice"] == "Call the journalist confidently"
        assert consequence["feedback"] == "She answers. She sounds impressed."
        play.close()
