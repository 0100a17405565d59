"""The drawing context a screen and its widgets share: theme, text renderer, language.

Made anew by the app when the window size or the settings change; never global.
"""
from __future__ import annotations

from dataclasses import dataclass

from .i18n import tr
from .settings import Settings
from .text import TextRenderer
from .theme import Theme


@dataclass(frozen=True)
class Ui:
    theme: Theme
    text: TextRenderer
    settings: Settings
    author_mode: bool = False  # --watch: show authors what players do not see

    @property
    def lang(self) -> str:
        return self.settings.language

    @property
    def palette(self):
        return self.theme.palette

    def t(self, key: str, /, **values) -> str:
        return tr(self.settings.language, key, **values)

    def key(self) -> tuple:
        """Changes whenever a cached layout must be made again."""
        return (self.theme.size, self.settings, self.author_mode)
