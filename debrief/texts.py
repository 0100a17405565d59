"""Texts of a scenario in one language, looked up by the ids a recording holds."""
from __future__ import annotations

from engine.inline import render
from engine.model import Choice, Scenario, Scene, Text


def text_of(text: Text | None, scenario: Scenario, lang: str, state=None) -> str | None:
    """A text as shown in ``state`` (``engine.inline.render``); without a state, as for no
    play in particular (the last variant, each conditional part's else)."""
    return None if text is None else render(text, state, lang, scenario.languages)


def find_choice(scenario: Scenario, scene_id: str, choice_id: str) -> Choice | None:
    scene = scenario.scenes.get(scene_id)
    return next((c for c in scene.choices if c.id == choice_id), None) if scene else None


def choice_text(scenario: Scenario, scene_id: str, choice_id: str, lang: str) -> str:
    """The option's text, or its id when this version does not have it."""
    choice = find_choice(scenario, scene_id, choice_id)
    return text_of(choice.text, scenario, lang) if choice else choice_id


def scene_text(scene: Scene | None, scenario: Scenario, lang: str) -> str:
    """A scene's unconditional text: what most players read there."""
    if scene is None or not scene.text:
        return ""
    plain = next((v for v in scene.text if v.condition is None), scene.text[-1])
    return text_of(plain.text, scenario, lang)
