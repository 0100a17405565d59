"""The vote board of workshop mode: the options with their letters, the hands counted per
option, and after the reveal a bar per option, sized to be read from the back of a room.

Phases: ``read`` (the room reads the options), ``voting`` (the facilitator enters the hands:
a row has focus, digits type its count, + and − adjust it), ``revealed`` (bars; the option to
take is ``selected``: the majority, or the facilitator's pick on a tie or an override).
The board holds the ``Vote``; the screen decides what the phases lead to.
"""
from __future__ import annotations

import pygame

from ..intents import Adjust, PointerDown, PointerMove, PointerUp, Scroll
from ..workshop_vote import MAX_COUNT, Vote, letter
from .button import Button
from .draw import box
from .scroll import WidgetColumn

READ, VOTING, REVEALED = "read", "voting", "revealed"
REVEAL_SECONDS = 0.8
TEXT_SIZES = (29, 26, 24)  # option text, designed at 1280×720; the first that fits


class TallyRow:
    """One option: its letter, its text, and the count controls or the result bar."""

    def __init__(self, board: "TallyBoard", index: int, choice_id: str, text: str):
        self.board, self.index, self.choice_id, self.text = board, index, choice_id, text
        self.letter = letter(index)
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.enabled, self.focused = True, False
        self._hit = Button("")
        self.minus, self.plus = Button("−", value=Adjust(-1)), Button("+", value=Adjust(1))
        self._ui = None
        self._lines: list[str] = []

    # ---- geometry -----------------------------------------------------------------------
    @staticmethod
    def metrics(ui, px: int) -> dict:
        t = ui.theme
        return {"pad": t.px(10), "badge": round(px * 1.6), "gap": t.px(16),
                "ctl": t.px(50), "count_w": t.fs(84), "bar": t.px(16)}

    @staticmethod
    def count_px(ui) -> int:
        return ui.theme.fs(38)

    def side_width(self, ui) -> int:
        """The right-hand column: the count controls, or the count and share."""
        m = self.metrics(ui, self.board.px)
        if self.board.phase == READ:  # the text takes the whole row while the room reads
            return -m["gap"]
        if self.board.phase == REVEALED:  # the share and the count
            return (ui.text.size("100%", ui.theme.body, "bold")[0] + m["gap"]
                    + ui.text.size("999", self.count_px(ui), "bold")[0])
        return 2 * m["ctl"] + m["count_w"] + 2 * ui.theme.px(6)

    def text_width(self, width: int, ui) -> int:
        m = self.metrics(ui, self.board.px)
        return max(ui.theme.px(80), width - 2 * m["pad"] - m["badge"] - 2 * m["gap"]
                   - self.side_width(ui))

    def height_for(self, width: int, ui) -> int:
        m = self.metrics(ui, self.board.px)
        lines = ui.text.wrap(self.text, self.board.px, self.text_width(width, ui), "bold")
        body = len(lines) * ui.text.line_height(self.board.px)
        if self.board.phase == REVEALED:
            body += m["bar"] + ui.theme.px(8)
        return max(m["badge"], body, m["ctl"] if self.board.phase == VOTING else 0) + 2 * m["pad"]

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui
        self._hit.rect = self.rect
        m = self.metrics(ui, self.board.px)
        self._lines = ui.text.wrap(self.text, self.board.px, self.text_width(self.rect.width, ui),
                                   "bold")
        right = self.rect.right - m["pad"]
        y = self.rect.centery - m["ctl"] // 2
        self.plus.layout((right - m["ctl"], y, m["ctl"], m["ctl"]), ui)
        self.minus.layout((right - self.side_width(ui), y, m["ctl"], m["ctl"]), ui)

    # ---- events -------------------------------------------------------------------------
    def process_event(self, intent):
        """'pick' for a click on the row, ``Adjust`` for the count buttons, else None."""
        if self.board.phase == VOTING:
            for b in (self.minus, self.plus):
                if b.process_event(intent):
                    return b.value
            if isinstance(intent, (PointerDown, PointerUp)) and (
                    self.minus.rect.collidepoint(intent.pos) or self.plus.rect.collidepoint(intent.pos)):
                return None
        return "pick" if self._hit.process_event(intent) else None

    def update(self, dt: float) -> bool:
        return False

    # ---- drawing ------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        b, m = self.board, self.metrics(self._ui, self.board.px)
        lit = self._hit.hover and b.phase != READ
        ring = (b.phase == VOTING and b.focus == self.index) or \
               (b.phase == REVEALED and b.selected == self.index)
        box(surface, self.rect, p.button_hover if lit else p.panel, t.radius,
            p.focus if ring else p.border, max(3, t.px(5)) if ring else t.border_width)
        d = m["badge"]
        centre = (self.rect.left + m["pad"] + d // 2, self.rect.top + m["pad"] + d // 2)
        pygame.draw.circle(surface, p.accent, centre, d // 2)
        img = ui.text.render(self.letter, round(b.px * 1.05), p.accent_text, "bold")
        surface.blit(img, img.get_rect(center=centre))
        x = self.rect.left + m["pad"] + d + m["gap"]
        lh = ui.text.line_height(b.px)
        y = self.rect.top + m["pad"]
        if b.phase != REVEALED and len(self._lines) * lh < d:
            y += (d - len(self._lines) * lh) // 2
        ui.text.rendered.add(self.text)  # drawn whole, in wrapped lines
        for line in self._lines:
            surface.blit(ui.text.render(line, b.px, p.text, "bold"), (x, y))
            y += lh
        if b.phase == VOTING:
            self._draw_controls(surface, m)
        elif b.phase == REVEALED:
            self._draw_result(surface, m, x, y + t.px(8))

    def _draw_controls(self, surface, m) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        self.minus.draw(surface)
        self.plus.draw(surface)
        count = pygame.Rect(self.minus.rect.right + t.px(6), self.minus.rect.top,
                            m["count_w"], m["ctl"])
        typing = self.board.typing and self.board.focus == self.index
        box(surface, count, p.bubble if typing else p.panel_alt, t.px(8),
            p.focus if typing else None, max(2, t.px(3)))
        n = self.board.vote.counts[self.choice_id]
        img = ui.text.render(str(n), t.fs(34), p.text, "bold")
        surface.blit(img, img.get_rect(center=count.center))

    def _draw_result(self, surface, m, left: int, top: int) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        b = self.board
        vote = b.vote
        n = vote.counts[self.choice_id]
        right = self.rect.right - m["pad"]
        num = ui.text.render(str(n), self.count_px(ui), p.text, "bold")
        surface.blit(num, (right - num.get_width(), self.rect.centery - num.get_height() // 2))
        share = ui.text.render(f"{round(100 * vote.share(self.choice_id))}%", t.body, p.muted,
                               "bold")
        x = right - ui.text.size("999", self.count_px(ui), "bold")[0] - m["gap"]
        surface.blit(share, (x - share.get_width(), self.rect.centery - share.get_height() // 2))
        bar = pygame.Rect(left, top, self.text_width(self.rect.width, ui), m["bar"])
        box(surface, bar, p.track, bar.height // 2)
        w = round(bar.width * vote.share(self.choice_id) * b.reveal_progress)
        leader = self.choice_id in vote.leaders and vote.total > 0
        if w > 0:
            box(surface, (bar.left, bar.top, max(w, bar.height), bar.height),
                p.accent if leader else p.fill, bar.height // 2)


class TallyBoard:
    def __init__(self, choices: list[tuple[str, str]], vote: Vote | None = None):
        """``choices``: (choice id, text) in the order shown."""
        self.vote = vote or Vote(tuple(c for c, _ in choices))
        self.rows = [TallyRow(self, i, c, text) for i, (c, text) in enumerate(choices)]
        self.phase = READ
        self.focus: int | None = None
        self.selected: int | None = None
        self.typing = False
        self.reveal_progress = 1.0
        self.px = 26
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.column = WidgetColumn()
        self._ui = None

    # ---- what the facilitator does ------------------------------------------------------
    def open_vote(self) -> None:
        self.phase, self.focus, self.typing = VOTING, 0 if self.rows else None, False

    def reveal(self, animate: bool = True) -> None:
        self.phase, self.typing = REVEALED, False
        majority = self.vote.majority
        self.selected = self.vote.choices.index(majority) if majority is not None else None
        self.reveal_progress = 0.0 if animate else 1.0

    def reopen(self) -> None:
        """Back from the result to counting (a count was wrong)."""
        self.phase, self.selected, self.typing = VOTING, None, False
        self.focus = self.focus if self.focus is not None else 0

    def pick(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        if self.phase == READ:  # naming an option opens the vote on it
            self.open_vote()
        if self.phase == VOTING:
            self.focus, self.typing = index, False
        elif self.phase == REVEALED:
            self.selected = index

    def move(self, step: int) -> None:
        if not self.rows:
            return
        current = self.focus if self.phase == VOTING else self.selected
        if current is None:
            self.pick(0 if step > 0 else len(self.rows) - 1)
        else:
            self.pick(max(0, min(len(self.rows) - 1, current + step)))

    def digit(self, d: int) -> None:
        if self.phase != VOTING or self.focus is None:
            return
        cid = self.rows[self.focus].choice_id
        n = self.vote.counts[cid] * 10 + d if self.typing else d
        self.vote.set(cid, min(n, MAX_COUNT))
        self.typing = True

    def erase(self) -> None:
        if self.phase == VOTING and self.focus is not None:
            cid = self.rows[self.focus].choice_id
            self.vote.set(cid, self.vote.counts[cid] // 10)
            self.typing = True

    def navigate(self, dx: int, dy: int) -> None:
        """Arrows: up and down move between options, left and right change the hands."""
        if self.phase in (VOTING, REVEALED) and dy:
            self.move(dy)
            self.reveal_focus()
        elif self.phase == VOTING and dx:
            self.adjust(dx)

    def adjust(self, delta: int, index: int | None = None) -> None:
        index = self.focus if index is None else index
        if self.phase == VOTING and index is not None:
            self.focus, self.typing = index, False
            self.vote.add(self.rows[index].choice_id, delta)

    @property
    def chosen(self) -> str | None:
        """The option to take, once revealed and settled (None on an undecided tie)."""
        if self.phase != REVEALED or self.selected is None:
            return None
        return self.rows[self.selected].choice_id

    # ---- widget -------------------------------------------------------------------------
    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui
        t = ui.theme
        width = self.rect.width - t.px(22)  # room for the scroll bar
        gap = t.px(10)
        for size in TEXT_SIZES:
            self.px = t.fs(size)
            heights = [r.height_for(width, ui) for r in self.rows]
            if sum(heights) + gap * max(0, len(heights) - 1) + t.px(8) <= self.rect.height:
                break
        places, y = [], t.px(6)
        for row, h in zip(self.rows, heights):
            places.append((row, pygame.Rect(0, y, width, h)))
            y += h + gap
        self.column.layout(self.rect, ui, places)

    def process_event(self, intent) -> bool:
        """Pointer and wheel; True when the board changed."""
        if isinstance(intent, Scroll):
            return self.column.process_event(intent)
        if not isinstance(intent, (PointerMove, PointerDown, PointerUp)):
            return False
        changed = False
        for row in self.rows:
            if not row.rect.colliderect(self.column.rect):
                continue
            hit = row.process_event(intent)
            if hit == "pick":
                self.pick(row.index)
                changed = True
            elif isinstance(hit, Adjust):
                self.adjust(hit.step, row.index)
                changed = True
        return changed or isinstance(intent, PointerMove)

    def reveal_focus(self) -> None:
        index = self.focus if self.phase == VOTING else self.selected
        if index is not None and index < len(self.rows):
            self.column.reveal(self.rows[index])

    def update(self, dt: float) -> bool:
        if self.reveal_progress >= 1.0:
            return False
        self.reveal_progress = min(1.0, self.reveal_progress + dt / REVEAL_SECONDS)
        return True

    def draw(self, surface) -> None:
        self.column.draw(surface)
