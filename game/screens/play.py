"""The play screen: the meters, the situation (by the scene's kind), the choices, a timer
bar for timed decisions and, after a choice, the consequence panel.

Every rule is the session's: this screen asks it what shows and tells it what the player
did, with the seconds the decision took.
"""
from __future__ import annotations

import pygame

from engine.session import RecordingError, SessionError

from engine.state import Phase

from ..i18n import lang_name
from ..intents import Back, Choose, Confirm, Scroll, Undo
from ..sessions import content_language, start_session, steps_of
from ..widgets import Button, FocusGroup, MeterHud, ScrollView, TimerBar, WidgetColumn
from ..widgets.draw import box, dim
from .base import Screen
from .consequence import ConsequencePanel
from .scene_view import build_scene

CONTENT_SHARE = 0.58  # of the width below the meters, for the situation



def step_on(screen, move, *args) -> tuple[bool, object]:
    """Take a step the engine may refuse: a route that gets stuck, or a step that could not
    be recorded (then it was not taken: the engine put the play back). Say so on screen;
    the play stays where it was. Returns (taken, the step's result)."""
    try:
        return True, move(*args)
    except RecordingError as exc:
        screen.app.toast(screen.ui.t("store_error", error=str(exc.error)), "bad")
    except SessionError as exc:
        screen.app.toast(screen.ui.t("stuck", error=str(exc)), "bad")
    return False, None


class PlayScreen(Screen):
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
        self.hud = MeterHud(scenario, self.lang, self.session.view.meters())
        self.content = ScrollView()
        self.column = WidgetColumn()
        self.focus = FocusGroup()
        self.panel: ConsequencePanel | None = None
        self.outcome = None
        self.timer: TimerBar | None = None
        self.decide_seconds = 0.0
        self.errors = None  # --watch: the diagnostics of an edit that does not load
        self._scene_key = None
        self._dimmed = None  # (layout, surface): the screen behind the consequence panel
        self._enter_scene()

    # ---- state --------------------------------------------------------------------------
    def _warn_language(self) -> None:
        ui_lang = self.app.settings.language
        self.app.toast(self.app.ui.t("missing_lang", lang=lang_name(ui_lang, ui_lang),
                                     used=lang_name(ui_lang, self.scenario.default_language)))

    def _enter_scene(self) -> None:
        """A new scene (or the same after undo): reset the decision clock and the timer."""
        s = self.session
        key = (s.scene_id, len(s.decisions), s.state.step)
        if key == self._scene_key:
            return
        self._scene_key = key
        self.decide_seconds = 0.0
        node = s.view.node
        timer = getattr(node, "timer", None)
        self.timer = TimerBar(timer.seconds) if (timer and s.phase is Phase.SCENE
                                                 and s.view.available_choices()) else None
        self.content.offset = 0
        self.column.offset = 0

    def layout_key(self) -> tuple:
        s = self.session
        return (id(s), s.scene_id, s.phase, len(s.decisions), s.state.step, self.lang,
                self.errors is not None, id(self.outcome))

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
        m, gap = t.margin, t.px(28)
        pad = t.px(16)
        title_w = int((w - 2 * m) * 0.34)
        hud_w = w - 2 * m - title_w - gap
        self.stacked = not self.hud.fits(hud_w, ui)
        if self.stacked:  # long meter labels: the meters get a full-width row of their own
            self.title_w = w - 2 * m
            title_h = ui.text.line_height(t.body) + t.px(10)
            hud_h = self.hud.height_for(w - 2 * m, ui)
            self.top_h = title_h + hud_h + 2 * pad
            self.hud.layout((m, pad + title_h, w - 2 * m, hud_h), ui)
        else:
            self.title_w = title_w
            self.top_h = max(self.hud.height_for(hud_w, ui),
                             ui.text.line_height(t.body) + ui.text.line_height(t.small)) + 2 * pad
            self.hud.layout((m + title_w + gap, pad, hud_w, self.top_h - 2 * pad), ui)
        y = self.top_h + t.px(14)
        if self.timer is not None:
            self.timer.layout((m, y, w - 2 * m, self.timer.height_for(ui)), ui)
            y += self.timer.height_for(ui) + t.px(10)
        footer_h = ui.text.line_height(t.small)
        self.footer_y = h - t.px(12) - footer_h
        main = pygame.Rect(m, y, w - 2 * m, self.footer_y - t.px(10) - y)
        self.main = main
        content_w = int((main.width - gap) * CONTENT_SHARE)
        self.card = pygame.Rect(main.left, main.top, content_w, main.height)
        inner = self.card.inflate(-2 * t.px(26), -2 * t.px(22))
        inner.width -= t.px(14)  # room for the scroll bar
        self.content.layout(inner, ui)
        surface = build_scene(ui, self.scenario, self.session.view, self.lang, self.app.images,
                              inner.width, inner.height, ui.palette.panel)
        self.content.set_content(surface, keep_offset=True)
        self._layout_choices(ui, pygame.Rect(self.card.right + gap, main.top,
                                             main.right - self.card.right - gap, main.height))
        self.panel = None
        if self.session.phase is Phase.CONSEQUENCE and self.outcome is not None:
            self.panel = ConsequencePanel(self.scenario, self.outcome, self.lang)
            self.panel.layout(pygame.Rect(0, self.top_h, w, h - self.top_h), ui)
            self.focus.set([self.panel.button], keep=False)

    def _buttons(self, ui) -> list[Button]:
        s = self.session
        if s.phase is not Phase.SCENE:
            return []
        if s.view.can_continue:
            return [Button(ui.t("continue"), "choice", value=("continue",))]
        out, n = [], 0
        for view in s.view.choice_views():
            text = s.view.choice_text(view.choice, self.lang)
            if view.available:
                n += 1
                out.append(Button(text, "choice", number=n, value=("choose", view.choice.id)))
            elif ui.author_mode:
                why = view.reason.condition if view.reason else ""
                out.append(Button(text, "choice", enabled=False,
                                  note=ui.t("author_hidden", why=why)))
        return out

    def _layout_choices(self, ui, area: pygame.Rect) -> None:
        t = ui.theme
        buttons = self._buttons(ui)
        self.choices_area = area
        head_h = ui.text.line_height(t.small) + t.px(8)
        col = pygame.Rect(area.left, area.top + head_h, area.width - t.px(20),
                          area.height - head_h)
        places, y = [], t.px(6)
        for b in buttons:
            bh = b.height_for(col.width, ui)
            places.append((b, pygame.Rect(0, y, col.width, bh)))
            y += bh + t.px(14)
        self.column.layout(col, ui, places)
        self.focus.set(buttons, keep=False)

    # ---- input --------------------------------------------------------------------------
    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            from .pause import PauseScreen
            self.app.push(PauseScreen(self.app, self))
            return
        if isinstance(intent, Undo):
            self.undo()
            return
        if isinstance(intent, Scroll):
            if self.panel is not None:
                self.panel.view.process_event(intent)
            elif not self.column.process_event(intent):
                self.content.process_event(intent)
            return
        if isinstance(intent, Confirm) and self.focus.focused() is None:
            if self.session.phase is Phase.CONSEQUENCE:
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
        if value == "proceed":
            self.proceed()
        elif value == ("continue",):
            self.advance()
        elif isinstance(value, tuple) and value[0] == "choose":
            self.choose(value[1])

    # ---- what the player does -----------------------------------------------------------
    def choose(self, choice_id: str) -> None:
        taken, outcome = step_on(self, self.session.choose, choice_id,
                                 round(self.decide_seconds, 2))
        if taken:
            self._show_outcome(outcome)

    def time_out(self) -> None:
        taken, outcome = step_on(self, self.session.time_out)
        if taken:
            self._show_outcome(outcome)

    def _show_outcome(self, outcome) -> None:
        self.outcome = outcome
        self.timer = None
        self.hud.set_values(self.session.view.meters(), outcome.meter_changes,
                            animate=not self.app.settings.reduced_motion)

    def proceed(self) -> None:
        if not step_on(self, self.session.proceed)[0]:
            return
        self.outcome = None
        self.hud.set_values(self.session.view.meters(), None, animate=False)
        self._after_move()

    def advance(self) -> None:
        if step_on(self, self.session.advance)[0]:
            self._after_move()

    def _after_move(self) -> None:
        self._enter_scene()
        if self.session.ended:
            from .ending import EndingScreen
            self.app.push(EndingScreen(self.app, self))

    def undo(self) -> bool:
        if not self.app.settings.allow_undo:
            self.app.toast(self.ui.t("undo_off"))
            return False
        if not self.session.decisions:
            self.app.toast(self.ui.t("undo_none"))
            return False
        if not step_on(self, self.session.undo)[0]:
            return False
        self._reset_view()
        self.app.toast(self.ui.t("undone"))
        return True

    def restart(self) -> None:
        if step_on(self, self.session.restart)[0]:
            self._reset_view()

    def _reset_view(self) -> None:
        self.outcome = None
        self.hud.set_values(self.session.view.meters(), None,
                            animate=not self.app.settings.reduced_motion)
        self._scene_key = None
        self._enter_scene()

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
        self._scene_key = None
        self._enter_scene()
        self.invalidate()
        self.app.toast(self.ui.t("reloaded") if done == len(steps)
                       else self.ui.t("reload_partial", n=done, m=len(steps)))

    # ---- loop ---------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        moving = self.hud.update(dt)
        if self.session.phase is Phase.SCENE and self.errors is None:
            self.decide_seconds += dt
            if self.timer is not None:
                moving = self.timer.update(dt) or moving
                if self.timer.expired:
                    self.time_out()
                    moving = True
        return moving

    def wake_in(self) -> float | None:
        if self.timer is not None and self.errors is None:
            return 0.25 if self.app.settings.reduced_motion else 1 / 30
        return None

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
            self._dimmed = None
            self._draw_main(surface)
        else:
            self._draw_dimmed_main(surface)
            self.panel.draw(surface, dim_behind=False)
        if self.errors is not None:
            self._draw_errors(surface)

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

    def _draw_dimmed_main(self, surface) -> None:
        """Behind the consequence panel nothing moves: dim it once, then blit the copy."""
        area = self.panel.area.clip(surface.get_rect())
        if self._dimmed is None or self._dimmed[0] != self._laid_for:
            surface.fill(self.ui.palette.bg, area)
            self._draw_main(surface)
            copy = surface.subsurface(area).copy()
            dim(copy, copy.get_rect(), self.ui.palette.overlay)
            self._dimmed = (self._laid_for, copy)
        surface.blit(self._dimmed[1], area.topleft)

    def _draw_title(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        pad = t.px(16)
        title = self.scenario.title.get(self.lang, self.scenario.languages)
        role = self.scenario.role.get(self.lang, self.scenario.languages)
        if self.stacked:
            img = ui.text.render(ui.text.ellipsize(title, t.body, self.title_w * 2 // 3, "bold"),
                                 t.body, p.text, "bold")
            surface.blit(img, (t.margin, pad))
            if role:
                x = t.margin + img.get_width() + t.px(16)
                sub = ui.text.render(ui.text.ellipsize("· " + ui.t("role", role=role), t.small,
                                                       t.margin + self.title_w - x), t.small, p.muted)
                surface.blit(sub, (x, pad + img.get_height() - sub.get_height() - t.px(2)))
            return
        img = ui.text.render(ui.text.ellipsize(title, t.body, self.title_w, "bold"), t.body, p.text,
                             "bold")
        y = (self.top_h - img.get_height() - ui.text.line_height(t.small)) // 2
        surface.blit(img, (t.margin, max(pad // 2, y)))
        if role:
            sub = ui.text.render(ui.text.ellipsize(ui.t("role", role=role), t.small, self.title_w),
                                 t.small, p.muted)
            surface.blit(sub, (t.margin, max(pad // 2, y) + img.get_height()))

    def _draw_choices(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        if self.focus.buttons and self.panel is None and not self.session.view.can_continue:
            img = ui.text.render(ui.t("what_do_you_do").upper(), t.small, p.muted, "bold")
            surface.blit(img, self.choices_area.topleft)
        self.column.draw(surface)

    def _hint(self) -> str:
        s = self.session
        if s.phase is Phase.CONSEQUENCE or s.view.can_continue:
            return self.ui.t("continue_hint")
        n = sum(1 for b in self.focus.buttons if b.number)
        return self.ui.t("choose_hint", n=n) if n else ""

    def _draw_errors(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        area = pygame.Rect(0, self.top_h, *t.size).clip(surface.get_rect())
        area.height = t.size[1] - self.top_h
        dim(surface, area, p.overlay)
        rect = area.inflate(-2 * t.margin, -2 * t.margin)
        box(surface, rect, p.panel, t.radius, p.bad, max(3, t.px(4)))
        x, y, width = rect.left + t.px(24), rect.top + t.px(20), rect.width - t.px(48)
        for text, px, colour, style in (
                (ui.t("watch_errors"), t.body, p.bad, "bold"),
                (ui.t("error_watch"), t.small, p.muted, "regular")):
            img = ui.text.block(text, px, colour, width, style)
            surface.blit(img, (x, y))
            y += img.get_height() + t.px(8)
        for d in self.errors:
            img = ui.text.block(str(d), t.small, p.text, width)
            if y + img.get_height() > rect.bottom - t.px(16):
                break
            surface.blit(img, (x, y))
            y += img.get_height() + t.px(6)
