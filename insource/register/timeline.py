"""The expiry pipeline as a picture: a server-side SVG bar chart, one bar per month.

A pure function of its arguments (no database, clock or settings). Contracts reaching their
decision point and planned procurements are stacked per month, with the total above each bar.
Styling comes from CSS classes (no inline styles, so a strict CSP holds); the chart is
`role="img"` with a title and description, and the page's table is its text alternative.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from html import escape
from typing import Protocol

WIDTH, HEIGHT = 960, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 24, 52
BAR_SHARE = 0.64


class MonthLike(Protocol):
    month: date
    contracts: int
    planned: int


def nice_step(largest: int, ticks: int = 4) -> int:
    """A round gridline step (1, 2 or 5 times a power of ten) giving about `ticks` lines."""
    raw = max(largest, 1) / ticks
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    return next(s * power for s in (1, 2, 5, 10) if s * power >= raw)


def timeline_svg(
    months: Sequence[MonthLike],
    *,
    title: str,
    description: str,
    month_label: Callable[[date], str] = lambda d: d.strftime("%b"),
    id_prefix: str = "timeline",
) -> str:
    """The SVG markup for `months` (in order); labels are escaped, numbers are computed."""
    slot = (WIDTH - LEFT - RIGHT) / max(len(months), 1)
    largest = max((m.contracts + m.planned for m in months), default=0)
    step = nice_step(largest)
    top_value = max(step * math.ceil(max(largest, 1) / step), step)
    scale = (HEIGHT - TOP - BOTTOM) / top_value
    every = 1 if len(months) <= 19 else 2
    parts = [_open(title, description, id_prefix)]
    parts += _gridlines(step, top_value, scale)
    for i, month in enumerate(months):
        x = LEFT + i * slot
        parts += _bars(month, x, slot, scale)
        show_year = i == 0 or month.month.month == 1
        if i % every == 0 or show_year:
            parts += _labels(month.month, x + slot / 2, month_label, show_year)
    parts.append(_line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "app-timeline__axis"))
    parts.append("</svg>")
    return "".join(parts)


def _open(title: str, description: str, id_prefix: str) -> str:
    t, d = f"{id_prefix}-title", f"{id_prefix}-desc"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-timeline" viewBox="0 0 {WIDTH} '
        f'{HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" focusable="false" '
        f'aria-label="{escape(title)}" aria-describedby="{d}">'
        f'<title id="{t}">{escape(title)}</title><desc id="{d}">{escape(description)}</desc>'
    )


def _gridlines(step: int, top_value: int, scale: float) -> list[str]:
    parts = []
    for value in range(0, top_value + 1, step):
        y = HEIGHT - BOTTOM - value * scale
        if value:
            parts.append(_line(LEFT, y, WIDTH - RIGHT, y, "app-timeline__gridline"))
        parts.append(_text(LEFT - 6, y + 4, str(value), "app-timeline__label", anchor="end"))
    return parts


def _bars(month: MonthLike, x: float, slot: float, scale: float) -> list[str]:
    width = slot * BAR_SHARE
    left = x + (slot - width) / 2
    base = HEIGHT - BOTTOM
    parts = []
    for count, css in ((month.contracts, "app-timeline__bar"), (month.planned, "planned")):
        if count:
            css = "app-timeline__bar app-timeline__bar--planned" if css == "planned" else css
            height = count * scale
            base -= height
            parts.append(
                f'<rect class="{css}" x="{left:.1f}" y="{base:.1f}" '
                f'width="{width:.1f}" height="{height:.1f}"/>'
            )
    total = month.contracts + month.planned
    if total:
        parts.append(_text(x + slot / 2, base - 4, str(total), "app-timeline__count"))
    return parts


def _labels(month: date, centre: float, label: Callable[[date], str], year: bool) -> list[str]:
    parts = [_text(centre, HEIGHT - BOTTOM + 18, label(month), "app-timeline__label")]
    if year:
        parts.append(_text(centre, HEIGHT - BOTTOM + 34, str(month.year), "app-timeline__label"))
    return parts


def _line(x1: float, y1: float, x2: float, y2: float, css: str) -> str:
    return f'<line class="{css}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>'


def _text(x: float, y: float, text: str, css: str, anchor: str = "middle") -> str:
    return (
        f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(text)}</text>'
    )
