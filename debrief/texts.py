"""Texts of a scenario in one language, looked up by the ids a recording holds."""
from __future__ import annotations

import re

from ..engine.inline import render
from ..engine.model import Choice, Scenario, Scene, Text

NAME_WORDS = 6  # a scene named by its text: at most this many words of its first sentence


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


def scene_name(scenario: Scenario, scene_id: str, lang: str) -> str:
    """What people call a scene (scenes have no title): its headline, its channel, else the
    start of its text up to the first stop or colon ("Sanne belt"); an ending's title."""
    ending = scenario.endings.get(scene_id)
    if ending is not None:
        return text_of(ending.title, scenario, lang)
    scene = scenario.scenes.get(scene_id)
    if scene is None:
        return scene_id
    for named in (scene.headline, scene.channel):
        if named is not None and text_of(named, scenario, lang):
            return text_of(named, scenario, lang)
    first = re.split(r"[.:!?\n]", scene_text(scene, scenario, lang).strip(), maxsplit=1)[0]
    words = first.split()
    if not words:
        return scene_id.replace("_", " ")
    return " ".join(words[:NAME_WORDS]) + ("…" if len(words) > NAME_WORDS else "")
