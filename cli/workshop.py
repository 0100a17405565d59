"""``weerbaar workshop FILE``: a room plays a scenario together on one projector.

With ``--phones`` the participants vote on their own phones (or, with ``--solo``, each play
on their own phone); see docs/phones.md.

At each decision the facilitator counts the hands per option; the majority is taken (or
the facilitator's pick on a tie or an override). Teams play in turn, each recorded as its
own session in the database (``--db``); an interrupted workshop is offered to resume.
"""
from __future__ import annotations

import argparse
import os
import sys

from .common import USAGE, load_or_report, scenario_arg, seed_value
from .play import game_options


def add_parser(sub, name):
    p = sub.add_parser(name, help="workshop mode: a room votes on the options, teams in turn")
    p.add_argument("file", type=scenario_arg, help="the scenario file (.yaml) or a shipped scenario's id")
    p.add_argument("--db", metavar="PATH",
                   help="record the workshop in this database (default: one in your data folder)")
    p.add_argument("--teams", metavar="NAMES",
                   help='the teams that play in turn, e.g. "Noord,Zuid" (default: one team)')
    p.add_argument("--lang", default=argparse.SUPPRESS, choices=["nl", "en"],
                   help="interface language (default: the settings)")
    p.add_argument("--seed", type=seed_value, default=None,
                   help="seed for chance, the same for every team (default: a new one)")
    p.add_argument("--countdown", type=int, default=60, metavar="SECONDS",
                   help="length of the countdown the facilitator starts with T (default 60)")
    p.add_argument("--phones", action="store_true",
                   help="serve a page for the participants' phones on the local network "
                        "(prints 'join: URL'; the window shows its QR code)")
    p.add_argument("--host", metavar="ADDR", default=None,
                   help="with --phones: the address to serve on (default: every address, "
                        "with this machine's network address in the join URL)")
    p.add_argument("--port", type=int, default=8765, metavar="N",
                   help="with --phones: the port (default 8765; 0: any free port)")
    p.add_argument("--solo", action="store_true",
                   help="with --phones: everyone plays on their own phone instead of the room "
                        "voting")


def run(args) -> int:
    scenario, code = load_or_report(args.file)
    if scenario is None:
        return code
    if args.countdown < 5:
        print("weerbaar workshop: error: --countdown: expected 5 seconds or more "
              f"(got {args.countdown})", file=sys.stderr)
        return USAGE
    problem = phone_options_problem(args)
    if problem:
        print(f"weerbaar workshop: error: {problem}", file=sys.stderr)
        return USAGE
    if args.phones:  # stdout carries the one line 'join: URL' (scriptable): no pygame banner
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        from ..game.workshop_window import run as run_workshop
    except ImportError as exc:  # pygame missing or the front end not installed
        print(f"weerbaar workshop: the game window cannot start ({exc})", file=sys.stderr)
        return USAGE
    return run_workshop(scenario, game_options(args), workshop_options(args))


def workshop_options(args):
    """The workshop's options from the command line: one typed, frozen value for the game."""
    from ..game.options import PhoneOptions, WorkshopOptions
    phones = (PhoneOptions(host=args.host, port=args.port, solo=args.solo)
              if getattr(args, "phones", False) else None)
    return WorkshopOptions(teams=args.teams, seed=args.seed, countdown=args.countdown,
                           phones=phones)


def phone_options_problem(args) -> str | None:
    """What is wrong with the phone options, if anything."""
    phones = getattr(args, "phones", False)
    if not phones and (args.solo or args.host is not None or args.port != 8765):
        return "--solo, --host and --port go with --phones"
    if not 0 <= args.port <= 65535:
        return f"--port: expected 0 to 65535 (got {args.port})"
    return None
