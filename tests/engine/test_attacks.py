"""Property tests for the classes of tampered input found by the reliability run: control
characters anywhere (also inside multi-line texts), digits and spaces that only look like
ASCII in conditions, invisible characters, very long names. The checker answers each with
diagnostics on one printable line, at a real position, never a traceback."""
from hypothesis import HealthCheck, given, settings, strategies as st

from weerbaar.engine import check_text

from ..conftest import SCENARIOS

EXAMPLE = (SCENARIOS / "voorbeeld.yaml").read_text(encoding="utf-8")
LINES = EXAMPLE.splitlines(keepends=True)
CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\t\n\r"] + ["\x7f", "\ufffe"]
LOOK_ALIKES = ["٤", "٠", "۵", "４", "０", "\u00a0", "\u2009", "\u200b", "\u200d", "\u2060",
               "\ufeff", "\u202e"]
CONDITIONS = [i for i, line in enumerate(LINES) if "if: " in line]
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def clean(text: str):
    scenario, diagnostics = check_text(text, "f.yaml")
    assert scenario is not None or any(d.severity.value == "error" for d in diagnostics)
    for d in diagnostics:
        shown = str(d)
        assert shown.isprintable() and len(shown) < 1400, shown[:200]
        assert d.line >= 1 and d.column >= 1, shown
        assert "<unicode string>" not in shown and "position" not in shown
    return scenario, diagnostics


@SETTINGS
@given(st.integers(0, len(EXAMPLE) - 1), st.sampled_from(CONTROLS))
def test_a_control_character_anywhere_is_placed_where_it_is(offset, char):
    text = EXAMPLE[:offset] + char + EXAMPLE[offset:]
    scenario, diagnostics = clean(text)
    assert scenario is None
    line = EXAMPLE[:offset].count("\n") + 1
    column = offset - (EXAMPLE.rfind("\n", 0, offset) + 1) + 1
    placed = [d for d in diagnostics if d.code == "E001" and "is not allowed" in d.message]
    if placed:  # a NUL or a control char YAML's reader sees first
        assert (placed[0].line, placed[0].column) == (line, column)


@SETTINGS
@given(st.sampled_from(CONDITIONS), st.sampled_from(LOOK_ALIKES), st.integers(0, 40))
def test_look_alike_digits_and_invisible_characters_in_a_condition_are_refused(index, char, at):
    lines = list(LINES)
    line = lines[index]
    start = line.index("if: ") + 5
    end = line.index('"', start)
    pos = start + at % max(1, end - start)
    lines[index] = line[:pos] + char + line[pos:]
    scenario, diagnostics = clean("".join(lines))
    assert scenario is None
    e010 = [d for d in diagnostics if d.code == "E010"]
    assert e010 and "unexpected character" in e010[0].message
    if not char.isprintable() or char.isspace():
        assert f"\\u{ord(char):04x}" in e010[0].message


@SETTINGS
@given(st.integers(200, 200_000), st.sampled_from(["goto: journalist", "speaker: sanne",
                                                   "id: reageren", "kind: message"]))
def test_a_very_long_value_is_shortened_in_messages(length, where):
    text = EXAMPLE.replace(where, where.split(":")[0] + ": " + "q" * length, 1)
    _, diagnostics = clean(text)
    for d in diagnostics:
        assert len(d.message) <= 600


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1),
                          st.sampled_from(CONTROLS + LOOK_ALIKES + ["\u2028", "\x85", "\r"])),
                min_size=1, max_size=5))
def test_mixed_tampering_never_crashes(edits):
    lines = list(LINES)
    for index, char in edits:
        line = lines[index]
        lines[index] = line[:len(line) // 2] + char + line[len(line) // 2:]
    clean("".join(lines))
