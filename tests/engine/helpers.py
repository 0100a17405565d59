"""Small scenario texts for engine tests."""
from textwrap import dedent

from weerbaar.engine import check_text

HEADER = """\
format: 1
id: t
title: T
languages: [nl]
meters:
  m: {label: M, start: 50, min: 0, max: 100}
  n: {label: N, start: 10, min: 0, max: 20, good: low}
flags: [f, g]
"""


def scenario_text(body: str, header: str = HEADER) -> str:
    return header + dedent(body)


def codes(text: str) -> list[str]:
    _, diagnostics = check_text(text, "t.yaml")
    return [d.code for d in diagnostics]


def diag(text: str, code: str):
    _, diagnostics = check_text(text, "t.yaml")
    found = [d for d in diagnostics if d.code == code]
    assert found, f"no {code} in {[str(d) for d in diagnostics]}"
    return found[0]


def load(body: str, header: str = HEADER):
    scenario, diagnostics = check_text(scenario_text(body, header), "t.yaml")
    assert scenario is not None, [str(d) for d in diagnostics]
    return scenario
