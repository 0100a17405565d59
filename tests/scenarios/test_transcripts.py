"""The golden transcripts kept next to the shipped scenarios still play as recorded."""
import pytest

from weerbaar.engine import load_scenario
from weerbaar.engine.diagnostics import DiagnosticCollector
from weerbaar.engine.transcript import read_transcripts, run_transcript, transcripts_path

from ..conftest import SCENARIOS

FILES = sorted(p for p in SCENARIOS.glob("*.yaml") if not p.name.endswith(".transcripts.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_shipped_scenario_has_passing_transcripts(path):
    tpath = transcripts_path(str(path))
    assert tpath.exists(), f"no golden transcripts for {path.name}"
    collector = DiagnosticCollector(str(tpath))
    transcripts = read_transcripts(str(tpath), collector)
    assert collector.items == [] and transcripts
    scenario = load_scenario(str(path))
    failures = {t.name: r.failures for t in transcripts if not (r := run_transcript(scenario, t)).passed}
    assert failures == {}
    if path.stem != "voorbeeld":  # every ending has a known way there
        assert {t.expect["ending"] for t in transcripts} == set(scenario.endings)
