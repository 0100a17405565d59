"""The recorded sessions: pick one to replay, or mark several for the group debrief.

Each row names the session (its label), the scenario, when it was played, how many
decisions stand and the ending reached. Enter (or a click) replays the session under the
focus; Space (or a click on the box) marks it; "all sessions of this scenario" marks a
whole workshop at once. A database that does not exist yet, or cannot be read, is a
message on the screen, never a crash.
"""
from __future__ import annotations

import pygame

from ...storage import ScenarioLibrary, SessionStore, StoreError
from ...storage.clock import local_minute
from ...storage.errors import DatabaseError

from ..intents import (Back, Mark, MarkScenario, Navigate, OpenDebrief, PointerUp, ReplaySession,
                       Scroll)
from ..widgets import Button, FocusGroup, WidgetColumn
from ..widgets.draw import box, header_band
from .base import Screen


def open_sessions(app, session_id: str | None = None) -> "SessionsScreen":
    """Push the session list (and, with ``session_id``, that session's replay on top)."""
    from ..recording import GameRecording
    screen = SessionsScreen(app, app.recording or GameRecording())
    app.push(screen)
    if session_id is not None:
        screen.open_replay(session_id)
    return screen


class SessionRow:
    """One session as a row with a mark box; behaves as a button (hover, focus, click)."""

    def __init__(self, summary, title: str, ending: str, tone: str | None):
        self.summary, self.title, self.ending, self.tone = summary, title, ending, tone
        self.marked = False
        self.enabled = True
        self.number = None
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.hover = self.pressed = self.focused = False
        self.on_box = False  # the last click landed on the mark box
        self._button = Button("")
        self._ui = None

    @property
    def id(self) -> str:
        return self.summary.id

    @property
    def value(self):
        return ("session", self.summary.id)

    @staticmethod
    def height(ui) -> int:
        t = ui.theme
        return ui.text.line_height(t.body) + ui.text.line_height(t.small) + 2 * t.px(12)

    def box_rect(self) -> pygame.Rect:
        t = self._ui.theme
        d = t.fs(34)
        return pygame.Rect(self.rect.left + t.px(18), self.rect.centery - d // 2, d, d)

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui
        self._button.rect = self.rect

    def process_event(self, intent) -> bool:
        clicked = self._button.process_event(intent)
        self.hover, self.pressed = self._button.hover, self._button.pressed
        if clicked:
            near_box = self.box_rect().inflate(self._ui.theme.px(24), self.rect.height)
            self.on_box = near_box.collidepoint(intent.pos)
        return clicked

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        lit = self.hover or self.pressed
        if self.focused:
            box(surface, self.rect.inflate(t.px(8), t.px(8)), None, t.radius + t.px(4), p.focus,
                max(3, t.px(4)))
        box(surface, self.rect, p.button_hover if lit else p.panel, t.radius,
            p.accent if self.marked else p.border,
            max(t.border_width, t.px(3) if self.marked else 0))
        check = self.box_rect()
        box(surface, check, p.accent if self.marked else p.panel, t.px(6), p.text if not self.marked
            else p.accent, max(2, t.px(2)))
        if self.marked:
            tick(surface, check.inflate(-check.width // 3, -check.height // 3), p.accent_text,
                 max(3, t.px(4)))
        x = check.right + t.px(18)
        pad = t.px(12)
        chip = self._chip(ui)
        right = self.rect.right - t.px(18)
        if chip is not None:
            cw = chip.get_width() + t.px(24)
            r = pygame.Rect(right - cw, 0, cw, chip.get_height() + t.px(8))
            r.centery = self.rect.top + pad + ui.text.line_height(t.body) // 2
            box(surface, r, t.tone_colour(self.tone) if self.tone else p.panel_alt, t.px(8))
            surface.blit(chip, chip.get_rect(center=r.center))
            right = r.left - t.px(16)
        name = ui.text.render(ui.text.ellipsize(self.summary.label, t.body, right - x, "bold"),
                              t.body, p.text, "bold")
        surface.blit(name, (x, self.rect.top + pad))
        n = self.summary.decisions
        meta = " · ".join((self.title, local_minute(self.summary.started_at),
                           ui.t("n_decisions", n=n) if n != 1 else ui.t("one_decision")))
        line = ui.text.render(ui.text.ellipsize(meta, t.small, self.rect.right - t.px(18) - x),
                              t.small, p.muted)
        surface.blit(line, (x, self.rect.top + pad + ui.text.line_height(t.body)))

    def _chip(self, ui):
        t = ui.theme
        w = self.rect.width // 3
        if self.tone is None:
            text = ui.text.ellipsize(ui.t("running"), t.small, w, "italic")
            return ui.text.render(text, t.small, ui.palette.text, "italic")
        return ui.text.render(ui.text.ellipsize(self.ending, t.small, w, "bold"), t.small,
                              ui.palette.panel, "bold")


def tick(surface, rect, colour, width: int) -> None:
    """A check mark (the font has none)."""
    r = pygame.Rect(rect)
    pts = [(r.left, r.centery), (r.left + r.width * 2 // 5, r.bottom), (r.right, r.top)]
    pygame.draw.lines(surface, colour, False, pts, width)


class SessionsScreen(Screen):
    def __init__(self, app, database):
        super().__init__(app)
        self.database = database  # game.recording.GameRecording: the app's database
        self.path = database.path
        self.store: SessionStore | None = None
        self.problem: tuple | None = None  # why there is no list: (i18n key, values)
        self.summaries = []
        self.marked: set[str] = set()
        self.rows: list[SessionRow] = []
        self.column = WidgetColumn()
        self.focus = FocusGroup()
        self._open()

    # ---- data ---------------------------------------------------------------------------
    def _open(self) -> None:
        try:
            self.store = self.database.open(create=False)
            self.summaries = list(reversed(self.store.list()))  # the latest first
        except DatabaseError as exc:
            self.problem = (("sessions_missing", {"path": str(self.path)})
                            if exc.reason == "no such database"
                            else ("sessions_error", {"error": str(exc)}))
        except StoreError as exc:
            self.problem = ("sessions_error", {"error": str(exc)})
        if self.problem is None and not self.summaries:
            self.problem = ("sessions_none", {"path": str(self.path)})

    def current(self) -> list:
        return [e.scenario for e in self.app.catalogue() if e.scenario is not None]

    def library(self) -> ScenarioLibrary:
        return ScenarioLibrary(self.store, self.current())

    def _describe(self, summary) -> tuple[str, str, str | None]:
        """The scenario's title, the ending's title and tone (None: still running)."""
        scenario = next((s for s in self.current() if s.id == summary.scenario_id), None)
        lang = self.ui.lang
        title = scenario.title.get(lang, scenario.languages) if scenario else summary.scenario_id
        if summary.ending is None:
            return title, "", None
        ending = scenario.endings.get(summary.ending) if scenario else None
        if ending is None:
            return title, summary.ending, "neutral"
        return title, ending.title.get(lang, scenario.languages), ending.tone

    # ---- layout -------------------------------------------------------------------------
    def layout_key(self) -> tuple:
        return (len(self.summaries), frozenset(self.marked))

    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m = t.margin
        self.header_h = m + ui.text.line_height(t.h1) + ui.text.line_height(t.small) + t.px(8)
        self.rows = []
        for s in self.summaries:
            row = SessionRow(s, *self._describe(s))
            row.marked = s.id in self.marked
            self.rows.append(row)
        self._layout_buttons(ui)
        top = self.header_h + t.px(20)
        self.hint_y = self.buttons[0].rect.top - t.px(12) - ui.text.line_height(t.small)
        area = pygame.Rect(m, top, w - 2 * m - t.px(20), self.hint_y - t.px(12) - top)
        self.list_area = area
        rh, gap = SessionRow.height(ui), t.px(12)
        self.column.layout(area, ui, [(r, pygame.Rect(0, t.px(6) + i * (rh + gap),
                                                      area.width - t.px(8), rh))
                                      for i, r in enumerate(self.rows)])
        self.focus.renew([*self.rows, *self.buttons])
        if self.focus.focused() is None and self.rows:  # Enter and Space work at once
            self.focus.focus(self.rows[0], keyboard=True)
        if isinstance(self.focus.focused(), SessionRow):
            self.column.reveal(self.focus.focused())

    def _layout_buttons(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m, bh, gap = t.margin, t.px(52), t.px(16)
        has = bool(self.rows)
        self.back = Button(ui.t("back"), value=Back())
        self.replay_button = Button(ui.t("btn_replay"), value=ReplaySession(), enabled=has)
        self.all_button = Button(ui.t("btn_all_scenario"), value=MarkScenario(), enabled=has)
        self.debrief_button = Button(ui.t("btn_debrief", n=len(self.marked)), value=OpenDebrief(),
                                     enabled=bool(self.marked))
        self.buttons = [self.back, self.replay_button, self.all_button, self.debrief_button]
        widths = [ui.text.size(b.label, t.fs(24))[0] + t.px(44) for b in self.buttons]
        room = w - 2 * m - gap * 3
        if sum(widths) > room:  # narrow window or large text: share the row
            widths = [room // 4] * 4
        y = h - m - bh
        self.back.layout((m, y, widths[0], bh), ui)
        x = w - m
        for b, bw in reversed(list(zip(self.buttons[1:], widths[1:]))):
            x -= bw
            b.layout((x, y, bw, bh), ui)
            x -= gap

    # ---- input --------------------------------------------------------------------------
    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            self.app.pop(self)
            return
        if isinstance(intent, Scroll) and self.column.process_event(intent):
            return
        f = self.focus.focused()
        if isinstance(intent, Mark) and isinstance(f, SessionRow):
            self.toggle(f.id)
            return
        hit = self.focus.process_event(intent)
        f = self.focus.focused()
        if isinstance(intent, Navigate) and isinstance(f, SessionRow):
            self.column.reveal(f)
        if hit is None:
            return
        if isinstance(hit, SessionRow):
            if isinstance(intent, PointerUp) and hit.on_box:
                self.focus.focus(hit)
                self.toggle(hit.id)
            else:
                self.open_replay(hit.id)
        elif isinstance(hit.value, Back):
            self.app.pop(self)
        elif isinstance(hit.value, ReplaySession):
            row = self._row_in_focus()
            if row is not None:
                self.open_replay(row.id)
        elif isinstance(hit.value, MarkScenario):
            self.mark_scenario()
        elif isinstance(hit.value, OpenDebrief):
            self.open_debrief()

    def _row_in_focus(self) -> SessionRow | None:
        f = self.focus.focused()
        if isinstance(f, SessionRow):
            return f
        marked = [r for r in self.rows if r.marked]
        return marked[0] if marked else (self.rows[0] if self.rows else None)

    def toggle(self, session_id: str) -> None:
        self.marked ^= {session_id}

    def mark_scenario(self) -> None:
        """Mark every session of the scenario in focus (or unmark them, if all are marked)."""
        row = self._row_in_focus()
        if row is None:
            return
        ids = {s.id for s in self.summaries if s.scenario_id == row.summary.scenario_id}
        self.marked = self.marked - ids if ids <= self.marked else self.marked | ids

    def open_replay(self, session_id: str) -> None:
        from .replay import ReplayScreen
        try:
            screen = ReplayScreen(self.app, self.store, self.library(), session_id)
        except StoreError as exc:
            self.app.toast(self.ui.t("replay_error", error=str(exc)), "bad")
            return
        self.app.push(screen)

    def open_debrief(self) -> None:
        from .debrief import DebriefScreen
        ids = [s.id for s in reversed(self.summaries) if s.id in self.marked]  # oldest first
        if not ids:
            return
        try:
            screen = DebriefScreen(self.app, self.store, self.library(), ids)
        except StoreError as exc:
            self.app.toast(self.ui.t("debrief_error", error=str(exc)), "bad")
            return
        self.app.push(screen)

    def on_close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    # ---- drawing ------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        w, h = t.size
        m = t.margin
        header_band(surface, ui, self.header_h)
        count = ui.t("n_marked", n=len(self.marked)) if self.marked else ""
        count_img = ui.text.render(count, t.body, p.accent, "bold") if count else None
        title_w = w - 2 * m - (count_img.get_width() + t.px(20) if count_img else 0)
        title = ui.text.render(ui.text.ellipsize(ui.t("sessions_title"), t.h1, title_w, "bold"),
                               t.h1, p.text, "bold")
        surface.blit(title, (m, m - t.px(6)))
        if count_img:
            y = m - t.px(6) + (ui.text.line_height(t.h1) - count_img.get_height()) // 2
            surface.blit(count_img, (w - m - count_img.get_width(), y))
        where = ui.text.render(ui.text.ellipsize(ui.t("sessions_db", path=str(self.path)), t.small,
                                                 w - 2 * m), t.small, p.muted)
        surface.blit(where, (m, m - t.px(6) + ui.text.line_height(t.h1)))
        if self.problem is not None:
            card = pygame.Rect(m, self.header_h + t.px(24), w - 2 * m, 0)
            key, values = self.problem
            msg = ui.text.block(ui.t(key, **values), t.body, p.text, card.width - 2 * t.px(24))
            card.height = msg.get_height() + 2 * t.px(20)
            box(surface, card, p.panel, t.radius, p.border, t.border_width)
            surface.blit(msg, (card.left + t.px(24), card.top + t.px(20)))
        else:
            self.column.draw(surface)
            hint = ui.text.render(ui.text.ellipsize(ui.t("sessions_hint"), t.small, w - 2 * m),
                                  t.small, p.muted)
            surface.blit(hint, (m, self.hint_y))
        for b in self.buttons:
            b.draw(surface)
