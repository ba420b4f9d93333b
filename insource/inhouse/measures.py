"""Pure arithmetic of an in-house service's measures: KPI periods, service years, the yearly
forecast band from an appraisal run's results, where an outturn falls against it, the last
contract's price per year, and staff shares. No Django, no clock."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

MONTHS = {"month": 1, "quarter": 3, "year": 12}
CENT = Decimal("0.01")


def period_end(start: date, period: str) -> date:
    """The last day of the KPI period that starts on `start`."""
    return start + relativedelta(months=MONTHS[period]) - timedelta(days=1)


def year_dates(started_on: date, number: int) -> tuple[date, date]:
    """First and last day of service year `number` (1 = the year from go-live)."""
    start = started_on + relativedelta(years=number - 1)
    return start, start + relativedelta(years=1) - timedelta(days=1)


def year_number(started_on: date, on: date) -> int:
    """The service year a date falls in (0 before go-live)."""
    if on < started_on:
        return 0
    return relativedelta(on, started_on).years + 1


def _money(x) -> Decimal:
    return Decimal(str(x)).quantize(CENT, ROUND_HALF_UP)


def forecast_years(results: dict) -> list[dict]:
    """The in-house option's band for each service year of an appraisal run's results.

    A run stores each year's cost at the most likely inputs (`cash_flows`) and the P10/P90 of
    the option's whole-term present cost (`distribution`), not a band per year: each year's
    central cost is scaled by the term's P10/deterministic and P90/deterministic ratios (the
    same relative spread every year). Year 0 (mobilisation) is left out."""
    flows = (results.get("cash_flows") or {}).get("inhouse") or []
    spread = (results.get("distribution") or {}).get("inhouse") or {}
    central = Decimal(str((results.get("options") or {}).get("inhouse") or 0))
    if not flows or not spread or central <= 0:
        return []
    low = Decimal(str(spread["p10"])) / central
    high = Decimal(str(spread["p90"])) / central
    rows = []
    for row in flows:
        if row["year"] < 1:
            continue
        cost = Decimal(str(row["cost"]))
        rows.append(
            {
                "year": row["year"],
                "p10": str(_money(cost * low)),
                "p50": str(_money(cost)),
                "p90": str(_money(cost * high)),
            }
        )
    return rows


def band_position(outturn: Decimal, p10: Decimal | None, p90: Decimal | None) -> str | None:
    """ "below" (cost less than the P10), "within" or "above" (more than the P90)."""
    if p10 is None or p90 is None:
        return None
    if outturn < p10:
        return "below"
    return "above" if outturn > p90 else "within"


def price_per_year(value: Decimal | None, start: date | None, end: date | None) -> Decimal | None:
    """A contract's value spread evenly over its term (None without a value or dates)."""
    if value is None or start is None or end is None or end <= start:
        return None
    years = Decimal((end - start).days + 1) / Decimal("365.25")
    return _money(value / years)


def share_pct(part: int | None, whole: int | None) -> Decimal | None:
    """part / whole in percent to one decimal place (None without both)."""
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def difference_pct(value: Decimal, base: Decimal | None) -> Decimal | None:
    """(value - base) / base in percent, one decimal place."""
    if base is None or base == 0:
        return None
    return ((value - base) * 100 / base).quantize(Decimal("0.1"), ROUND_HALF_UP)
