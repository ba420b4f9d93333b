"""Geometry of the brought-home pictures, as plain numbers for the SVG templates (each picture
has a title, a description and the table it draws beside it): the cost of each service year
against its forecast band and the last contract's price, and every KPI's ratings by period
with go-live marked. No drawing library: the templates draw."""

from __future__ import annotations

from decimal import Decimal

from insource.appraisal.charts import money_short

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 30, 50
# Ratings: colour and a letter, so the picture never relies on colour alone.
RATING_STYLE = {
    "good": ("#00703c", "G"),
    "approaching_target": ("#1d70b8", "A"),
    "requires_improvement": ("#f47738", "R"),
    "inadequate": ("#d4351c", "I"),
    "other": ("#505a5f", "O"),
}


def _scale(low: float, high: float, top: float, bottom: float):
    span = (high - low) or 1.0
    return lambda v: round(bottom - (float(v) - low) / span * (bottom - top), 1)


def cost_chart(years, contract_price: Decimal | None) -> dict | None:
    """Bars of each year's outturn, the P10-P90 band as a whisker with the P50 marked, and the
    contract's price per year as a line. None without a year."""
    if not years:
        return None
    values = [y.year.outturn_gbp for y in years] + [contract_price or 0]
    values += [y.year.forecast_p90_gbp or 0 for y in years]
    high = float(max(values)) * 1.1 or 1.0
    y = _scale(0.0, high, TOP, HEIGHT - BOTTOM)
    slot = (WIDTH - LEFT - RIGHT) / len(years)
    bars = []
    for i, f in enumerate(years):
        x = LEFT + i * slot
        row = f.year
        width = min(slot * 0.35, 80)
        bar = {"x": round(x + slot / 2 - width, 1), "w": round(width, 1), "y": y(row.outturn_gbp)}
        bar |= {"h": round(HEIGHT - BOTTOM - bar["y"], 1), "label": f"Year {row.number}"}
        bar |= {"mid": round(x + slot / 2, 1), "value": money_short(float(row.outturn_gbp))}
        if row.forecast_p10_gbp is not None:
            wx = round(x + slot / 2 + 20, 1)
            bar["band"] = {
                "x": wx,
                "y10": y(row.forecast_p10_gbp),
                "y50": y(row.forecast_p50_gbp),
                "y90": y(row.forecast_p90_gbp),
            }
        bars.append(bar)
    ticks = [{"y": y(v), "label": money_short(v)} for v in _ticks(high)]
    price = (
        {"y": y(contract_price), "label": money_short(float(contract_price))}
        if contract_price
        else None
    )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "base": HEIGHT - BOTTOM,
        "bars": bars,
        "ticks": ticks,
        "price": price,
    }


def _ticks(high: float) -> list[float]:
    step = 10 ** max(len(str(int(high))) - 1, 0)
    while high / step > 6:
        step *= 2
    return [step * i for i in range(1, int(high // step) + 1)]


def _short(name: str, size: int = 30) -> str:
    return name if len(name) <= size else name[: size - 1].rstrip() + "…"


def ratings_chart(kpis, started_on) -> dict | None:
    """A grid: one row per KPI, one column per period start, each rated period a coloured
    square with its letter; a line where the service went live. None without ratings."""
    periods = sorted({r.period_start for k in kpis for r in k.ratings})
    if not periods:
        return None
    cell, label_w, top = 26, 230, 28
    cells = []
    for row, k in enumerate(kpis):
        for r in k.ratings:
            colour, letter = RATING_STYLE[r.rating]
            x = label_w + periods.index(r.period_start) * cell
            cells.append({"x": x, "y": top + row * cell, "fill": colour, "letter": letter})
    live = next((i for i, p in enumerate(periods) if p >= started_on), len(periods))
    width, height = label_w + len(periods) * cell + 10, top + len(kpis) * cell + 10
    scale = min(1.6, 960 / width)
    return {
        "width": width,
        "shown_width": int(width * scale),  # on screen, px: larger, never wider than the page
        "shown_height": int(height * scale),
        "height": height,
        "cell": cell - 4,
        "rows": [
            {"y": top + i * cell + 15, "name": _short(k.kpi.name)} for i, k in enumerate(kpis)
        ],
        "cells": cells,
        "live_x": label_w + live * cell - 2,
        "top": top - 6,
        "bottom": top + len(kpis) * cell,
        "legend": [(key, colour, letter) for key, (colour, letter) in RATING_STYLE.items()],
    }
