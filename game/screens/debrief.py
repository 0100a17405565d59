"""The group debrief: several sessions of a scenario together, for the room to discuss.

Four parts, chosen with the tabs (or 1–4): the choices per decision (bars over the
options; ← → goes from decision to decision), the endings reached with their debrief
questions, every meter of every session over time (one line chart per meter; ← → goes
from meter to meter), and two sessions side by side (← → picks the second). Sessions of
more than one scenario make one debrief per scenario, with a switch in the header.
"""
from __future__ import annotations

import pygame

from ...debrief import compare_sessions, group_debriefs
from ...storage import StoreError

from ..intents import (Back, Choose, Navigate, NextCompared, NextGroup, PointerDown, PointerMove,
                       PointerUp, Scroll, ShowTab, Turn)
from ..widgets import Button, FocusGroup
from ..widgets.draw import box, header_band
from ..widgets.steps import StepStrip
from .base import Screen
from .debrief_views import ChoicesPage, ComparePage, EndingsPage, MetersPage

TABS = ("choices", "endings", "meters", "compare")


class DebriefScreen(Screen):
    def __init__(self, app, store, library, session_ids: list[str]):
        super().__init__(app)
        self.library = library
        self.records = store.records(session_ids)
        self.tab = "choices"
        self.group = 0                        # which scenario, when the sessions have several
        self.pages = {tab: 0 for tab in TABS}  # the decision / meter shown; B in the comparison
        self.compare_a = 0
        self.focus = FocusGroup()
        self.page = None
        self.strip = StepStrip([])
        self._built_for = None
        self._build()

    # ---- data ---------------------------------------------------------------------------
    def _build(self) -> None:
        if self._built_for == self.ui.lang:
            return
        lang, self._built_for = self._built_for, self.ui.lang
        try:
            self.debriefs = group_debriefs(self.records, self.library, self.ui.lang)
        except StoreError as exc:
            if lang is None:  # the first build: the list shows why
                raise
            self.app.toast(self.ui.t("debrief_error", error=str(exc)), "bad")  # keep the last
        self.group = min(self.group, len(self.debriefs) - 1)

    @property
    def debrief(self):
        return self.debriefs[self.group]

    def group_records(self) -> list:
        ids = {s.id for s in self.debrief.sessions}
        return [r for r in self.records if r.id in ids]

    def count(self, tab: str) -> int:
        """How many pages a tab has (decisions, meters, sessions to compare with)."""
        d = self.debrief
        return {"choices": len(d.decisions), "endings": 1, "meters": len(d.meters),
                "compare": len(d.sessions)}[tab]

    def comparison(self):
        records = self.group_records()
        if len(records) < 2:
            return None
        a = self.compare_a % len(records)
        b = self.pages["compare"] % len(records)
        if b == a:
            b = (a + 1) % len(records)
            self.pages["compare"] = b
        scenario = self.library.for_group(records)
        return compare_sessions(records[a], records[b], scenario, self.ui.lang)

    # ---- layout -------------------------------------------------------------------------
    def layout_key(self) -> tuple:
        return (self.tab, self.group, self.pages[self.tab], self.compare_a, self.ui.lang)

    def ensure_layout(self) -> None:
        self._build()
        super().ensure_layout()

    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m = t.margin
        self._layout_header(ui)
        self._layout_tabs(ui)
        y = self.tabs_bottom + t.px(14)
        self._layout_footer(ui)
        self.nav_rect = None
        count = self.count(self.tab)
        if self.tab in ("choices", "meters") and count > 1 or self.tab == "compare":
            y = self._layout_nav(ui, y, count)
        area = pygame.Rect(m, y, w - 2 * m, self.footer_top - t.px(16) - y)
        self.page = self._make_page()
        self.message = None
        if self.page is None:
            self.message = ui.t("compare_need_two" if self.tab == "compare" else "nothing_here")
        else:
            self.page.layout(area, ui)
        self.area = area
        buttons = [*self.tab_buttons, *self.extra_buttons, self.back, *self.page_buttons]
        self.focus.renew(buttons)

    def _layout_header(self, ui) -> None:
        """The title (wrapped, never cut) and the sessions it covers (two lines at most),
        left of the "Volgend scenario" button when there is one."""
        t, p, m = ui.theme, ui.palette, ui.theme.margin
        self.next_label = ui.t("next_scenario", n=self.group + 1, m=len(self.debriefs))
        self.next_w = ui.text.size(self.next_label, t.fs(24))[0] + t.px(40)
        right = t.size[0] - m - (self.next_w + t.px(16) if len(self.debriefs) > 1 else 0)
        d = self.debrief
        self.title_img = ui.text.block(ui.t("debrief_title", title=d.title), t.h2, p.text,
                                       right - m, "bold")
        sub = ui.t("debrief_sessions", n=len(d.sessions), labels=", ".join(
            s.label for s in d.sessions))
        if len(d.versions) > 1:
            sub = ui.t("debrief_versions", n=len(d.versions)) + " · " + sub
        self.sub_img = ui.text.block(sub, t.small, p.muted, right - m, max_lines=2)
        self.header_h = m + self.title_img.get_height() + self.sub_img.get_height() + t.px(6)

    def _layout_tabs(self, ui) -> None:
        t = ui.theme
        w = t.size[0]
        m, bh, gap = t.margin, t.px(48), t.px(8)
        y = self.header_h + t.px(12)
        self.tab_buttons = [Button(f"{i}  {ui.t('tab_' + tab)}",
                                   "selected" if tab == self.tab else "segment", value=ShowTab(tab))
                            for i, tab in enumerate(TABS, 1)]
        widths = [ui.text.size(b.label, t.fs(24), "bold")[0] + t.px(40) for b in self.tab_buttons]
        scale = min(1.0, (w - 2 * m - gap * 3) / sum(widths))
        x = m
        for b, bw in zip(self.tab_buttons, widths):
            b.layout((x, y, int(bw * scale), bh), ui)
            x += int(bw * scale) + gap
        self.tabs_bottom = y + bh
        self.extra_buttons = []
        if len(self.debriefs) > 1:  # sessions of several scenarios: one debrief each
            b = Button(self.next_label, value=NextGroup())
            b.layout((w - m - self.next_w, m, self.next_w, t.px(48)), ui)
            self.extra_buttons.append(b)

    def _layout_nav(self, ui, y: int, count: int) -> int:
        """The line of a part with pages: which page and a strip to jump, or for the
        comparison the buttons that pick the two sessions. Beside the tabs when there is
        room (more room for the part), else on a line of its own. Gives the top of the part."""
        t = ui.theme
        w = t.size[0]
        m, gap = t.margin, t.px(16)
        nav_h = self.tab_buttons[0].rect.height
        beside = self.tab_buttons[-1].rect.right + t.px(32)
        if self.tab == "compare":
            self.strip = StepStrip([])
            if len(self.debrief.sessions) < 2:
                return y
            c = self.comparison()
            pair = [Button(ui.t("compare_a", label=c.a.label), value=NextCompared("a")),
                    Button(ui.t("compare_b", label=c.b.label), value=NextCompared("b"))]
            widths = [ui.text.size(b.label, t.fs(24))[0] + t.px(44) for b in pair]
            inline = beside + sum(widths) + gap <= w - m
            x, top = (w - m - sum(widths) - gap, self.tab_buttons[0].rect.top) if inline else (m, y)
            for b, bw in zip(pair, widths):
                bw = min(bw, (w - 2 * m - gap) // 2)
                b.layout((x, top, bw, nav_h), ui)
                x += bw + gap
            self.extra_buttons += pair
            self.nav_rect = pygame.Rect(pair[0].rect.left, top, x - pair[0].rect.left, nav_h)
            return y if inline else y + nav_h + t.px(12)
        self.strip = StepStrip(["decision"] * count)
        self.strip.current = self.pages[self.tab]
        label_w = ui.text.size(self._nav_text(ui), t.body, "bold")[0] + t.px(20)
        want = min(count * t.px(60), w - 2 * m - label_w)
        inline = beside + label_w + min(want, count * t.px(10)) <= w - m
        if inline:
            strip_w = min(want, w - m - beside - label_w)
            self.nav_rect = pygame.Rect(w - m - strip_w - label_w, self.tab_buttons[0].rect.top,
                                        label_w + strip_w, nav_h)
        else:
            strip_w = want
            self.nav_rect = pygame.Rect(m, y, label_w + strip_w, nav_h)
        self.strip.layout((self.nav_rect.left + label_w, self.nav_rect.top + nav_h // 4, strip_w,
                           nav_h // 2), ui)
        return y if inline else y + nav_h + t.px(12)

    def _layout_footer(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m, bh, gap = t.margin, t.px(52), t.px(16)
        self.footer_top = h - m - bh
        self.back = Button(ui.t("back"), value=Back())
        bw = ui.text.size(self.back.label, t.fs(24))[0] + t.px(48)
        self.back.layout((m, self.footer_top, bw, bh), ui)
        self.page_buttons = []
        count = self.count(self.tab)
        if self.tab in ("choices", "meters") and count > 1:
            i = self.pages[self.tab]
            prev = Button(ui.t("prev_" + self.tab), value=Turn(-1), enabled=i > 0)
            nxt = Button(ui.t("next_" + self.tab), value=Turn(1), enabled=i < count - 1)
            x = w - m
            for b in (nxt, prev):
                bw2 = ui.text.size(b.label, t.fs(24))[0] + t.px(44)
                x -= bw2
                b.layout((x, self.footer_top, bw2, bh), ui)
                x -= gap
            self.page_buttons = [prev, nxt]
        self.hint_span = (self.back.rect.right + gap,
                          self.page_buttons[0].rect.left - gap if self.page_buttons else w - m)

    def _make_page(self):
        d, i = self.debrief, self.pages[self.tab]
        if self.tab == "choices":
            return ChoicesPage(d, i) if d.decisions else None
        if self.tab == "endings":
            return EndingsPage(d)
        if self.tab == "meters":
            return MetersPage(d, i) if d.meters else None
        c = self.comparison()
        return ComparePage(c) if c is not None else None

    # ---- input --------------------------------------------------------------------------
    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            self.app.pop(self)
            return
        if isinstance(intent, Choose):
            if 1 <= intent.number <= len(TABS):
                self.tab = TABS[intent.number - 1]
            return
        if isinstance(intent, Navigate) and intent.dx:
            self.turn(intent.dx)
            return
        if self.page is not None and isinstance(intent, (Scroll, PointerMove)):
            self.page.process_event(intent)
        if isinstance(intent, (PointerMove, PointerDown, PointerUp)):
            hit = self.strip.process_event(intent)
            if hit is not None:
                self.pages[self.tab] = hit
                return
        if isinstance(intent, Scroll):
            return
        hit = self.focus.process_event(intent)
        if hit is not None:
            self._act(hit.value)

    def _act(self, value) -> None:
        if isinstance(value, ShowTab):
            self.tab = value.tab
        elif isinstance(value, Back):
            self.app.pop(self)
        elif isinstance(value, Turn):
            self.turn(value.step)
        elif isinstance(value, NextGroup):
            self.group = (self.group + 1) % len(self.debriefs)
            self.pages = {tab: 0 for tab in TABS}
            self.compare_a = 0
        elif value == NextCompared("a"):
            self.compare_a = self._next_other(self.compare_a, self.pages["compare"])
        elif value == NextCompared("b"):
            self.pages["compare"] = self._next_other(self.pages["compare"], self.compare_a)

    def _next_other(self, index: int, other: int, step: int = 1) -> int:
        n = len(self.debrief.sessions)
        index = (index + step) % n
        return (index + step) % n if index == other % n else index

    def turn(self, step: int) -> None:
        """← →: the next decision or meter; in the comparison, the next session B."""
        if self.tab == "compare":
            if len(self.debrief.sessions) >= 2:
                self.pages["compare"] = self._next_other(self.pages["compare"], self.compare_a,
                                                         step)
            return
        count = self.count(self.tab)
        self.pages[self.tab] = max(0, min(count - 1, self.pages[self.tab] + step))

    # ---- drawing ------------------------------------------------------------------------
    def _nav_text(self, ui) -> str:
        n, m = self.pages[self.tab] + 1, self.count(self.tab)
        if self.tab == "choices":
            return ui.t("decision_of", n=n, m=m)
        return ui.t("meter_of", n=n, m=m)

    def draw(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        m = t.margin
        header_band(surface, ui, self.header_h)
        surface.blit(self.title_img, (m, m - t.px(8)))
        surface.blit(self.sub_img, (m, m - t.px(8) + self.title_img.get_height()))
        if self.nav_rect is not None and self.tab != "compare":
            nav = ui.text.render(self._nav_text(ui), t.body, p.text, "bold")
            surface.blit(nav, (self.nav_rect.left, self.nav_rect.centery - nav.get_height() // 2))
            self.strip.draw(surface)
        if self.page is not None:
            self.page.draw(surface)
        else:
            msg = ui.text.block(self.message, t.body, p.muted, self.area.width - 2 * t.px(20),
                                "italic")
            box(surface, (self.area.left, self.area.top, self.area.width,
                          msg.get_height() + 2 * t.px(20)), p.panel, t.radius, p.border,
                t.border_width)
            surface.blit(msg, (self.area.left + t.px(20), self.area.top + t.px(20)))
        self._draw_hint(surface)
        self.focus.draw(surface)

    def _draw_hint(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        left, right = self.hint_span
        if right - left < t.px(120):
            return
        paged = self.tab in ("choices", "meters", "compare")
        key = "debrief_hint_pages" if paged else "debrief_hint"
        lines = ui.text.clamp(ui.t(key), t.small, right - left, 2)
        lh = ui.text.line_height(t.small)
        y = self.back.rect.centery - lh * len(lines) // 2
        for line in lines:
            surface.blit(ui.text.render(line, t.small, p.muted), (left, y))
            y += lh
