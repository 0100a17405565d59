"""The four parts of the group debrief, each laid out in the rectangle the screen gives it:

- ``ChoicesPage``: one decision: the scene, its facilitator notes, and bars of how many
  sessions chose each option (who, and how often an option was hidden);
- ``EndingsPage``: bars of the endings reached, with the debrief questions of each;
- ``MetersPage``: one meter of every session over time, as lines in one chart;
- ``ComparePage``: two sessions side by side, decision by decision, and where they parted.

They draw from the store's debrief data (``GroupDebrief``, ``Comparison``); nothing here
counts or decides.
"""
from __future__ import annotations

import pygame

from ..flow import Flow
from ..widgets import ScrollView, WidgetColumn
from ..widgets.chart import Bar, BarChart, LineChart, Series
from ..widgets.draw import box


def _names(labels, ui) -> str:
    """'Team 1, Team 2 en Team 3', at most a handful, then 'en 4 meer'."""
    labels = list(dict.fromkeys(labels))
    if len(labels) > 5:
        return ", ".join(labels[:4]) + ui.t("and_more", n=len(labels) - 4)
    if len(labels) > 1:
        return ", ".join(labels[:-1]) + ui.t("and") + labels[-1]
    return labels[0] if labels else ""


class _SplitPage:
    """A text side (scrolling) on the left and a bar chart (scrolling) on the right."""

    text_share = 0.36
    chart_first = False

    def __init__(self):
        self.text_view = ScrollView(keyboard=False)
        self.chart_column = WidgetColumn()
        self.chart: BarChart | None = None
        self.cards: list[pygame.Rect] = []
        self._ui = None

    def layout(self, rect, ui) -> None:
        self._ui = ui
        t = ui.theme
        gap, pad = t.px(24), t.px(20)
        rect = pygame.Rect(rect)
        text_w = int((rect.width - gap) * self.text_share)
        chart_w = rect.width - text_w - gap
        if self.chart_first:
            chart = pygame.Rect(rect.left, rect.top, chart_w, rect.height)
            text = pygame.Rect(chart.right + gap, rect.top, text_w, rect.height)
        else:
            text = pygame.Rect(rect.left, rect.top, text_w, rect.height)
            chart = pygame.Rect(text.right + gap, rect.top, chart_w, rect.height)
        self.cards = [text, chart]
        inner = text.inflate(-2 * pad, -2 * pad)
        inner.width -= t.px(14)
        self.text_view.layout(inner, ui)
        self.text_view.set_content(self.text_flow(ui, inner.width).render(ui.palette.panel))
        col = chart.inflate(-2 * pad, -2 * pad)
        col.width -= t.px(20)
        self.chart = self.make_chart(ui)
        self.head_img = self.chart_head(ui, col.width)
        self.head_pos = col.topleft
        if self.head_img is not None:
            col.top += self.head_img.get_height() + t.px(14)
            col.height -= self.head_img.get_height() + t.px(14)
        h = self.chart.height_for(col.width, ui)
        self.chart_column.layout(col, ui, [(self.chart, pygame.Rect(0, t.px(4), col.width, h))])

    def chart_head(self, ui, width: int):
        return None

    def process_event(self, intent) -> bool:
        return (self.chart_column.process_event(intent) or self.text_view.process_event(intent)
                or bool(self.chart and self.chart.process_event(intent)))

    def draw(self, surface) -> None:
        t, p = self._ui.theme, self._ui.palette
        for card in self.cards:
            box(surface, card, p.panel, t.radius, p.border, t.border_width)
        self.text_view.draw(surface)
        if self.head_img is not None:
            surface.blit(self.head_img, self.head_pos)
        self.chart_column.draw(surface)


class ChoicesPage(_SplitPage):
    def __init__(self, debrief, index: int):
        super().__init__()
        self.debrief, self.tally = debrief, debrief.decisions[index]

    def text_flow(self, ui, width: int) -> Flow:
        t, p, r = ui.theme, ui.palette, ui.text
        d = self.tally
        flow = Flow(width)
        flow.add(r.block(d.text, t.body, p.text, width), after=t.px(18))
        notes = [(None, d.note)] if d.note else []
        notes += [(o.text, o.note) for o in d.choices if o.note]
        if notes:
            flow.add(r.block(ui.t("for_facilitator").upper(), t.small, p.mixed, width, "bold"),
                     after=t.px(6))
        for choice, note in notes:
            if choice:
                flow.add(r.block(choice, t.small, p.text, width, "bold"), after=t.px(2))
            flow.add(r.block(note, t.small, p.text, width), after=t.px(12))
        return flow

    def chart_head(self, ui, width: int):
        t = ui.theme
        d = self.tally
        text = ui.t("made_here", n=d.total, m=len(self.debrief.sessions))
        return ui.text.block(text, t.small, ui.palette.muted, width, "bold")

    def make_chart(self, ui) -> BarChart:
        bars = []
        for o in self.tally.choices:
            notes = []
            if o.labels:
                notes.append(_names(o.labels, ui))
            if o.hidden:
                notes.append(ui.t("hidden_n", n=o.hidden))
            if not o.known:
                notes.append(ui.t("option_gone").lower())
            bars.append(Bar(o.text, o.count, " · ".join(notes), muted=not o.known or
                            (o.count == 0 and o.hidden > 0)))
        return BarChart(bars, self.tally.total)


class EndingsPage(_SplitPage):
    text_share = 0.42
    chart_first = True  # the bars are what the room looks at first

    def __init__(self, debrief):
        super().__init__()
        self.debrief = debrief

    def text_flow(self, ui, width: int) -> Flow:
        t, p, r = ui.theme, ui.palette, ui.text
        flow = Flow(width)
        running = sum(1 for s in self.debrief.sessions if s.ending is None)
        if running:
            flow.add(r.block(ui.t("still_running", n=running), t.small, p.muted, width, "italic"),
                     after=t.px(14))
        reached = self.debrief.reached
        if not reached:
            flow.add(r.block(ui.t("none_reached"), t.body, p.muted, width, "italic"))
            return flow
        flow.add(r.block(ui.t("debrief"), t.h2, p.text, width, "bold"), after=t.px(12))
        num_w = t.fs(34)
        for e in reached:
            flow.add(r.block(e.title, t.body, t.tone_colour(e.tone), width, "bold"), after=t.px(6))
            for i, q in enumerate(e.questions, 1):
                num = r.render(f"{i}.", t.small, p.muted, "bold")
                rect = flow.add(r.block(q, t.small, p.text, width - num_w), x=num_w, after=t.px(6))
                flow.add_beside(num, 0, rect.top + (r.line_height(t.small) - num.get_height()) // 2)
            flow.space(t.px(12))
        return flow

    def chart_head(self, ui, width: int):
        n = len(self.debrief.sessions)
        return ui.text.block(ui.t("endings_of", n=n), ui.theme.small, ui.palette.muted, width,
                             "bold")

    def make_chart(self, ui) -> BarChart:
        t = ui.theme
        endings = sorted(self.debrief.endings, key=lambda e: -e.count)  # reached first
        bars = [Bar(e.title, e.count, _names(e.labels, ui) if e.count else ui.t("not_reached"),
                    colour=t.tone_colour(e.tone), muted=not e.count)
                for e in endings]
        return BarChart(bars, len(self.debrief.sessions))


class MetersPage:
    """One meter of every session: a line per session, from the start to the last decision."""

    def __init__(self, debrief, index: int):
        self.debrief, self.series = debrief, debrief.meters[index]
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.chart: LineChart | None = None
        self._ui = None

    def layout(self, rect, ui) -> None:
        t = ui.theme
        self.rect, self._ui = pygame.Rect(rect), ui
        m = self.series
        lines = [Series(line.label, line.points) for line in m.lines if line.points]
        steps = max((len(s.points) for s in lines), default=1)
        x_labels = [ui.t("x_start")] + [str(k) for k in range(1, steps)]
        self.chart = LineChart(lines, m.min, m.max, x_labels)
        pad = t.px(20)
        self.head = ui.text.render(ui.text.ellipsize(
            ui.t("meter_over_time", label=m.label), t.body, self.rect.width - 2 * pad, "bold"),
            t.body, ui.palette.text, "bold")
        self.sub = ui.text.render(ui.text.ellipsize(
            ui.t("higher_better" if m.good == "high" else "lower_better") + " · "
            + ui.t("x_axis"), t.small, self.rect.width - 2 * pad), t.small, ui.palette.muted)
        top = self.rect.top + pad + self.head.get_height() + self.sub.get_height() + t.px(12)
        self.chart.layout((self.rect.left + pad, top, self.rect.width - 2 * pad,
                           self.rect.bottom - pad - top), ui)

    def process_event(self, intent) -> bool:
        return bool(self.chart and self.chart.process_event(intent))

    def draw(self, surface) -> None:
        t, p = self._ui.theme, self._ui.palette
        box(surface, self.rect, p.panel, t.radius, p.border, t.border_width)
        pad = t.px(20)
        surface.blit(self.head, (self.rect.left + pad, self.rect.top + pad))
        surface.blit(self.sub, (self.rect.left + pad, self.rect.top + pad + self.head.get_height()))
        self.chart.draw(surface)


class ComparePage:
    """Two sessions, decision by decision: the same choice muted, where they parted marked."""

    def __init__(self, comparison):
        self.comparison = comparison
        self.view = ScrollView()
        self.rect = pygame.Rect(0, 0, 0, 0)
        self._ui = None

    def layout(self, rect, ui) -> None:
        t = ui.theme
        self.rect, self._ui = pygame.Rect(rect), ui
        inner = self.rect.inflate(-2 * t.px(20), -2 * t.px(18))
        inner.width -= t.px(14)
        self.view.layout(inner, ui)
        self.view.set_content(self._flow(ui, inner.width).render(ui.palette.panel),
                              keep_offset=True)

    def _flow(self, ui, width: int) -> Flow:
        t, p, r = ui.theme, ui.palette, ui.text
        c = self.comparison
        flow = Flow(width)
        num_w = t.fs(64)
        col_w = (width - num_w - t.px(24)) // 2
        self._row(flow, ui, "", c.a.label, c.b.label, num_w, col_w, style="head")
        parted = c.first_difference
        flow.add(r.block(ui.t("compare_together") if parted is None else
                         ui.t("compare_parted", n=parted + 1), t.small,
                         p.muted if parted is None else p.mixed, width, "bold"), after=t.px(2))
        if parted is not None and any(row.same for row in c.rows):
            flow.add(r.block(ui.t("compare_same_muted"), t.small, p.muted, width), after=t.px(2))
        flow.space(t.px(10))
        for row in c.rows:
            a = row.a.choice_text if row.a else "—"
            b = row.b.choice_text if row.b else "—"
            style = "same" if row.same else ("parted" if row.index == parted else "differ")
            self._row(flow, ui, str(row.index + 1), a, b, num_w, col_w, style)
        flow.space(t.px(8))
        self._row(flow, ui, "", c.a.ending_title or ui.t("running"),
                  c.b.ending_title or ui.t("running"), num_w, col_w, style="ending")
        for m in c.meters:
            self._row(flow, ui, "", f"{m.label}: {_value(m.a)}", f"{m.label}: {_value(m.b)}",
                      num_w, col_w, style="meter")
        return flow

    def _row(self, flow: Flow, ui, num: str, a: str, b: str, num_w: int, col_w: int,
             style: str) -> None:
        t, p, r = ui.theme, ui.palette, ui.text
        px = t.h2 if style == "head" else t.body if style in ("parted", "differ", "ending") \
            else t.small
        weight = "bold" if style in ("head", "parted", "ending") else "regular"
        ink = p.muted if style == "same" else p.text
        pad = t.px(8)
        img_a = r.block(a, px, ink, col_w - 2 * pad, weight)
        img_b = r.block(b, px, ink, col_w - 2 * pad, weight)
        num_img = r.render(num, t.small, p.muted, "bold") if num else None
        h = max(img_a.get_height(), img_b.get_height()) + 2 * pad

        def paint(surface, x, top):
            if style == "parted":
                box(surface, (x, top, flow.width, h), None, t.px(8), p.mixed, max(2, t.px(3)))
            elif style in ("head", "ending"):
                box(surface, (x, top, flow.width, h), p.panel_alt, t.px(8))
            if num_img is not None:
                surface.blit(num_img, (x + pad, top + pad))
            left = x + num_w
            surface.blit(img_a, (left + pad, top + pad))
            surface.blit(img_b, (left + col_w + t.px(24) + pad, top + pad))
        flow.draw(paint, after=t.px(6), height=h)

    def process_event(self, intent) -> bool:
        return self.view.process_event(intent)

    def draw(self, surface) -> None:
        t, p = self._ui.theme, self._ui.palette
        box(surface, self.rect, p.panel, t.radius, p.border, t.border_width)
        self.view.draw(surface)


def _value(v) -> str:
    return "—" if v is None else str(v)
