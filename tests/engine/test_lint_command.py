"""``weerbaar lint`` on folders and transcripts, ``--version``, and output in cp1252."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from weerbaar.cli import run as cli_run

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"


def test_lint_of_the_shipped_glob_checks_transcripts_as_transcripts(capsys):
    files = sorted(str(p) for p in SCENARIOS.glob("*.yaml"))
    assert any(f.endswith(".transcripts.yaml") for f in files)
    assert cli_run(["lint", *files]) == 0
    n = len(files) // 2
    assert capsys.readouterr().out == f"ok: {n} scenarios and {n} transcripts files, no problems\n"


def test_lint_of_a_folder_checks_every_scenario_and_transcripts_file(capsys):
    assert cli_run(["lint", str(SCENARIOS)]) == 0
    n = len(list(SCENARIOS.glob("*.transcripts.yaml")))
    assert f"ok: {n} scenarios and {n} transcripts files" in capsys.readouterr().out


def test_names_in_transcripts_are_checked_against_the_scenario(tmp_path, capsys):
    shutil.copy(SCENARIOS / "voorbeeld.yaml", tmp_path / "v.yaml")
    source = (SCENARIOS / "voorbeeld.transcripts.yaml").read_text(encoding="utf-8")
    (tmp_path / "v.transcripts.yaml").write_text(
        source.replace("[navragen, uitleggen]", "[navragne, uitleggen]")
        .replace("{vertrouwen: 65, rust: 40}", "{vertrouwn: 65, rust: 40}"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a scenario", encoding="utf-8")
    assert cli_run(["lint", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "v.transcripts.yaml:6:15: error[E012]: unknown choice 'navragne' in transcript " \
           "'feiten eerst, dan de pers' (did you mean 'navragen'?)" in out
    assert "error[E011]: unknown meter 'vertrouwn' in expect meters (did you mean " \
           "'vertrouwen'?)" in out
    assert "2 errors, 0 warnings" in out


def test_a_transcripts_file_without_its_scenario_is_a_file_error(tmp_path, capsys):
    shutil.copy(SCENARIOS / "voorbeeld.transcripts.yaml", tmp_path / "weg.transcripts.yaml")
    assert cli_run(["lint", str(tmp_path / "weg.transcripts.yaml")]) == 2
    assert "the scenario of these transcripts, weg.yaml, is not beside them" in \
        capsys.readouterr().out


def test_lint_of_an_empty_folder_says_so(tmp_path, capsys):
    assert cli_run(["lint", str(tmp_path)]) == 2
    assert "no scenario files in" in capsys.readouterr().err


def test_version_is_the_installed_version(capsys):
    want = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    try:
        cli_run(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out == f"weerbaar {want}\n"


def run_cp1252(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="cp1252", SDL_VIDEODRIVER="dummy")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin.encode(),
                          capture_output=True, env=env, cwd=ROOT, timeout=120)


def test_play_text_and_explore_degrade_characters_in_cp1252(tmp_path):
    explore = run_cp1252("explore", "scenarios/voorbeeld.yaml")
    out = explore.stdout.decode("cp1252")
    assert explore.returncode == 0 and b"Traceback" not in explore.stderr, explore.stderr
    assert "(navragen -> uitleggen)" in out and "→" not in out
    play = run_cp1252("play", "scenarios/voorbeeld.yaml", "--text", "--db", str(tmp_path / "s.db"),
                      stdin="1\n1\n\n\n\n\n")
    assert b"Traceback" not in play.stderr, play.stderr
    assert play.returncode == 0, play.stderr
    assert "Wat had je anders kunnen doen?" in play.stdout.decode("cp1252")
