"""The consequence panel: what the choice led to (its feedback and the meter changes),
shown over the play screen until the player continues."""
from __future__ import annotations

import pygame

from ..changes import split_outcome
from ..flow import Flow
from ..intents import Proceed
from ..widgets import Button, ScrollView, signed
from ..widgets.draw import box, dim, shadow


class ConsequencePanel:
    def __init__(self, scenario, outcome, lang: str):
        self.scenario, self.outcome, self.lang = scenario, outcome, lang
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.area = pygame.Rect(0, 0, 0, 0)
        self.view = ScrollView()
        self.button: Button | None = None
        self._ui = None

    def tx(self, text) -> str:
        return text.get(self.lang, self.scenario.languages) if text is not None else ""

    def layout(self, area, ui) -> None:
        """Centre the panel in ``area`` (the part of the screen below the meters)."""
        self._ui, self.area = ui, pygame.Rect(area)
        t = ui.theme
        width = min(self.area.width - 2 * t.margin, t.px(900))
        pad = t.px(32)
        flow = self._flow(ui, width - 2 * pad - t.px(20))
        self.button = Button(ui.t("continue"), "choice", value=Proceed())
        bw = min(width - 2 * pad, t.px(360))
        bh = self.button.height_for(bw, ui)
        chrome = 2 * pad + bh + t.px(24)
        height = min(flow.height + chrome, self.area.height - 2 * t.px(16))
        self.rect = pygame.Rect(0, 0, width, height)
        self.rect.center = self.area.center
        view = pygame.Rect(self.rect.left + pad, self.rect.top + pad, flow.width,
                           height - chrome)
        self.view.layout(view, ui)
        self.view.set_content(flow.render(ui.palette.panel))
        self.button.layout((self.rect.right - pad - bw, self.rect.bottom - pad - bh, bw, bh), ui)

    def _flow(self, ui, width: int) -> Flow:
        t, p, r = ui.theme, ui.palette, ui.text
        o = self.outcome
        flow = Flow(width)
        flow.add(r.block(ui.t("what_happened"), t.h2, p.text, width, "bold"), after=t.px(10))
        lead = ui.t("timed_out") if o.decision.timed_out else ui.t("you_chose")
        flow.add(r.block(lead, t.small, p.muted, width), after=t.px(2))
        flow.add(r.block(o.choice_text(self.lang), t.body, p.text, width, "bold"), after=t.px(20))
        if o.feedback is not None:
            flow.add(r.block(o.feedback_text(self.lang), t.body, p.text, width), after=t.px(20))
        own, arrival = split_outcome(self.scenario, o)
        if not own and not arrival:
            flow.add(r.block(ui.t("no_changes"), t.small, p.muted, width, "italic"))
        for head, changes in ((ui.t("by_your_choice"), own), (ui.t("by_what_follows"),
                                                             arrival.changes)):
            if changes and arrival:  # two causes: say which change is whose
                flow.add(r.block(head, t.small, p.muted, width, "bold"), after=t.px(6))
            change_rows(flow, ui, self.scenario, self.lang, changes)
        return flow

    def process_event(self, intent) -> bool:
        """True when the player chose to continue (by click)."""
        self.view.process_event(intent)
        return self.button.process_event(intent) if self.button else False

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface, dim_behind: bool = True) -> None:
        ui = self._ui
        t, p = ui.theme, ui.palette
        if dim_behind:
            dim(surface, self.area, p.overlay)
        shadow(surface, self.rect.move(0, t.px(6)), t.radius + t.px(4))
        box(surface, self.rect, p.panel, t.radius + t.px(4), p.border, t.border_width)
        self.view.draw(surface)
        self.button.draw(surface)


def change_rows(flow: Flow, ui, scenario, lang: str, changes: dict) -> None:
    """One ``change_row`` per changed meter, in the scenario's order of meters."""
    for meter_id, meter in scenario.meters.items():
        if meter_id in changes:
            a, b = changes[meter_id]
            change_row(flow, ui, meter.label.get(lang, scenario.languages), a, b, meter.good)


def arrival_card(flow: Flow, ui, scenario, lang: str, arrival, cause: str) -> None:
    """An arrival's meter changes with their cause, as a card at the top of a scene."""
    t, p = ui.theme, ui.palette
    pad = t.px(14)
    inner = Flow(flow.width - 2 * pad)
    inner.add(ui.text.block(cause, t.small, p.text, inner.width, "bold"), after=t.px(8))
    change_rows(inner, ui, scenario, lang, arrival.changes)
    flow.card(inner, p.panel_alt, p.muted, t.px(10), pad, max(2, t.border_width),
              after=t.px(18))


def arrival_note(ui, scenario, lang: str, note, scene_id: str):
    """``build_scene``'s ``before``: the note of what arriving in the scene did, or None."""
    if not note:
        return None
    cause = cause_of(ui, scenario, note, scene_id)
    return lambda flow: arrival_card(flow, ui, scenario, lang, note, cause)


def cause_of(ui, scenario, arrival, scene_id: str) -> str:
    """"Door dit bericht" when the scene on screen caused the change, else "meanwhile"."""
    scene = scenario.scenes.get(scene_id)
    if arrival.scene == scene_id and scene is not None:
        return ui.t("cause_" + scene.kind)
    return ui.t("cause_meanwhile")


def change_row(flow: Flow, ui, label_text: str, a: int, b: int, good_when: str) -> None:
    """A meter change as a coloured delta chip and "Label (from a to b)"; the chip is green
    when the change is good for that meter (``good_when``: "high" or "low")."""
    t, p, r = ui.theme, ui.palette, ui.text
    good = (b > a) == (good_when == "high")
    colour = p.good if good else p.bad
    badge_w = t.fs(78)
    delta = r.render(signed(b - a), t.body, p.panel, "bold")
    label = r.block(f"{label_text}  ({ui.t('change_from_to', a=a, b=b)})", t.body,
                    p.text, flow.width - badge_w - t.px(16))
    h = max(label.get_height(), delta.get_height() + t.px(8))

    def paint(surface, x, top):
        chip = pygame.Rect(x, top, badge_w, delta.get_height() + t.px(6))
        box(surface, chip, colour, t.px(8))
        surface.blit(delta, delta.get_rect(center=chip.center))
        surface.blit(label, (x + badge_w + t.px(16), top))
    flow.draw(paint, after=t.px(10), height=h)
