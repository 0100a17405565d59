"""The debrief report as a facilitator hands it round: with the workshop notes, without the
folders of their computer, printed to PDF (headless Chromium) with no heading at the foot of
a page, and readable on a 400 px phone without scrolling sideways.

Chromium is the system package (.ci/run installs it); these tests never skip."""
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from .helpers import record
from .test_commands import weerbaar

MOVES = [["navragen", "uitleggen"], ["navragen", "geen_commentaar"],
         ["reageren", "uitleggen"], ["reageren", "geen_commentaar"]]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "chromium is not installed (.ci/run installs it: apt-get install -y chromium)"
    return found


def run_chromium(tmp_path, *args) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"  # its own: other Chromiums may run meanwhile
    return subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                           "--no-first-run", f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180)


@pytest.fixture
def report(store, scenario, db_path, tmp_path):
    for i, moves in enumerate(MOVES, 1):
        sid = record(store, scenario, moves, label=f"Team {i}")
        store.add_note(sid, 1, "journalist", f"Team {i} twijfelde lang; iemand wees op de pers.")
    out = tmp_path / "report.html"
    r = weerbaar("debrief", "--db", str(db_path), "--out", str(out))
    assert r.returncode == 0, r.stderr
    return out


class Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth, self.current, self.found = 0, [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3"):
            self.depth, self.current = 1, []

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3") and self.depth:
            self.depth = 0
            self.found.append(" ".join("".join(self.current).split()))

    def handle_data(self, data):
        if self.depth:
            self.current.append(data)


def test_the_report_has_the_workshop_notes_and_no_folder_names(report, db_path, tmp_path):
    html = report.read_text(encoding="utf-8")
    assert "Notities van de begeleider" in html
    for i in range(1, 5):
        assert f"Team {i} twijfelde lang; iemand wees op de pers." in html
    assert "na 1 keuzes, bij &#x27;journalist&#x27;" in html
    assert db_path.name in html and str(tmp_path) not in html and str(db_path.parent) not in html


def test_the_report_prints_without_a_heading_at_the_foot_of_a_page(report, tmp_path):
    from pypdf import PdfReader
    pdf = tmp_path / "report.pdf"
    r = run_chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", report.as_uri())
    assert pdf.exists(), r.stderr[-2000:]
    pages = [[" ".join(line.split()) for line in p.extract_text().splitlines() if line.strip()]
             for p in PdfReader(pdf).pages]
    assert 2 <= len(pages) <= 6, len(pages)
    assert len(pages[0]) >= 20, pages[0]  # the first page is not left half empty
    parser = Headings()
    parser.feed(report.read_text(encoding="utf-8"))
    headings = set(parser.found)
    assert {"Keuzes per beslissing", "Notities van de begeleider"} <= headings
    def is_heading(line):
        return line in headings or any(h.endswith(line) and len(line.split()) > 1 for h in headings)
    for n, lines in enumerate(pages[:-1], 1):
        # nor with a heading and the one line that introduces what follows (a legend)
        assert not is_heading(lines[-1]), f"page {n} ends with the heading '{lines[-1]}'"
        assert not (is_heading(lines[-2]) and lines[-1] in LEAD_LINES), \
            f"page {n} ends with '{lines[-2]}' and its lead line '{lines[-1]}'"


# lines that introduce what follows a heading: the legend of the charts, the intro of choices
LEAD_LINES = {"Team 1 Team 2 Team 3 Team 4", "Per beslismoment: hoeveel sessies welke keuze maakten."}

HOST = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="{src}" style="width:400px;height:900px;border:0"></iframe>
<script>
document.getElementById("f").onload = function () {{
  var d = this.contentDocument, p = document.createElement("pre");
  p.id = "probe";
  p.textContent = "width=" + this.contentWindow.innerWidth + " scroll=" + d.documentElement.scrollWidth;
  document.body.appendChild(p);
}};
</script></body></html>"""


def test_the_report_fits_a_400_pixel_screen(report, tmp_path):
    host = tmp_path / "host.html"
    host.write_text(HOST.format(src=report.name), encoding="utf-8")
    r = run_chromium(tmp_path, "--allow-file-access-from-files", "--virtual-time-budget=5000",
                     "--dump-dom", host.as_uri())
    probe = re.search(r"width=(\d+) scroll=(\d+)", r.stdout)
    assert probe, r.stdout[-2000:] + r.stderr[-2000:]
    width, scroll = map(int, probe.groups())
    assert width == 400 and scroll <= width, (width, scroll)
