"""The ending: its title, tone and text, the final meters, the path of decisions taken and
the debrief questions; play again or back to the menu."""
from __future__ import annotations

import pygame

from ...engine.replay import outcomes

from ..flow import Flow
from ..intents import Back, PlayAgain, Scroll, ToMenu
from ..widgets import Button, FocusGroup, MeterHud, ScrollView
from ..widgets.draw import box
from ..widgets.motion import Reward
from .base import Screen
from .scene_view import add_picture


def final_meters(flow: Flow, ui, scenario, lang: str, values: dict) -> None:
    """The heading "Final score" and a bar per meter, one under the other."""
    if not scenario.meters:
        return
    t = ui.theme
    flow.add(ui.text.block(ui.t("final_meters"), t.h2, ui.palette.text, flow.width, "bold"),
             after=t.px(10))
    hud = MeterHud(scenario, lang, values)
    hud.columns = lambda w, ui_: 1
    h = hud.height_for(flow.width, ui)
    hud.layout((0, 0, flow.width, h), ui)

    def paint(surface, x, top):
        hud.rect.topleft = (x, top)
        hud.draw(surface)
    flow.draw(paint, after=t.px(24), height=h)


class EndingScreen(Screen):
    def __init__(self, app, play):
        super().__init__(app)
        self.play = play  # the PlayScreen below: it owns the session
        self.left = ScrollView()
        self.right = ScrollView(keyboard=False)
        self.focus = FocusGroup()
        self.again = self.menu = None
        # the moment of the ending (not under reduced motion); sparks for a good one
        app.cue("ending")
        self.reward = Reward(animate=not app.settings.reduced_motion,
                             sparks=play.session.view.ending is not None
                             and play.session.view.ending.tone == "good")

    @property
    def session(self):
        return self.play.session

    def layout_key(self) -> tuple:
        s = self.session
        return (id(s), s.scene_id, len(s.decisions), self.play.lang)

    def ensure_layout(self) -> None:
        if self.session.ended:  # after an undo this screen only waits to be popped
            super().ensure_layout()

    def tx(self, text) -> str:
        return text.get(self.play.lang, self.play.scenario.languages) if text is not None else ""

    def layout(self, ui) -> None:
        t = ui.theme
        w, h = t.size
        m, gap = t.margin, t.px(36)
        bh = t.px(56)
        self.band_h = t.px(12)
        top = self.band_h + m
        bottom = h - m - bh - t.px(20)
        left_w = int((w - 2 * m - gap) * 0.56)
        self.left_rect = pygame.Rect(m, top, left_w, bottom - top)
        self.right_card = pygame.Rect(m + left_w + gap, top, w - 2 * m - left_w - gap, bottom - top)
        inner = self.right_card.inflate(-2 * t.px(24), -2 * t.px(22))
        inner.width -= t.px(14)
        self.left.fill(self.left_rect.inflate(-t.px(16), 0).move(-t.px(8), 0), ui, self._story,
                       ui.palette.bg, keep_offset=True)
        self.right.fill(inner, ui, self._record, ui.palette.panel, keep_offset=True)
        self.again = Button(ui.t("play_again"), value=PlayAgain())
        self.menu = Button(ui.t("to_menu"), value=ToMenu())
        bw = t.px(300)
        self.again.layout((m, h - m - bh, bw, bh), ui)
        self.menu.layout((m + bw + t.px(20), h - m - bh, bw, bh), ui)
        self.focus.set([self.again, self.menu])

    def _story(self, ui, width: int) -> Flow:
        t, p, r = ui.theme, ui.palette, ui.text
        ending = self.session.view.ending
        flow = Flow(width)
        self._above_story(flow, ui, width)
        tone = ui.t(f"tone_{ending.tone}")
        chip = r.render(f"{ui.t('ending')} · {tone}".upper(), t.small, p.panel, "bold")
        colour = t.tone_colour(ending.tone)

        def paint(surface, x, top):
            rect = pygame.Rect(x, top, chip.get_width() + t.px(28), chip.get_height() + t.px(10))
            box(surface, rect, colour, t.px(8))
            surface.blit(chip, chip.get_rect(center=rect.center))
        flow.draw(paint, after=t.px(16), height=chip.get_height() + t.px(10))
        add_picture(flow, ui, self.app.images, self.play.scenario.path, ending.image,
                    self.left_rect.height)
        flow.add(r.block(self.tx(ending.title), t.h1, p.text, width, "bold"), after=t.px(14))
        flow.add(r.block(self.session.view.text(self.play.lang), t.body, p.text, width), after=t.px(28))
        if ending.debrief_questions:
            flow.add(r.block(ui.t("debrief"), t.h2, p.text, width, "bold"), after=t.px(10))
            num_w = t.fs(40)
            for i, q in enumerate(ending.debrief_questions, 1):
                num = r.render(f"{i}.", t.body, p.muted, "bold")
                text = r.block(self.tx(q), t.body, p.text, width - num_w)
                rect = flow.add(text, x=num_w, after=t.px(10))
                flow.add_beside(num, 0, rect.top + (r.line_height(t.body) - num.get_height()) // 2)
        return flow

    def _above_story(self, flow: Flow, ui, width: int) -> None:
        """What comes above the ending's title (a "wat als" ending marks itself there)."""

    def _record(self, ui, width: int) -> Flow:
        t, p, r = ui.theme, ui.palette, ui.text
        scenario = self.play.scenario
        flow = Flow(width)
        final_meters(flow, ui, scenario, self.play.lang, self.session.view.meters())
        flow.add(r.block(ui.t("your_path"), t.h2, p.text, width, "bold"), after=t.px(10))
        if not self.session.decisions:
            flow.add(r.block(ui.t("no_decisions"), t.body, p.muted, width, "italic"))
        num_w = t.fs(40)
        for outcome in outcomes(scenario, self.session.state):  # each as it was offered
            d = outcome.decision
            num = r.render(f"{d.index + 1}.", t.small, p.muted, "bold")
            text = r.block(outcome.choice_text(self.play.lang), t.small, p.text, width - num_w,
                           "italic" if d.timed_out else "regular")
            rect = flow.add(text, x=num_w, after=t.px(8))
            flow.add_beside(num, 0, rect.top + (r.line_height(t.small) - num.get_height()) // 2)
        return flow

    def handle(self, intent) -> None:
        if isinstance(intent, Back):
            from .pause import PauseScreen
            self.app.push(PauseScreen(self.app, self.play))
            return
        if isinstance(intent, Scroll):
            self.left.process_event(intent) or self.right.process_event(intent)
            return
        hit = self.focus.process_event(intent)
        if hit is None:
            return
        if isinstance(hit.value, PlayAgain):
            self.play.restart()
            self.app.pop(self)
        elif isinstance(hit.value, ToMenu):
            self.app.to_title()

    def update(self, dt: float) -> bool:
        if not self.session.ended:  # taken back (undo) or reloaded: back to the play screen
            self.app.pop(self)
            return True
        return self.reward.update(dt)

    def draw(self, surface) -> None:
        if not self.session.ended:
            return
        t, p = self.ui.theme, self.ui.palette
        w = t.size[0]
        tone = t.tone_colour(self.session.view.ending.tone)
        self.reward.band(surface, (0, 0, w, self.band_h), tone)
        self.left.draw(surface)
        box(surface, self.right_card, p.panel, t.radius, p.border, t.border_width)
        self.right.draw(surface)
        self.focus.draw(surface)
        self.reward.burst(surface, (self.left.rect.left + t.px(440), self.left.rect.top + t.px(18)),
                          t.px(60), tone)  # beside the tone chip, where the column is empty
