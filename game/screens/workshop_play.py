"""Workshop mode's room view: the situation, the options with letters, the show of hands
and its result as bars, then the consequence.

The facilitator drives it (keys or mouse): Enter opens the vote, letters pick an option,
digits and + / − enter its hands, Enter reveals the bars, and Enter again takes the option
selected (the majority; on a tie or an override, the facilitator's pick). What only the
facilitator should see is a screen of its own (Tab; ``workshop_facilitator.py``).
"""
from __future__ import annotations

import pygame

from ...engine.state import Phase

from ..changes import ChangeTeller
from ..intents import (POINTER, Adjust, Back, Choose, Confirm, Letter, Navigate, Scroll, TabKey,
                       ToggleCountdown, Undo, VoteStep)
from ..sessions import content_language
from ..stepping import Stepping
from ..widgets import Button, FocusGroup, ScrollView, TimerBar
from ..widgets.timerbar import MAX_REDRAWS
from ..widgets.behind import Behind
from ..widgets.draw import box
from ..widgets.tally import READ, REVEALED, VOTING, TallyBoard
from ..widgets.teambar import TeamBar
from ..workshop_vote import Vote
from ..options import DEFAULT_COUNTDOWN
from .base import Screen
from .consequence import ConsequencePanel, arrival_note
from .scene_view import build_scene
from .workshop_words import BoardWords

# the share of the width below the top bar for the situation: while the room reads the
# options beside it, while it only reads on, and (none) once the vote is open: then the
# options and the bars take the whole width, to be read from the back of the room
SITUATION_SHARE = {"read": 0.42, "read_on": 0.6, "vote": 0.0}


class WorkshopScreen(Stepping, Screen):
    def __init__(self, app, run, countdown: int = DEFAULT_COUNTDOWN):
        super().__init__(app)
        self.run = run
        self.countdown_seconds = max(5, int(countdown))
        self.owns_run = True  # closes the run (and its store) when it leaves the stack
        self.content = ScrollView()
        self.focus = FocusGroup()
        self.board: TallyBoard = TallyBoard([])
        self.timer: TimerBar | None = None
        self.panel: ConsequencePanel | None = None
        self.outcome = None
        self.action = self.clock_button = None
        self.decide_seconds = 0.0
        self.votes: dict[int, Vote] = {}  # decision index -> the hands, for a take-back
        self._scene_key = None
        self.behind = Behind()  # the screen behind the consequence panel
        self._time_up_told = False
        self._start_team()

    @property
    def session(self):
        return self.run.session

    @property
    def scenario(self):
        return self.run.scenario

    @property
    def meter_hud(self):
        return self.bar.hud

    def ending_screen(self):
        from .workshop_end import TeamEndScreen
        return TeamEndScreen(self.app, self)

    def _start_team(self) -> None:
        self.lang, _ = content_language(self.scenario, self.app.settings)
        self.bar = TeamBar(self.scenario, self.lang, self.session.view.meters())
        self.teller = ChangeTeller(self.session)
        self.bar.hud.set_values(self.session.view.meters(), self.teller.note.changes)
        self.outcome, self.panel, self._scene_key = None, None, None
        self._enter_scene()
        self.invalidate()

    def new_scene(self, first: bool) -> None:
        """The room's tally for the scene's options, and its timer if it has one."""
        s = self.session
        deciding = s.phase is Phase.SCENE and not s.view.can_continue
        choices = [(c.id, s.view.choice_text(c, self.lang))
                   for c in s.view.available_choices()] if deciding else []
        self.board = TallyBoard(choices)
        timer = getattr(s.view.node, "timer", None)
        self.timer = TimerBar(timer.seconds) if timer is not None and choices else None
        self._time_up_told = False

    # ---- layout -------------------------------------------------------------------------
    def layout_key(self) -> tuple:
        s = self.session
        return (id(s), s.scene_id, s.phase, len(s.decisions), s.state.step, self.lang, id(self.outcome),
                id(self.board), self.board.phase, self.board.selected, self.timer is not None,
                id(self.teller.note))

    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m, gap = t.margin, t.px(28)
        self.bar.layout(ui, self.run.label, self.step_text(ui))
        self.top_h = self.bar.height
        y = self.top_h + t.px(14)
        self.footer_y = h - t.px(12) - ui.text.line_height(t.small)
        main = pygame.Rect(m, y, w - 2 * m, self.footer_y - t.px(10) - y)
        share = SITUATION_SHARE[self.situation_mode()]
        if share:
            self.card = pygame.Rect(main.left, main.top, int((main.width - gap) * share),
                                    main.height)
            self._layout_situation(ui)
            main = pygame.Rect(self.card.right + gap, main.top, main.right - self.card.right - gap,
                               main.height)
        else:
            self.card = None
        self._layout_board(ui, main)
        self.panel = None
        if self.session.phase is Phase.CONSEQUENCE and self.outcome is not None:
            self.panel = ConsequencePanel(self.scenario, self.outcome, self.lang)
            self.panel.layout(pygame.Rect(0, self.top_h, w, h - self.top_h), ui)
            self.focus.set([self.panel.button], keep=False)

    def situation_mode(self) -> str:
        if self.session.view.can_continue or not self.board.rows:
            return "read_on"
        return "read" if self.board.phase == READ else "vote"

    def _layout_situation(self, ui) -> None:
        t = ui.theme
        inner = self.card.inflate(-2 * t.px(24), -2 * t.px(20))
        inner.width -= t.px(14)
        self.content.layout(inner, ui)
        s = self.session
        consequence = s.phase is Phase.CONSEQUENCE  # the scene as seen: no spoiler
        seen = self.seen if consequence else s.view
        note = arrival_note(ui, self.scenario, self.lang, self.teller.note, s.scene_id)
        self.content.set_content(build_scene(ui, self.scenario, seen, self.lang, self.app.images,
                                             inner.width, inner.height, ui.palette.panel,
                                             None if consequence else note), keep_offset=True)

    def step_text(self, ui) -> str:
        return ui.t("workshop_decision_n", n=self.run.here()[0] + 1)

    def _layout_board(self, ui, area: pygame.Rect) -> None:
        t = ui.theme
        self.board_area = area
        self.head_w = area.width
        if self.timer is not None:  # the countdown on the heading's line, at its right
            tw = max(t.px(240), int(area.width * 0.4))
            self.timer.layout((area.right - tw, area.top, tw, ui.text.line_height(t.fs(30))), ui)
            self.head_w = area.width - tw - t.px(20)
        # the heading is drawn each frame (a count changes its words); its height is set here
        title, status = self.words(ui).heading(self.head_w)
        lines = len(ui.text.wrap(status, t.body, area.width, "bold")) if status else 0
        self.head_h = ui.text.line_height(t.fs(30)) + lines * ui.text.line_height(t.body)
        y = area.top + self.head_h + t.px(10)
        bh = t.px(64)
        label, enabled = self.words(ui).action()
        self.action = Button(label, "choice", value=VoteStep(), enabled=enabled)
        buttons = [self.action]
        left = area.left
        if self.board.phase in (READ, VOTING) and self.board.rows:
            self.clock_button = Button(ui.t("countdown_stop" if self.timer else "countdown"),
                                       value=ToggleCountdown())
            cw = min(t.px(230), area.width // 3)
            self.clock_button.layout((area.left, area.bottom - bh, cw, bh), ui)
            buttons.insert(0, self.clock_button)
            left += cw + t.px(14)
        else:
            self.clock_button = None
        self.action.layout((left, area.bottom - bh, area.right - left, bh), ui)
        self.board.layout(pygame.Rect(area.left, y, area.width, area.bottom - bh - t.px(14) - y), ui)
        self.focus.set(buttons, keep=False)

    def words(self, ui) -> BoardWords:
        return BoardWords(ui, self.board, team=self.run.label, scene=self.session.scene_id,
                          reading_on=self.session.view.can_continue)

    # ---- input --------------------------------------------------------------------------
    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            from .workshop_pause import WorkshopPauseScreen
            self.app.push(WorkshopPauseScreen(self.app, self))
        elif isinstance(intent, TabKey):
            from .workshop_facilitator import FacilitatorScreen
            self.app.push(FacilitatorScreen(self.app, self))
        elif self.panel is not None:
            self._handle_consequence(intent)
        elif isinstance(intent, Scroll):
            if not self.board.process_event(intent) and self.card is not None:
                self.content.process_event(intent)
        elif isinstance(intent, Undo):
            self._undo_key()
        elif isinstance(intent, Letter):
            self._letter(intent.char)
        elif isinstance(intent, Choose):
            self.board.digit(intent.number)
        elif isinstance(intent, Adjust):
            self.board.adjust(intent.step)
        elif isinstance(intent, Navigate):
            self.board.navigate(intent.dx, intent.dy)
        elif isinstance(intent, Confirm):
            self.primary()
        elif isinstance(intent, POINTER):
            self.board.process_event(intent)
            value = self.focus.pressed(intent)
            if isinstance(value, VoteStep):
                self.primary()
            elif isinstance(value, ToggleCountdown):
                self.toggle_countdown()

    def _handle_consequence(self, intent) -> None:
        if isinstance(intent, Undo):
            self.undo()
        elif isinstance(intent, Confirm):
            self.proceed()
        elif isinstance(intent, Scroll):
            self.panel.view.process_event(intent)
        elif isinstance(intent, POINTER) and self.panel.process_event(intent):
            self.proceed()

    def _letter(self, char: str) -> None:
        index, b = ord(char) - ord("a"), self.board
        if index < len(b.rows) and not self.session.view.can_continue:
            b.pick(index)
            b.reveal_focus()
        elif char == "t":
            self.toggle_countdown()

    def _undo_key(self) -> None:
        if self.board.phase == VOTING:
            self.board.erase()
        elif self.board.phase == REVEALED:
            self.board.reopen()
        else:
            self.undo()

    # ---- what the facilitator does ------------------------------------------------------
    def primary(self) -> None:
        """Enter: the next step of the vote (open, reveal, decide), or continue."""
        s, b = self.session, self.board
        if s.view.can_continue:
            self.advance()
        elif not b.rows:
            self.app.to_title()
        elif b.phase == READ:
            b.open_vote()
        elif b.phase == VOTING:
            self.reveal()
        elif b.chosen is not None:
            self.decide()

    def reveal(self) -> None:
        """The hands are counted: show the bars; the countdown has done its work."""
        self.board.reveal(animate=not self.app.settings.reduced_motion)
        self.timer = None

    def toggle_countdown(self) -> None:
        if self.board.phase not in (READ, VOTING) or not self.board.rows:
            return
        if self.timer is not None:
            self.timer = None
        else:
            node_timer = getattr(self.session.view.node, "timer", None)
            self.timer = TimerBar(node_timer.seconds if node_timer else self.countdown_seconds)
            self._time_up_told = False

    def decide(self) -> None:
        b = self.board
        vote = Vote(b.vote.choices, dict(b.vote.counts))
        # refused (not recorded, or stuck): not taken, the room votes again
        outcome = self.decide_by(self.run.decide, b.chosen, vote, round(self.decide_seconds, 2))
        if outcome is not None:
            self.votes[outcome.decision.index] = vote
            self.timer = None

    def undo(self) -> bool:
        """Undo the room's last decision: back to its vote, with the hands as counted."""
        taken, last = self.take_back()
        if not taken:
            return False
        old = self.votes.pop(last.index, None)
        if old is not None and old.choices == self.board.vote.choices:
            self.board.vote = Vote(old.choices, dict(old.counts))
        if self.board.rows:
            self.board.open_vote()
        self.app.toast(self.ui.t("vote_taken_back"))
        return True

    def next_team(self) -> bool:
        """After a team's ending: the next team starts here; False when all have played."""
        if self.run.next_team():
            self.votes = {}
            self._start_team()
            return True
        return False

    # ---- loop ---------------------------------------------------------------------------
    def tick(self, dt: float) -> None:
        """The room's clock, also under the facilitator view (the countdown: ``patch``)."""
        if self.session.phase is Phase.SCENE and not self.session.ended:
            self.decide_seconds += dt
        if self.timer is not None and not self.timer.expired:
            self.timer.update(dt)
            if self.timer.expired and not self._time_up_told:
                self._time_up_told = True
                self.app.toast(self.ui.t("time_up"), "bad")

    def update(self, dt: float) -> bool:
        moving = self.bar.update(dt)
        phones = self.app.phones  # game.phones.PhoneLink (--phones)
        if phones is not None:
            moving = phones.sync(self) or moving
        self.tick(dt)
        return self.board.update(dt) or moving

    def wake_in(self) -> float | None:
        if self.timer is not None and not self.timer.expired:
            return 0.25 if self.app.settings.reduced_motion else 1 / MAX_REDRAWS
        return None

    def patch(self, surface) -> list:
        """A running timer redraws its bar alone (nothing else on the screen moves)."""
        return self.timer.repaint(surface) if self.timer and self.panel is None else []

    def on_close(self) -> None:
        if self.owns_run:
            self.run.close()

    # ---- drawing ------------------------------------------------------------------------
    def draw(self, surface) -> None:
        self.bar.draw(surface)
        if self.panel is None:
            self.behind.forget()
            self._draw_main(surface)
        else:
            self.behind.draw(surface, self.panel.area, self._laid_for, self._draw_main, self.ui)
            self.panel.draw(surface, dim_behind=False)

    def _draw_main(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        if self.card is not None:
            box(surface, self.card, p.panel, t.radius, p.border, t.border_width)
            self.content.draw(surface)
        self._draw_heading(surface)
        if self.timer is not None:
            self.timer.draw(surface)
        self.board.draw(surface)
        self.focus.draw(surface)
        hint = self.words(ui).hint()
        phones = self.app.phones
        if phones is not None:
            from ..phones_words import words_for
            hint = f"{phones.status(words_for(ui.lang))}  ·  {hint}"
        img = ui.text.render(ui.text.ellipsize(hint, t.small, t.size[0] - 2 * t.margin), t.small,
                             p.muted)
        surface.blit(img, (t.margin, self.footer_y))

    def _draw_heading(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        a = self.board_area
        title, status = self.words(ui).heading(self.head_w)
        px = t.fs(30)
        img = ui.text.render(ui.text.ellipsize(title, px, self.head_w, "bold"), px, p.text, "bold")
        surface.blit(img, a.topleft)
        if status:
            img = ui.text.block(status, t.body, p.muted, a.width, "bold")  # never cut
            surface.blit(img, (a.left, a.top + ui.text.line_height(px)))
