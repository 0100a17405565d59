"""The facilitator's view of a workshop (Tab toggles it; the room view is hidden meanwhile):
the scene's facilitator note, every option's consequence and debrief in advance (also the
options hidden from this team), the ending's debrief questions, and a line to type a note
that is stored with the step.

Typing is always on here: letters and digits go into the note, Enter stores it, Tab or Esc
returns to the room.
"""
from __future__ import annotations

import pygame

from ...engine.state import Phase
from ...storage import StoreError

from ..flow import Flow
from ..intents import Back, Confirm, Erase, POINTER, Scroll, TabKey, TypeText
from ..widgets import ScrollView, signed
from ..widgets.draw import box
from ..widgets.tally import REVEALED, VOTING
from ..widgets.teambar import chip, chip_size
from ..widgets.textfield import TextField
from ..workshop_vote import letter
from .base import Screen

NOTES_SHARE = 0.4  # of the width, for the scene's note and the notes typed


class FacilitatorScreen(Screen):
    text_mode = True  # the note line takes every key that types

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play  # the WorkshopScreen below: it owns the run and the vote
        self.view = ScrollView()
        self.notes_view = ScrollView(keyboard=False)
        self.field = TextField(placeholder="")

    @property
    def run(self):
        return self.play.run

    @property
    def session(self):
        return self.play.session

    def tx(self, text) -> str:
        return text.get(self.play.lang, self.play.scenario.languages) if text is not None else ""

    def layout_key(self) -> tuple:
        s = self.session
        return (id(s), s.scene_id, s.phase, len(s.decisions), len(self.run.notes),
                tuple(self.play.board.vote.counts.values()), self.app.room is not None)

    # ---- layout -------------------------------------------------------------------------
    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m, gap = t.margin, t.px(28)
        key = "facilitator_only_room" if self.app.room is not None else "facilitator_only"
        room = w - 2 * m - chip_size(ui, ui.t("facilitator_view"))[0] - t.px(16)
        if self.app.phones is not None:  # room for the live count (draw)
            room -= w // 4  # the count ("Code ABC123 · 28 telefoons · 17 gestemd") fits in a quarter
        self.band_img = ui.text.block(ui.t(key), t.small, ui.palette.bg, room)  # never cut
        self.band_h = max(ui.text.line_height(t.body), self.band_img.get_height()) + 2 * t.px(12)
        top = self.band_h + t.px(18)
        notes_w = int((w - 2 * m - gap) * NOTES_SHARE)
        left = pygame.Rect(m, top, w - 2 * m - gap - notes_w, h - top - m)
        self.notes_card = pygame.Rect(left.right + gap, top, notes_w, h - top - m)
        self.view.layout(left.inflate(-t.px(16), 0).move(-t.px(8), 0), ui)
        self.view.set_content(self._guide(ui, self.view.rect.width).render(ui.palette.bg),
                              keep_offset=True)
        inner = self.notes_card.inflate(-2 * t.px(20), -2 * t.px(18))
        self.field.placeholder = ui.t("note_placeholder")
        fh = self.field.height_for(ui)
        hint_h = ui.text.line_height(t.small)
        self.field.layout((inner.left, inner.bottom - hint_h - t.px(6) - fh, inner.width, fh), ui)
        self.hint_y = inner.bottom - hint_h
        notes_rect = pygame.Rect(inner.left, inner.top, inner.width - t.px(14),
                                 self.field.rect.top - t.px(14) - inner.top)
        self.notes_view.layout(notes_rect, ui)
        self.notes_view.set_content(self._notes(ui, notes_rect.width).render(ui.palette.panel),
                                    keep_offset=True)

    def _guide(self, ui, width: int) -> Flow:
        t, p, r = ui.theme, ui.palette, ui.text
        s = self.session
        flow = Flow(width)
        scene_id = self.run.here()[1]
        where = f"{self.run.label} · {self.play.step_text(ui)} · {ui.t('scene_id', id=scene_id)}"
        flow.add(r.block(where, t.small, p.muted, width, "bold"), after=t.px(10))
        if s.ended:
            self._ending(flow, ui, width)
            return flow
        views = self._choice_views()
        if views:
            flow.add(r.block(ui.t("facilitator_options"), t.h2, p.text, width, "bold"),
                     after=t.px(10))
        n = 0
        for choice, available in views:
            self._choice(flow, ui, width, choice, letter(n) if available else None)
            n += available
        return flow

    def _choice_views(self) -> list:
        """(choice, available) for the scene's options; at the consequence, as they were."""
        s = self.session
        if s.phase is Phase.SCENE:
            return [(v.choice, v.available) for v in s.view.choice_views()]
        if s.phase is Phase.CONSEQUENCE and s.decisions:
            d = s.decisions[-1]
            scene = self.play.scenario.scenes[d.scene]
            return [(c, c.id in d.offered) for c in scene.choices]
        return []

    def _choice(self, flow: Flow, ui, width: int, choice, name: str | None) -> None:
        t, p, r = ui.theme, ui.palette, ui.text
        inner = Flow(width - 2 * t.px(16))
        shown = self.session.view.as_offered  # as the options were offered, also at a consequence
        head = f"{name}  {shown(choice.text, self.play.lang)}" if name else \
            shown(choice.text, self.play.lang)
        inner.add(r.block(head, t.body, p.text if name else p.muted, inner.width, "bold"),
                  after=t.px(6))
        if name is None:
            inner.add(r.block(ui.t("facilitator_hidden"), t.small, p.muted, inner.width, "italic"),
                      after=t.px(4))
        if self._taken(choice):
            inner.add(r.block(ui.t("facilitator_taken"), t.small, p.accent, inner.width, "bold"),
                      after=t.px(4))
        counts = self.play.board.vote.counts
        if name is not None and choice.id in counts and self.play.board.phase in (VOTING, REVEALED):
            inner.add(r.block(ui.t("vote_total", n=counts[choice.id]), t.small, p.text,
                              inner.width, "bold"), after=t.px(4))
        for key, text in (("facilitator_feedback", choice.feedback),
                          ("facilitator_lesson", choice.debrief)):
            if text is not None:
                inner.add(r.block(f"{ui.t(key)}: {shown(text, self.play.lang)}", t.small, p.text,
                                  inner.width),
                          after=t.px(4))
        effects = self._effects(choice)
        if effects:
            inner.add(r.block(effects, t.small, p.muted, inner.width, "bold"))
        flow.card(inner, p.panel if name else p.panel_alt, p.border, t.px(10), t.px(16),
                  t.border_width, after=t.px(12))

    def _taken(self, choice) -> bool:
        s = self.session
        return s.phase is Phase.CONSEQUENCE and bool(s.decisions) and \
            s.decisions[-1].choice == choice.id

    def _effects(self, choice) -> str:
        meters = self.play.scenario.meters
        return " · ".join(f"{self.tx(meters[k].label)} {signed(v)}"
                          for k, v in choice.effects.adds if k in meters)

    def _ending(self, flow: Flow, ui, width: int) -> None:
        t, p, r = ui.theme, ui.palette, ui.text
        ending = self.session.view.ending
        flow.add(r.block(self.tx(ending.title), t.h2, p.text, width, "bold"), after=t.px(12))
        flow.add(r.block(ui.t("debrief"), t.h2, p.text, width, "bold"), after=t.px(8))
        if not ending.debrief_questions:
            flow.add(r.block(ui.t("facilitator_no_note"), t.body, p.muted, width, "italic"))
        for i, q in enumerate(ending.debrief_questions, 1):
            flow.add(r.block(f"{i}. {self.tx(q)}", t.body, p.text, width), after=t.px(8))

    def _notes(self, ui, width: int) -> Flow:
        """The scene's facilitator note, then the notes typed at this step."""
        t, p, r = ui.theme, ui.palette, ui.text
        flow = Flow(width)
        if not self.session.ended:
            scene = self.play.scenario.scenes.get(self.run.here()[1])
            note = self.tx(getattr(scene, "debrief", None))
            flow.add(r.block(ui.t("facilitator_scene_note"), t.h2, p.text, width, "bold"),
                     after=t.px(6))
            flow.add(r.block(note or ui.t("facilitator_no_note"), t.small,
                             p.text if note else p.muted, width, "regular" if note else "italic"),
                     after=t.px(22))
        flow.add(r.block(ui.t("facilitator_notes"), t.h2, p.text, width, "bold"), after=t.px(10))
        here = self.run.notes_here()
        if not here:
            flow.add(r.block(ui.t("facilitator_no_notes"), t.small, p.muted, width, "italic"))
        for text in here:
            flow.add(r.block(f"• {text}", t.small, p.text, width), after=t.px(6))
        return flow

    # ---- input --------------------------------------------------------------------------
    def handle(self, intent) -> None:
        if isinstance(intent, (TabKey, Back)):
            self.app.pop(self)
        elif isinstance(intent, (TypeText, Erase)):
            self.field.process_event(intent)
        elif isinstance(intent, Confirm):
            self.save_note()
        elif isinstance(intent, Scroll):
            self.notes_view.process_event(intent) or self.view.process_event(intent)
        elif isinstance(intent, POINTER):
            pass

    def save_note(self) -> None:
        try:
            saved = self.run.note(self.field.value)
        except StoreError as exc:
            self.app.toast(self.ui.t("store_error", error=str(exc)), "bad")
            return
        if saved is not None:
            self.field.clear()
            self.app.toast(self.ui.t("note_saved"), "good")
            self.invalidate()

    def update(self, dt: float) -> bool:
        self.play.tick(dt)  # the room's clock and countdown run on
        phones = self.app.phones  # --phones: the live count of votes
        return phones.sync(self.play) if phones is not None else False

    def wake_in(self) -> float | None:
        return self.play.wake_in()

    # ---- drawing ------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ui, t, p = self.ui, self.ui.theme, self.ui.palette
        w = t.size[0]
        box(surface, (0, 0, w, self.band_h), p.text)
        rect = chip(surface, ui, ui.t("facilitator_view"), (t.margin, t.px(10)), p.focus)
        img = self.band_img
        phones = self.app.phones
        if phones is not None:  # --phones: the live count, at the right end of the band
            from ..phones_words import words_for
            status = ui.text.render(phones.status(words_for(ui.lang)), t.small, p.bg, "bold")
            surface.blit(status, (w - t.margin - status.get_width(),
                                  self.band_h // 2 - status.get_height() // 2))
        surface.blit(img, (rect.right + t.px(16), self.band_h // 2 - img.get_height() // 2))
        self.view.draw(surface)
        box(surface, self.notes_card, p.panel, t.radius, p.border, t.border_width)
        self.notes_view.draw(surface)
        self.field.draw(surface)
        hint = ui.text.render(ui.text.ellipsize(ui.t("note_hint"), t.small, self.field.rect.width),
                              t.small, p.muted)
        surface.blit(hint, (self.field.rect.left, self.hint_y))
