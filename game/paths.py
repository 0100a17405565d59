"""Where the front end finds its files: the package's own data (weerbaar.resources), never
the current directory."""
from __future__ import annotations

from .. import resources

SCENARIOS = resources.scenarios_dir()
FONTS = resources.fonts_dir()

FONT_REGULAR = resources.font(resources.FONT_REGULAR)
FONT_BOLD = resources.font(resources.FONT_BOLD)
FONT_ITALIC = resources.font(resources.FONT_ITALIC)
# for characters the main font lacks, tried in this order
FALLBACK_FONTS = tuple(resources.font(name) for name in resources.FALLBACK_FONTS)
