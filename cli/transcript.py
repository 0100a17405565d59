"""``weerbaar test FILE``: replay the golden transcripts kept next to a scenario."""
from __future__ import annotations

from ..engine.diagnostics import DiagnosticCollector
from ..engine.transcript import read_transcripts, run_claim, run_transcript, transcripts_path

from .common import OK, PROBLEMS, USAGE, load_or_report, print_diagnostics, scenario_arg


def add_parser(sub, name):
    p = sub.add_parser(name, help="replay the transcripts kept next to a scenario")
    p.add_argument("file", metavar="FILE", type=scenario_arg,
                   help="the scenario file (.yaml) or a shipped scenario's id")
    p.add_argument("--transcripts", metavar="T",
                   help="the transcripts file (default: FILE with .transcripts.yaml)")


def run(args) -> int:
    scenario, code = load_or_report(args.file)
    if scenario is None:
        return code
    path = args.transcripts or str(transcripts_path(args.file))
    collector = DiagnosticCollector(path)
    claims: list = []
    transcripts = read_transcripts(path, collector, claims)
    if collector.items:
        print_diagnostics(collector.sorted())
        return USAGE if any(d.code == "E025" for d in collector.items) else PROBLEMS
    failed = 0
    for t in transcripts:
        result = run_transcript(scenario, t)
        if result.passed:
            print(f"PASS  {t.name}")
        else:
            failed += 1
            print(f"FAIL  {t.name}  ({path}:{t.line})")
            for f in result.failures:
                print(f"      {f}")
    for c in claims:
        failures = run_claim(scenario, c)
        failed += bool(failures)
        print(f"{'FAIL' if failures else 'PASS'}  claim: \"{c.query}\" is {c.expect}"
              + (f"  ({path}:{c.line})" if failures else ""))
        for f in failures:
            print(f"      {f}")
    total = len(transcripts) + len(claims)
    print(f"{total - failed} passed, {failed} failed")
    return PROBLEMS if failed else OK
