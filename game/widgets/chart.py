"""Two small charts for the group debrief: bars over the options of a decision (or over the
endings), and the meters of several sessions over time as lines.

Both are widgets like the others (``layout`` / ``process_event`` / ``update`` / ``draw``).
They are made to be read from the back of a room: large labels, thick lines, and series
told apart by colour *and* by dash and marker, so that a washed-out projector or a
colour-blind viewer still sees which line is which. Lines that run on top of each other
(two sessions on the same road) are drawn a few pixels apart.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from ..intents import PointerMove
from .draw import box

# Okabe–Ito colours (safe for the common colour blindnesses), without the yellow that
# vanishes on white; the high-contrast set is bright on black.
CALM_SERIES = [(0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167), (230, 159, 0),
               (86, 180, 233), (26, 29, 36), (120, 90, 40)]
BRIGHT_SERIES = [(86, 180, 233), (255, 140, 60), (60, 220, 150), (240, 150, 200), (240, 228, 66),
                 (255, 255, 255), (170, 170, 255), (200, 200, 120)]
DASHES = [(), (22, 10), (8, 8), (22, 8, 5, 8)]   # on, off, ... in pixels at 1280×720
MARKERS = ("circle", "square", "triangle", "diamond")


def series_colour(palette, i: int) -> tuple:
    colours = BRIGHT_SERIES if palette.bg == (0, 0, 0) else CALM_SERIES
    return colours[i % len(colours)]


def series_style(i: int) -> tuple[tuple, str]:
    """The dash pattern and marker of series ``i``: a combination no neighbour shares."""
    return DASHES[(i // len(MARKERS) + i) % len(DASHES)], MARKERS[i % len(MARKERS)]


# ---- bars ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    note: str = ""              # a line under the bar: who chose it, how often it was hidden
    colour: tuple | None = None  # default: the palette's fill
    muted: bool = False          # an option that no longer exists, or was never taken


class BarChart:
    """Horizontal bars, one row per item: the label (wrapped), the bar with its count and
    share of ``total``, and a note."""

    def __init__(self, bars: list[Bar], total: int):
        self.bars, self.total = list(bars), max(0, total)
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.hover: int | None = None
        self._rows: list[pygame.Rect] = []
        self._ui = None

    def _row_h(self, bar: Bar, width: int, ui) -> int:
        t = ui.theme
        label = len(ui.text.wrap(bar.label, t.body, width, "bold")) * ui.text.line_height(t.body)
        note = ui.text.line_height(t.small) if bar.note else 0
        return label + t.px(8) + self._bar_h(ui) + t.px(4) + note

    @staticmethod
    def _bar_h(ui) -> int:
        return max(ui.theme.px(24), ui.text.font(ui.theme.small).get_height())

    def height_for(self, width: int, ui) -> int:
        gap = ui.theme.px(18)
        return sum(self._row_h(b, width, ui) for b in self.bars) + gap * max(0, len(self.bars) - 1)

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui
        y, gap = self.rect.top, ui.theme.px(18)
        self._rows = []
        for b in self.bars:
            h = self._row_h(b, self.rect.width, ui)
            self._rows.append(pygame.Rect(self.rect.left, y, self.rect.width, h))
            y += h + gap

    def process_event(self, intent) -> bool:
        if isinstance(intent, PointerMove):
            was = self.hover
            self.hover = next((i for i, r in enumerate(self._rows) if r.collidepoint(intent.pos)),
                              None)
            return was != self.hover
        return False

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface) -> None:
        if self._ui is None:
            return
        for i, (bar, row) in enumerate(zip(self.bars, self._rows)):
            self._row(surface, bar, row, i == self.hover)

    def _row(self, surface, bar: Bar, row: pygame.Rect, lit: bool) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        if lit:
            box(surface, row.inflate(t.px(16), t.px(10)), p.panel_alt, t.px(8))
        ink = p.muted if bar.muted else p.text
        label = ui.text.block(bar.label, t.body, ink, row.width, "bold")
        surface.blit(label, row.topleft)
        y = row.top + label.get_height() + t.px(8)
        share = f"  ({round(100 * bar.value / self.total)}%)" if self.total and bar.value else ""
        count = f"{bar.value}{share}"
        num = ui.text.render(count, t.small, p.text, "bold")
        track = pygame.Rect(row.left, y, row.width - num.get_width() - t.px(16), self._bar_h(ui))
        box(surface, track, p.track, t.px(6))
        if self.total and bar.value:
            w = max(t.px(8), round(track.width * bar.value / self.total))
            box(surface, (track.left, track.top, w, track.height),
                bar.colour or (p.disabled_text if bar.muted else p.fill), t.px(6))
        surface.blit(num, (track.right + t.px(16), track.centery - num.get_height() // 2))
        if bar.note:
            note = ui.text.render(ui.text.ellipsize(bar.note, t.small, row.width), t.small, p.muted)
            surface.blit(note, (row.left, track.bottom + t.px(4)))


# ---- lines --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[int, ...]


class LineChart:
    """Several series over the same steps (the start, then after each decision), with a
    legend below. Hovering near a point names its series and value."""

    def __init__(self, series: list[Series], lo: int, hi: int, x_labels: list[str]):
        self.series, self.lo, self.hi = list(series), lo, max(hi, lo + 1)
        self.x_labels = list(x_labels)
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.plot = pygame.Rect(0, 0, 0, 0)
        self.hover: tuple[int, int] | None = None
        self._legend: list[tuple[pygame.Rect, int]] = []
        self._ui = None

    @property
    def steps(self) -> int:
        return max([len(s.points) for s in self.series] + [len(self.x_labels), 2])

    def layout(self, rect, ui) -> None:
        self.rect, self._ui = pygame.Rect(rect), ui
        t = ui.theme
        y_w = ui.text.size(str(self.hi), t.small, "bold")[0] + t.px(14)
        legend_h = self._layout_legend(ui)
        x_h = ui.text.line_height(t.small) + t.px(8)
        self.plot = pygame.Rect(self.rect.left + y_w, self.rect.top + t.px(10),
                                self.rect.width - y_w - t.px(16),
                                self.rect.height - legend_h - x_h - t.px(22))

    def _layout_legend(self, ui) -> int:
        """Legend entries in rows under the plot; gives the height they take."""
        t = ui.theme
        sample = t.px(64)
        x, row, entries, lh = 0, 0, [], ui.text.line_height(t.small)
        for i, s in enumerate(self.series):
            w = sample + t.px(10) + min(ui.text.size(s.label, t.small, "bold")[0], t.px(300))
            if x and x + w > self.rect.width:
                x, row = 0, row + 1
            entries.append((pygame.Rect(x, row * (lh + t.px(6)), w, lh), i))
            x += w + t.px(28)
        height = (row + 1) * (lh + t.px(6)) if self.series else 0
        top = self.rect.bottom - height
        self._legend = [(r.move(self.rect.left, top), i) for r, i in entries]
        return height

    def point_xy(self, series_index: int, step: int) -> tuple[int, int]:
        s = self.series[series_index]
        v = min(max(s.points[step], self.lo), self.hi)
        x = self.plot.left + round(self.plot.width * step / max(1, self.steps - 1))
        y = self.plot.bottom - round(self.plot.height * (v - self.lo) / (self.hi - self.lo))
        return x, y + self._spread(series_index)

    def _spread(self, i: int) -> int:
        """Lines on top of each other are drawn a little apart, the middle one in place."""
        if self._ui is None:
            return 0
        n = len(self.series)
        step = min(self._ui.theme.px(3), self._ui.theme.px(12) / max(1, n))
        return round((i - (n - 1) / 2) * step)

    def process_event(self, intent) -> bool:
        if not isinstance(intent, PointerMove):
            return False
        was, self.hover = self.hover, None
        if self.plot.inflate(40, 40).collidepoint(intent.pos):
            best = (self._ui.theme.px(18) if self._ui else 18) ** 2
            for i, s in enumerate(self.series):
                for k in range(len(s.points)):
                    x, y = self.point_xy(i, k)
                    d = (x - intent.pos[0]) ** 2 + (y - intent.pos[1]) ** 2
                    if d <= best:
                        best, self.hover = d, (i, k)
        return was != self.hover

    def update(self, dt: float) -> bool:
        return False

    def draw(self, surface) -> None:
        if self._ui is None or self.plot.width <= 0 or self.plot.height <= 0:
            return
        self._grid(surface)
        for i in range(len(self.series)):
            self._line(surface, i)
        self._draw_legend(surface)
        if self.hover is not None:
            self._tooltip(surface, *self.hover)

    def _grid(self, surface) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        for k in range(5):
            v = self.lo + (self.hi - self.lo) * k / 4
            y = self.plot.bottom - round(self.plot.height * k / 4)
            pygame.draw.line(surface, p.track if k else p.border, (self.plot.left, y),
                             (self.plot.right, y), max(1, t.px(2) if not k else 1))
            label = ui.text.render(f"{v:g}", t.small, p.muted, "bold")
            surface.blit(label, (self.plot.left - label.get_width() - t.px(10),
                                 y - label.get_height() // 2))
        n = self.steps
        every = max(1, math.ceil(n * t.px(60) / max(1, self.plot.width)))
        for k in range(0, n, every):
            x = self.plot.left + round(self.plot.width * k / max(1, n - 1))
            pygame.draw.line(surface, p.track, (x, self.plot.top), (x, self.plot.bottom), 1)
            text = self.x_labels[k] if k < len(self.x_labels) else str(k)
            label = ui.text.render(text, t.small, p.muted)
            lx = min(max(x - label.get_width() // 2, self.plot.left - t.px(10)),
                     self.rect.right - label.get_width())
            surface.blit(label, (lx, self.plot.bottom + t.px(8)))

    def _line(self, surface, i: int) -> None:
        t = self._ui.theme
        s = self.series[i]
        colour = series_colour(self._ui.palette, i)
        dash, marker = series_style(i)
        lit = self.hover is not None and self.hover[0] == i
        width = t.px(6) if lit else t.px(4)
        pts = [self.point_xy(i, k) for k in range(len(s.points))]
        dashed_lines(surface, colour, pts, width, [t.px(d) for d in dash])
        for pt in pts:
            draw_marker(surface, colour, pt, t.px(8) if lit else t.px(7), marker,
                        self._ui.palette.panel)

    def _draw_legend(self, surface) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        sample = t.px(64)
        for rect, i in self._legend:
            colour = series_colour(p, i)
            dash, marker = series_style(i)
            y = rect.centery
            dashed_lines(surface, colour, [(rect.left, y), (rect.left + sample, y)], t.px(4),
                         [t.px(d) for d in dash])
            draw_marker(surface, colour, (rect.left + sample // 2, y), t.px(7), marker, p.panel)
            name = ui.text.ellipsize(self.series[i].label, t.small, rect.width - sample - t.px(10),
                                     "bold")
            img = ui.text.render(name, t.small, p.text, "bold")
            surface.blit(img, (rect.left + sample + t.px(10), y - img.get_height() // 2))

    def _tooltip(self, surface, i: int, k: int) -> None:
        ui, t, p = self._ui, self._ui.theme, self._ui.palette
        s = self.series[i]
        where = self.x_labels[k] if k < len(self.x_labels) else str(k)
        img = ui.text.render(f"{s.label} · {where}: {s.points[k]}", t.small, p.panel, "bold")
        x, y = self.point_xy(i, k)
        r = img.get_rect().inflate(t.px(20), t.px(10))
        r.midbottom = (x, y - t.px(14))
        r.clamp_ip(self.rect)
        box(surface, r, p.text, t.px(6))
        surface.blit(img, img.get_rect(center=r.center))


def dashed_lines(surface, colour, points, width: int, dash: list[int]) -> None:
    """A polyline, dashed by ``dash`` (on, off, ... pixels; empty: solid) along its length."""
    if len(points) < 2:
        return
    if not dash:
        pygame.draw.lines(surface, colour, False, points, width)
        for pt in points:  # round joints for thick lines
            pygame.draw.circle(surface, colour, pt, width // 2)
        return
    k, left, on = 0, dash[0], True
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        length = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < length:
            step = min(left, length - pos)
            if on:
                a, b = pos / length, (pos + step) / length
                pygame.draw.line(surface, colour, (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                                 (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b), width)
            pos += step
            left -= step
            if left <= 0:
                k = (k + 1) % len(dash)
                left, on = dash[k], not on


def draw_marker(surface, colour, centre, r: int, shape: str, ring) -> None:
    x, y = centre
    if shape == "square":
        pts = [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]
    elif shape == "triangle":
        pts = [(x, y - r - 2), (x + r + 1, y + r), (x - r - 1, y + r)]
    elif shape == "diamond":
        pts = [(x, y - r - 2), (x + r + 2, y), (x, y + r + 2), (x - r - 2, y)]
    else:
        pygame.draw.circle(surface, ring, centre, r + 2)
        pygame.draw.circle(surface, colour, centre, r)
        return
    pygame.draw.polygon(surface, ring, pts, 4)
    pygame.draw.polygon(surface, colour, pts)
