"""The debrief report: well-formed, self-contained, the group debrief's content plus the
debrief questions of the endings reached, in the session's language or the one asked for."""
import re
from html.parser import HTMLParser

import pytest

from .helpers import record
from .test_commands import EXAMPLE, weerbaar

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr"}


class Checker(HTMLParser):
    """Every element closed in order; collects the text and the elements."""

    def __init__(self):
        super().__init__()
        self.stack, self.tags, self.text, self.problems = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def check(html: str) -> Checker:
    c = Checker()
    c.feed(html)
    c.close()
    assert c.problems == [] and c.stack == [], (c.problems, c.stack)
    return c


@pytest.fixture
def workshop(store, scenario):
    record(store, scenario, ["navragen", "uitleggen"], label="Team <1>")       # goed
    record(store, scenario, ["navragen", "geen_commentaar"], label="Team 2")   # gemengd
    record(store, scenario, ["reageren"], label="Team 3", finish=False)
    return store.records()


def test_the_report_is_self_contained_and_has_the_group_debrief(workshop, db_path, tmp_path):
    out = tmp_path / "report.html"
    r = weerbaar("debrief", "--db", str(db_path), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"wrote {out}: 3 sessions of voorbeeld"
    html = out.read_text(encoding="utf-8")
    c = check(html)
    text = " ".join(" ".join(c.text).split())
    tags = [t for t, _ in c.tags]
    assert not {"script", "img", "link", "iframe"} & set(tags)
    assert not [a for _, a in c.tags if any(k in a for k in ("src", "href"))]
    assert tags.count("svg") >= 5 + 3 + 2  # option bars, ending bars, meter charts
    assert c.tags[0] == ("html", {"lang": "nl"})
    assert "Nabespreking: Het gerucht in de appgroep" in text
    assert "Team <1>" in text and "Team &lt;1&gt;" in html
    assert "Meteen in de groep reageren: 'Klopt niet!'" in text
    assert "Snel reageren voelt goed" in text                  # the scene's facilitator note
    assert "Wat hielp het meest?" in text                      # goed: reached
    assert "Wat had je anders kunnen doen?" in text            # gemengd: reached
    assert "Waar ging het mis?" not in text                    # slecht: not reached
    assert "Vertrouwen" in text and "Rust in het dorp" in text
    assert "@media print" in html and "@page" in html
    assert "Vergelijking" not in text                          # three sessions: no comparison


def test_two_sessions_get_a_comparison_in_english(workshop, db_path, tmp_path):
    out = tmp_path / "two.html"
    r = weerbaar("debrief", "--db", str(db_path), "--session", workshop[0].id,
                 "--session", workshop[1].id[:5], "--lang", "en", "--out", str(out))
    assert r.returncode == 0, r.stderr
    c = check(out.read_text(encoding="utf-8"))
    text = " ".join(" ".join(c.text).split())
    assert c.tags[0] == ("html", {"lang": "en"})
    assert "Comparison: Team <1> and Team 2" in text
    assert "Here the roads parted (decision 2)." in text
    assert "Debrief questions" in text and "What helped most?" in text


def test_the_report_language_follows_the_first_session(store, scenario, db_path, tmp_path):
    record(store, scenario, ["reageren"], label="Alderman", lang="en")
    out = tmp_path / "en.html"
    assert weerbaar("debrief", "--db", str(db_path), "--out", str(out)).returncode == 0
    assert "<h1>Debrief: The rumour in the group chat</h1>" in out.read_text(encoding="utf-8")


def test_debrief_errors(workshop, db_path, tmp_path):
    r = weerbaar("debrief", "--db", str(db_path), "--session", "0000ffff", "--out",
                 str(tmp_path / "x.html"))
    assert r.returncode == 2 and "no session with id '0000ffff'" in r.stderr
    r = weerbaar("debrief", "--db", str(db_path), "--out", str(tmp_path / "no" / "x.html"))
    assert r.returncode == 2 and "cannot write" in r.stderr
    r = weerbaar("debrief", "--db", str(db_path))
    assert r.returncode == 2 and "--out" in r.stderr


def test_the_scenario_file_helps_when_the_database_lacks_the_version(workshop, store, db_path,
                                                                     tmp_path):
    store.conn.execute("DELETE FROM scenario_sources")
    out = tmp_path / "r.html"
    r = weerbaar("debrief", "--db", str(db_path), "--out", str(out))
    assert r.returncode == 2 and "--scenario FILE" in r.stderr
    r = weerbaar("debrief", "--db", str(db_path), "--scenario", EXAMPLE, "--out", str(out))
    assert r.returncode == 0 and "Wat hielp het meest?" in out.read_text(encoding="utf-8")


def test_the_report_says_in_words_why_a_choice_was_hidden(store):
    from weerbaar.engine import load_scenario, load_scenario_text
    from weerbaar.debrief.report import render_report, report_parts
    from weerbaar.storage import ScenarioLibrary
    from ..conftest import SCENARIOS
    from .test_replay import with_hidden_choice
    scenario = load_scenario_text(with_hidden_choice(load_scenario(str(SCENARIOS / "voorbeeld.yaml"))))
    record(store, scenario, ["reageren", "geen_commentaar"], label="Team 1")
    record(store, scenario, ["navragen", "uitleggen"], label="Team 2")
    for lang, sentence in (
            ("nl", "Deze keuze was er niet omdat je bij ‘Sanne belt’ niet koos: ‘Uitleggen wat er "
                   "wel en niet besloten is’."),
            ("en", "This option was not there because you did not choose ‘Explain what was and "
                   "was not decided’ at ‘Sanne calls’.")):
        parts = report_parts(store.records(), ScenarioLibrary(store, (scenario,)), lang)
        assert parts[0].why_hidden == {("journalist", "bellen"): (sentence,)}
        c = check(render_report(parts, lang, "2026-01-01T10:00:00+00:00", "test.db"))
        text = " ".join(c.text)
        assert sentence in text
        assert "pers_ingelicht" not in text and "chosen(" not in text
