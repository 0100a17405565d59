"""The title screen: the shipped scenarios as cards, the language switch, settings, quit."""
from __future__ import annotations

from dataclasses import replace

import pygame

from ..intents import (Back, Choose, Letter, Navigate, OpenSessions, OpenSettings, OpenWorkshop,
                       Quit, ResumePlay, Scroll, SetLanguage)
from ..i18n import own_name
from ..settings import LANGUAGES
from ..widgets import Button, FocusGroup, WidgetColumn
from ..widgets.draw import box, header_band
from .base import Screen


class ScenarioCard:
    """A card for one catalogue entry; behaves as a button (hover, focus, click)."""

    def __init__(self, entry, number: int):
        self.entry, self.number = entry, number
        self.enabled = True
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.hover = self.pressed = self.focused = False
        self._ui = None
        self._button = Button("", number=number)  # reuses the pointer logic

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui
        self._button.rect = self.rect

    def process_event(self, intent) -> bool:
        self._button.enabled = self.enabled
        clicked = self._button.process_event(intent)
        self.hover, self.pressed = self._button.hover, self._button.pressed
        return clicked

    def update(self, dt: float) -> bool:
        return False

    @staticmethod
    def title_px(ui) -> int:
        return ui.theme.fs(30)

    def _text_widths(self, ui, width: int) -> tuple[int, int]:
        """(the title's width beside the number badge, the width of the rest)."""
        pad = ui.theme.px(18)
        inner = width - 2 * pad
        return inner - ui.theme.fs(36) - pad, inner

    def _meta(self, ui) -> str:
        s = self.entry.scenario
        role = s.role.get(ui.lang, s.languages)
        return " · ".join(x for x in (
            ui.t("minutes", n=s.duration_minutes) if s.duration_minutes else "",
            " ".join(code.upper() for code in s.languages),
            ui.t("role", role=role) if role else "") if x)

    def height_for(self, width: int, ui) -> int:
        """The card's height at ``width``: the whole title, two lines of summary and the
        whole meta line (duration, languages, the role), wrapped, never cut."""
        t = ui.theme
        title_w, inner = self._text_widths(ui, width)
        lines = len(ui.text.wrap(self.entry.title(ui.lang), self.title_px(ui), title_w, "bold"))
        body = max(2, lines) * ui.text.line_height(self.title_px(ui))
        if self.entry.scenario is None:
            rest = 3
        else:
            rest = 2 + len(ui.text.wrap(self._meta(ui), t.small, inner, "bold"))
        return body + rest * ui.text.line_height(t.small) + 2 * t.px(18) + t.px(16)

    def draw(self, surface) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        lit = self.hover or self.pressed
        if self.focused:
            box(surface, self.rect.inflate(t.px(10), t.px(10)), None, t.radius + t.px(5),
                p.focus, max(3, t.px(4)))
        box(surface, self.rect, p.button_hover if lit else p.panel, t.radius,
            p.accent if lit else p.border, max(t.border_width, t.px(3) if lit else 0))
        pad = t.px(18)
        inner = self.rect.inflate(-2 * pad, -2 * pad)
        badge_d = t.fs(36)
        badge = pygame.Rect(inner.right - badge_d, inner.top, badge_d, badge_d)
        pygame.draw.circle(surface, p.accent, badge.center, badge_d // 2)
        num = ui.text.render(str(self.number), t.fs(22), p.accent_text, "bold")
        surface.blit(num, num.get_rect(center=badge.center))
        y = inner.top
        e, lang = self.entry, ui.lang
        title_w, _ = self._text_widths(ui, self.rect.width)
        title = ui.text.block(e.title(lang), self.title_px(ui), p.text, title_w, "bold")
        surface.blit(title, (inner.left, y))
        y += title.get_height() + t.px(6)
        if e.scenario is None:
            msg = ui.text.block(ui.t("broken_card"), t.small, p.bad, inner.width, "bold", 3)
            surface.blit(msg, (inner.left, y))
            return
        s = e.scenario
        summary = ui.text.block(s.summary.get(lang, s.languages), t.small, p.text, inner.width,
                                max_lines=2)
        surface.blit(summary, (inner.left, y))
        meta = ui.text.block(self._meta(ui), t.small, p.muted, inner.width, "bold")
        surface.blit(meta, (inner.left, inner.bottom - meta.get_height()))


class TitleScreen(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.focus = FocusGroup()
        self.column = WidgetColumn()
        self.cards: list[ScenarioCard] = []
        self.langs: list[Button] = []
        self.settings_button = self.quit_button = None
        self.replay_button = None  # the recorded sessions: replay and group debrief
        self.workshop_button = None  # workshop mode: a room votes, teams in turn
        self.resume_button = None  # "Verder spelen": the latest unfinished play
        self.unfinished = None

    def layout_key(self):
        return (id(self.app.catalogue()),)

    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m = t.margin
        entries = self.app.catalogue()
        self.cards = [ScenarioCard(e, i + 1) for i, e in enumerate(entries)]
        # language switch, top right
        self.langs = [Button(own_name(code), "selected" if code == ui.lang else "segment",
                             value=SetLanguage(code)) for code in LANGUAGES]
        seg_w = max(ui.text.size(b.label, t.fs(24), "bold")[0] for b in self.langs) + t.px(40)
        x = w - m - seg_w * len(self.langs)
        # the tagline beside the switch, wrapped (never cut)
        self.tagline = ui.text.block(ui.t("tagline"), t.body, ui.palette.muted, x - m - t.px(20))
        self.header_h = m + ui.text.line_height(t.h1) + self.tagline.get_height() + t.px(12)
        for b in self.langs:
            b.layout((x, m, seg_w, t.px(48)), ui)
            x += seg_w
        # footer buttons
        bh = t.px(52)
        self.settings_button = Button(ui.t("settings"), value=OpenSettings())
        self.quit_button = Button(ui.t("quit"), value=Quit())
        self.settings_button.layout((m, h - m - bh, t.px(240), bh), ui)
        self.quit_button.layout((w - m - t.px(200), h - m - bh, t.px(200), bh), ui)
        self.replay_button = Button(ui.t("replay_button"), value=OpenSessions())
        self.replay_button.layout((self.settings_button.rect.right + t.px(16), h - m - bh,
                                   t.px(240), bh), ui)
        # workshop mode, under the language switch (the footer is full)
        self.workshop_button = Button(ui.t("workshop_button"), value=OpenWorkshop())
        top = self.langs[0].rect.bottom + t.px(8)
        self.workshop_button.layout((self.langs[0].rect.left, top, seg_w * len(self.langs),
                                     min(t.px(44), self.header_h - top - t.px(6))), ui)
        top = self.header_h + t.px(20)
        top = self._layout_resume(ui, top)
        # the grid of cards
        for room in (0, t.px(20)):  # room for a scroll bar only when the cards overflow
            area = pygame.Rect(m, top, w - 2 * m - room, h - m - bh - t.px(24) - top)
            cols = 1 if len(self.cards) <= 1 or area.width < t.px(900) else 2
            gap = t.px(24)
            cw = (area.width - gap * (cols - 1)) // cols
            ch = max((card.height_for(cw, ui) for card in self.cards), default=0)
            places = []
            for i, card in enumerate(self.cards):
                r, c = divmod(i, cols)
                places.append((card, pygame.Rect(c * (cw + gap), t.px(4) + r * (ch + gap), cw, ch)))
            self.grid_top = top
            self.column.layout(area, ui, places)
            if not self.column.max_offset:
                break
        self.cols = cols
        resume = [self.resume_button] if self.resume_button else []
        self.focus.set([*resume, *self.cards, *self.langs, self.settings_button,
                        self.replay_button, self.workshop_button, self.quit_button],
                       columns=cols)
        if self.focus.focused() is None:  # a screen opens with a focused element
            first = self.resume_button or (self.cards[0] if self.cards else self.settings_button)
            self.focus.focus(first, keyboard=True)

    def _layout_resume(self, ui, top: int) -> int:
        """'Verder spelen' above the cards when a play did not end; the grid's top."""
        from ..resume_play import unfinished
        t = ui.theme
        self.unfinished = unfinished(self.app)
        self.resume_button = None
        if self.unfinished is None:
            return top
        summary, entry = self.unfinished
        label = ui.t("resume_play" if summary.decisions != 1 else "resume_play_one",
                     title=entry.title(ui.lang), label=summary.label, n=summary.decisions)
        self.resume_button = Button(label, value=ResumePlay())
        width = t.size[0] - 2 * t.margin
        bh = self.resume_button.height_for(width, ui)
        self.resume_button.layout((t.margin, top, width, bh), ui)
        return top + bh + t.px(16)

    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            return
        if isinstance(intent, Scroll) and self.column.process_event(intent):
            return
        if isinstance(intent, Choose):
            if 1 <= intent.number <= len(self.cards):
                self._open(self.cards[intent.number - 1])
            return
        if isinstance(intent, Letter) and intent.char == "w":
            self._workshop()
            return
        hit = self.focus.process_event(intent)
        if isinstance(intent, Navigate):
            f = self.focus.focused()
            if isinstance(f, ScenarioCard):
                self.column.reveal(f)
        if hit is None:
            return
        if isinstance(hit, ScenarioCard):
            self._open(hit)
        else:
            self._act(hit.value)

    def _act(self, value) -> None:
        if isinstance(value, SetLanguage):
            self.app.set_settings(replace(self.app.settings, language=value.code))
        elif isinstance(value, OpenSettings):
            from .settings import SettingsScreen
            self.app.push(SettingsScreen(self.app))
        elif isinstance(value, OpenSessions):
            from .sessions_list import open_sessions
            open_sessions(self.app)
        elif isinstance(value, OpenWorkshop):
            self._workshop()
        elif isinstance(value, ResumePlay):
            from ..resume_play import resume_play
            resume_play(self.app, *self.unfinished)
        elif isinstance(value, Quit):
            self.app.quit()

    def _open(self, card: ScenarioCard) -> None:
        self.app.open_scenario(card.entry.path, card.entry)

    def _workshop(self) -> None:
        from ..workshop_main import open_workshop
        open_workshop(self.app)

    def on_reveal(self) -> None:
        self.app.catalogue(refresh=True)

    def draw(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        w, h = t.size
        m = t.margin
        header_band(surface, ui, self.header_h)
        title = ui.text.render(ui.t("app_title"), t.h1, p.text, "bold")
        surface.blit(title, (m, m - t.px(6)))
        surface.blit(self.tagline, (m, m - t.px(6) + ui.text.line_height(t.h1)))
        if self.cards:
            hint = ui.t("scenarios_hint", n=min(9, len(self.cards)))
            left, right = self.replay_button.rect.right, self.quit_button.rect.left
            lines = ui.text.wrap(hint, t.small, right - left - 2 * m)  # two lines if need be
            lh = ui.text.line_height(t.small)
            y = self.quit_button.rect.centery - lh * len(lines) // 2
            for line in lines:
                img = ui.text.render(line, t.small, p.muted)
                surface.blit(img, img.get_rect(midtop=((left + right) // 2, y)))
                y += lh
            ui.text.rendered.add(hint)
        if not self.cards:
            msg = ui.text.block(ui.t("no_scenarios", folder=str(self.app.scenarios_dir)), t.body,
                                p.text, w - 2 * m)
            surface.blit(msg, (m, self.grid_top + t.px(8)))
        self.column.draw(surface)
        for b in (*self.langs, self.settings_button, self.replay_button, self.workshop_button,
                  self.quit_button, *([self.resume_button] if self.resume_button else [])):
            b.draw(surface)
