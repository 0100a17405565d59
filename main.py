"""Weerbaar's entry point: the game by default, subcommands for authors and facilitators.

    weerbaar                            the game (title screen)
    weerbaar list                       the shipped scenarios
    weerbaar play ID|FILE [--text]      play one scenario (in the window, or in the terminal)
    weerbaar lint ID|FILE...            check scenarios
    weerbaar --help                     every command

From a checkout, ``python main.py`` does the same.
"""
from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from weerbaar.cli import run
    return run(sys.argv[1:] if argv is None else argv)


def _checkout_as_package() -> None:
    """Run as ``python main.py`` from a checkout: this folder is the ``weerbaar`` package
    (the repository root has no ``__init__.py``; see pyproject.toml), installed or not, and
    its subpackages are not importable as top-level ``engine``, ``game``, ..."""
    import importlib.machinery
    import importlib.util
    root = str(Path(__file__).resolve().parent)
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(root)]
    spec = importlib.machinery.ModuleSpec("weerbaar", None, is_package=True)
    spec.submodule_search_locations = [root]
    sys.modules["weerbaar"] = importlib.util.module_from_spec(spec)


if __name__ == "__main__":
    _checkout_as_package()
    sys.exit(main())
