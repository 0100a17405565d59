"""Replay: a recorded session, step by step (← →).

Each step shows the situation as it was (left), every option with the chosen one marked,
the roads not taken and those hidden by a condition (right), the consequence, the meters
(top) and the facilitator's notes. "Wat als" plays on live from the step shown, with
another choice, without changing the recording (``replay_whatif``).

A session of an older scenario version replays on the version it was played on (its text
is kept in the database); when the file has changed since, a banner says so and the
session can be shown on the current version instead: steps it no longer has are shown as
recorded, with a warning.
"""
from __future__ import annotations

import pygame

from ...debrief import build_replay
from ...storage import ReplayError, StoreError
from ...storage.clock import local_minute

from ..intents import (Back, Navigate, PointerDown, PointerMove, PointerUp, Scroll,
                       SwitchVersion, Turn, WhatIf)
from ..widgets import Button, FocusGroup, MeterHud, ScrollView
from ..widgets.draw import box
from ..widgets.steps import StepStrip
from .base import Screen
from .play_layout import heading_blocks, heading_height
from .replay_view import decision_flow, situation_flow

SITUATION_SHARE = 0.47  # of the width, for the situation


class ReplayScreen(Screen):
    def __init__(self, app, store, library, session_id: str):
        super().__init__(app)
        self.store, self.library = store, library
        self.record = store.get(session_id)
        self.on_current = False   # shown on the current file rather than the version played
        self.index = 0
        self.left = ScrollView()
        self.right = ScrollView()
        self.focus = FocusGroup()
        self.strip = StepStrip([])
        self._built_for = None
        self._build()

    # ---- data ---------------------------------------------------------------------------
    def _build(self) -> None:
        """The replay in the interface language, on the version chosen (raises StoreError)."""
        key = (self.ui.lang, self.on_current)
        if key == self._built_for:
            return
        scenario, version = self.library.for_record(self.record, prefer_current=self.on_current)
        self.replay = build_replay(self.record, scenario, self.ui.lang, version)
        self._built_for = key
        self.index = min(self.index, len(self.replay.steps) - 1)
        self.hud = MeterHud(scenario, self.replay.lang, {})

    @property
    def step(self):
        return self.replay.steps[self.index]

    @property
    def current_file(self):
        """The scenario file of this id in the scenarios folder, if it differs from the
        version played (else None)."""
        current = self.library.current.get(self.record.scenario_id)
        if current is None or current.content_hash == self.record.content_hash:
            return None
        return current

    def can_switch_version(self) -> bool:
        return (self.current_file is not None
                and self.library.recorded(self.record.content_hash) is not None)

    def go(self, index: int) -> None:
        self.index = max(0, min(len(self.replay.steps) - 1, index))
        self.left.offset = self.right.offset = 0

    # ---- layout -------------------------------------------------------------------------
    def layout_key(self) -> tuple:
        return (self.index, self.ui.lang, self.on_current)

    def ensure_layout(self) -> None:
        try:
            self._build()
        except StoreError as exc:  # the current version cannot be loaded: stay on the old one
            self.app.toast(self.ui.t("replay_error", error=str(exc)), "bad")
            self.on_current = False
            self._build()
        super().ensure_layout()

    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m, gap, pad = t.margin, t.px(24), t.px(14)
        step = self.step
        self._layout_hud(ui, step)
        y = self.top_h + t.px(10)
        nav_h = ui.text.line_height(t.body)
        self.nav_rect = pygame.Rect(m, y, w - 2 * m, nav_h)
        label_w = min(int(self.nav_rect.width * 0.42), ui.text.size(self._nav_text(), t.body,
                                                                    "bold")[0] + t.px(24))
        self.strip = StepStrip([s.kind for s in self.replay.steps], self._strip_colours(ui))
        self.strip.current = self.index
        self.strip.layout((m + label_w, y + nav_h // 4, self.nav_rect.width - label_w,
                           nav_h // 2), ui)
        y += nav_h + t.px(10)
        y = self._layout_banner(ui, y)
        self._layout_buttons(ui)
        bottom = self.buttons_top - t.px(16)
        main = pygame.Rect(m, y, w - 2 * m, bottom - y)
        left_w = int((main.width - gap) * SITUATION_SHARE)
        self.left_card = pygame.Rect(main.left, main.top, left_w, main.height)
        self.right_card = pygame.Rect(self.left_card.right + gap, main.top,
                                      main.right - self.left_card.right - gap, main.height)
        for card, view, build in ((self.left_card, self.left, self._situation),
                                  (self.right_card, self.right, self._decision)):
            inner = card.inflate(-2 * t.px(22), -2 * pad)
            inner.width -= t.px(14)
            view.layout(inner, ui)
            view.set_content(build(ui, inner).render(ui.palette.panel), keep_offset=True)

    def _layout_hud(self, ui, step) -> None:
        """The title and the meters as they stood after this step, with its changes; like the
        play screen, the meters get a row of their own when their labels need it."""
        t = ui.theme
        w = t.size[0]
        m, gap, pad = t.margin, t.px(28), t.px(14)
        self.hud.lang = self.replay.lang
        self.hud.set_values({c.id: c.after for c in step.meters},
                            {c.id: (c.before, c.after) for c in step.changes}, animate=False)
        self.title_w = int((w - 2 * m) * 0.38)
        hud_w = w - 2 * m - self.title_w - gap
        self.stacked = not self.hud.fits(hud_w, ui)
        if self.stacked:  # the title over the whole width, the meters in a row below
            self.title_w = w - 2 * m
            title_h = self._heading(ui) + t.px(6)
            hud_h = self.hud.height_for(w - 2 * m, ui)
            self.top_h = title_h + hud_h + 2 * pad
            self.hud.layout((m, pad + title_h, w - 2 * m, hud_h), ui)
            return
        self.top_h = max(self.hud.height_for(hud_w, ui), self._heading(ui)) + 2 * pad
        self.hud.layout((m + self.title_w + gap, pad, hud_w, self.top_h - 2 * pad), ui)

    def _heading(self, ui) -> int:
        """The session's title, its scenario and date, wrapped (never cut); their height."""
        r, scenario = self.record, self.replay.scenario
        sub = " · ".join((scenario.title.get(self.replay.lang, scenario.languages),
                          local_minute(r.started_at)))
        self.heading = heading_blocks(ui, ui.t("replay_of", label=r.label), sub, self.title_w,
                                      beside=self.stacked)
        return heading_height(self.heading)

    def _strip_colours(self, ui) -> dict[int, tuple]:
        endings = self.replay.scenario.endings
        return {s.number: ui.theme.tone_colour(endings[s.scene].tone if s.scene in endings
                                               else "neutral")
                for s in self.replay.steps if s.kind == "ending"}

    def _banner_text(self) -> str:
        ui = self.ui
        if self.replay.warnings:
            return " ".join(self.replay.warnings)
        current = self.current_file
        if current is not None:
            return ui.t("file_changed", version=current.version or "?", hash=current.content_hash)
        return ""

    def _layout_banner(self, ui, y: int) -> int:
        t = ui.theme
        w = t.size[0]
        m = t.margin
        text = self._banner_text()
        self.switch = None
        self.banner = None
        if not text:
            return y
        if self.can_switch_version():
            self.switch = Button(ui.t("show_played" if self.on_current else "show_current"),
                                 value=SwitchVersion())
            bw = min(t.px(380), ui.text.size(self.switch.label, t.fs(24))[0] + t.px(44))
        else:
            bw = 0
        text_w = w - 2 * m - 2 * t.px(16) - (bw + t.px(16) if bw else 0)
        self.banner_img = ui.text.block(text, t.small, ui.palette.text, text_w)  # a notice: whole
        bh = max(self.banner_img.get_height(), t.px(48) if bw else 0) + 2 * t.px(10)
        self.banner = pygame.Rect(m, y, w - 2 * m, bh)
        if self.switch is not None:
            self.switch.layout((self.banner.right - t.px(10) - bw, self.banner.centery - t.px(24),
                                bw, t.px(48)), ui)
        return y + bh + t.px(10)

    def _layout_buttons(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m, bh, gap = t.margin, t.px(52), t.px(16)
        step = self.step
        last = len(self.replay.steps) - 1
        self.back = Button(ui.t("back"), value=Back())
        self.prev = Button(ui.t("prev_step"), value=Turn(-1), enabled=self.index > 0)
        self.next = Button(ui.t("next_step"), value=Turn(1), enabled=self.index < last)
        self.whatif = Button(ui.t("what_if"), value=WhatIf(),
                             enabled=step.exact and step.kind != "ending")
        row = [self.whatif, self.prev, self.next]
        widths = [ui.text.size(b.label, t.fs(24))[0] + t.px(44) for b in (self.back, *row)]
        room = w - 2 * m - gap * 3
        if sum(widths) > room:
            widths = [room // 4] * 4
        self.buttons_top = h - m - bh
        self.back.layout((m, self.buttons_top, widths[0], bh), ui)
        x = w - m
        for b, bw in reversed(list(zip(row, widths[1:]))):
            x -= bw
            b.layout((x, self.buttons_top, bw, bh), ui)
            x -= gap
        self.hint_x = (m + widths[0] + gap, x)
        buttons = [self.back, *row] + ([self.switch] if self.switch else [])
        self.focus.renew(buttons)

    def _situation(self, ui, inner):
        return situation_flow(ui, self.replay, self.step, self.app.images, inner.width,
                              inner.height)

    def _decision(self, ui, inner):
        return decision_flow(ui, self.replay, self.step, inner.width)

    # ---- input --------------------------------------------------------------------------
    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            self.app.pop(self)
            return
        if isinstance(intent, Navigate) and intent.dx:
            self.go(self.index + intent.dx)
            return
        if isinstance(intent, Scroll):
            if intent.pos is not None:
                self.left.process_event(intent) or self.right.process_event(intent)
            else:  # PageUp/PageDown: the decision side first, where most of the text is
                self.right.process_event(intent) or self.left.process_event(intent)
            return
        if isinstance(intent, (PointerMove, PointerDown, PointerUp)):
            hit = self.strip.process_event(intent)
            if hit is not None:
                self.go(hit)
                return
        hit = self.focus.process_event(intent)
        if hit is None:
            return
        if hit is self.back:
            self.app.pop(self)
        elif hit is self.prev:
            self.go(self.index - 1)
        elif hit is self.next:
            self.go(self.index + 1)
        elif hit is self.whatif:
            self.what_if()
        elif hit is self.switch:
            self.on_current = not self.on_current

    def what_if(self) -> None:
        """Play on from the step shown, live, in the play screen; nothing is recorded."""
        from .replay_whatif import WhatIfScreen
        number = self.index
        try:
            screen = WhatIfScreen(self.app, self.replay, number)
        except (ReplayError, StoreError) as exc:
            self.app.toast(self.ui.t("whatif_error", error=str(exc)), "bad")
            return
        self.app.push(screen)

    # ---- drawing ------------------------------------------------------------------------
    def _nav_text(self) -> str:
        ui, step = self.ui, self.step
        return ui.t("step_of", n=self.index + 1, m=len(self.replay.steps)) + " · " + \
            ui.t(f"kind_{step.kind}")

    def draw(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        w = t.size[0]
        box(surface, (0, 0, w, self.top_h), p.panel)
        pygame.draw.line(surface, p.border, (0, self.top_h), (w, self.top_h), t.border_width)
        self._draw_title(surface)
        self.hud.draw(surface)
        nav = ui.text.render(ui.text.ellipsize(self._nav_text(), t.body,
                                               self.strip.rect.left - self.nav_rect.left - t.px(16),
                                               "bold"), t.body, p.text, "bold")
        surface.blit(nav, (self.nav_rect.left, self.nav_rect.top))
        self.strip.draw(surface)
        if self.banner is not None:
            box(surface, self.banner, p.panel_alt, t.px(8), p.mixed, max(2, t.px(3)))
            surface.blit(self.banner_img, (self.banner.left + t.px(16),
                                           self.banner.centery - self.banner_img.get_height() // 2))
            if self.switch is not None:
                self.switch.draw(surface)
        for card, view in ((self.left_card, self.left), (self.right_card, self.right)):
            box(surface, card, p.panel, t.radius, p.border, t.border_width)
            view.draw(surface)
        hint_w = self.hint_x[1] - self.hint_x[0] - t.px(16)
        if hint_w > t.px(120):
            lines = ui.text.clamp(ui.t("replay_hint"), t.small, hint_w, 2)
            lh = ui.text.line_height(t.small)
            y = self.back.rect.centery - lh * len(lines) // 2
            for line in lines:
                img = ui.text.render(line, t.small, p.muted)
                surface.blit(img, (self.hint_x[0], y))
                y += lh
        for b in (self.back, self.prev, self.next, self.whatif):
            b.draw(surface)

    def _draw_title(self, surface) -> None:
        t = self.ui.theme
        title_img, sub_img, at = self.heading
        y = t.px(14) if self.stacked else max(t.px(6), (self.top_h - heading_height(self.heading))
                                                // 2)
        surface.blit(title_img, (t.margin, y))
        if sub_img is not None:
            surface.blit(sub_img, (t.margin + at[0], y + at[1]))
