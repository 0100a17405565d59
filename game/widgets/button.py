"""Buttons and the focus among them (mouse hover and click; arrows, numbers and Enter)."""
from __future__ import annotations

import pygame

from ..intents import Choose, Confirm, Navigate, PointerDown, PointerMove, PointerUp
from .draw import box

STYLES = ("choice", "secondary", "segment", "selected")
# how close a decision's options are set, so that all of them are in view: roomy, compact
# (less padding, a smaller number badge) and tight (also smaller text, within the floor
# of 70 % of the body size that keeps a label legible from five metres)
ROOMY, COMPACT, TIGHT = 0, 1, 2
DENSITIES = (ROOMY, COMPACT, TIGHT)


class Button:
    """A button with a wrapped label. ``style``: 'choice' (the accent colour, with a
    number badge), 'secondary' (menus), 'segment' / 'selected' (an option in a row)."""

    def __init__(self, label: str, style: str = "secondary", number: int | None = None,
                 enabled: bool = True, note: str = "", value=None):
        assert style in STYLES, style
        self.label, self.style, self.number = label, style, number
        self.enabled, self.note, self.value = enabled, note, value
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.hover = self.pressed = self.focused = False
        self._ui = None
        self._lines: list[str] = []
        self.density = ROOMY  # closer set: so that every option of a decision is in view

    # ---- layout -------------------------------------------------------------------------
    def _pad(self, ui) -> tuple[int, int, int]:
        """(left, right, vertical) padding; the choice badge sits in the left one."""
        p = ui.theme.px(10 if self.style in ("segment", "selected") else 18)
        left = p + (self._badge_size(ui) + p if self.number is not None else 0)
        return left, p, ui.theme.px((12, 6, 4)[self.density])

    def _badge_size(self, ui) -> int:
        """The number badge's diameter: smaller in a closer layout (five options of a
        decision in view at 1280×720 in large text), never below the number's own height."""
        return ui.theme.fs((40, 32, 29)[self.density])

    def text_px(self, ui) -> int:
        """The label's type size: a choice's is smaller only in the tight layout."""
        if self.style != "choice":
            return ui.theme.fs(24)
        return ui.theme.fs(22) if self.density == TIGHT else ui.theme.button

    def height_for(self, width: int, ui) -> int:
        left, right, v = self._pad(ui)
        px = self.text_px(ui)
        lines = ui.text.wrap(self.label, px, width - left - right, self._font_style())
        body = len(lines) * ui.text.line_height(px) + self._note_height(width - left - right, ui)
        least = ui.theme.px(44 if self.density else 56 if self.style == "choice" else 48)
        if self.number is not None:  # the number's badge
            least = max(least, self._badge_size(ui) + 2 * v)
        return max(body + 2 * v, least)

    def _note_height(self, width: int, ui) -> int:
        """The note under the label (why a button is off, a hidden option's condition),
        wrapped, never cut."""
        if not self.note:
            return 0
        return len(ui.text.wrap(self.note, ui.theme.small, width, "italic")) * \
            ui.text.line_height(ui.theme.small)

    def _font_style(self) -> str:
        return "bold" if self.style in ("choice", "selected") else "regular"

    def layout(self, rect, ui) -> None:
        self.rect = pygame.Rect(rect)
        self._ui = ui
        left, right, _ = self._pad(ui)
        self._lines = ui.text.wrap(self.label, self.text_px(ui), self.rect.width - left - right,
                                   self._font_style())

    # ---- events -------------------------------------------------------------------------
    def process_event(self, intent) -> bool:
        """True when the button was clicked (pressed and released on it)."""
        if isinstance(intent, PointerMove):
            self.hover = self.rect.collidepoint(intent.pos)
        elif isinstance(intent, PointerDown):
            self.pressed = self.enabled and self.rect.collidepoint(intent.pos)
        elif isinstance(intent, PointerUp):
            clicked = self.pressed and self.rect.collidepoint(intent.pos)
            self.pressed = False
            self.hover = self.rect.collidepoint(intent.pos)
            return clicked and self.enabled
        return False

    def update(self, dt: float) -> bool:
        return False

    # ---- drawing ------------------------------------------------------------------------
    def colours(self) -> tuple[tuple, tuple, tuple | None]:
        """(fill, text, border) for the current state."""
        p = self._ui.palette
        if not self.enabled:
            return p.disabled, p.disabled_text, p.border
        lit = self.hover or self.pressed
        if self.style == "choice":
            return (p.accent_hover if lit else p.accent), p.accent_text, None
        if self.style == "selected":
            return p.fill, p.panel, None
        return (p.button_hover if lit else p.button), p.button_text, p.border

    def draw(self, surface) -> None:
        if self._ui is None or not self.rect.width:
            return
        ui, t = self._ui, self._ui.theme
        fill, ink, border = self.colours()
        r = t.radius
        if self.focused:
            ring = self.rect.inflate(t.px(10), t.px(10))
            box(surface, ring, None, r + t.px(5), t.palette.focus, max(3, t.px(4)))
        box(surface, self.rect, fill, r, border, t.border_width if border else 0)
        left, right, _ = self._pad(ui)
        px = self.text_px(ui)
        lh = ui.text.line_height(px)
        note_h = self._note_height(self.rect.width - left - right, ui)
        y = self.rect.top + (self.rect.height - len(self._lines) * lh - note_h) // 2
        if self.number is not None:
            self._badge(surface, fill, ink)
        centred = self.style in ("segment", "selected") or (
            self.number is None and not self.note and len(self._lines) == 1)
        pad = (lh - ui.text.font(px).get_height()) // 2
        ui.text.rendered.add(self.label)  # drawn whole, in wrapped lines (as text.block does)
        for line in self._lines:
            img = ui.text.render(line, px, ink, self._font_style())
            x = (self.rect.centerx - img.get_width() // 2) if centred else self.rect.left + left
            surface.blit(img, (x, y + pad))
            y += lh
        if self.note:
            img = ui.text.block(self.note, t.small, ink, self.rect.width - left - right, "italic")
            surface.blit(img, (self.rect.left + left, y + pad))

    def _badge(self, surface, fill, ink) -> None:
        t = self._ui.theme
        d = self._badge_size(self._ui)
        centre = (self.rect.left + t.px(18) + d // 2, self.rect.centery)
        pygame.draw.circle(surface, ink, centre, d // 2)
        num = self._ui.text.render(str(self.number), t.fs(22 if self.density == TIGHT else 25),
                                   fill, "bold")
        surface.blit(num, num.get_rect(center=(centre[0], centre[1] + 1)))


class FocusGroup:
    """Keyboard focus over buttons in reading order; ``Choose(n)`` presses the n-th
    numbered button. ``process_event`` returns the activated button (or None)."""

    def __init__(self, buttons: list[Button] | None = None, columns: int = 1):
        self.buttons: list[Button] = buttons or []
        self.columns = columns
        self.index: int | None = None
        self.keyboard = False  # the focus ring shows after keyboard use only

    def set(self, buttons: list[Button], columns: int = 1, keep: bool = True) -> None:
        old = self.index if keep else None
        self.buttons, self.columns = buttons, columns
        self.index = old if old is not None and old < len(buttons) else None
        self._mark()

    def renew(self, buttons: list, columns: int = 1) -> None:
        """Buttons made anew by a layout: the focus stays on the one with the same value."""
        old = self.focused()
        self.set(buttons, columns, keep=False)
        again = next((b for b in buttons if old is not None and b.value == old.value
                      and b.enabled), None)
        if again is not None:
            self.focus(again)

    def focused(self) -> Button | None:
        return self.buttons[self.index] if self.index is not None else None

    def focus(self, button: Button, keyboard: bool | None = None) -> None:
        self.index = self.buttons.index(button)
        if keyboard is not None:
            self.keyboard = keyboard
        self._mark()

    def _mark(self) -> None:
        for i, b in enumerate(self.buttons):
            b.focused = self.keyboard and i == self.index

    def process_event(self, intent) -> Button | None:
        if isinstance(intent, Navigate):
            self.keyboard = True
            self._move(intent.dx + intent.dy * self.columns)
            return None
        if isinstance(intent, Confirm):
            b = self.focused()
            if b is not None and b.enabled:
                return b
            return None
        if isinstance(intent, Choose):
            numbered = [b for b in self.buttons if b.number == intent.number and b.enabled]
            return numbered[0] if numbered else None
        if isinstance(intent, (PointerMove, PointerDown, PointerUp)):
            hit = None
            for b in self.buttons:
                if b.process_event(intent):
                    hit = b
            if isinstance(intent, PointerMove) and self.keyboard:
                self.keyboard = False
                self._mark()
            return hit
        return None

    def pressed(self, intent):
        """The intent of the button this input activated (its ``value``), or None."""
        hit = self.process_event(intent)
        return getattr(hit, "value", None)  # a card or a row in the group has no value

    def _move(self, step: int) -> None:
        enabled = [i for i, b in enumerate(self.buttons) if b.enabled]
        if not enabled:
            return
        if self.index is None or self.index not in enabled:
            self.index = enabled[0] if step >= 0 else enabled[-1]
        else:
            target = self.index + step
            if target in enabled:
                self.index = target
            elif 0 <= target < len(self.buttons):  # skip a disabled one in that direction
                further = [i for i in enabled if (i - self.index) * step > 0]
                if further:
                    self.index = min(further, key=lambda i: abs(i - self.index))
        self._mark()

    def draw(self, surface) -> None:
        for b in self.buttons:
            b.draw(surface)
