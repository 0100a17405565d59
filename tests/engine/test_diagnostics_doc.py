"""docs/diagnostics.md stays true to the checker.

Every code in ``CODES`` has a section headed ``## E012: unknown goto target``; the first
YAML example of each section makes the checker emit that code; the output the page shows
for it is what ``weerbaar lint`` prints; and every code the engine can emit is documented.
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from weerbaar.cli import run as cli_run
from weerbaar.engine import CODES, check_file, check_text

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "diagnostics.md"
ENGINE = ROOT / "engine"

HEADING = re.compile(r"^## ([EW]\d{3}): (.*)$", re.M)
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.M | re.S)
SHOWN_OUTPUT = re.compile(r"prints:\n\n```text\n(.*?)^```", re.M | re.S)
TEXT_BLOCK = re.compile(r"^```text\n(.*?)^```", re.M | re.S)
# a code literal passed to report.error / report.warn (or self.r.error ...) or ExprError
EMITTED = re.compile(r"(?:\.(?:error|warn)|ExprError)\(\s*\"([EW]\d{3})\"")
FILE_ERROR = "E025"  # its example is a path, not YAML
CATALOG_CODES = ("W013", "W014")  # their examples are a scenario and the catalog beside it
PO_BLOCK = re.compile(r"^```po\n(.*?)^```", re.M | re.S)


def _sections() -> dict[str, tuple[str, str]]:
    """code -> (summary in the heading, the section's text up to the next heading)."""
    text = DOC.read_text(encoding="utf-8")
    heads = list(HEADING.finditer(text))
    out: dict[str, tuple[str, str]] = {}
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        assert m.group(1) not in out, f"{m.group(1)} has two sections"
        out[m.group(1)] = (m.group(2), text[m.end():end])
    return out


SECTIONS = _sections()
YAML_CODES = sorted(c for c in CODES if c != FILE_ERROR and c not in CATALOG_CODES)


def _example(code: str) -> str:
    body = SECTIONS[code][1]
    m = YAML_BLOCK.search(body)
    assert m, f"the section of {code} has no ```yaml example"
    return m.group(1)


def _shown_output(code: str) -> str:
    m = SHOWN_OUTPUT.search(SECTIONS[code][1])
    assert m, f"the section of {code} does not show what lint prints"
    return m.group(1)


def _emitted_codes() -> dict[str, list[str]]:
    """code -> the engine files that emit it."""
    out: dict[str, list[str]] = {}
    for path in sorted(ENGINE.rglob("*.py")):
        for code in EMITTED.findall(path.read_text(encoding="utf-8")):
            out.setdefault(code, []).append(path.relative_to(ROOT).as_posix())
    return out


# ---- (a) the page and CODES name the same codes -------------------------------------------

def test_every_code_has_a_section():
    missing = sorted(set(CODES) - set(SECTIONS))
    assert not missing, f"docs/diagnostics.md has no section for {missing}"


def test_every_section_is_a_known_code():
    unknown = sorted(set(SECTIONS) - set(CODES))
    assert not unknown, f"docs/diagnostics.md documents codes not in CODES: {unknown}"


@pytest.mark.parametrize("code", sorted(CODES))
def test_heading_is_code_and_summary(code):
    assert code in SECTIONS, f"no section for {code}"
    assert SECTIONS[code][0] == CODES[code], \
        f"heading should read '## {code}: {CODES[code]}'"


# ---- (b) each example triggers its code ---------------------------------------------------

@pytest.mark.parametrize("code", YAML_CODES)
def test_example_triggers_its_code(code):
    _, diagnostics = check_text(_example(code), "example.yaml", prove=True)  # as lint does
    emitted = sorted({d.code for d in diagnostics})
    assert code in emitted, f"the example of {code} gives {emitted or 'no diagnostics'}"


@pytest.mark.parametrize("code", YAML_CODES)
def test_shown_output_is_what_lint_prints(code, tmp_path, monkeypatch, capsys):
    (tmp_path / "example.yaml").write_text(_example(code), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exit_code = cli_run(["lint", "example.yaml"])
    printed = capsys.readouterr().out
    assert printed == _shown_output(code), f"regenerate the output shown for {code}"
    assert exit_code == (1 if code.startswith("E") else 0)


@pytest.mark.parametrize("code", [c for c in YAML_CODES if c.startswith("W")])
def test_strict_fails_on_each_warning(code, tmp_path, monkeypatch, capsys):
    (tmp_path / "example.yaml").write_text(_example(code), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli_run(["lint", "--strict", "example.yaml"]) == 1
    assert "(--strict: warnings count as errors)" in capsys.readouterr().out


@pytest.mark.parametrize("code", CATALOG_CODES)
def test_catalog_example_prints_what_the_page_shows(code, tmp_path, monkeypatch, capsys):
    """W013/W014: the first ```yaml is the scenario, the first ```po the catalog beside it."""
    (tmp_path / "example.yaml").write_text(_example(code), encoding="utf-8")
    po = PO_BLOCK.search(SECTIONS[code][1])
    assert po, f"the section of {code} has no ```po catalog"
    (tmp_path / "example.en.po").write_text(po.group(1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli_run(["lint", "example.yaml"]) == 0
    assert capsys.readouterr().out == _shown_output(code)
    assert cli_run(["lint", "--strict", "example.yaml"]) == 1


def test_file_error_example(tmp_path, monkeypatch, capsys):
    """E025 shows a terminal session: each '$ weerbaar ...' line and what it printed."""
    block = TEXT_BLOCK.search(SECTIONS[FILE_ERROR][1])
    assert block, f"the section of {FILE_ERROR} has no ```text example"
    lines = block.group(1).splitlines()
    assert lines[0].startswith("$ weerbaar lint "), lines[0]
    args = shlex.split(lines[0])[2:]  # after "$ weerbaar"
    shown = []
    for line in lines[1:]:
        if line.startswith("$ "):
            break
        shown.append(line)
    monkeypatch.chdir(tmp_path)
    _, diagnostics = check_file(args[-1])
    assert [d.code for d in diagnostics] == [FILE_ERROR]
    exit_code = cli_run(args)
    assert capsys.readouterr().out.splitlines() == shown
    assert exit_code == 2
    assert lines[-2:] == ["$ echo $?", "2"]


# ---- (c) every code the engine can emit is documented ------------------------------------

def test_scan_finds_the_emitting_calls():
    # guard against a pattern that silently matches nothing
    assert len(_emitted_codes()) >= 30


@pytest.mark.parametrize("code", sorted(_emitted_codes()))
def test_emitted_code_is_known_and_documented(code):
    where = ", ".join(sorted(set(_emitted_codes()[code])))
    assert code in CODES, f"{code} (emitted in {where}) is not in engine.diagnostics.CODES"
    assert code in SECTIONS, f"{code} (emitted in {where}) has no section in docs/diagnostics.md"
