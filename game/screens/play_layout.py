"""Where the situation and the options go on the play screen, so that every option of a
decision is in view without scrolling (at 1024×768 and up, at the normal and large text
sizes); only a long situation scrolls.

The plan tries, in order: the situation beside the options with a narrower and narrower
situation column; the same with compact options (less padding, smaller gaps), then with
tight ones (also smaller text, at least 70 % of the body size); two columns of options
beside the situation; and last the options in two columns under the situation, over the
whole width. The first that shows every option whole is taken; if none does, the last
one-column plan beside the situation (its options scroll).
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...engine.state import Phase

from ..intents import ChooseChoice, ReadOn
from ..widgets import Button
from ..widgets.button import COMPACT, ROOMY, TIGHT

# of the width, for the situation beside the options, by how close the options are set
SHARES = {ROOMY: (0.58, 0.5, 0.42, 0.36), COMPACT: (0.42, 0.36, 0.3), TIGHT: (0.36, 0.3)}
ONE_BUTTON_SHARE = 0.7  # the situation's share beside a lone button
MIN_SITUATION_LINES = 2  # the options go under the situation only if it keeps this many


@dataclass(frozen=True)
class ChoicePlan:
    card: pygame.Rect     # the situation's card
    area: pygame.Rect     # the options, below their heading
    places: tuple         # (button, rect relative to ``area``)
    columns: int
    density: int          # ROOMY, COMPACT or TIGHT (widgets/button.py)

    @property
    def fits(self) -> bool:
        return all(r.bottom <= self.area.height for _, r in self.places)


def place(ui, buttons, width: int, columns: int, density: int) -> list:
    """Buttons in ``columns`` columns of ``width`` pixels in all, row by row."""
    t = ui.theme
    gap = t.px((14, 6, 5)[density])
    col_w = (width - gap * (columns - 1)) // columns
    for b in buttons:
        b.density = density
    places, y = [], t.px(6)
    for row in range(0, len(buttons), columns):
        cells = buttons[row:row + columns]
        h = max(b.height_for(col_w, ui) for b in cells)
        for i, b in enumerate(cells):
            places.append((b, pygame.Rect(i * (col_w + gap), y, col_w, h)))
        y += h + gap
    return places


def plan_choices(ui, buttons, main: pygame.Rect, head_h: int) -> ChoicePlan:
    t = ui.theme
    gap, bar = t.px(28), t.px(20)  # between the columns; room for the options' scroll bar

    def beside(share: float, columns: int, density: int) -> ChoicePlan:
        """The situation at ``share`` of the width, the options in ``columns`` beside it."""
        card = pygame.Rect(main.left, main.top, int((main.width - gap) * share), main.height)
        area = pygame.Rect(card.right + gap, main.top + head_h,
                           main.right - card.right - gap, main.height - head_h)
        return ChoicePlan(card, area, tuple(place(ui, buttons, area.width - bar, columns,
                                                  density)), columns, density)
    plan = None
    tries = [(share, 1, density) for density in (ROOMY, COMPACT, TIGHT)
             for share in SHARES[density]]
    if len(buttons) == 1:  # "Verder" (or one option): the text gets most of the width
        tries.insert(0, (ONE_BUTTON_SHARE, 1, ROOMY))
    if len(buttons) > 2:  # then two columns of close-set options beside the situation
        tries += [(share, 2, density) for density in (COMPACT, TIGHT)
                  for share in SHARES[density]]
    for share, columns, density in tries:
        candidate = beside(share, columns, density)
        if candidate.fits:
            return candidate
        if columns == 1:
            plan = candidate  # the last one-column plan: the options scroll in it
    columns = 2 if len(buttons) > 1 else 1
    places = place(ui, buttons, main.width - bar, columns, TIGHT)
    need = max((r.bottom for _, r in places), default=0)
    card_h = main.height - need - head_h - t.px(14)
    if card_h >= MIN_SITUATION_LINES * ui.text.line_height(t.body) + t.px(44):
        card = pygame.Rect(main.left, main.top, main.width, card_h)
        area = pygame.Rect(main.left, card.bottom + t.px(14) + head_h, main.width, need)
        return ChoicePlan(card, area, tuple(places), columns, TIGHT)
    for b in buttons:  # the options scroll beside the situation, as the plan placed them
        b.density = plan.density
    return plan


def title_blocks(ui, scenario, lang: str, width: int, beside: bool):
    """The scenario's title and the player's role (see ``heading_blocks``)."""
    role = scenario.role.get(lang, scenario.languages)
    return heading_blocks(ui, scenario.title.get(lang, scenario.languages),
                          ui.t("role", role=role) if role else "", width, beside)


def heading_blocks(ui, title: str, sub: str, width: int, beside: bool):
    """A top bar's title (bold, body size) and the line under it (small), wrapped to
    ``width`` and never cut; the line goes ``beside`` a title that fits on one line when
    there is room: (title, line or None, where the line goes relative to the title)."""
    t, p = ui.theme, ui.palette
    title_img = ui.text.block(title, t.body, p.text, width, "bold")
    if not sub:
        return title_img, None, (0, title_img.get_height())
    one_line = ui.text.size(title, t.body, "bold")[0]
    if beside and ui.text.size("· " + sub, t.small)[0] <= width - one_line - t.px(16):
        return (title_img, ui.text.render("· " + sub, t.small, p.muted),
                (one_line + t.px(16), ui.text.line_height(t.body) - ui.text.line_height(t.small)))
    return title_img, ui.text.block(sub, t.small, p.muted, width), (0, title_img.get_height())


def heading_height(blocks) -> int:
    """The height of ``heading_blocks``' title and the line under it (if not beside)."""
    title_img, sub_img, at = blocks
    return title_img.get_height() + (sub_img.get_height() if sub_img and at[0] == 0 else 0)


def choice_buttons(ui, session, lang: str) -> list:
    """The options the session offers as numbered buttons (or 'Verder' for a scene that
    only continues); with --watch, hidden options too, greyed, with their condition."""
    if session.phase is not Phase.SCENE:
        return []
    if session.view.can_continue:
        return [Button(ui.t("continue"), "choice", value=ReadOn())]
    out, n = [], 0
    for view in session.view.choice_views():
        text = session.view.choice_text(view.choice, lang)
        if view.available:
            n += 1
            out.append(Button(text, "choice", number=n, value=ChooseChoice(view.choice.id)))
        elif ui.author_mode:
            why = view.reason.condition if view.reason else ""
            out.append(Button(text, "choice", enabled=False, note=ui.t("author_hidden", why=why)))
    return out
