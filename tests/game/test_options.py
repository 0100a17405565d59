"""The command line reaches the game window as typed, frozen options (issue 10): the CLI
wiring builds them once; the window never sees the argparse namespace."""
from __future__ import annotations

import dataclasses

import pytest

import weerbaar.cli.play
from weerbaar import cli
import weerbaar.cli.replay
from weerbaar import cli
import weerbaar.cli.workshop
from weerbaar import cli
from weerbaar.cli import build_parser
from weerbaar.game.options import GameOptions, PhoneOptions, WorkshopOptions

from .conftest import EXAMPLE


def parse(*argv):
    return build_parser().parse_args([str(a) for a in argv])


def test_play_options_are_typed_and_frozen(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(cli.play, "run_game", lambda path, options: seen.append((path, options)) or 0)
    assert cli.play.run(parse("play", EXAMPLE, "--seed", 7, "--watch", "--lang", "en",
                              "--db", tmp_path / "s.db", "--label", "Team 2")) == 0
    [(path, options)] = seen
    assert path == str(EXAMPLE)
    assert options == GameOptions(seed=7, lang="en", watch=True, db=tmp_path / "s.db",
                                  label="Team 2")
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.seed = 8


def test_play_without_options_gets_a_new_seed_and_the_defaults(monkeypatch):
    seen = []
    monkeypatch.setattr(cli.play, "run_game", lambda path, options: seen.append(options) or 0)
    cli.play.run(parse("play", EXAMPLE))
    cli.play.run(parse("play", EXAMPLE))
    first, second = seen
    assert (first.lang, first.watch, first.db, first.label) == (None, False, None, None)
    assert first.seed != second.seed  # a new seed each play (recorded)


def test_workshop_options_carry_the_phones_only_with_phones(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr("weerbaar.game.workshop_window.run",
                        lambda scenario, options, workshop: seen.append((options, workshop)) or 0)
    db = tmp_path / "ws.db"
    assert cli.workshop.run(parse("workshop", EXAMPLE, "--db", db, "--teams", "Noord,Zuid",
                                  "--seed", 3, "--countdown", 30)) == 0
    assert cli.workshop.run(parse("workshop", EXAMPLE, "--phones", "--solo", "--port", 0,
                                  "--host", "127.0.0.1")) == 0
    (options, plain), (_, phones) = seen
    assert options == GameOptions(seed=3, db=db)
    assert plain == WorkshopOptions(teams="Noord,Zuid", seed=3, countdown=30, phones=None)
    assert phones.phones == PhoneOptions(host="127.0.0.1", port=0, solo=True)
    assert phones.seed is None and phones.countdown == 60


def test_replay_hands_the_window_its_database(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(cli.replay, "run_game",
                        lambda path, options, start: seen.append(options) or 0)
    assert cli.replay.run(parse("replay", "--lang", "en")) == 0
    assert seen == [GameOptions(lang="en")]
