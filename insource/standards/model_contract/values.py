"""The policy values a model contract is filled with, read as at the decision date. Pure.

Every rate, period and term comes from the dated parameters (`insource.policy.params`), read
through the decision's preset so an authority's overrides apply; each read is kept so that the
document's decision schedule can cite it. The fair wage follows POLICY.md §4 MS1: the contract
runs under the latest Real Living Wage announced by the decision date (UK or London by where
the work is done), payable from its `required_from` date, never below the National Living Wage.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from insource.policy.dates import add_months
from insource.policy.fair_wage import rates_on
from insource.policy.params import Parameters

CAPACITY = "OUTSOURCE_GOOD_REASON_CAPACITY"
LABELS = {
    "capacity.max_months": "Capacity ground: longest term, and latest re-review after the decision",
    "contract_term.max_months": "Longest term of a time-limited contract, with extensions",
    "contract_term.framework_max_months": "Longest term of a framework agreement",
    "fair_wage.national_living_wage": "National Living Wage (the statutory floor), per hour",
    "fair_wage.real_living_wage.uk": "Real Living Wage for the UK, per hour",
    "fair_wage.real_living_wage.london": "Real Living Wage for London, per hour",
    "gender_pay.action_tolerance_pct": "Median hourly gender pay gap above which an action plan "
    "is required",
    "gender_pay.audit_interval_months": "Gender pay audit of the contract workforce at least every",
    "information_requests.contractor_turnaround_working_days": "Supplier gives information held "
    "for the Authority within",
    "kpi.assessment_interval_months": "Performance assessed and published at least every",
    "kpi.law_value_threshold_gbp": "Value above which the law itself requires KPIs",
    "kpi.min_count": "Minimum number of KPIs",
    "prompt_payment.days": "Payment of valid invoices, down the supply chain, within",
    "review.lead_time_months": "Next review opens this long before the contract ends",
    "standards.care_act_cpv_prefixes": "CPV codes of care arranged by an authority (Human Rights "
    "Act applies to the provider)",
    "tupe.eli_days_before_transfer": "Employee liability information before a staff transfer",
    "two_tier.commenced": "Two-tier workforce protections in force",
}


def money(value, pence: bool = True) -> str:
    """`Decimal("12000000")` -> `"£12,000,000.00"` (`pence=False`: `"£12,000,000"`)."""
    amount = Decimal(str(value))
    return f"£{amount:,.2f}" if pence else f"£{amount:,.0f}"


def long_date(day: date | None, missing: str) -> str:
    """`date(2026, 6, 1)` -> `"1 June 2026"`; `missing` (a bracketed drafting note) for None."""
    return f"{day.day} {day:%B %Y}" if day else missing


def months(n: int) -> str:
    return f"{n} month" if n == 1 else f"{n} months"


class Reader:
    """Reads parameters as at one date and keeps what was read, for the decision schedule."""

    def __init__(self, parameters: Parameters, on: date):
        self.parameters, self.on, self.reads = parameters, on, {}

    def get(self, name: str, on: date | None = None):
        read = self.parameters.read(name, on or self.on)
        self.reads[name] = read
        return read.value

    def rows(self) -> list[dict]:
        """The parameters read, in name order, as the decision schedule lists them."""
        return [self._row(name, read) for name, read in sorted(self.reads.items())]

    def _row(self, name: str, read) -> dict:
        param = self.parameters.get(name)
        value = read.value
        shown = money(value) if param.unit == "gbp" else str(value)
        if param.unit == "list":
            shown = ", ".join(str(v) for v in value)
        if param.unit in ("months", "days", "working_days"):
            shown = f"{value} {param.unit.replace('_', ' ')}"
        if param.unit == "percent":
            shown = f"{value}%"
        source = read.citation.split(" <")[0]
        return {
            "name": name,
            "description": LABELS.get(name, param.description).replace("|", "/"),
            "value": {True: "yes", False: "no"}.get(value, shown)
            if param.unit == "bool"
            else shown,
            "start": long_date(read.start, "") if read.start != date.min else "",
            "source": source.replace("|", "/"),
        }


def _basis_text(basis: str) -> str:
    if basis.startswith("National Living Wage"):
        return "the National Living Wage then in force"
    return (
        "the "
        + basis.replace(" (London)", " for London").replace(" (UK)", " for the UK")
        + " then payable"
    )


def wage(reader: Reader, *, is_london: bool, proposed) -> dict:
    """MS1: the latest rate announced by the decision date, what is required until it is
    payable, the NLW floor, and the rate agreed (the proposed rate when it is higher)."""
    on = reader.on
    name = "fair_wage.real_living_wage." + ("london" if is_london else "uk")
    reader.get(name)
    reader.get("fair_wage.national_living_wage")
    rates = rates_on(on, is_london=is_london, parameters=reader.parameters)
    rate = rates.announced or rates.required
    entry = dict(reader.parameters.get(name).at(on).extra)
    required_from = rates.announced_required_from or entry.get("required_from")
    agreed = max(rate, Decimal(str(proposed))) if proposed not in (None, "") else rate
    nlw_entry = reader.parameters.read("fair_wage.national_living_wage", on)
    return {
        "rate": money(rate),
        "agreed_rate": money(agreed),
        "agreed_is_proposed": agreed > rate,
        "basis": "Real Living Wage" + (" for London" if is_london else " for the UK"),
        "announced_on": long_date(entry.get("announced_on"), "[announcement date]"),
        "required_from": long_date(required_from, "[date]"),
        "uplift_by": f"{required_from.day} {required_from:%B}" if required_from else "[1 May]",
        "has_pending_uplift": rates.announced is not None,
        "current_rate": money(rates.required),
        "current_basis": _basis_text(rates.required_basis),
        "nlw": money(rates.nlw),
        "nlw_from": long_date(nlw_entry.start, "[date]"),
        "is_london": is_london,
    }


def term(reader: Reader, *, grounds, terms: dict, end_on, re_review_on, is_framework) -> dict:
    """MS5: the term (the proposed maximum within the limit, and within the capacity cap when
    capacity is a ground), from the day after the current contract ends, and the re-review."""
    limit = reader.get(
        "contract_term.framework_max_months" if is_framework else "contract_term.max_months"
    )
    capacity = CAPACITY in grounds
    cap = reader.get("capacity.max_months") if capacity else None
    proposed = terms.get("max_term_months")
    limit = min(limit, cap) if cap else limit
    length = min(n for n in (proposed, limit) if n)
    starts = end_on + timedelta(days=1) if end_on else None
    ends = add_months(starts, length) - timedelta(days=1) if starts else None
    if re_review_on is None and ends is not None:
        re_review_on = add_months(ends, -reader.get("review.lead_time_months"))
    return {
        "months": months(length),
        "limit": months(limit),
        "cap": months(cap) if cap else "",
        "capacity": capacity,
        "starts_on": long_date(starts, "[the date stated in the award letter]"),
        "ends_on": long_date(ends, "[the date the Term ends]"),
        "re_review_on": long_date(re_review_on, "[the re-review date]"),
    }


def kpi(reader: Reader, *, proposed, value) -> dict:
    """MS9: at least the minimum number, assessed and published at least this often; whether
    the law itself requires KPIs at this value (PA 2023 s.52)."""
    minimum = reader.get("kpi.min_count")
    threshold = reader.get("kpi.law_value_threshold_gbp")
    count = max(minimum, proposed or 0)
    return {
        "min_count": str(minimum),
        "count": str(count),
        "extra_numbers": list(range(4, count + 1)),
        "interval": months(reader.get("kpi.assessment_interval_months")),
        "law_applies": value is not None and Decimal(str(value)) > threshold,
        "law_threshold": money(threshold, pence=False),
    }


def simple(reader: Reader, *, cpv_codes) -> dict:
    """The other standards' values: gender pay, FOI, payment, TUPE, two-tier, HRA."""
    care = reader.get("standards.care_act_cpv_prefixes")
    return {
        "gender_pay": {
            "tolerance": f"{reader.get('gender_pay.action_tolerance_pct')}%",
            "interval": months(reader.get("gender_pay.audit_interval_months")),
        },
        "foi": {
            "working_days": str(
                reader.get("information_requests.contractor_turnaround_working_days")
            )
        },
        "payment": {"days": str(reader.get("prompt_payment.days"))},
        "tupe": {"eli_days": str(reader.get("tupe.eli_days_before_transfer"))},
        "two_tier": {"commenced": bool(reader.get("two_tier.commenced"))},
        "hra": {"care_act": any(c.startswith(tuple(care)) for c in cpv_codes)},
    }
