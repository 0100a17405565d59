"""``weerbaar workshop FILE``: a room plays a scenario together on one projector.

At each decision the facilitator counts the hands per option; the majority is taken (or
the facilitator's pick on a tie or an override). Teams play in turn, each recorded as its
own session in the database (``--db``); an interrupted workshop is offered to resume.
"""
from __future__ import annotations

import argparse
import sys

from .common import USAGE, load_or_report, seed_value


def add_parser(sub, name):
    p = sub.add_parser(name, help="workshop mode: a room votes on the options, teams in turn")
    p.add_argument("file", help="the scenario file (.yaml)")
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


def run(args) -> int:
    scenario, code = load_or_report(args.file)
    if scenario is None:
        return code
    if args.countdown < 5:
        print("weerbaar workshop: error: --countdown: expected 5 seconds or more "
              f"(got {args.countdown})", file=sys.stderr)
        return USAGE
    try:
        from game.workshop_main import run as run_workshop
    except ImportError as exc:  # pygame missing or the front end not installed
        print(f"weerbaar workshop: the game window cannot start ({exc})", file=sys.stderr)
        return USAGE
    return run_workshop(scenario, args)
