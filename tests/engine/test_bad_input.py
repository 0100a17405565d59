"""Input that used to hang, crash or flood the checker: non-regular files, endless files,
huge names, control characters inside multi-line texts, digits and spaces that only look
like ASCII. Each ends in one clear diagnostic."""
import os
import time

import pytest

from weerbaar.engine import check_file, check_text
from weerbaar.engine.diagnostics import tidy
from weerbaar.engine.expr import ExprError, tokenize

from ..conftest import ROOT
from .helpers import diag, scenario_text
from .test_cli import weerbaar

EXAMPLE = (ROOT / "scenarios" / "voorbeeld.yaml").read_text(encoding="utf-8")


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "scenario.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    r = weerbaar("lint", str(fifo))
    assert time.monotonic() - started < 30
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"{fifo}:0:0: error[E025]: cannot read the file: it is a pipe, not a regular file" in r.stdout


@pytest.mark.parametrize("path, kind", [("/dev/zero", "a device"), ("/tmp", "a folder")])
def test_devices_and_folders_are_refused(path, kind):
    _, diagnostics = check_file(path)
    assert [d.code for d in diagnostics] == ["E025"] and kind in diagnostics[0].message


def test_transcripts_from_dev_zero_are_refused():
    r = weerbaar("test", str(ROOT / "scenarios" / "voorbeeld.yaml"), "--transcripts", "/dev/zero")
    assert r.returncode == 2 and "Traceback" not in r.stderr and "MemoryError" not in r.stderr
    assert "/dev/zero:0:0: error[E025]: cannot read the transcripts: it is a device" in r.stderr


def test_a_transcripts_file_over_the_cap_is_refused(tmp_path, monkeypatch):
    from weerbaar.engine import transcript
    big = tmp_path / "t.transcripts.yaml"
    big.write_text("transcripts: []\n" + "#" * 2000 + "\n")
    monkeypatch.setattr(transcript, "MAX_TRANSCRIPT_BYTES", 1000)
    from weerbaar.engine.diagnostics import DiagnosticCollector
    collector = DiagnosticCollector(str(big))
    assert transcript.read_transcripts(str(big), collector) == []
    assert "larger than" in collector.items[0].message


def test_a_ten_megabyte_goto_is_shortened_and_checked_quickly():
    text = EXAMPLE.replace("goto: journalist", "goto: " + "x" * 10_000_000, 1)
    started = time.monotonic()
    _, diagnostics = check_text(text, "big.yaml")
    assert time.monotonic() - started < 5
    e012 = [d for d in diagnostics if d.code == "E012"][0]
    assert len(str(e012)) < 300
    assert "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (10,000,000 characters)" in e012.message


def test_messages_are_on_one_line_with_invisible_characters_escaped():
    assert tidy("unknown scene 'a\u200bb'") == "unknown scene 'a\\u200bb'"
    assert tidy("x\ny") == "x\\u000ay"
    assert len(tidy("'" + "y" * 5000 + "' and more " * 1000)) <= 601


def test_a_control_character_in_a_multi_line_text_is_placed_where_it_is():
    i = EXAMPLE.index("summary:")
    rest = EXAMPLE[i:].split("\n", 3)[3]
    text = EXAMPLE[:i] + "summary:\n  nl: |\n    Een regel\n    nog een \x07 regel\n" + rest
    line = EXAMPLE[:i].count("\n") + 4
    _, diagnostics = check_text(text, "c.yaml")
    (d,) = diagnostics
    assert (d.code, d.line, d.column) == ("E001", line, 13)
    assert d.message == "the character U+0007 (control character) is not allowed in a scenario file"
    assert "position" not in str(d) and "<unicode string>" not in str(d) and "\n" not in str(d)


@pytest.mark.parametrize("source, shown, hint", [
    ("m > ٤٠", "'٤'", "write numbers with the digits 0-9 (this is 4)"),
    ("m > ４０", "'４'", "digits 0-9"),
    ("m >\u00a040", "'\\u00a0' (no-break space)", "use plain spaces"),
    ("m\u200b > 40", "'\\u200b' (zero width space)", "remove the invisible character"),
    ("m > 4\u20090", "'\\u2009' (thin space)", "use plain spaces"),
])
def test_conditions_take_ascii_digits_and_plain_spaces_only(source, shown, hint):
    with pytest.raises(ExprError) as info:
        tokenize(source)
    assert info.value.message == f"unexpected character {shown}" and hint in info.value.hint
    text = scenario_text(f"""\
        start: a
        scenes:
          a:
            text: A
            choices:
              - {{id: x, text: X, if: "{source}", goto: e, feedback: f}}
              - {{id: y, text: Y, goto: e, feedback: f}}
        endings:
          e: {{title: E, text: e, debrief_questions: [q]}}
        """)
    d = diag(text, "E010")
    assert shown in d.message and d.message.isprintable()


def test_ascii_conditions_still_read():
    assert [t.text for t in tokenize("m >= 40\tand not f")][:4] == ["m", ">=", "40", "and"]


# ---- size: checking is linear in the number of scenes and of gotos ------------------------
def chain(n: int, goto_prefix: str = "s") -> str:
    """n scenes in a row, each with two choices (or, with another prefix, unknown gotos)."""
    out = ["format: 1", "id: big", "title: Big", "languages: [nl]",
           "meters:", "  m: {label: M, start: 0, min: 0, max: 1000000}", "start: s0", "scenes:"]
    for i in range(n):
        nxt = f"{goto_prefix}{i + 1}" if i + 1 < n else "eind"
        out += [f"  s{i}:", f"    text: Scene {i}", "    choices:",
                f"      - {{id: a, text: A, goto: {nxt}, effects: {{m: 1}}, feedback: f}}",
                f"      - {{id: b, text: B, goto: {nxt}, feedback: f}}"]
    out += ["endings:", "  eind: {title: E, text: e, debrief_questions: [q]}"]
    return "\n".join(out) + "\n"


def cpu_seconds(text: str) -> tuple[float, list]:
    started = time.process_time()
    _, diagnostics = check_text(text, "big.yaml")
    return time.process_time() - started, diagnostics


@pytest.mark.parametrize("prefix, code", [("s", "W008"), ("t", "E012")],
                         ids=["scenes", "unknown-gotos"])
def test_checking_grows_linearly(prefix, code):
    small, d_small = cpu_seconds(chain(1000, prefix))
    large, d_large = cpu_seconds(chain(4000, prefix))
    assert sum(d.code == code for d in d_large) >= 3999
    # linear: 4x the scenes, about 4x the time; quadratic would be 16x
    assert large < 8 * max(small, 0.05), (small, large)
    assert large < 10  # about a second on a quiet machine (docs/performance.md)


def test_checking_memory_grows_linearly():
    import tracemalloc

    def peak(n: int) -> int:
        text = chain(n)
        tracemalloc.start()
        try:
            check_text(text, "big.yaml")
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    small, large = peak(500), peak(2000)
    assert large < 6 * small, (small, large)       # linear: about 4x
    assert large / 2000 < 20_000, large            # bytes per scene (about 9 KB measured)
