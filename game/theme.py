"""Colours and sizes, derived from the window size and the settings.

Everything is designed at 1280×720 and scaled with the window (the smaller of width/1280
and height/720), so a projector at 1920×1080 gets the same layout with larger type.
The text-size setting scales type only, never the spacing of the frame.
"""
from __future__ import annotations

from dataclasses import dataclass

from .settings import Settings

BASE_W, BASE_H = 1280, 720
MIN_SCALE = 0.5


@dataclass(frozen=True)
class Palette:
    bg: tuple
    panel: tuple
    panel_alt: tuple
    border: tuple
    text: tuple
    muted: tuple
    accent: tuple          # the player's options, and only those
    accent_hover: tuple
    accent_text: tuple
    focus: tuple
    button: tuple          # secondary buttons (menus, settings)
    button_hover: tuple
    button_text: tuple
    disabled: tuple
    disabled_text: tuple
    good: tuple
    bad: tuple
    mixed: tuple
    neutral: tuple
    track: tuple           # the empty part of a meter bar
    fill: tuple            # the filled part of a meter bar
    bubble: tuple
    overlay: tuple         # RGBA, dims the screen behind a panel
    timer: tuple


CALM = Palette(
    bg=(240, 237, 230), panel=(255, 255, 255), panel_alt=(228, 224, 214), border=(196, 190, 178),
    text=(26, 29, 36), muted=(78, 84, 96),
    accent=(21, 82, 156), accent_hover=(12, 58, 116), accent_text=(255, 255, 255),
    focus=(214, 120, 0),
    button=(255, 255, 255), button_hover=(232, 228, 219), button_text=(26, 29, 36),
    disabled=(222, 219, 212), disabled_text=(104, 108, 116),
    good=(22, 112, 54), bad=(176, 34, 34), mixed=(150, 92, 0), neutral=(78, 84, 96),
    track=(218, 213, 203), fill=(56, 66, 84), bubble=(236, 241, 247),
    overlay=(18, 22, 30, 165), timer=(176, 34, 34))

HIGH_CONTRAST = Palette(
    bg=(0, 0, 0), panel=(0, 0, 0), panel_alt=(28, 28, 28), border=(255, 255, 255),
    text=(255, 255, 255), muted=(235, 235, 235),
    accent=(255, 221, 0), accent_hover=(255, 240, 120), accent_text=(0, 0, 0),
    focus=(0, 229, 255),
    button=(0, 0, 0), button_hover=(45, 45, 45), button_text=(255, 255, 255),
    disabled=(30, 30, 30), disabled_text=(200, 200, 200),
    good=(90, 235, 130), bad=(255, 120, 120), mixed=(255, 200, 90), neutral=(235, 235, 235),
    track=(60, 60, 60), fill=(255, 255, 255), bubble=(24, 24, 24),
    overlay=(0, 0, 0, 215), timer=(255, 120, 120))


@dataclass(frozen=True)
class Theme:
    size: tuple[int, int]
    palette: Palette
    scale: float
    text_factor: float
    reduced_motion: bool

    @classmethod
    def for_window(cls, size: tuple[int, int], settings: Settings) -> "Theme":
        w, h = size
        scale = max(MIN_SCALE, min(w / BASE_W, h / BASE_H))
        return cls(size=(w, h), palette=HIGH_CONTRAST if settings.high_contrast else CALM,
                   scale=scale, text_factor=settings.text_factor,
                   reduced_motion=settings.reduced_motion)

    def px(self, v: float) -> int:
        """A length designed at 1280×720, in pixels of this window."""
        return max(1, round(v * self.scale))

    def fs(self, v: float) -> int:
        """A type size designed at 1280×720, with the text-size setting applied."""
        return max(8, round(v * self.scale * self.text_factor))

    # type scale (px at 1280×720, normal text size)
    @property
    def body(self) -> int:
        return self.fs(27)

    @property
    def small(self) -> int:
        return self.fs(21)

    @property
    def h1(self) -> int:
        return self.fs(46)

    @property
    def h2(self) -> int:
        return self.fs(33)

    @property
    def button(self) -> int:
        return self.fs(26)

    @property
    def margin(self) -> int:
        return self.px(28)

    @property
    def gap(self) -> int:
        return self.px(16)

    @property
    def radius(self) -> int:
        return self.px(12)

    @property
    def border_width(self) -> int:
        return max(2 if self.palette is HIGH_CONTRAST else 1, self.px(2))

    def tone_colour(self, tone: str) -> tuple:
        p = self.palette
        return {"good": p.good, "bad": p.bad, "mixed": p.mixed}.get(tone, p.neutral)
