"""The demo's illustrative figures for the service brought home: made up, in proportion to the
real contract's price, and marked illustrative wherever they are shown. The options appraisal
document, the KPIs with their ratings before and after go-live, and the first service year."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

from insource.inhouse.measures import price_per_year
from insource.inhouse.selectors import fair_wage_on

NOTE = "Illustrative figures for the demonstration, in proportion to the contract's price"
KPIS = [
    {
        "kpi": {
            "name": "Scheduled work delivered on time",
            "unit": "%",
            "target": Decimal("98"),
            "direction": "higher",
            "period": "quarter",
        },
        "before": ["95.1", "96.4", "93.8", "96.9"],
        "after": ["97.2", "98.3", "98.6", "98.9"],
        "evidence": "Scheduling system completion reports (illustrative)",
    },
    {
        "kpi": {
            "name": "Complaints upheld per 1,000 service days",
            "unit": "per 1,000 service days",
            "target": Decimal("2"),
            "direction": "lower",
            "period": "quarter",
        },
        "before": ["2.6", "2.3", "2.9", "2.2"],
        "after": ["2.1", "1.8", "1.7", "1.6"],
        "evidence": "Customer relationship system, complaints upheld (illustrative)",
    },
    {
        "kpi": {
            "name": "Staff turnover, rolling 12 months",
            "unit": "%",
            "target": Decimal("12"),
            "direction": "lower",
            "period": "quarter",
        },
        "before": ["19.5", "21.0", "18.2", "20.4"],
        "after": ["14.0", "12.4", "11.1", "10.2"],
        "evidence": "Payroll starters and leavers (illustrative)",
    },
]
SOCIAL = [
    {
        "kpi": {
            "name": "New starters living in the council's area",
            "unit": "%",
            "target": Decimal("60"),
            "direction": "higher",
            "period": "quarter",
            "kind": "social_outcome",
            "description": "Local people in work: the share of new starters whose home is in "
            "the council's area",
        },
        "before": ["41", "44"],
        "after": ["58", "63", "66", "67"],
        "evidence": "Recruitment records, home postcode district only (illustrative)",
    },
    {
        "kpi": {
            "name": "Apprentices in post",
            "unit": "apprentices",
            "target": Decimal("3"),
            "direction": "higher",
            "period": "quarter",
            "kind": "social_outcome",
            "description": "Skills for residents: apprenticeships in the service",
        },
        "before": ["0", "1"],
        "after": ["2", "3", "3", "4"],
        "evidence": "Apprenticeship provider's records (illustrative)",
    },
]


def _quarters(first: date, count: int) -> list[date]:
    return [first + relativedelta(months=3 * i) for i in range(count)]


def ratings(spec: dict, started_on: date, on: date) -> list[tuple[date, str]]:
    """(period start, value) for the quarters before go-live and the finished ones since."""
    before = _quarters(
        started_on - relativedelta(months=3 * len(spec["before"])), len(spec["before"])
    )
    after = [
        q
        for q in _quarters(started_on, len(spec["after"]))
        if q + relativedelta(months=3) - timedelta(days=1) <= on
    ]
    done = list(zip(after, spec["after"], strict=False))  # the quarters finished by `on`
    return list(zip(before, spec["before"], strict=True)) + done


def annual_price(contract) -> Decimal:
    """The contract's price per year (its value spread over its term)."""
    end = contract.max_end_on or contract.end_on
    value = contract.value_inc_vat or contract.value_amount
    return price_per_year(value, contract.start_on, end) or Decimal("1000000")


def _gbp(x) -> dict:
    return {k: int(Decimal(str(v)).quantize(Decimal(1), ROUND_HALF_UP)) for k, v in x.items()}


def appraisal_document(contract, *, on: date) -> dict:
    """An appraisal in the published format, in proportion to the contract's price."""
    p = annual_price(contract)

    def band(low, mid, high):
        return _gbp(
            {"min": p * Decimal(low), "most_likely": p * Decimal(mid), "max": p * Decimal(high)}
        )

    return {
        "version": 1,
        "title": (contract.title or contract.source_key)[:200],
        "description": NOTE,
        "appraisal_on": on.isoformat(),
        "term_years": 5,
        "price_base": f"{on.year}-{str(on.year + 1)[2:]} prices",
        "options": {
            "inhouse": {
                "label": "In-house (council direct service)",
                "lines": [
                    {
                        "id": "pay",
                        "category": "staff_pay",
                        "label": "Staff pay (illustrative)",
                        "amount_gbp": band("0.52", "0.56", "0.62"),
                        "source": NOTE,
                    },
                    {
                        "id": "oncosts",
                        "category": "staff_oncosts",
                        "label": "On-costs and pension (illustrative)",
                        "percent_of": ["pay"],
                        "rate_pct": {"min": 26, "most_likely": 30, "max": 34},
                        "source": NOTE,
                    },
                    {
                        "id": "running",
                        "category": "other",
                        "label": "Vehicles, equipment and materials (illustrative)",
                        "amount_gbp": band("0.14", "0.17", "0.21"),
                        "source": NOTE,
                    },
                    {
                        "id": "overheads",
                        "category": "overheads",
                        "label": "Central support (illustrative)",
                        "amount_gbp": band("0.04", "0.05", "0.07"),
                        "source": NOTE,
                    },
                ],
            },
            "outsourced": {
                "label": "Outsourced (re-procured)",
                "lines": [
                    {
                        "id": "price",
                        "category": "supplier_price",
                        "label": "Contract price (illustrative)",
                        "amount_gbp": band("0.98", "1.04", "1.12"),
                        "source": NOTE,
                    },
                    {
                        "id": "client",
                        "category": "contract_management",
                        "label": "Client-side contract management (illustrative)",
                        "amount_gbp": band("0.02", "0.03", "0.04"),
                        "source": NOTE,
                    },
                ],
            },
        },
    }


def year_one(service) -> dict:
    """The first service year's outturn and staff figures (illustrative)."""
    p = service.contract_price_per_year_gbp or annual_price(service.contract)
    bands = {y["year"]: y for y in service.forecast.get("years", [])}
    central = Decimal(bands[1]["p50"]) if 1 in bands else p
    headcount = max(8, int(p * Decimal("0.56") / Decimal("31000")))
    fair = fair_wage_on(service, service.started_on + relativedelta(months=6))
    return {
        "number": 1,
        "outturn_gbp": (central * Decimal("0.97")).quantize(Decimal("1")),
        "evidence": "Month 7 forecast outturn for service year 1 (illustrative)",
        "headcount": headcount,
        "fte": Decimal(headcount) * Decimal("0.92"),
        "num_below_fair_wage": 0,
        "lowest_hourly_pay_gbp": fair.required + Decimal("0.15"),
        "pay_uplift_pct": Decimal("6.8"),
        "num_living_locally": int(headcount * 0.71),
    }
