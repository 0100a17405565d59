"""The command line: argument parsing and wiring only; the work happens in engine/, storage/, debrief/
and game/. Each command is a module here with ``add_parser(subparsers)`` and ``run(args)``.

Exit codes: 0 fine, 1 problems found in a scenario, 2 usage or file errors.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from importlib.metadata import PackageNotFoundError, version as _installed_version

from .output import degrade_unencodable

# command name -> module in this package
COMMANDS = {
    "list": "shipped",
    "play": "play",
    "lint": "lint",
    "explore": "explore",
    "graph": "graph",
    "test": "transcript",
    "sessions": "sessions",
    "debrief": "debrief",
    "export": "export",
    "workshop": "workshop",
    "replay": "replay",
    "lsp": "lsp",
    "po": "po",
}

OK, PROBLEMS, USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 too; keep its message short and clear
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(USAGE)


def version() -> str:
    """Weerbaar's version, as installed (pyproject.toml's 'version')."""
    try:
        return _installed_version("weerbaar")
    except PackageNotFoundError:  # run from a checkout that was never pip-installed
        return "unknown (not installed; run pip install -e .)"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="weerbaar", description="Weerbaar: dilemma training for local office "
                     "holders. Without a command, the game opens.")
    parser.add_argument("--version", action="version", version=f"weerbaar {version()}")
    parser.add_argument("--lang", choices=["nl", "en"], help="interface language (default nl)")
    parser.add_argument("--db", metavar="PATH", help="the session database that plays are "
                        "recorded in (default: sessions.db in your data folder)")
    parser.add_argument("--label", metavar="TEXT", help="the player or team, e.g. 'Team 2' "
                        "(default: 'Sessie N')")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module in COMMANDS.items():
        importlib.import_module(f".{module}", __package__).add_parser(sub, name)
    return parser


def run(argv: list[str]) -> int:
    degrade_unencodable()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from .play import game_options, run_game
        return run_game(None, game_options(args))
    module = importlib.import_module(f".{COMMANDS[args.command]}", __package__)
    try:
        return module.run(args)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return OK
