"""The digest of what an exploration reads: words alone do not change it; every condition,
effect, target, chance, meter, flag and claim does."""
from pathlib import Path

import pytest

from weerbaar.engine import check_text
from weerbaar.engine.explore.structure import play_structure

ROOT = Path(__file__).resolve().parents[2]
SOURCE = (ROOT / "scenarios" / "voorbeeld.yaml").read_text(encoding="utf-8")


def digest(text: str) -> str:
    scenario, diagnostics = check_text(text, "v.yaml")
    assert scenario is not None, diagnostics
    return play_structure(scenario)


def test_words_alone_keep_the_digest():
    title = next(line for line in SOURCE.splitlines() if line.startswith("title:"))
    edited = SOURCE.replace(title, "title: Een andere titel", 1)
    edited = edited.replace("Vertrouwen, en: Trust", "Vertrouwen van inwoners, en: Trust", 1)
    assert edited != SOURCE
    assert digest(edited) == digest(SOURCE)


EDITS = {  # what changes -> (old text, new text) in voorbeeld.yaml
    "a choice's condition": ("      - id: geen_commentaar\n",
                             '      - id: geen_commentaar\n        if: "pers_ingelicht"\n'),
    "an effect": ("effects: {vertrouwen: -15}", "effects: {vertrouwen: -10}"),
    "a route's condition": ('{if: "vertrouwen >= 60", goto: goed}',
                            '{if: "vertrouwen >= 65", goto: goed}'),
    "the targets": ('{if: "vertrouwen >= 60", goto: goed}\n      - {if: "vertrouwen < 40", goto: slecht}',
                    '{if: "vertrouwen >= 60", goto: slecht}\n      - {if: "vertrouwen < 40", goto: goed}'),
    "an ending's claim": ("    tone: good\n", '    tone: good\n    requires: "vertrouwen >= 60"\n'),
    "a meter's start": ("start: 50, min: 0, max: 100, good: high}\n  rust",
                        "start: 55, min: 0, max: 100, good: high}\n  rust"),
    "the flags": ("flags: [pers_ingelicht]", "flags: [pers_ingelicht, extra]"),
}


@pytest.mark.parametrize("what", sorted(EDITS))
def test_what_the_explorer_reads_changes_the_digest(what):
    old, new = EDITS[what]
    assert old in SOURCE
    assert digest(SOURCE.replace(old, new, 1)) != digest(SOURCE)
