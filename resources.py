"""Where Weerbaar's own files are: the shipped scenarios, the fonts and their licences, and the
JSON schemas. Every lookup of scenarios/, assets/ and the schemas goes through here, so the
game, the command line and the tests find them the same way in a checkout, an editable
install and an installed wheel (package data of ``weerbaar``).

Weerbaar is installed as files (pip, pipx), never imported from a zip archive: pygame opens
fonts by file name and the scenario loader reports ``path:line:col``, so every function here
gives a ``pathlib.Path``.
"""
from __future__ import annotations

import importlib.resources
from functools import cache
from pathlib import Path

SCENARIO_SUFFIX = ".yaml"

FONT_REGULAR = "AtkinsonHyperlegibleNext-Regular.ttf"
FONT_BOLD = "AtkinsonHyperlegibleNext-Bold.ttf"
FONT_ITALIC = "AtkinsonHyperlegibleNext-Italic.ttf"
# for characters the main font lacks, tried in this order
FALLBACK_FONTS = ("NotoEmoji.ttf", "NotoSansSymbols.ttf")
FONT_LICENCES = ("OFL.txt", "OFL-Noto.txt")


@cache
def package_folder() -> Path:
    """The folder of the ``weerbaar`` package: site-packages/weerbaar, or the checkout's root.

    ``weerbaar`` is a namespace package (the repository root has no ``__init__.py``).
    Python 3.11's importlib.resources cannot open a namespace package whose ``__path__``
    holds setuptools' editable-install placeholder (NotADirectoryError) or one registered by
    main.py (ValueError); then the folder this module lies in is the same folder."""
    try:
        folder = importlib.resources.files(__package__ or "weerbaar")
    except (NotADirectoryError, ValueError, TypeError, ModuleNotFoundError):
        return Path(__file__).resolve().parent
    located = folder.joinpath("resources.py")
    if not isinstance(located, Path):
        raise RuntimeError(f"Weerbaar must be installed as files, not inside an archive ({folder})")
    return located.parent


def scenarios_dir() -> Path:
    """The folder of the shipped scenarios."""
    return package_folder() / "scenarios"


def shipped_scenarios() -> list[Path]:
    """The shipped scenario files, sorted by file name: ``name.yaml``, not ``name.other.yaml``
    (such as the golden transcripts)."""
    return sorted(p for p in scenarios_dir().glob(f"*{SCENARIO_SUFFIX}") if "." not in p.stem)


def shipped_scenario(scenario_id: str) -> Path | None:
    """The shipped scenario file of this id (its file name without .yaml), if there is one."""
    for path in shipped_scenarios():
        if path.stem == scenario_id:
            return path
    return None


def fonts_dir() -> Path:
    return package_folder() / "assets" / "fonts"


def font(name: str) -> Path:
    """A font file (or a font licence) in assets/fonts/."""
    return fonts_dir() / name


def schema(name: str) -> Path:
    """A JSON schema: ``scenario`` (engine/schema/scenario.schema.json) or ``export``
    (debrief/export.schema.json)."""
    if name == "export":
        return package_folder() / "debrief" / "export.schema.json"
    return package_folder() / "engine" / "schema" / f"{name}.schema.json"
