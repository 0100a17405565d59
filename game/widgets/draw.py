"""Drawing primitives the widgets share: rounded boxes, avatars and small icons.

The bundled font has no arrows, hearts or share symbols, so icons are drawn as shapes.
"""
from __future__ import annotations

import hashlib

import pygame


def box(surface, rect, fill, radius: int = 0, border=None, width: int = 0) -> None:
    rect = pygame.Rect(rect)
    if fill is not None:
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if border is not None and width:
        pygame.draw.rect(surface, border, rect, width=width, border_radius=radius)


_shades: dict[tuple, pygame.Surface] = {}


def header_band(surface, ui, height: int) -> None:
    """The panel across the top of a screen, with its rule underneath."""
    t, p = ui.theme, ui.palette
    w = t.size[0]
    box(surface, (0, 0, w, height), p.panel)
    pygame.draw.line(surface, p.border, (0, height), (w, height), t.border_width)


def dim(surface, rect, rgba) -> None:
    """Darken ``rect`` of ``surface`` by blending ``rgba`` over it."""
    rect = pygame.Rect(rect).clip(surface.get_rect())
    if rect.width and rect.height:
        key = (rect.size, tuple(rgba))
        shade = _shades.get(key)
        if shade is None:
            if len(_shades) > 16:  # window sizes come and go; keep the last few
                _shades.clear()
            shade = _shades[key] = pygame.Surface(rect.size, pygame.SRCALPHA)
            shade.fill(rgba)
        surface.blit(shade, rect.topleft)


def shadow(surface, rect, radius: int, alpha: int = 70) -> None:
    """A soft dark copy of a rounded box, drawn under it."""
    rect = pygame.Rect(rect)
    key = ("shadow", rect.size, radius, alpha)
    shade = _shades.get(key)
    if shade is None:
        shade = _shades[key] = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(shade, (0, 0, 0, alpha), shade.get_rect(), border_radius=radius)
    surface.blit(shade, rect.topleft)


AVATAR_COLOURS = [(31, 96, 128), (120, 72, 140), (150, 80, 40), (40, 110, 80),
                  (130, 50, 70), (70, 80, 150), (100, 100, 40), (60, 110, 120)]


def avatar_colour(name: str) -> tuple:
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return AVATAR_COLOURS[digest[0] % len(AVATAR_COLOURS)]


def initials(name: str) -> str:
    words = [w for w in name.replace("(", " ").replace("@", " ").split() if w[:1].isalnum()]
    capitals = [w for w in words if w[:1].isupper()] or words
    letters = "".join(w[0] for w in capitals[:1] + capitals[-1:] if w) if len(capitals) > 1 \
        else (capitals[0][:1] if capitals else "?")
    return letters.upper()


def avatar(surface, centre, radius: int, name: str, text, high_contrast: bool = False) -> None:
    """A round badge with the initials of ``name``; ``text`` is the TextRenderer."""
    colour = (0, 0, 0) if high_contrast else avatar_colour(name)
    pygame.draw.circle(surface, colour, centre, radius)
    if high_contrast:
        pygame.draw.circle(surface, (255, 255, 255), centre, radius, max(2, radius // 12))
    label = text.render(initials(name), max(8, int(radius * 0.9)), (255, 255, 255), "bold")
    surface.blit(label, label.get_rect(center=centre))


def heart(surface, rect, colour) -> None:
    r = pygame.Rect(rect)
    q = r.width // 4
    pygame.draw.circle(surface, colour, (r.left + q, r.top + q + 1), q + 1)
    pygame.draw.circle(surface, colour, (r.right - q, r.top + q + 1), q + 1)
    pygame.draw.polygon(surface, colour, [(r.left, r.top + q + 2), (r.right, r.top + q + 2),
                                          (r.centerx, r.bottom)])


def share(surface, rect, colour) -> None:
    """Two arrows in a loop, the way feeds show a repost."""
    r = pygame.Rect(rect)
    w = max(2, r.width // 7)
    top, bottom = r.top + r.height // 3, r.bottom - r.height // 3
    pygame.draw.line(surface, colour, (r.left + w, top), (r.right - w * 2, top), w)
    pygame.draw.line(surface, colour, (r.left + w * 2, bottom), (r.right - w, bottom), w)
    pygame.draw.line(surface, colour, (r.left + w, top), (r.left + w, bottom - w), w)
    pygame.draw.line(surface, colour, (r.right - w, bottom), (r.right - w, top + w), w)
    a = w * 2
    pygame.draw.polygon(surface, colour, [(r.right - w * 2, top - a), (r.right, top),
                                          (r.right - w * 2, top + a)])
    pygame.draw.polygon(surface, colour, [(r.left + w * 2, bottom - a), (r.left, bottom),
                                          (r.left + w * 2, bottom + a)])


def chevron(surface, rect, colour, down: bool = True) -> None:
    r = pygame.Rect(rect)
    if down:
        pts = [(r.left, r.top), (r.centerx, r.bottom), (r.right, r.top)]
    else:
        pts = [(r.left, r.bottom), (r.centerx, r.top), (r.right, r.bottom)]
    pygame.draw.lines(surface, colour, False, pts, max(2, r.width // 6))
