"""A team's ending in workshop mode: the ending screen of a play, with the team's name in
its tone chip and the team's decisions with the hands counted; then the next team, or the
group result when every team has played. The debrief questions are in the facilitator
view (Tab), for when the facilitator wants them."""
from __future__ import annotations

from ...storage import StoreError

from ..flow import Flow
from ..intents import Back, Confirm, NextTeam, POINTER, Scroll, TabKey
from ..widgets import Button
from ..widgets.teambar import chip
from ..workshop_lines import decision_lines
from .ending import EndingScreen, final_meters


class TeamEndScreen(EndingScreen):
    def __init__(self, app, play):
        super().__init__(app, play)  # play: the WorkshopScreen below, which owns the run
        self.button: Button | None = None

    def ensure_layout(self) -> None:
        if self.session is not None:  # None once the last team has played
            super().ensure_layout()

    def layout(self, ui) -> None:
        super().layout(ui)
        t = ui.theme
        w, h = t.size
        m, bh = t.margin, t.px(56)
        nxt = self.play.run.next_label
        label = ui.t("next_team", team=nxt) if nxt else ui.t("to_summary")
        self.button = Button(label, "choice", value=NextTeam())
        bw = min(w - 2 * m, max(t.px(420), ui.text.size(label, t.button, "bold")[0] + t.px(60)))
        self.button.layout((w - m - bw, h - m - bh, bw, bh), ui)
        self.focus.set([self.button])

    def _story(self, ui, width: int) -> Flow:
        t, p, r = ui.theme, ui.palette, ui.text
        ending = self.session.view.ending
        flow = Flow(width)
        text = f"{self.play.run.label} · {ui.t('tone_' + ending.tone)}"

        def paint(surface, x, top):
            chip(surface, ui, r.ellipsize(text, t.fs(22), width - t.px(30), "bold"), (x, top),
                 t.tone_colour(ending.tone))
        flow.draw(paint, after=t.px(16), height=r.line_height(t.fs(22)) + t.px(4))
        flow.add(r.block(self.tx(ending.title), t.h1, p.text, width, "bold"), after=t.px(14))
        flow.add(r.block(self.session.view.text(self.play.lang), t.body, p.text, width))
        return flow

    def _record(self, ui, width: int) -> Flow:
        t, p, r = ui.theme, ui.palette, ui.text
        flow = Flow(width)
        final_meters(flow, ui, self.play.scenario, self.play.lang, self.session.view.meters())
        flow.add(r.block(ui.t("team_path"), t.h2, p.text, width, "bold"), after=t.px(10))
        try:
            lines = decision_lines(self.play.run.record(), self.play.scenario, self.play.lang)
        except StoreError as exc:
            flow.add(r.block(ui.t("store_error", error=str(exc)), t.small, p.bad, width))
            return flow
        for line in lines:
            flow.add(r.block(f"{line.number}. {line.letter} · {line.text}", t.small, p.text, width,
                             "bold"), after=t.px(2))
            detail = line.detail(ui.t)
            if detail:
                flow.add(r.block(detail, t.small, p.muted, width), after=t.px(10))
        return flow

    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            from .workshop_pause import WorkshopPauseScreen
            self.app.push(WorkshopPauseScreen(self.app, self.play))
        elif isinstance(intent, TabKey):
            from .workshop_facilitator import FacilitatorScreen
            self.app.push(FacilitatorScreen(self.app, self.play))
        elif isinstance(intent, Scroll):
            self.left.process_event(intent) or self.right.process_event(intent)
        elif isinstance(intent, Confirm):
            self.go_on()
        elif isinstance(intent, POINTER) and isinstance(self.focus.pressed(intent), NextTeam):
            self.go_on()

    def go_on(self) -> None:
        """The next team plays, or the workshop closes with the group result."""
        if self.play.next_team():
            self.app.pop(self)
            return
        from .workshop_summary import WorkshopSummaryScreen
        run = self.play.run
        self.play.owns_run = False
        self.app.to_title()
        self.app.push(WorkshopSummaryScreen(self.app, run))
