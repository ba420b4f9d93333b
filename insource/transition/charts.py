"""The plan's timeline as plain numbers for the SVG template (no drawing library): one row per
milestone, a mark at its due date (the day it was done, once done) whose shape and colour say
its status (so colour is never the only cue), a line for the date read and one for the transfer
date, and month ticks. The page's table is its text alternative."""

from __future__ import annotations

from datetime import date, timedelta

WIDTH, LEFT, RIGHT, TOP, ROW = 760, 300, 24, 44, 26
COLOURS = {"done": "#00703c", "in-progress": "#1d70b8", "not-started": "#505a5f", "late": "#d4351c"}
SHAPES = {"done": "circle", "in-progress": "diamond", "not-started": "ring", "late": "square"}


def _months(start: date, end: date) -> list[date]:
    first = date(start.year, start.month, 1) + timedelta(days=32)
    first = date(first.year, first.month, 1)
    found = []
    while first <= end:
        found.append(first)
        first = (first + timedelta(days=32)).replace(day=1)
    step = max(1, len(found) // 8 + (1 if len(found) % 8 else 0))
    return found[::step]


def timeline_chart(view) -> dict:
    """Geometry for a `selectors.PlanView`."""
    dates = [r.milestone.due_on for r in view.rows] + [view.plan.transfer_on, view.on]
    dates += [r.milestone.done_on for r in view.rows if r.milestone.done_on]
    start, end = min(dates) - timedelta(days=14), max(dates) + timedelta(days=14)
    span = max((end - start).days, 1)

    def x(d: date) -> float:
        return round(LEFT + (d - start).days / span * (WIDTH - LEFT - RIGHT), 1)

    rows = [
        {
            "y": TOP + i * ROW,
            "cy": TOP + i * ROW + ROW / 2,
            "cx": x(r.milestone.done_on or r.milestone.due_on),
            "title": r.milestone.title,
            "due_on": r.milestone.due_on,
            "status": r.status,
            "fill": COLOURS[r.status],
            "shape": SHAPES[r.status],
        }
        for i, r in enumerate(view.rows)
    ]
    bottom = TOP + len(rows) * ROW
    return {
        "width": WIDTH,
        "height": bottom + 30,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": bottom,
        "rows": rows,
        "today_x": x(view.on),
        "transfer_x": x(view.plan.transfer_on),
        "ticks": [{"x": x(m), "label": m} for m in _months(start, end)],
    }
