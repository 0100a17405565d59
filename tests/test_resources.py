"""weerbaar.resources finds the package's own files; the command line takes a shipped
scenario's id wherever it takes a scenario file."""
from __future__ import annotations

from pathlib import Path

from weerbaar import resources
from weerbaar.cli import run

ROOT = Path(__file__).resolve().parent.parent


def test_resources_are_this_checkouts_files():
    assert resources.package_folder() == ROOT
    assert resources.scenarios_dir() == ROOT / "scenarios"
    assert [p.name for p in resources.shipped_scenarios()] == sorted(
        p.name for p in (ROOT / "scenarios").glob("*.yaml") if not p.name.endswith(".transcripts.yaml"))
    assert resources.shipped_scenario("voorbeeld") == ROOT / "scenarios" / "voorbeeld.yaml"
    assert resources.shipped_scenario("voorbeeld.transcripts") is None
    assert resources.shipped_scenario("../scenarios/voorbeeld") is None
    assert resources.font(resources.FONT_REGULAR).is_file()
    assert all(resources.font(name).is_file() for name in resources.FONT_LICENCES)
    assert resources.schema("scenario").is_file() and resources.schema("export").is_file()


def test_list_prints_one_shipped_scenario_a_line_id_first(capsys):
    assert run(["--lang", "en", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [p.stem for p in resources.shipped_scenarios()]
    example = next(line for line in lines if line.startswith("voorbeeld "))
    assert example.split("  ")[1:] and "The rumour in the group chat" in example
    assert example.split()[-2:] == ["nl,en", "5"]


def test_an_id_is_a_shipped_scenario_but_an_existing_file_wins(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run(["lint", "voorbeeld"]) == 0
    assert "ok: 1 scenario" in capsys.readouterr().out
    (tmp_path / "voorbeeld").write_text("format: 1\nid: [\n", encoding="utf-8")
    assert run(["lint", "voorbeeld"]) == 1
    assert capsys.readouterr().out.startswith("voorbeeld:")


def test_an_unknown_id_is_reported_as_a_missing_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run(["lint", "geen-scenario"]) == 2
    assert "geen-scenario:0:0: error[E025]" in capsys.readouterr().out
