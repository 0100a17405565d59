"""Property tests: the loader meets random and mutated files with diagnostics, never a crash."""
from hypothesis import HealthCheck, given, settings, strategies as st

from weerbaar.engine import ScenarioError, check_text, load_scenario_text

from ..conftest import SCENARIOS

EXAMPLE = (SCENARIOS / "voorbeeld.yaml").read_text(encoding="utf-8")
LINES = EXAMPLE.splitlines(keepends=True)


def _assert_clean_outcome(text):
    scenario, diagnostics = check_text(text, "f.yaml")
    assert scenario is not None or any(d.severity.value == "error" for d in diagnostics)
    for d in diagnostics:
        assert d.path == "f.yaml" and d.code[0] in "EW" and str(d)
        assert d.line >= 0 and d.column >= 0
        if d.code != "E025":
            assert d.line >= 1, str(d)
    try:
        load_scenario_text(text, "f.yaml")
    except ScenarioError as err:
        assert err.errors


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text(text):
    _assert_clean_outcome(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1), st.sampled_from(["drop", "dup", "swap", "cut", "noise"]),
                          st.text(alphabet=":-[]{}'\"&*!|> #\t\nabc1", max_size=6)), min_size=1, max_size=4))
def test_mutated_example(mutations):
    lines = list(LINES)
    for index, op, noise in mutations:
        index %= len(lines)
        if op == "drop":
            del lines[index]
        elif op == "dup":
            lines.insert(index, lines[index])
        elif op == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        elif op == "cut":
            lines[index] = lines[index][: len(lines[index]) // 2] + "\n"
        else:
            pos = len(lines[index]) // 2
            lines[index] = lines[index][:pos] + noise + lines[index][pos:]
        if not lines:
            break
    _assert_clean_outcome("".join(lines))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes(data):
    scenario, diagnostics = check_text(data, "f.yaml")
    assert scenario is None and diagnostics
