"""The national view's pictures as plain numbers for the SVG templates (no drawing library):
outcomes by kind as bars, and the spread of unit costs as dots on one scale (shape and a label
say the source, so colour is never the only cue). The page's tables are their text
alternatives, with the same figures."""

from __future__ import annotations

from decimal import Decimal

WIDTH, LEFT, RIGHT, TOP, ROW = 720, 260, 70, 16, 30
COLOURS = {"in-house": "#00703c", "outsourced": "#d4351c", "not-covered": "#505a5f"}
COLOURS |= {"other": "#1d70b8"}
DOT_COLOURS = {"outturn": "#00703c", "appraisal": "#1d70b8", "contract": "#d4351c"}
SHAPES = {"outturn": "circle", "appraisal": "diamond", "contract": "square"}


def bars_chart(rows: list[dict]) -> dict:
    """Bars for [{key, label, count}], scaled to the largest count."""
    top = max((r["count"] for r in rows), default=0) or 1
    span = WIDTH - LEFT - RIGHT
    bars = [
        {
            **r,
            "y": TOP + i * ROW,
            "w": round(span * r["count"] / top, 1),
            "end": round(LEFT + span * r["count"] / top + 6, 1),
            "fill": COLOURS.get(r["key"], "#505a5f"),
            "label_x": LEFT - 10,
            "text_y": TOP + i * ROW + 16,
        }
        for i, r in enumerate(rows)
    ]
    return {"width": WIDTH, "height": TOP + len(rows) * ROW + 8, "left": LEFT, "bars": bars}


def dots_chart(costs: list[dict]) -> dict:
    """One row per unit cost [{label, source, source_label, per_unit}], the x axis from £0 to
    the largest, with ticks at each quarter."""
    top = max((c["per_unit"] for c in costs), default=Decimal(0)) or Decimal(1)
    span = WIDTH - LEFT - RIGHT

    def x(value: Decimal) -> float:
        return round(LEFT + float(value / top) * span, 1)

    dots = [
        {
            **c,
            "cy": TOP + i * ROW + ROW / 2,
            "cx": x(c["per_unit"]),
            "fill": DOT_COLOURS[c["source"]],
            "shape": SHAPES[c["source"]],
            "label_x": LEFT - 10,
            "text_y": TOP + i * ROW + ROW / 2 + 4,
            "x0": x(c["per_unit"]) - 7,
            "y0": TOP + i * ROW + ROW / 2 - 7,
            "x1": x(c["per_unit"]) - 6,
            "y1": TOP + i * ROW + ROW / 2 - 6,
        }
        for i, c in enumerate(costs)
    ]
    bottom = TOP + len(dots) * ROW
    ticks = [
        {"x": x(top * q / 4), "label": f"£{top * q / 4:,.2f}", "top": TOP, "text_y": bottom + 20}
        for q in range(5)
    ]
    return {
        "width": WIDTH,
        "height": bottom + 34,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": bottom,
        "dots": dots,
        "ticks": ticks,
    }
