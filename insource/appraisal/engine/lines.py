"""One cost line of an option: its shape checked, its numbers registered as input columns.

A line is either an amount (a year's cost for annual lines, or a one-off cost in one year) or a
percentage of other lines of the same option (pension on pay, margin on cost, VAT on price),
which then follows their years. Income and residual values count against the cost.
"""

from __future__ import annotations

from dataclasses import dataclass

CREDITS = {"income", "residual_value"}
TIMING_FIELDS = ("timing", "year", "from_year", "to_year")
GROWTH_FIELDS = ("real_escalation_pct", "nominal_indexation_pct")
PERCENT_FIELDS = {
    "optimism_bias_mitigation_pct",
    "irrecoverable_vat_share_pct",
    "taxable_share_pct",
}
# Lines whose percentage is a share of a rate the parameters give (VAT, corporation tax).
SHARE_FIELDS = {"vat": "irrecoverable_vat_share_pct", "corporation_tax": "taxable_share_pct"}
FIELD_LABELS = {
    "amount_gbp": "amount (£)",
    "rate_pct": "rate (%)",
    "real_escalation_pct": "real growth a year (%)",
    "nominal_indexation_pct": "indexation a year (%)",
    "optimism_bias_mitigation_pct": "optimism bias mitigated (%)",
    "irrecoverable_vat_share_pct": "share bearing irrecoverable VAT (%)",
    "taxable_share_pct": "share that is taxable profit (%)",
}


@dataclass(frozen=True)
class Line:
    """One cost line; numbers are input columns (None: the default, zero)."""

    option: str
    id: str
    category: str
    label: str
    source: str
    sign: int
    years: tuple[int, ...]
    amount: int | None
    percent_of: tuple[int, ...]
    rate: int | None
    rate_scale: float
    escalation: int | None
    indexation: int | None
    ob_upper: float
    ob_lower: float
    mitigation: int | None
    relief: float


def line_build(b, where, raw, context, deps) -> Line:
    """The line at `path` (problems go to the builder `b`)."""
    key, option_label, path = where
    term, params, deflator = context
    name = f"{option_label}: {raw['label']}"

    def value(field):
        return b.value(raw.get(field), f"{path}.{field}", f"{name} – {FIELD_LABELS[field]}")

    is_percent = "percent_of" in raw
    _check_shape(b, path, raw, is_percent, deflator)
    share = SHARE_FIELDS.get(raw["category"])
    rate = value(share or "rate_pct")
    upper, lower = _optimism(b, path, raw, params)
    return Line(
        option=key,
        id=raw["id"],
        category=raw["category"],
        label=raw["label"],
        source=raw["source"],
        sign=-1 if raw["category"] in CREDITS else 1,
        years=() if is_percent else _years(b, path, raw, term),
        amount=value("amount_gbp"),
        percent_of=deps,
        rate=rate,
        rate_scale=_rate_scale(raw["category"], params),
        escalation=value("real_escalation_pct"),
        indexation=value("nominal_indexation_pct"),
        ob_upper=upper,
        ob_lower=lower,
        mitigation=value("optimism_bias_mitigation_pct"),
        relief=1 - params.charitable_relief if raw.get("charitable_relief") else 1.0,
    )


def _rate_scale(category: str, params) -> float:
    """What a percentage point of the line's rate is worth: VAT's and corporation tax's shares
    are shares of the rate in force; any other rate_pct is itself the percentage."""
    if category == "vat":
        return params.vat_rate / 100
    if category == "corporation_tax":
        return params.corporation_tax_rate / 100
    return 0.01


def _check_shape(b, path, raw, is_percent, deflator) -> None:
    if is_percent:
        _percent_shape(b, path, raw)
    elif "amount_gbp" not in raw:
        b.problem(
            path,
            "the line has neither amount_gbp nor percent_of",
            "give amount_gbp, or percent_of with rate_pct",
        )
    elif "rate_pct" in raw:
        b.problem(
            f"{path}.rate_pct",
            "rate_pct goes with percent_of",
            "remove rate_pct, or replace amount_gbp with percent_of",
        )
    for category, field in SHARE_FIELDS.items():
        if raw["category"] != category and field in raw:
            b.problem(
                f"{path}.{field}",
                f"only a {category} line has this share",
                f"set category to {category}, or remove the field",
            )
    if raw.get("charitable_relief") and raw["category"] != "business_rates":
        b.problem(
            f"{path}.charitable_relief",
            "relief applies only to business rates",
            "set category to business_rates, or remove charitable_relief",
        )
    if all(f in raw for f in GROWTH_FIELDS):
        b.problem(
            f"{path}.nominal_indexation_pct",
            "a line grows either in real terms or by its indexation, not both",
            "remove real_escalation_pct or this field",
        )
    if "nominal_indexation_pct" in raw and deflator is None:
        b.problem(
            f"{path}.nominal_indexation_pct",
            "indexation needs general inflation to make it real",
            "add gdp_deflator_pct at the top of the document",
        )


def _percent_shape(b, path, raw) -> None:
    if "amount_gbp" in raw:
        b.problem(
            f"{path}.amount_gbp",
            "a line is an amount or a percentage, not both",
            "remove amount_gbp or percent_of",
        )
    if raw["category"] not in SHARE_FIELDS and "rate_pct" not in raw:
        b.problem(path, "percent_of needs rate_pct", "add rate_pct, e.g. 19.5")
    for field in (*TIMING_FIELDS, *GROWTH_FIELDS):
        if field in raw:
            b.problem(
                f"{path}.{field}",
                "a percentage follows the years and growth of the lines it is a percentage of",
                f"remove {field}",
            )


def _years(b, path, raw, term) -> tuple[int, ...]:
    if raw.get("timing", "annual") == "one_off":
        for field in ("from_year", "to_year"):
            if field in raw:
                b.problem(
                    f"{path}.{field}",
                    "a one-off line falls in one year",
                    f"remove {field} and give year",
                )
        return (raw.get("year", 0),)
    if "year" in raw:
        b.problem(
            f"{path}.year",
            "year is for one-off lines",
            'use from_year and to_year, or set timing to "one_off"',
        )
    first, last = raw.get("from_year", 1), raw.get("to_year", term)
    if first > last:
        b.problem(
            f"{path}.to_year",
            f"to_year {last} is before from_year {first}",
            "make to_year the same as from_year or later",
        )
    return tuple(range(first, last + 1))


def _optimism(b, path, raw, params) -> tuple[float, float]:
    kind = raw.get("optimism_bias", "none")
    if kind == "none":
        if "optimism_bias_mitigation_pct" in raw:
            b.problem(
                f"{path}.optimism_bias_mitigation_pct",
                "there is no optimism bias to mitigate",
                "set optimism_bias to a project type, or remove this field",
            )
        return 0.0, 0.0
    if kind not in params.optimism_upper or kind not in params.optimism_lower:
        b.problem(
            f"{path}.optimism_bias",
            f"no optimism bias parameter for {kind!r}",
            f"use one of {', '.join(sorted(params.optimism_upper))}",
        )
        return 0.0, 0.0
    return params.optimism_upper[kind], params.optimism_lower[kind]
