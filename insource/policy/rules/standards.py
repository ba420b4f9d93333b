"""Step 4, minimum standards for any outsourcing that continues (POLICY.md §4, SEED).

Legal basis: Local Government Act 1988 s.17 (workforce terms only where best value justifies
them); TULRCA 1992 ss.186-187 (a union recognition term is void); Social Value Act 2012; PA 2023
ss.47, 52, 57-58, 68, 71; FOIA 2000 s.3(2)(b); HRA 1998 s.6(3)(b) and Care Act 2014 s.73;
Employment Rights Act 2025 (two-tier workforce, advisory until commenced).
"""

from __future__ import annotations

from insource.policy.rules.base import rule
from insource.policy.tri import Finding

T = "proposed_terms."
VALUE = {
    "met": True,
    "unmet": False,
    "unknown": None,
    "due_at_award": True,
    "not_applicable": True,
    "void_in_law": True,
}


def std(status: str, reason: str, missing=()) -> Finding:
    return Finding(
        VALUE[status], note=reason, missing=list(missing), data={"status": status, "reason": reason}
    )


def _bool_std(ctx, key: str, met: str, unmet: str) -> Finding:
    value = ctx.fact(T + key)
    if value is None:
        return std("unknown", f"no information yet on whether the terms include {met}", [T + key])
    return std("met", f"the terms include {met}") if value else std("unmet", unmet)


def _combine(*parts: Finding) -> Finding:
    for status in ("unmet", "unknown"):
        hits = [p for p in parts if p.data["status"] == status]
        if hits:
            return std(
                status, "; ".join(p.note for p in hits), [m for p in hits for m in p.missing]
            )
    return std("met", "; ".join(p.note for p in parts))


def _wage_needed(ctx, where: str):
    name = f"fair_wage.real_living_wage.{where}"
    rate, floor = ctx.param(name), ctx.param("fair_wage.national_living_wage")
    entry = dict(ctx.view.parameters.get(name).at(ctx.on).extra)
    due = entry.get("required_from")
    uplift = (
        f" (uplift due: employers must pay it by {due.isoformat()})" if due and due > ctx.on else ""
    )
    return max(rate, floor), uplift


def _wage(rate, low, high, uplift) -> Finding:
    if rate is None:
        return std(
            "unknown",
            f"the wage rate is not given (at least £{high}{uplift})",
            [T + "fair_wage_rate_gbp"],
        )
    if rate < low:
        return std("unmet", f"£{rate} is below the fair wage of £{low}{uplift}")
    if rate >= high:
        return std("met", f"£{rate} meets the fair wage of £{high}{uplift}")
    return std("unknown", f"£{rate} meets the UK rate but not London's", ["contract.is_london"])


@rule(
    "standards.ms1_fair_wage",
    "MS1 fair wage clause",
    "SEED; LGA 1988 s.17; NLW floor",
    "Every worker on the contract paid at least the fair wage (London rate where the work is "
    "in London), compared with the latest rate announced by the decision date; best-value "
    "justification recorded.",
)
def ms1(ctx) -> Finding:
    rate, london = ctx.fact(T + "fair_wage_rate_gbp"), ctx.fact("contract.is_london")
    places = ["uk", "london"] if london is None else ["london" if london else "uk"]
    needs = {p: _wage_needed(ctx, p) for p in places}
    low, high = min(n for n, _ in needs.values()), max(n for n, _ in needs.values())
    wage = _wage(rate, low, high, needs[places[-1]][1])
    bvj = _bool_std(
        ctx,
        "has_best_value_justification",
        "a recorded best-value justification",
        "no best-value justification (LGA 1988 s.17)",
    )
    return _combine(wage, bvj)


@rule(
    "standards.ms2_union_recognition",
    "MS2 trade union recognition",
    "TULRCA 1992 s.186",
    "A contract term requiring recognition is void: show the standard as 'requires legislative "
    "change', never generate the clause; the term must be removed before publication.",
)
def ms2(ctx) -> Finding:
    if ctx.fact(T + "union_recognition_clause"):
        return std(
            "void_in_law",
            "a term requiring union recognition is void (TULRCA 1992 "
            "s.186): remove it; offer lawful measures instead",
        )
    return std(
        "not_applicable",
        "requires legislative change; lawful measures apply: statutory "
        "union rights and access, no blacklisting, two-tier protections",
    )


@rule(
    "standards.ms3_local_labour",
    "MS3 local labour and supply chains",
    "Social Value Act 2012",
    "Social value plan with local employment, apprenticeships and local/SME/VCSE spend KPIs.",
)
def ms3(ctx) -> Finding:
    return _bool_std(ctx, "social_value_plan", "a social value plan", "no social value plan")


@rule(
    "standards.ms4_gender_pay_audit",
    "MS4 annual gender pay audit",
    "SEED; Equality Act 2010",
    "The six statutory measures computed for the contract workforce every year, any size of "
    "provider; action plan if the gap exceeds the tolerance.",
)
def ms4(ctx) -> Finding:
    ctx.param("gender_pay.action_tolerance_pct")
    return _bool_std(
        ctx, "gender_pay_audit", "an annual gender pay audit", "no annual gender pay audit"
    )


def _capacity_term(ctx, months: int, cap: int) -> Finding:
    if months > cap:
        return std("unmet", f"{months} months is over the {cap}-month cap for capacity")
    brk = ctx.fact(T + "has_no_fault_break")
    if brk is None:
        return std("unknown", "a no-fault break is needed for capacity", [T + "has_no_fault_break"])
    return (
        std("met", f"{months} months with a no-fault break")
        if brk
        else std("unmet", "capacity needs a no-fault break at the re-review")
    )


def _max_term(ctx) -> int:
    framework = ctx.fact("contract.nature") == "framework"
    return ctx.param(
        "contract_term.framework_max_months" if framework else "contract_term.max_months"
    )


@rule(
    "standards.ms5_time_limited",
    "MS5 time-limited contract",
    "SEED; PA 2023 s.47",
    "Total term incl. extensions <= maximum term; capacity outcome <= 36 months with a "
    "no-fault break at re-review.",
)
def ms5(ctx) -> Finding:
    months, limit = ctx.fact(T + "max_term_months"), _max_term(ctx)
    if months is None:
        return std("unknown", "the maximum term is not given", [T + "max_term_months"])
    if months > limit:
        return std("unmet", f"{months} months is over the maximum of {limit}")
    if ctx.capacity_established:
        return _capacity_term(ctx, months, ctx.param("capacity.max_months"))
    found = std("met", f"{months} months is within the maximum of {limit}")
    cap = _capacity_term(ctx, months, ctx.param("capacity.max_months"))
    found.data["capacity_sensitive"] = cap.data["status"] != "met"
    return found
