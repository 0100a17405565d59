"""The explorer's findings for the editor reuse an exploration of the same structure: a save
that changed only words is proved at once, a changed condition is explored again."""
from pathlib import Path

from weerbaar.engine import check_text
from weerbaar.lsp import findings as findings_module
from weerbaar.lsp.index import build

ROOT = Path(__file__).resolve().parents[2]
SOURCE = (ROOT / "scenarios" / "voorbeeld.yaml").read_text(encoding="utf-8")
GUARDED = SOURCE.replace("      - id: geen_commentaar\n",
                         '      - id: geen_commentaar\n        if: "pers_ingelicht"\n', 1)


def run(text: str) -> list:
    scenario, _ = check_text(text, "v.yaml")
    return [d.message for d in findings_module.findings(scenario, build(text))]


def test_a_save_of_words_only_reuses_the_exploration(monkeypatch):
    calls = []
    real = findings_module.explore
    monkeypatch.setattr(findings_module, "explore",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.setattr(findings_module, "_explored", {})
    first = run(GUARDED)
    assert any("geen_commentaar" in m for m in first) and len(calls) == 1
    reworded = GUARDED.replace("title:", "title: Herschreven #", 1)
    assert run(reworded) == first and len(calls) == 1  # words only: no new exploration
    assert run(SOURCE) != first and len(calls) == 2  # a condition less: explored again
    assert run(GUARDED) == first and len(calls) == 2  # and the first is still kept


def test_at_most_a_few_explorations_are_kept(monkeypatch):
    monkeypatch.setattr(findings_module, "_explored", {})
    for n in range(findings_module.KEPT + 3):
        run(SOURCE.replace("start: 50", f"start: {10 + n}", 1))
    assert len(findings_module._explored) == findings_module.KEPT
