"""The debrief report: one self-contained HTML page (inline SVG, no scripts, no links out)
with the content of the group debrief and the debrief questions of the endings reached.
Prints to PDF from any browser."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from html import escape
from typing import Mapping

from . import svg
from ..storage.clock import local_minute
from ..storage.errors import StoreError
from .compare import Comparison, compare_sessions
from .group import (DecisionTally, EndingTally, GroupDebrief, MeterSeries, SessionLine, by_scenario, group_debrief)
from .i18n import tr
from ..storage.records import Note, SessionRecord
from .report_style import CSS
from .walkthrough import build_replay
from ..storage.versions import ScenarioLibrary


@dataclass(frozen=True)
class ReportPart:
    """The report of one scenario: its group debrief, and a comparison when two sessions."""

    debrief: GroupDebrief
    shown_hash: str
    comparison: Comparison | None = None
    notes: tuple[tuple[int, str, tuple[Note, ...]], ...] = ()  # (session index, label, notes)
    why_hidden: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)


def report_parts(records: list[SessionRecord], library: ScenarioLibrary, lang: str
                 ) -> list[ReportPart]:
    """One part per scenario among ``records``; a comparison where a scenario has two."""
    parts = []
    for group in by_scenario(records).values():
        scenario = library.for_group(group)
        debrief = group_debrief(group, scenario, lang)
        comparison = (compare_sessions(group[0], group[1], scenario, lang)
                      if len(group) == 2 else None)
        notes = tuple((i, r.label, r.notes) for i, r in enumerate(group) if r.notes)
        parts.append(ReportPart(debrief, scenario.content_hash, comparison, notes,
                                why_hidden(group, scenario, lang)))
    return parts


def why_hidden(records: list[SessionRecord], scenario, lang: str
               ) -> dict[tuple[str, str], tuple[str, ...]]:
    """(scene, option) -> why a condition hid that option, as sentences (each once), from
    the replays of ``records`` on ``scenario``."""
    out: dict[tuple[str, str], dict[str, None]] = {}
    for record in records:
        try:
            steps = build_replay(record, scenario, lang).steps
        except StoreError:  # this version cannot replay it: its tallies still count
            continue
        for step in steps:
            for o in step.choices:
                if o.hidden and o.reason is not None:
                    out.setdefault((step.scene, o.id), {})[o.reason.sentence()] = None
    return {k: tuple(v) for k, v in out.items()}


def render_report(parts: list[ReportPart], lang: str, generated_at: str, source: str) -> str:
    """The whole page. ``source`` names the database by its file name only: a report is
    handed round, and the folders of the facilitator's computer are nobody's business."""
    title = " · ".join(p.debrief.title for p in parts) or "Weerbaar"
    made = tr(lang, "r.generated", when=local_minute(generated_at), db=PurePath(source).name)
    body = [f'<p class="meta">{e(made)}</p>']
    if not parts:
        body.append(f"<p>{e(tr(lang, 'r.none'))}</p>")
    for part in parts:
        body.append(_part(part, lang, len(parts) > 1))
    return (f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(tr(lang, 'r.title', title=title))}</title>\n<style>{CSS}</style>\n"
            f"</head>\n<body>\n<h1>{e(tr(lang, 'r.title', title=title))}</h1>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def e(text) -> str:
    return escape("" if text is None else str(text))


def _part(part: ReportPart, lang: str, heading: bool) -> str:
    g = part.debrief
    out = [f'<article class="scenario">']
    if heading:
        out.append(f"<h2 class=\"scenario-title\">{e(g.title)}</h2>")
    if len(g.versions) > 1:
        warning = tr(lang, "r.versions", n=len(g.versions), hashes=", ".join(g.versions),
                     shown=part.shown_hash)
        out.append(f'<p class="warning">{e(warning)}</p>')
    out += [_sessions(g.sessions, lang), _choices(g.decisions, lang, part.why_hidden),
            _endings(g.endings, lang),
            _meters(g.meters, lang), _paths(g.sessions, lang)]
    if part.notes:
        out.append(_workshop_notes(part.notes, lang))
    if part.comparison is not None:
        out.append(_comparison(part.comparison, lang))
    out.append("</article>")
    return "\n".join(out)


def _sessions(sessions: tuple[SessionLine, ...], lang: str) -> str:
    rows = "".join(
        f"<tr><td>{svg.swatch(i)} {e(s.label)}</td><td>{e(local_minute(s.started_at))}</td>"
        f'<td class="num">{s.decisions}</td>'
        f"<td>{e(s.ending_title or tr(lang, 'r.running'))}</td></tr>"
        for i, s in enumerate(sessions))
    return (f'<section class="sessions"><h2>{e(tr(lang, "r.sessions"))}</h2><table>'
            f"<thead><tr><th>{e(tr(lang, 'r.label'))}</th><th>{e(tr(lang, 'r.start'))}</th>"
            f"<th>{e(tr(lang, 'r.decisions'))}</th><th>{e(tr(lang, 'r.ending'))}</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></section>")


def _choices(tallies: tuple[DecisionTally, ...], lang: str,
             why_hidden: Mapping[tuple[str, str], tuple[str, ...]]) -> str:
    out = [f'<section class="choices"><h2>{e(tr(lang, "r.choices"))}</h2>',
           f'<p class="intro">{e(tr(lang, "r.choices.intro"))}</p>']
    for n, t in enumerate(tallies, 1):
        out.append(f'<div class="decision"><h3>{e(tr(lang, "r.decision_n", n=n))} '
                   f'<span class="scene-id">{e(t.scene)}</span></h3>')
        if t.text:
            out.append(f'<blockquote>{e(t.text)}</blockquote>')
        out.append('<table class="options"><tbody>')
        for o in t.choices:
            out.append(_choice_row(o, t.most, lang, why_hidden.get((t.scene, o.id), ())))
        out.append("</tbody></table>")
        if t.note:
            out.append(f'<p class="note"><strong>{e(tr(lang, "r.note"))}:</strong> {e(t.note)}</p>')
        out.append("</div>")
    out.append("</section>")
    return "\n".join(out)


def _choice_row(o, most: int, lang: str, why: tuple[str, ...] = ()) -> str:
    extra = []
    if o.hidden:
        extra.append(tr(lang, "r.hidden", n=o.hidden))
    if not o.known:
        extra.append(tr(lang, "r.gone"))
    small = f'<div class="small">{e("; ".join(extra))}</div>' if extra else ""
    small += "".join(f'<div class="small why">{e(w)}</div>' for w in why)
    note = f'<div class="option-note">{e(o.note)}</div>' if o.note else ""
    who = f'<div class="small">{e(", ".join(o.labels))}</div>' if o.labels else ""
    return (f'<tr class="{"chosen" if o.count else "unchosen"}"><td class="option">{e(o.text)}'
            f"{note}{small}</td><td class=\"bar-cell\">{svg.bar(o.count, most)}</td>"
            f'<td class="num" title="{e(tr(lang, "r.made", n=o.count))}">{o.count}</td>'
            f"<td>{who}</td></tr>")


def _endings(endings: tuple[EndingTally, ...], lang: str) -> str:
    most = max((x.count for x in endings), default=0)
    rows = []
    for x in endings:
        who = (tr(lang, "r.reached_by", labels=", ".join(x.labels)) if x.count
               else tr(lang, "r.not_reached"))
        bar = svg.bar(x.count, most, colour=svg.TONE_COLOURS.get(x.tone, svg.TONE_COLOURS["neutral"]))
        rows.append(f'<tr class="tone-{e(x.tone)}"><td>{e(x.title)}</td>'
                    f'<td class="bar-cell">{bar}</td>'
                    f'<td class="num">{x.count}</td><td class="small">{e(who)}</td></tr>')
    questions = "".join(
        f'<div class="questions"><h3>{e(x.title)}</h3><ul>'
        + "".join(f"<li>{e(q)}</li>" for q in x.questions) + "</ul></div>"
        for x in endings if x.count and x.questions)
    q_head = f'<h3 class="q-head">{e(tr(lang, "r.questions"))}</h3>' if questions else ""
    return (f'<section class="endings"><h2>{e(tr(lang, "r.endings"))}</h2><table><tbody>'
            + "".join(rows) + f"</tbody></table>{q_head}{questions}</section>")


def _meters(series: tuple[MeterSeries, ...], lang: str) -> str:
    charts = "".join(
        '<figure class="meter">' + svg.line_chart(
            [(line.label, line.points) for line in m.lines], m.min, m.max, m.label,
            tr(lang, "r.after_decision")) + "</figure>" for m in series)
    legend = ""
    if series:
        legend = '<p class="legend">' + " ".join(
            f'<span>{svg.swatch(i)} {e(line.label)}</span>'
            for i, line in enumerate(series[0].lines)) + "</p>"
    return (f'<section class="meters"><h2>{e(tr(lang, "r.meters"))}</h2>{legend}{charts}'
            f"</section>")


def _paths(sessions: tuple[SessionLine, ...], lang: str) -> str:
    items = "".join(
        f'<div class="path"><h3>{svg.swatch(i)} {e(s.label)}</h3><ol>'
        + "".join(f"<li>{e(text)}</li>" for _, text in s.path)
        + f"</ol><p class=\"small\">{e(tr(lang, 'r.ending'))}: "
          f"{e(s.ending_title or tr(lang, 'r.running'))}</p></div>"
        for i, s in enumerate(sessions))
    return (f'<section class="paths"><h2>{e(tr(lang, "r.paths"))}</h2>'
            f'<div class="path-grid">{items}</div></section>')


def _workshop_notes(notes, lang: str) -> str:
    """What the facilitator typed during the workshop, per session, in the order of play."""
    items = "".join(
        f'<div class="session-notes"><h3>{svg.swatch(i)} {e(label)}</h3><ul>'
        + "".join(f'<li><span class="small">{e(tr(lang, "r.note_at", n=n.step, scene=n.scene))}'
                  f"</span><br>{e(n.text)}</li>" for n in session_notes)
        + "</ul></div>"
        for i, label, session_notes in notes)
    return (f'<section class="workshop-notes"><h2>{e(tr(lang, "r.workshop_notes"))}</h2>'
            f"{items}</section>")


def _comparison(c: Comparison, lang: str) -> str:
    first = c.first_difference
    summary = (tr(lang, "r.compare.parted", n=first + 1) if first is not None
               else tr(lang, "r.compare.together"))
    rows = []
    for r in c.rows:
        cls = "same" if r.same else "differs"
        a = e(r.a.choice_text) if r.a else e(tr(lang, "r.empty"))
        b = e(r.b.choice_text) if r.b else e(tr(lang, "r.empty"))
        rows.append(f'<tr class="{cls}"><td class="num">{r.index + 1}</td><td>{a}</td><td>{b}</td></tr>')
    finals = "".join(f"<tr><td></td><td>{e(m.label)}: {e(m.a)}</td><td>{e(m.label)}: {e(m.b)}</td></tr>"
                     for m in c.meters)
    endings = (f"<tr><td></td><td>{e(c.a.ending_title or tr(lang, 'r.running'))}</td>"
               f"<td>{e(c.b.ending_title or tr(lang, 'r.running'))}</td></tr>")
    return (f'<section class="compare"><h2>{e(tr(lang, "r.compare", a=c.a.label, b=c.b.label))}</h2>'
            f'<p>{e(summary)}</p><table><thead><tr><th>#</th><th>{e(c.a.label)}</th>'
            f"<th>{e(c.b.label)}</th></tr></thead><tbody>{''.join(rows)}"
            f'<tr class="final"><th colspan="3">{e(tr(lang, "r.compare.final"))}</th></tr>'
            f"{finals}{endings}</tbody></table></section>")
