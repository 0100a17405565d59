"""Weerbaar's entry point: the game by default, subcommands for authors and facilitators.

    python main.py                      the game (title screen)
    python main.py play FILE [--text]   play one scenario (in the window, or in the terminal)
    python main.py lint FILE...         check scenarios
    python main.py --help               every command
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from weerbaar.cli import run
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
