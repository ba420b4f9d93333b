"""Geometry of the two pictures, as plain numbers for the SVG templates: the distribution of
the difference (a histogram with the P10, P50 and P90 marked, and break-even at zero) and the
tornado (each input's swing of the difference). No drawing library: the templates draw."""

from __future__ import annotations

import math

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 24, 24, 34, 56
INHOUSE_CHEAPER, OUTSOURCED_CHEAPER = "#1d70b8", "#f47738"


def money_short(x: float) -> str:
    """£3.98m, -£450k, £12k."""
    sign, x = ("-" if x < 0 else ""), abs(x)
    if x >= 1_000_000:
        return f"{sign}£{x / 1_000_000:.2f}m"
    return f"{sign}£{x / 1_000:.0f}k" if x >= 1_000 else f"{sign}£{x:.0f}"


def _scale(low: float, high: float, left: float, right: float):
    span = (high - low) or 1.0
    return lambda v: round(left + (v - low) / span * (right - left), 1)


def histogram(results: dict) -> dict:
    """Bars, markers and axis ticks of the distribution of the difference."""
    edges, counts = results["histogram"]["edges"], results["histogram"]["counts"]
    low, high = min(edges[0], 0.0), max(edges[-1], 0.0)
    x = _scale(low, high, LEFT, WIDTH - RIGHT)
    base, tallest = HEIGHT - BOTTOM, max(counts) or 1
    bars = []
    for i, count in enumerate(counts):
        x0, x1 = x(edges[i]), x(edges[i + 1])
        h = round(count / tallest * (base - TOP), 1)
        mid = (edges[i] + edges[i + 1]) / 2
        colour = INHOUSE_CHEAPER if mid > 0 else OUTSOURCED_CHEAPER
        bars.append(
            {"x": x0, "y": round(base - h, 1), "w": max(x1 - x0 - 0.5, 0.5), "h": h, "fill": colour}
        )
    markers = [
        {"x": x(results[k]), "label": f"{k.upper()} {money_short(results[k])}", "key": k}
        for k in ("p10", "p50", "p90")
    ]
    ticks = [{"x": x(v), "label": money_short(v)} for v in _ticks(low, high) if abs(v) > 1e-9]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "bars": bars,
        "markers": markers,
        "ticks": ticks,
        "zero": x(0.0),
        "base": base,
        "top": TOP,
        "left": LEFT,
        "right": WIDTH - RIGHT,
    }


def _ticks(low: float, high: float, n: int = 7) -> list[float]:
    """Round values (1, 2, 2.5 or 5 times a power of ten apart) across the range, 0 among them."""
    raw = (high - low) / max(n - 1, 1) or 1.0
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) // step) + 1)]


ROW, LABEL_W, T_WIDTH = 38, 300, 720


def tornado(results: dict, limit: int = 10) -> dict:
    """One bar per input, from the difference at its minimum to that at its maximum."""
    bars = results["tornado"][:limit]
    centre = results["difference"]
    values = [centre] + [b[k] for b in bars for k in ("difference_at_low", "difference_at_high")]
    x = _scale(min(values), max(values), LABEL_W + 10, T_WIDTH - 70)
    rows = []
    for i, b in enumerate(bars):
        lo, hi = sorted((b["difference_at_low"], b["difference_at_high"]))
        rows.append(
            {
                "y": TOP + i * ROW,
                "x": x(lo),
                "w": max(x(hi) - x(lo), 1.0),
                "h": ROW - 8,
                **_label_lines(b["label"]),
                "full": b["label"],
                "swing": money_short(b["swing"]),
                "end": round(x(lo) + max(x(hi) - x(lo), 1.0) + 6, 1),
            }
        )
    height = TOP + len(rows) * ROW + 30
    return {
        "width": T_WIDTH,
        "height": height,
        "rows": rows,
        "centre": x(centre),
        "centre_label": money_short(centre),
        "label_w": LABEL_W,
        "top": TOP,
        "bottom": height - 24,
    }


def _label_lines(text: str, limit: int = 46) -> dict:
    """The input's label on two lines: the cost line, then its option and which number."""
    option, rest = text.split(": ", 1) if ": " in text else ("", text)
    line, field = rest.rsplit(" – ", 1) if " – " in rest else (rest, "")
    line = line if len(line) <= limit else line[: limit - 1] + "…"
    detail = " · ".join(p for p in (option.split(" (")[0], field) if p)
    return {"label": line, "detail": detail}
