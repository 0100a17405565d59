"""The close of a workshop: the group result of its teams. Which ending each team reached,
and per decision what each team took, with the hands counted (and any tie or override).
Read from the session store, so it shows the same after a resume. Enter opens the group
debrief (``debrief.py``: bars per decision, endings, meters, comparison) of these teams."""
from __future__ import annotations

import pygame

from ...storage import StoreError
from ...debrief.texts import scene_text

from ..flow import Flow
from ..intents import Back, Confirm, OpenDebrief, Scroll, ToMenu
from ..widgets import Button, FocusGroup, ScrollView
from ..widgets.teambar import chip
from ..workshop_lines import decision_lines
from .base import Screen


class WorkshopSummaryScreen(Screen):
    def __init__(self, app, run):
        super().__init__(app)
        self.run = run  # owned from here on: closed with this screen
        self.view = ScrollView()
        self.focus = FocusGroup()
        try:
            self.records = self.run.store.records(self.run.session_ids)
            self.error = None
        except StoreError as exc:
            self.records, self.error = [], str(exc)

    @property
    def session_ids(self) -> list[str]:
        return [r.id for r in self.records]

    def tx(self, text) -> str:
        s = self.run.scenario
        return text.get(self.lang, s.languages) if text is not None else ""

    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m, bh = t.margin, t.px(60)
        self.lang = ui.lang if ui.lang in self.run.scenario.languages else \
            self.run.scenario.default_language
        self.menu = Button(ui.t("to_menu"), value=ToMenu())
        self.menu.layout((m, h - m - bh, t.px(320), bh), ui)
        self.debrief = Button(ui.t("summary_open_debrief"), "choice", value=OpenDebrief(),
                              enabled=bool(self.records))
        dw = min(w - 3 * m - t.px(320), max(t.px(420), ui.text.size(
            self.debrief.label, t.button, "bold")[0] + t.px(60)))
        self.debrief.layout((w - m - dw, h - m - bh, dw, bh), ui)
        view = pygame.Rect(m, m, w - 2 * m - t.px(14), self.menu.rect.top - t.px(20) - m)
        self.view.fill(view, ui, self._flow, ui.palette.bg, keep_offset=True)
        self.focus.set([self.menu, self.debrief])

    def _flow(self, ui, width: int) -> Flow:
        t, p, r = ui.theme, ui.palette, ui.text
        flow = Flow(width)
        flow.add(r.block(ui.t("summary_title"), t.h1, p.text, width, "bold"), after=t.px(4))
        flow.add(r.block(self.tx(self.run.scenario.title), t.body, p.muted, width), after=t.px(24))
        if self.error:
            flow.add(r.block(ui.t("store_error", error=self.error), t.body, p.bad, width))
            return flow
        flow.add(r.block(ui.t("summary_endings"), t.h2, p.text, width, "bold"), after=t.px(12))
        for rec in self.records:
            self._ending_row(flow, ui, width, rec)
        flow.space(t.px(20))
        flow.add(r.block(ui.t("summary_votes"), t.h2, p.text, width, "bold"), after=t.px(12))
        self._decisions(flow, ui, width)
        return flow

    def _ending_row(self, flow: Flow, ui, width: int, rec) -> None:
        t, p, r = ui.theme, ui.palette, ui.text
        ending = self.run.scenario.endings.get(rec.ending) if rec.ending else None
        tone = ending.tone if ending else "neutral"
        title = self.tx(ending.title) if ending else (rec.ending or ui.t("summary_running"))
        label_w = min(width // 3, max(r.size(x.label.upper(), t.fs(22), "bold")[0]
                                      for x in self.records) + t.px(30))
        text = r.block(title, t.body, p.text, width - label_w - t.px(20), "bold", 2)

        def paint(surface, x, top):
            chip(surface, ui, r.ellipsize(rec.label, t.fs(22), label_w - t.px(30), "bold"),
                 (x, top + t.px(2)), t.tone_colour(tone))
            surface.blit(text, (x + label_w + t.px(20), top))
        flow.draw(paint, after=t.px(10), height=max(text.get_height(), r.line_height(t.fs(22))))

    def _decisions(self, flow: Flow, ui, width: int) -> None:
        t, p, r = ui.theme, ui.palette, ui.text
        scenario = self.run.scenario
        per_team = [(rec.label, decision_lines(rec, scenario, self.lang)) for rec in self.records]
        scenes = list(dict.fromkeys(line.scene for _, lines in per_team for line in lines))
        order = [s for s in scenario.scenes if s in scenes] + [s for s in scenes
                                                                 if s not in scenario.scenes]
        if not order:
            flow.add(r.block(ui.t("no_decisions"), t.body, p.muted, width, "italic"))
        for scene_id in order:
            inner = Flow(width - 2 * t.px(18))
            head = scene_text(scenario.scenes.get(scene_id), scenario, self.lang) or scene_id
            inner.add(r.block(head, t.small, p.muted, inner.width, "italic", 2), after=t.px(8))
            for label, lines in per_team:
                for line in (x for x in lines if x.scene == scene_id):
                    self._team_line(inner, ui, label, line)
            flow.card(inner, p.panel, p.border, t.px(10), t.px(18), t.border_width, after=t.px(12))

    def _team_line(self, flow: Flow, ui, label: str, line) -> None:
        t, p, r = ui.theme, ui.palette, ui.text
        flow.add(r.block(f"{label}: {line.letter} · {line.text}", t.body, p.text, flow.width,
                         "bold"), after=t.px(2))
        extra = line.detail(ui.t)
        if extra:
            flow.add(r.block(ui.t("summary_hands", votes=extra), t.small, p.muted, flow.width),
                     after=t.px(10))

    def handle(self, intent) -> None:
        if isinstance(intent, Scroll):
            self.view.process_event(intent)
        elif isinstance(intent, Back):
            self.app.to_title()
        elif isinstance(intent, Confirm) and self.focus.focused() is None:
            self.open_debrief()
        else:
            value = self.focus.pressed(intent)
            if isinstance(value, ToMenu):
                self.app.to_title()
            elif isinstance(value, OpenDebrief):
                self.open_debrief()

    def open_debrief(self) -> None:
        """The group debrief of the issue-6 screens, on these teams' sessions."""
        from ...storage import ScenarioLibrary

        from .debrief import DebriefScreen
        if not self.records:
            return
        try:
            screen = DebriefScreen(self.app, self.run.store,
                                   ScenarioLibrary(self.run.store, [self.run.scenario]),
                                   self.session_ids)
        except StoreError as exc:
            self.app.toast(self.ui.t("store_error", error=str(exc)), "bad")
            return
        self.app.push(screen)

    def on_close(self) -> None:
        self.run.close()

    def draw(self, surface) -> None:
        self.view.draw(surface)
        self.focus.draw(surface)
