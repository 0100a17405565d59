"""Small inline SVG charts for the debrief report: bars and lines, readable in print.

Lines differ by colour (a palette that colour-blind readers can tell apart) and by dash
pattern, so that a chart printed in black and white still reads. Sessions that made the
same choices have the same values: earlier lines are drawn wider, so a line that runs on
top of another leaves it visible as a border.
"""
from __future__ import annotations

from html import escape

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
           "#999999")
DASHES = ("", "6 3", "2 3", "8 3 2 3")
TONE_COLOURS = {"good": "#009E73", "mixed": "#E69F00", "bad": "#D55E00", "neutral": "#777777"}


def series_style(i: int) -> tuple[str, str]:
    """Colour and dash pattern of the i-th line."""
    return PALETTE[i % len(PALETTE)], DASHES[(i // len(PALETTE)) % len(DASHES)]


def bar(value: int, most: int, width: int = 220, height: int = 16,
        colour: str = "#0072B2") -> str:
    """One horizontal bar, as long as ``value`` relative to ``most``."""
    w = 0 if most <= 0 else round(width * value / most)
    return (f'<svg class="bar" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'role="img" aria-label="{value}"><rect x="0" y="0" width="{width}" '
            f'height="{height}" fill="#eeeeee"/><rect x="0" y="0" width="{w}" height="{height}" '
            f'fill="{colour}"/></svg>')


def swatch(i: int) -> str:
    colour, dash = series_style(i)
    return (f'<svg class="swatch" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">'
            f'<line x1="0" y1="5" x2="28" y2="5" stroke="{colour}" stroke-width="3" '
            f'stroke-dasharray="{dash}"/></svg>')


def line_chart(lines: list[tuple[str, tuple[int, ...]]], lo: int, hi: int, title: str,
               x_label: str, width: int = 640, height: int = 240) -> str:
    """Values over steps, one line per series; the y axis runs from ``lo`` to ``hi``."""
    left, right, top, bottom = 40, 12, 24, 34
    steps = max((len(p) for _, p in lines), default=1) - 1
    steps = max(steps, 1)
    span = max(hi - lo, 1)

    def x(i):
        return left + (width - left - right) * i / steps

    def y(v):
        return top + (height - top - bottom) * (hi - v) / span

    out = [f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="{escape(title)}">',
           f'<text x="{left}" y="16" class="chart-title">{escape(title)}</text>']
    for v in _ticks(lo, hi):
        out.append(f'<line x1="{left}" y1="{y(v):.1f}" x2="{width - right}" y2="{y(v):.1f}" '
                   f'stroke="#dddddd"/><text x="{left - 6}" y="{y(v) + 4:.1f}" '
                   f'text-anchor="end" class="tick">{v}</text>')
    for i in range(steps + 1):
        out.append(f'<text x="{x(i):.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                   f'class="tick">{i}</text>')
    out.append(f'<text x="{(left + width - right) / 2:.1f}" y="{height - 4}" '
               f'text-anchor="middle" class="tick">{escape(x_label)}</text>')
    for i, (label, points) in enumerate(lines):
        colour, dash = series_style(i)
        coords = " ".join(f"{x(j):.1f},{y(v):.1f}" for j, v in enumerate(points))
        stroke = 2.0 + 1.2 * min(len(lines) - 1 - i, 5)
        out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                   f'stroke-width="{stroke:.1f}" stroke-dasharray="{dash}" '
                   f'stroke-linejoin="round"><title>{escape(label)}</title></polyline>')
        out += [f'<circle cx="{x(j):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"/>'
                for j, v in enumerate(points)]
    out.append("</svg>")
    return "".join(out)


def _ticks(lo: int, hi: int, count: int = 4) -> list[int]:
    step = max(1, round((hi - lo) / count))
    ticks = list(range(lo, hi + 1, step))
    return ticks if ticks[-1] == hi else ticks + [hi]
