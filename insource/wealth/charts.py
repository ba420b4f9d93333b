"""Geometry of the two pictures as plain numbers for the SVG templates (no drawing library):
who the spend goes to (one 100% bar each for supplier locality, SME and VCSE) and spend by
service (one bar per CPV division, split by supplier locality). GOV.UK colours; white gaps
between segments so that colour is never the only cue, and every figure is in the table."""

from __future__ import annotations

from decimal import Decimal

GREEN, BLUE, GREY = "#00703c", "#1d70b8", "#505a5f"
COLOURS = (GREEN, BLUE, GREY)
WIDTH = 720
LABEL_W = 250
BAR_LEFT, BAR_RIGHT = LABEL_W + 10, WIDTH - 110
ROW = 34


def money_short(x: Decimal) -> str:
    """£3.98m, £450k, £900."""
    x = float(x)
    if x >= 1_000_000:
        return f"£{x / 1_000_000:.1f}m"
    return f"£{x / 1_000:.0f}k" if x >= 1_000 else f"£{x:.0f}"


def percent(part: Decimal, total: Decimal) -> str:
    """'42%', '<1%' for a small non-zero part, '–' without a total."""
    if not total:
        return "–"
    value = part / total * 100
    if 0 < value < Decimal("0.5"):
        return "<1%"
    return f"{value:.0f}%"


def _segments(parts, total, left: float, width: float) -> list[dict]:
    """Consecutive segments for three amounts (a zero amount draws nothing); each wide
    enough carries its percentage."""
    found, x = [], left
    for (key, label, amount), colour in zip(parts, COLOURS, strict=True):
        w = float(amount) / float(total) * width if total else 0.0
        if w > 0:
            found.append(
                {"key": key, "label": label, "x": round(x, 1), "w": round(max(w, 1.0), 1)}
                | {"fill": colour, "amount": amount, "percent": percent(amount, total)}
                | {"cx": round(x + w / 2, 1), "show_percent": w >= 44}
            )
        x += w
    return found


def shares_chart(rows: list[dict]) -> dict:
    """`rows`: {"label", "parts": [(key, label, amount) x3], "total"}; each bar is 100%."""
    bars = []
    for i, row in enumerate(rows):
        y = 40 + i * (ROW + 26)
        segments = _segments(row["parts"], row["total"], BAR_LEFT, BAR_RIGHT - BAR_LEFT)
        bars.append({"y": y, "h": ROW, "label": row["label"], "segments": segments})
    return {
        "width": WIDTH,
        "height": 40 + len(rows) * (ROW + 26) + 10,
        "bars": bars,
        "label_x": LABEL_W,
        "left": BAR_LEFT,
        "right": BAR_RIGHT,
        "legend": _legend(rows[0]["parts"]) if rows else [],
    }


def _legend(parts) -> list[dict]:
    return [
        {"x": BAR_LEFT + i * 150, "label": label, "fill": colour}
        for i, ((_, label, _), colour) in enumerate(zip(parts, COLOURS, strict=True))
    ]


def service_chart(rows: list[dict]) -> dict:
    """`rows`: {"label", "parts": [(key, label, amount) x3], "total"}, largest first; bars
    are scaled to the largest service."""
    largest = max((r["total"] for r in rows), default=Decimal(0)) or Decimal(1)
    bars = []
    for i, row in enumerate(rows):
        width = float(row["total"]) / float(largest) * (BAR_RIGHT - BAR_LEFT)
        segments = _segments(row["parts"], row["total"], BAR_LEFT, width)
        end = BAR_LEFT + max(width, 1.0)
        bars.append(
            {"y": 40 + i * ROW, "h": ROW - 8, "label": _cut(row["label"]), "full": row["label"]}
            | {"segments": segments, "amount": money_short(row["total"]), "end": end + 6}
        )
    return {
        "width": WIDTH,
        "height": 40 + len(rows) * ROW + 10,
        "bars": bars,
        "label_x": LABEL_W,
        "left": BAR_LEFT,
        "legend": _legend(rows[0]["parts"]) if rows else [],
    }


def _cut(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
