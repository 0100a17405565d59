"""Starting a workshop: pick the scenario (from the title screen), resume the workshop that
was interrupted (a break, a crash, a closed laptop) or start a new one, and name the teams.

A connection to the app's database (``GameRecording.open``) is handed to the
``WorkshopRun`` that plays, which closes it; a database
or scenario that cannot be used shows its error and a way back to the menu.
"""
from __future__ import annotations

import pygame

from ...storage import StoreError, workshops
from ...storage.clock import local_minute

from ..flow import Flow
from ..options import DEFAULT_COUNTDOWN
from ..intents import (Back, Choose, Confirm, Erase, Letter, NewWorkshop, PickScenario,
                       ResumeWorkshop, Scroll, StartWorkshop, ToMenu, TypeText)
from ..sessions import content_language
from ..widgets import Button, FocusGroup, ScrollView
from ..widgets.draw import box
from ..widgets.textfield import TextField
from ..workshop import WorkshopRun, parse_teams, team_label
from .base import Screen

PICK, OFFER, TEAMS, ERROR = "pick", "offer", "teams", "error"


class WorkshopSetupScreen(Screen):
    def __init__(self, app, database, scenario=None, teams: str | None = None,
                 seed: int | None = None, countdown: int = DEFAULT_COUNTDOWN):
        super().__init__(app)
        # database: game.recording.GameRecording; the run gets a connection of its own
        self.database, self.seed, self.countdown = database, seed, countdown
        self.given_teams = teams
        self.field = TextField(teams or "")
        self.view = ScrollView()
        self.focus = FocusGroup()
        self.scenario = self.open = None
        self.error = ""
        self.handed_over = False
        self.autostart = False
        try:
            self.store = database.open()
        except StoreError as exc:
            self.store, self.state, self.error = None, ERROR, str(exc)
            return
        self.state = PICK
        if scenario is not None:
            self.choose_scenario(scenario)

    @property
    def text_mode(self) -> bool:
        return self.state == TEAMS

    # ---- the steps ----------------------------------------------------------------------
    def choose_scenario(self, scenario) -> None:
        self.scenario = scenario
        try:
            self.open = workshops.unfinished(self.store, scenario.id)
        except StoreError as exc:
            self._fail(str(exc))
            return
        if self.open is not None:
            self.state = OFFER
        else:
            self.state = TEAMS
            self.autostart = self.given_teams is not None

    def new_workshop(self) -> None:
        if self.open is not None:
            try:
                workshops.close_workshop(self.store, self.open)
            except StoreError as exc:
                self._fail(str(exc))
                return
        self.open, self.state = None, TEAMS
        self.autostart = self.given_teams is not None

    def start(self) -> None:
        lang, _ = content_language(self.scenario, self.app.settings)
        try:
            run = WorkshopRun.start(self.store, self.scenario, parse_teams(self.field.value),
                                    lang=lang, seed=self.seed)
        except StoreError as exc:
            self._fail(str(exc))
            return
        self._hand_over(run)

    def resume(self) -> None:
        lang, _ = content_language(self.scenario, self.app.settings)
        try:
            run = WorkshopRun.resume(self.store, self.open, self.scenario, lang)
        except StoreError as exc:  # a database or a scenario version that does not fit
            self._fail(str(exc))
            return
        self._hand_over(run)
        self.app.toast(self.ui.t("workshop_resumed", team=run.label,
                                 n=len(run.session.decisions) + 1))

    def _hand_over(self, run) -> None:
        from .workshop_play import WorkshopScreen
        self.handed_over = True
        self.app.replace(WorkshopScreen(self.app, run, countdown=self.countdown))

    def _fail(self, message: str) -> None:
        self.state, self.error = ERROR, message

    # ---- layout -------------------------------------------------------------------------
    def layout_key(self) -> tuple:
        return (self.state, self.error, id(self.open), id(self.scenario))

    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m, bh = t.margin, t.px(60)
        title = ui.t("workshop_title")
        if self.scenario is not None:
            title += " · " + self.scenario.title.get(ui.lang, self.scenario.languages)
        self.title_img = ui.text.block(title, t.h1, ui.palette.text, w - 2 * m, "bold")  # not cut
        self.head_h = m + self.title_img.get_height() + t.px(8)
        area = pygame.Rect(m, self.head_h + t.px(12), w - 2 * m, h - self.head_h - 2 * m - bh - t.px(24))
        self.back = Button(ui.t("to_menu"), value=ToMenu())
        self.back.layout((m, h - m - bh, t.px(300), bh), ui)
        buttons = getattr(self, f"_layout_{self.state}")(ui, area, bh)
        self.focus.set([*buttons, self.back], keep=False)
        if buttons:
            self.focus.focus(buttons[0], keyboard=True)

    def _layout_pick(self, ui, area, bh) -> list[Button]:
        t = ui.theme
        entries = self.app.catalogue()[:9]
        self.entries = entries
        pick_h = len(ui.text.wrap(ui.t("workshop_pick"), t.body, area.width, "bold"))
        buttons, y = [], area.top + pick_h * ui.text.line_height(t.body) + t.px(12)
        for i, e in enumerate(entries, 1):
            b = Button(e.title(ui.lang), "choice", number=i, value=PickScenario(i - 1))
            bh_ = b.height_for(area.width, ui)
            if y + bh_ > area.bottom:
                break
            b.layout((area.left, y, area.width, bh_), ui)
            buttons.append(b)
            y += bh_ + t.px(12)
        return buttons

    def _layout_offer(self, ui, area, bh) -> list[Button]:
        t = ui.theme
        flow = Flow(area.width - t.px(14))
        r, p = ui.text, ui.palette
        flow.add(r.block(ui.t("workshop_resume_title"), t.h2, p.text, flow.width, "bold"),
                 after=t.px(8))
        flow.add(r.block(ui.t("workshop_resume_body", start=local_minute(self.open.started_at)),
                         t.body, p.text, flow.width), after=t.px(12))
        for team in self.open.teams:
            key = ("workshop_team_done" if team.done else "workshop_team_at" if team.session_id
                   else "workshop_team_waiting")
            flow.add(r.block("• " + ui.t(key, team=team_label(team.name), n=team.decisions),
                             t.body, p.text, flow.width), after=t.px(4))
        self.view.layout(pygame.Rect(area.left, area.top, area.width - t.px(14),
                                     area.height - bh - t.px(20)), ui)
        self.view.set_content(flow.render(p.bg))
        resume = Button(ui.t("workshop_resume"), "choice", value=ResumeWorkshop())
        new = Button(ui.t("workshop_new"), value=NewWorkshop())
        bw = min(t.px(380), (area.width - t.px(20)) // 2)
        resume.layout((area.left, area.bottom - bh, bw, bh), ui)
        new.layout((area.left + bw + t.px(20), area.bottom - bh, bw, bh), ui)
        return [resume, new]

    def _layout_teams(self, ui, area, bh) -> list[Button]:
        t = ui.theme
        self.field.placeholder = ui.t("workshop_teams_hint")
        sub_h = len(ui.text.wrap(ui.t("workshop_teams_sub"), t.small, area.width))
        top = area.top + ui.text.line_height(t.h2) + sub_h * ui.text.line_height(t.small) + t.px(16)
        self.field.layout((area.left, top, area.width, self.field.height_for(ui)), ui)
        start = Button(ui.t("workshop_start"), "choice", value=StartWorkshop())
        start.layout((area.left, self.field.rect.bottom + t.px(24), min(area.width, t.px(420)), bh),
                     ui)
        return [start]

    def _layout_error(self, ui, area, bh) -> list[Button]:
        flow = Flow(area.width - ui.theme.px(14))
        flow.add(ui.text.block(ui.t("workshop_error"), ui.theme.h2, ui.palette.bad, flow.width,
                               "bold"), after=ui.theme.px(10))
        flow.add(ui.text.block(self.error, ui.theme.body, ui.palette.text, flow.width))
        self.view.layout(area, ui)
        self.view.set_content(flow.render(ui.palette.bg))
        return []

    # ---- input --------------------------------------------------------------------------
    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            self.app.to_title()
        elif isinstance(intent, Scroll):
            self.view.process_event(intent)
        elif self.state == TEAMS and isinstance(intent, (TypeText, Erase)):
            self.field.process_event(intent)
        elif self.state == TEAMS and isinstance(intent, Confirm):
            self.start()
        elif self.state == OFFER and isinstance(intent, Letter) and intent.char in "hrn":
            self.new_workshop() if intent.char == "n" else self.resume()
        elif self.state == PICK and isinstance(intent, Choose):
            if 1 <= intent.number <= len(self.entries):
                self._pick(intent.number - 1)
        else:
            hit = self.focus.process_event(intent)
            if hit is not None:
                self._act(hit.value)

    def _act(self, value) -> None:
        if isinstance(value, ToMenu):
            self.app.to_title()
        elif isinstance(value, ResumeWorkshop):
            self.resume()
        elif isinstance(value, NewWorkshop):
            self.new_workshop()
        elif isinstance(value, StartWorkshop):
            self.start()
        elif isinstance(value, PickScenario):
            self._pick(value.index)

    def _pick(self, index: int) -> None:
        entry = self.entries[index]
        if entry.scenario is None:
            from .message import ErrorScreen
            self.app.push(ErrorScreen(self.app, str(entry.path), list(entry.diagnostics)))
            return
        self.choose_scenario(entry.scenario)

    def update(self, dt: float) -> bool:
        if self.autostart and self.state == TEAMS:
            self.autostart = False
            self.start()
            return True
        return False

    def on_close(self) -> None:
        if self.store is not None and not self.handed_over:
            self.store.close()

    # ---- drawing ------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        w, m = t.size[0], t.margin
        box(surface, (0, 0, w, self.head_h), p.panel)
        surface.blit(self.title_img, (m, m - t.px(6)))
        area_top = self.head_h + t.px(12)
        if self.state == PICK:
            surface.blit(ui.text.block(ui.t("workshop_pick"), t.body, p.text, w - 2 * m, "bold"),
                         (m, area_top))
        elif self.state == TEAMS:
            img = ui.text.render(ui.t("workshop_teams"), t.h2, p.text, "bold")
            surface.blit(img, (m, area_top))
            sub = ui.text.block(ui.t("workshop_teams_sub"), t.small, p.muted, w - 2 * m)
            surface.blit(sub, (m, area_top + ui.text.line_height(t.h2)))
            self.field.draw(surface)
        else:
            self.view.draw(surface)
        self.focus.draw(surface)
