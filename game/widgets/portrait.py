"""Portraits drawn from a character's name and role: a clean illustrated bust in a circle
(background, shoulders, head, hair), the same for the same name every time. The name picks
the background, skin tone and hair; the role picks the clothes (a dark suit with a white
collar for office holders and officials, a coloured top otherwise). No image files, no
licences: the game draws them. High contrast: the initials in a white ring (or, without a
text renderer, a white outline on black)."""
from __future__ import annotations

import hashlib
from functools import lru_cache

import pygame

from .draw import avatar

BACKGROUNDS = [(196, 222, 235), (226, 210, 236), (240, 218, 196), (204, 230, 212),
               (238, 206, 214), (212, 216, 240), (228, 228, 196), (200, 228, 228)]
SKIN = [(250, 220, 196), (236, 196, 160), (214, 168, 128), (178, 128, 90), (132, 90, 60),
        (98, 66, 46)]
HAIR = [(40, 30, 24), (92, 60, 36), (150, 110, 60), (200, 170, 110), (120, 120, 120),
        (70, 40, 30)]
TOPS = [(196, 80, 60), (60, 120, 170), (90, 150, 90), (200, 150, 50), (130, 90, 160),
        (80, 80, 90)]
SUIT = (44, 52, 70)
FORMAL = ("burgemeester", "wethouder", "raadslid", "griffier", "secretaris", "directeur",
          "ambtenaar", "adviseur", "teamleider", "officier", "mayor", "alderman", "councillor",
          "clerk", "officer", "adviser", "advisor", "director", "manager", "voorzitter", "chair")


def _pick(seq, digest: bytes, i: int):
    return seq[digest[i] % len(seq)]


def formal(role: str) -> bool:
    role = role.lower()
    return any(word in role for word in FORMAL)


@lru_cache(maxsize=256)
def portrait_surface(name: str, role: str, radius: int, high_contrast: bool) -> pygame.Surface:
    d = hashlib.sha1(name.encode("utf-8")).digest()
    size = 2 * radius
    s = pygame.Surface((size, size), pygame.SRCALPHA)
    ink = (255, 255, 255)
    bg = (0, 0, 0) if high_contrast else _pick(BACKGROUNDS, d, 0)
    s.fill((*bg, 255))
    # shoulders: a wide ellipse rising from the bottom
    body = pygame.Rect(0, 0, round(size * 0.86), round(size * 0.62))
    body.midtop = (radius, round(size * 0.7))
    suit = formal(role)
    top = SUIT if suit else _pick(TOPS, d, 1)
    neck_w = round(size * 0.16)
    skin = _pick(SKIN, d, 2)
    if high_contrast:
        pygame.draw.ellipse(s, ink, body, max(2, radius // 14))
    else:
        pygame.draw.rect(s, skin, (radius - neck_w // 2, round(size * 0.55), neck_w,
                                   round(size * 0.2)))
        pygame.draw.ellipse(s, top, body)
        if suit:  # a white collar in a V
            v = round(size * 0.12)
            pygame.draw.polygon(s, (245, 245, 245), [(radius - v, body.top + 2),
                                                     (radius + v, body.top + 2),
                                                     (radius, body.top + round(v * 1.6))])
    # head and hair
    head_r = round(size * 0.2)
    head = (radius, round(size * 0.44))
    hair = _pick(HAIR, d, 3)
    style = d[4] % 4
    if not high_contrast and style == 1:  # long hair behind the head
        pygame.draw.rect(s, hair, (head[0] - head_r - 2, head[1] - head_r // 2, 2 * head_r + 4,
                                   round(head_r * 1.7)), border_radius=head_r // 2)
    if high_contrast:
        pygame.draw.circle(s, ink, head, head_r, max(2, radius // 14))
    else:
        pygame.draw.circle(s, skin, head, head_r)
        if style in (0, 1, 3):  # hair on top
            cap = pygame.Rect(0, 0, 2 * head_r + 2, round(head_r * 1.3))
            cap.midtop = (head[0], head[1] - head_r - 2)
            pygame.draw.ellipse(s, hair, cap)
            pygame.draw.rect(s, skin, (head[0] - head_r + 3, head[1] - head_r // 3,
                                       2 * head_r - 6, head_r))
            pygame.draw.circle(s, skin, (head[0], head[1] + 2), head_r - 3)
        if style == 3:  # a bun
            pygame.draw.circle(s, hair, (head[0], head[1] - head_r - head_r // 3), head_r // 2)
    # clip to the circle
    mask = pygame.Surface((size, size), pygame.SRCALPHA)
    pygame.draw.circle(mask, (255, 255, 255, 255), (radius, radius), radius)
    s.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    if high_contrast:
        pygame.draw.circle(s, ink, (radius, radius), radius, max(2, radius // 12))
    return s


def portrait(surface, centre, radius: int, name: str, role: str = "",
             high_contrast: bool = False, text=None) -> None:
    """Draw the portrait of ``name`` (with ``role``) centred on ``centre``. In high contrast
    with a ``text`` renderer: the initials in a ring, which tell people apart better."""
    if high_contrast and text is not None:
        avatar(surface, centre, radius, name, text, True)
        return
    img = portrait_surface(name, role or "", max(4, int(radius)), high_contrast)
    surface.blit(img, img.get_rect(center=centre))
