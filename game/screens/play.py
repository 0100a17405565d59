"""The play screen: the meters, the situation (by the scene's kind), the choices, a timer
bar for timed decisions and, after a choice, the consequence panel.

Every rule is the session's: this screen asks it what shows and tells it what the player
did, with the seconds the decision took.
"""
from __future__ import annotations

import math

import pygame

from ...engine.state import Phase

from ..changes import ChangeTeller
from ..history import History
from ..i18n import lang_name
from ..intents import (Back, Choose, ChooseChoice, Confirm, DoneReading, Letter, Proceed, ReadOn,
                       Scroll, Undo)
from ..sessions import content_language, start_session, steps_of
from ..stepping import Stepping, step_on
from ..widgets import FocusGroup, MeterHud, ScrollView, TimerBar, WidgetColumn
from ..widgets.timerbar import MAX_REDRAWS

TICK_FROM = 10  # seconds: a timer's last ones tick (with sound cues on)
from ..widgets.behind import Behind
from ..widgets.motion import Fade
from ..widgets.diagnostics import draw_errors
from ..widgets.draw import box
from .base import Screen
from .consequence import ConsequencePanel, arrival_note
from .play_layout import choice_buttons, heading_height, plan_choices, title_blocks
from .scene_view import build_scene


class PlayScreen(Stepping, Screen):
    def __init__(self, app, scenario, session=None):
        super().__init__(app)
        self.scenario = scenario
        if session is None:  # a new play (a given session: "what if" in a replay)
            session, _ = start_session(scenario, app.seed, app.settings, app.listeners)
        self.session = session
        self.lang, missing = content_language(scenario, app.settings)
        self._ui_lang = app.settings.language
        if missing:
            self._warn_language()
        self.teller = ChangeTeller(self.session)
        self.history = History()  # what was read and chosen so far (H)
        self.hud = MeterHud(scenario, self.lang, self.session.view.meters())
        self.hud.set_values(self.session.view.meters(), self.teller.note.changes)
        self.content = ScrollView()
        self.column = WidgetColumn()
        self.focus = FocusGroup()
        self.panel: ConsequencePanel | None = None
        self.outcome = None
        self.timer: TimerBar | None = None
        self.decide_seconds = 0.0
        self.errors = None  # --watch: the diagnostics of an edit that does not load
        self._scene_key = None
        self.behind = Behind()  # the screen behind the consequence panel
        self.fade = Fade()  # a new scene fades in (not under reduced motion)
        self._enter_scene()

    @property
    def meter_hud(self) -> MeterHud:
        return self.hud

    def ending_screen(self):
        from .ending import EndingScreen
        return EndingScreen(self.app, self)

    # ---- state --------------------------------------------------------------------------
    def _warn_language(self) -> None:
        ui_lang = self.app.settings.language
        self.app.toast(self.app.ui.t("missing_lang", lang=lang_name(ui_lang, ui_lang),
                                     used=lang_name(ui_lang, self.scenario.default_language)))

    def new_scene(self, first: bool) -> None:
        """A new scene fades in, with its timer (held until all of it has been seen)."""
        s = self.session
        if not first:
            self.fade.start(animate=self.animate)
        node = s.view.node
        timer = getattr(node, "timer", None)
        self.timer = TimerBar(timer.seconds) if (timer and s.phase is Phase.SCENE
                                                 and s.view.available_choices()) else None
        if self.timer is not None:
            self.timer.held = True  # until the whole situation has been seen
        self.column.offset = 0

    def layout_key(self) -> tuple:
        s = self.session
        return (id(s), s.scene_id, s.phase, len(s.decisions), s.state.step, self.lang,
                self.errors is not None, id(self.outcome), id(self.teller.note),
                self.timer is not None and self.timer.held)

    def ensure_layout(self) -> None:
        if self.app.settings.language != self._ui_lang:
            self._ui_lang = self.app.settings.language
            self.lang, missing = content_language(self.scenario, self.app.settings)
            self.hud.lang = self.lang
            if missing:
                self._warn_language()
        super().ensure_layout()

    # ---- layout -------------------------------------------------------------------------
    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m = t.margin
        self._layout_top(ui)
        y = self.top_h + t.px(14)
        if self.timer is not None:
            self.timer.layout((m, y, w - 2 * m, self.timer.height_for(ui)), ui)
            y += self.timer.height_for(ui) + t.px(10)
        footer_h = ui.text.line_height(t.small)
        self.footer_y = h - t.px(12) - footer_h
        main = pygame.Rect(m, y, w - 2 * m, self.footer_y - t.px(10) - y)
        self.main = main
        buttons = choice_buttons(ui, self.session, self.lang)
        self.plan = plan_choices(ui, buttons, main, ui.text.line_height(t.small) + t.px(8))
        self.card = self.plan.card
        self.column.layout(self.plan.area, ui, self.plan.places)
        self.focus.set(buttons, columns=self.plan.columns, keep=False)
        inner = self.card.inflate(-2 * t.px(26), -2 * t.px(22))
        inner.width -= t.px(14)  # room for the scroll bar
        self.content.layout(inner, ui)
        s = self.session
        consequence = s.phase is Phase.CONSEQUENCE  # the scene as seen: no spoiler
        note = None if consequence else arrival_note(ui, self.scenario, self.lang,
                                                     self.teller.note, s.scene_id)
        surface = build_scene(ui, self.scenario, self.seen if consequence else s.view, self.lang,
                              self.app.images, inner.width, inner.height, ui.palette.panel, note)
        self.content.set_content(surface, keep_offset=True)
        if self.timer is not None and self.timer.held:
            if not self.content.overflows:
                self.timer.release()  # all of it is in view: the time runs
            else:
                self.focus.set([*buttons, self.timer.ready], columns=self.plan.columns)
        self.panel = None
        if self.session.phase is Phase.CONSEQUENCE and self.outcome is not None:
            self.panel = ConsequencePanel(self.scenario, self.outcome, self.lang)
            self.panel.layout(pygame.Rect(0, self.top_h, w, h - self.top_h), ui)
            self.focus.set([self.panel.button], keep=False)

    def _layout_top(self, ui) -> None:
        """The title, the role and the meters. Nothing is cut: long titles and labels wrap."""
        t = ui.theme
        w, m, gap, pad = t.size[0], t.margin, t.px(28), t.px(16)
        title_w = int((w - 2 * m) * 0.34)
        hud_w = w - 2 * m - title_w - gap
        self.stacked = not self.hud.fits(hud_w, ui)
        if self.stacked:  # long meter labels: the meters get a full-width row of their own
            self.title_w = w - 2 * m
            head_h = self._title_blocks(ui, self.title_w) + t.px(10)
            hud_h = self.hud.height_for(w - 2 * m, ui)
            self.top_h = head_h + hud_h + 2 * pad
            self.hud.layout((m, pad + head_h, w - 2 * m, hud_h), ui)
        else:
            self.title_w = title_w
            self.top_h = max(self.hud.height_for(hud_w, ui), self._title_blocks(ui, title_w)) + 2 * pad
            self.hud.layout((m + title_w + gap, pad, hud_w, self.top_h - 2 * pad), ui)

    def _title_blocks(self, ui, width: int) -> int:
        blocks = title_blocks(ui, self.scenario, self.lang, width, beside=self.stacked)
        self.title_img, self.role_img, self.role_at = blocks
        return heading_height(blocks)

    # ---- input --------------------------------------------------------------------------
    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            from .pause import PauseScreen
            self.app.push(PauseScreen(self.app, self))
            return
        if isinstance(intent, Undo):
            self.undo()
            return
        if isinstance(intent, Letter) and intent.char == "h":
            from .history import HistoryScreen
            self.app.push(HistoryScreen(self.app, self))
            return
        if isinstance(intent, Scroll):
            if self.panel is not None:
                self.panel.view.process_event(intent)
            elif not self.column.process_event(intent):
                self.content.process_event(intent)
            return
        if isinstance(intent, Confirm) and self.focus.focused() is None:
            if self.timer is not None and self.timer.held:
                self.timer.release()
            elif self.session.phase is Phase.CONSEQUENCE:
                self.proceed()
            elif self.session.view.can_continue:
                self.advance()
            return
        if isinstance(intent, Choose) and self.session.phase is Phase.CONSEQUENCE:
            return
        hit = self.focus.process_event(intent)
        f = self.focus.focused()
        if f is not None and self.panel is None:
            self.column.reveal(f)
        if hit is not None:
            self._act(hit.value)

    def _act(self, value) -> None:
        if isinstance(value, Proceed):
            self.proceed()
        elif isinstance(value, DoneReading):
            self.timer.release()
        elif isinstance(value, ReadOn):
            self.advance()
        elif isinstance(value, ChooseChoice):
            self.choose(value.choice_id)

    # ---- what the player does -----------------------------------------------------------
    def choose(self, choice_id: str) -> None:
        self._show_outcome(self.decide_by(self.session.choose, choice_id,
                                          round(self.decide_seconds, 2)))

    def time_out(self) -> None:
        self._show_outcome(self.decide_by(self.session.time_out))

    def _show_outcome(self, outcome) -> None:
        if outcome is None:  # refused: the play stays where it was
            return
        self.app.cue("choice")
        self.history.add(self.seen, outcome.decision.index, outcome.choice_text(self.lang),
                         outcome.decision.timed_out)
        self.timer = None

    def advance(self) -> None:
        self.history.add(self.seen, len(self.session.decisions))
        super().advance()

    def undo(self) -> bool:
        if not self.take_back()[0]:
            return False
        self.history.undo_to(len(self.session.decisions))
        self.app.toast(self.ui.t("undone"))
        return True

    def restart(self) -> None:
        if not step_on(self, self.session.restart)[0]:
            return
        self._reset_view()
        self.history.clear()
        self.teller = ChangeTeller(self.session)
        self.hud.set_values(self.session.view.meters(), self.teller.note.changes)

    def reload(self, scenario, diagnostics) -> None:
        """--watch: the file changed. Show its errors, or bring the player back to where
        they were in the new version by replaying their decisions."""
        if scenario is None:
            self.errors = [d for d in diagnostics if d.severity.value == "error"]
            self.invalidate()
            return
        steps, at = steps_of(self.session), self.session.scene_id
        self.session, done = start_session(scenario, self.app.seed, self.app.settings,
                                           self.app.listeners, replay=steps, stop_at=at)
        self.scenario, self.errors, self.outcome = scenario, None, None
        self.lang, _ = content_language(scenario, self.app.settings)
        self.hud = MeterHud(scenario, self.lang, self.session.view.meters())
        self.teller.forget()
        self.history.clear()
        self._scene_key = None
        self._enter_scene()
        self.invalidate()
        self.app.toast(self.ui.t("reloaded") if done == len(steps)
                       else self.ui.t("reload_partial", n=done, m=len(steps)))

    # ---- loop ---------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        moving = self.fade.update(dt) | self.hud.update(dt)
        if self.session.phase is Phase.SCENE and self.errors is None:
            self.decide_seconds += dt
            if self.timer is not None:
                c = self.content
                if self.timer.held and c.overflows and c.offset >= c.max_offset:
                    self.timer.release()  # scrolled to the end: seen
                seconds = math.ceil(self.timer.left)
                self.timer.update(dt)
                if math.ceil(self.timer.left) < seconds <= TICK_FROM:
                    self.app.cue("tick")  # the last seconds, one tick each
                if self.timer.expired:
                    self.time_out()
                    moving = True
        return moving

    def wake_in(self) -> float | None:
        if self.timer is not None and self.errors is None:
            return 0.25 if self.app.settings.reduced_motion else 1 / MAX_REDRAWS
        return None

    def patch(self, surface) -> list:
        """A running timer redraws its bar alone (nothing else on the screen moves)."""
        return self.timer.repaint(surface) if self.timer and self.panel is None else []

    # ---- drawing ------------------------------------------------------------------------
    def draw(self, surface) -> None:
        t, p = self.ui.theme, self.ui.palette
        w = t.size[0]
        box(surface, (0, 0, w, self.top_h), p.panel)
        pygame.draw.line(surface, p.border, (0, self.top_h), (w, self.top_h), t.border_width)
        self._draw_title(surface)
        self.hud.draw(surface)
        if self.timer is not None:
            self.timer.draw(surface)
        if self.panel is None:
            self.behind.forget()
            self._draw_main(surface)
            self.fade.draw(surface, self.main, self.ui.palette.bg)
        else:
            self.behind.draw(surface, self.panel.area, self._laid_for, self._draw_main, self.ui)
            self.panel.draw(surface, dim_behind=False)
        if self.errors is not None:
            draw_errors(surface, self.ui, self.top_h, self.errors)

    def _draw_main(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        box(surface, self.card, p.panel, t.radius, p.border, t.border_width)
        self.content.draw(surface)
        self._draw_choices(surface)
        hint = self._hint()
        if hint:
            img = ui.text.render(ui.text.ellipsize(hint, t.small, t.size[0] - 2 * t.margin),
                                 t.small, p.muted)
            surface.blit(img, (t.margin, self.footer_y))

    def _draw_title(self, surface) -> None:
        t = self.ui.theme
        pad = t.px(16)
        head_h = heading_height((self.title_img, self.role_img, self.role_at))
        y = pad if self.stacked else max(pad // 2, (self.top_h - head_h) // 2)
        surface.blit(self.title_img, (t.margin, y))
        if self.role_img is not None:
            surface.blit(self.role_img, (t.margin + self.role_at[0], y + self.role_at[1]))

    def _draw_choices(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        if self.focus.buttons and self.panel is None and not self.session.view.can_continue:
            img = ui.text.render(ui.t("what_do_you_do").upper(), t.small, p.muted, "bold")
            area = self.plan.area
            surface.blit(img, (area.left, area.top - ui.text.line_height(t.small) - t.px(8)))
        self.column.draw(surface)

    def _hint(self) -> str:
        s = self.session
        if s.phase is Phase.CONSEQUENCE or s.view.can_continue:
            return self.ui.t("continue_hint")
        n = sum(1 for b in self.focus.buttons if b.number)
        return self.ui.t("choose_hint", n=n) if n else ""
