"""The scenario as the engine holds it: immutable, checked data.

A ``Scenario`` is made by ``engine.loader.load_scenario`` and never changes afterwards;
play state lives in ``engine.session.Session``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from .expr import Condition

SCENE_KINDS = ("dialogue", "feed", "message", "news")
TONES = ("good", "mixed", "bad", "neutral")


@dataclass(frozen=True, slots=True)
class Text:
    """A human-readable text: one string per language, or one plain string for all.

    The strings are kept as written, with any inline conditional text (``{if ...: ...}``)
    in them; ``inline`` holds those parsed (language -> pieces, see ``engine.inline``) when
    a string has markup. ``variants`` are alternatives tried in order before this text, each
    with a condition (choice texts and feedback). What a player sees is
    ``engine.inline.render``, asked through ``engine.views``; ``get`` gives the text as
    written, for tools and texts that never vary.
    """

    values: Mapping[str, str]
    plain: bool = False
    variants: tuple["Variant", ...] = ()
    inline: Mapping[str, tuple] | None = None

    @classmethod
    def of(cls, value: str) -> "Text":
        return cls(MappingProxyType({"": value}), plain=True)

    def language(self, lang: str, fallback: tuple[str, ...] = ()) -> str | None:
        """The key of the string ``get`` gives: ``lang``, else the first of ``fallback``."""
        if self.plain:
            return ""
        for code in (lang, *fallback):
            if code in self.values:
                return code
        return next(iter(self.values), None)

    def get(self, lang: str, fallback: tuple[str, ...] = ()) -> str:
        """The text in ``lang`` as written, else in the first of ``fallback`` that exists."""
        code = self.language(lang, fallback)
        return "" if code is None else self.values[code]

    def has(self, lang: str) -> bool:
        return self.plain or lang in self.values

    @property
    def varies(self) -> bool:
        """True when what is shown depends on the play state."""
        return bool(self.variants or self.inline)


EMPTY = Text.of("")


@dataclass(frozen=True, slots=True)
class Variant:
    """One alternative of a scene or ending text; the first whose condition holds is shown."""

    text: Text
    condition: Condition | None = None


@dataclass(frozen=True, slots=True)
class Effects:
    adds: tuple[tuple[str, int], ...] = ()
    sets: tuple[str, ...] = ()
    clears: tuple[str, ...] = ()
    assigns: tuple[tuple[str, int], ...] = ()  # meters set to a value: 'set: {vertrouwen: 50}'

    def __bool__(self) -> bool:
        return bool(self.adds or self.sets or self.clears or self.assigns)


NO_EFFECTS = Effects()


@dataclass(frozen=True, slots=True)
class Meter:
    id: str
    label: Text
    start: int
    min: int = 0
    max: int = 100
    good: str = "high"  # "high": rising is good; "low": falling is good

    def clamp(self, value: int) -> int:
        return self.min if value < self.min else self.max if value > self.max else value


@dataclass(frozen=True, slots=True)
class Character:
    id: str
    name: Text
    role: Text | None = None
    handle: str = ""


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    text: Text
    goto: str
    condition: Condition | None = None
    effects: Effects = NO_EFFECTS
    feedback: Text | None = None
    debrief: Text | None = None
    index: int = 0  # position in the scene, from 0
    misstep: bool = False  # forbidden by law, rules or code of conduct; counted by missteps()


@dataclass(frozen=True, slots=True)
class Route:
    goto: str
    condition: Condition | None = None
    chance: int | None = None  # percent, rolled from the session's seed
    index: int = 0


@dataclass(frozen=True, slots=True)
class Timer:
    seconds: int
    default: str  # the choice taken when time runs out


@dataclass(frozen=True, slots=True)
class Post:
    """A social-media post (``kind: feed``) or a message (``kind: message``)."""

    author: str
    text: Text
    handle: str = ""
    time: str = ""
    likes: int | None = None
    shares: int | None = None
    condition: Condition | None = None


@dataclass(frozen=True, slots=True)
class Scene:
    id: str
    text: tuple[Variant, ...]
    kind: str = "dialogue"
    speaker: str | None = None
    on_enter: Effects = NO_EFFECTS
    choices: tuple[Choice, ...] = ()
    next: tuple[Route, ...] = ()
    timer: Timer | None = None
    debrief: Text | None = None
    posts: tuple[Post, ...] = ()
    channel: Text | None = None
    headline: Text | None = None
    outlet: str = ""
    image: str = ""

    def targets(self):
        """Where this scene can lead: every choice's and route's ``goto``, in order."""
        for c in self.choices:
            yield c.goto
        for r in self.next:
            yield r.goto

    def choice(self, choice_id: str) -> Choice:
        for c in self.choices:
            if c.id == choice_id:
                return c
        raise KeyError(choice_id)


@dataclass(frozen=True, slots=True)
class Ending:
    id: str
    title: Text
    text: tuple[Variant, ...]
    tone: str = "neutral"
    debrief_questions: tuple[Text, ...] = ()
    image: str = ""
    requires: Condition | None = None  # a claim about every play that ends here; proved, not routed


@dataclass(frozen=True)
class Scenario:
    id: str
    title: Text
    languages: tuple[str, ...]
    start: str
    scenes: Mapping[str, Scene]
    endings: Mapping[str, Ending]
    meters: Mapping[str, Meter] = field(default_factory=dict)
    flags: tuple[str, ...] = ()
    characters: Mapping[str, Character] = field(default_factory=dict)
    summary: Text = EMPTY
    role: Text = EMPTY
    duration_minutes: int = 0
    learning_goals: tuple[Text, ...] = ()
    sources: tuple[str, ...] = ()
    version: str = ""
    content_hash: str = ""  # sha256 of the file's bytes, first 16 hex digits
    path: str = ""

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def node(self, node_id: str) -> Scene | Ending:
        return self.scenes.get(node_id) or self.endings[node_id]

    def is_ending(self, node_id: str) -> bool:
        return node_id in self.endings
