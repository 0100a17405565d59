"""Where the front end finds its files: relative to the project root, never the cwd."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"
SCENARIOS = ROOT / "scenarios"

FONT_REGULAR = FONTS / "AtkinsonHyperlegibleNext-Regular.ttf"
FONT_BOLD = FONTS / "AtkinsonHyperlegibleNext-Bold.ttf"
FONT_ITALIC = FONTS / "AtkinsonHyperlegibleNext-Italic.ttf"
# for characters the main font lacks, tried in this order
FALLBACK_FONTS = (FONTS / "NotoEmoji.ttf", FONTS / "NotoSansSymbols.ttf")
