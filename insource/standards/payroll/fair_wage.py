"""The fair wage check of a payroll return (POLICY §4 MS1): who is paid below the applicable rate.

The applicable rate on a worker's date (the snapshot date, else the pay period's end) is the
Real Living Wage (London where `is_london`, else UK) whose `required_from` date has passed, never
below the statutory National Living Wage in force (National Minimum Wage Regulations 2015).
Between a new rate's announcement and its `required_from` date a worker paid at least the
required rate but below the announced one is "uplift due". Workers on reduced pay because of
leave (`is_full_pay_relevant` false) are "not checked": their pay does not show their rate.
Pure apart from reading the dated parameters (`fair_wage.*`, through `policy.fair_wage`).

Rounding: the hourly pay and shortfalls are computed unrounded in Decimal; the shortfall per
hour and per period (per hour × the period's hours) are rounded to the penny, half up, at output.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from insource.policy.fair_wage import rates_on
from insource.policy.params import Parameters

PENNY = Decimal("0.01")
BELOW, UPLIFT, OK, SKIPPED = "below rate", "uplift due", "ok", "not checked"
SKIP_REASON = "on reduced pay because of leave: the period's pay does not show the hourly rate"


def _money(value: Decimal) -> str:
    return str(value.quantize(PENNY, rounding=ROUND_HALF_UP))


def check_worker(worker, on: date | None = None, parameters: Parameters | None = None) -> dict:
    """One worker's status, the rate that applies, and any shortfall per hour and per period.

    `on` replaces the worker's own date (snapshot date, else the pay period's end) when given.
    """
    return _assess(worker, on, parameters)[0]


def _assess(worker, on: date | None, parameters: Parameters | None) -> tuple[dict, Decimal]:
    on = on or worker.on
    rates = rates_on(on, is_london=worker.is_london, parameters=parameters)
    hourly = worker.hourly_rate
    short = max(rates.required - hourly, Decimal(0))
    uplift = max(rates.announced - hourly, Decimal(0)) if rates.announced else Decimal(0)
    status = BELOW if short > 0 else (UPLIFT if uplift > 0 else OK)
    if not worker.is_full_pay_relevant:
        short, uplift, status = Decimal(0), Decimal(0), SKIPPED
    result = {
        "row": worker.row,
        "worker_ref": worker.worker_ref,
        "role": worker.role,
        "is_london": worker.is_london,
        "is_subcontractor": worker.is_subcontractor,
        "on": on.isoformat(),
        "hourly_pay": _money(hourly),
        "applicable_rate": _money(rates.required),
        "rate_basis": rates.required_basis,
        "below_national_living_wage": status != SKIPPED and hourly < rates.nlw,
        "status": status,
        "shortfall_per_hour": _money(short),
        "shortfall_per_period": _money(short * worker.hours),
        "announced_rate": _money(rates.announced) if rates.announced else None,
        "uplift_required_from": (
            rates.announced_required_from.isoformat() if rates.announced_required_from else None
        ),
        "uplift_per_hour": _money(uplift) if status == UPLIFT else None,
        "reason": SKIP_REASON if status == SKIPPED else "",
    }
    return result, short * worker.hours


def check_return(
    workers: Sequence, on: date | None = None, parameters: Parameters | None = None
) -> dict:
    """Per-worker results and a summary (counts below rate and uplift due, total shortfall)."""
    assessed = [_assess(w, on, parameters) for w in workers]
    results = [result for result, _ in assessed]
    total = sum((short for _, short in assessed), Decimal(0))
    summary = {
        "workers": len(results),
        "below_rate": sum(1 for r in results if r["status"] == BELOW),
        "uplift_due": sum(1 for r in results if r["status"] == UPLIFT),
        "not_checked": sum(1 for r in results if r["status"] == SKIPPED),
        "below_national_living_wage": sum(1 for r in results if r["below_national_living_wage"]),
        "total_shortfall_per_period": _money(total),
    }
    return {"summary": summary, "workers": results}
