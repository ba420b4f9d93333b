"""Step 4, minimum standards MS6-MS13 (POLICY.md §4, SEED).

Legal basis: FOIA 2000 s.3(2)(b) (information held on the authority's behalf); HRA 1998
s.6(3)(b), and Care Act 2014 s.73 for care arranged by an authority; Employment Rights Act 2025
(two-tier workforce; advisory until commenced); PA 2023 ss.52, 71 (KPIs, assessment), s.68
(prompt payment), ss.57-58 (exclusion and debarment).
"""

from __future__ import annotations

from insource.policy.rules.base import rule
from insource.policy.rules.standards import T, _bool_std, std
from insource.policy.tri import Finding


@rule(
    "standards.ms6_foi",
    "MS6 Freedom of Information",
    "FOIA 2000 s.3(2)(b)",
    "Provider supplies information held for the authority within 10 working days; publication "
    "schedule; no blanket confidentiality over decision-relevant information.",
)
def ms6(ctx) -> Finding:
    days = ctx.param("information_requests.contractor_turnaround_working_days")
    return _bool_std(ctx, "foi_clause", f"an FOI clause ({days} working days)", "no FOI clause")


@rule(
    "standards.ms7_hra",
    "MS7 Human Rights Act",
    "HRA 1998 s.6(3)(b); Care Act 2014 s.73",
    "Provider acts compatibly with Convention rights as if a public authority; complaints route.",
)
def ms7(ctx) -> Finding:
    found = _bool_std(ctx, "hra_clause", "an HRA clause", "no HRA clause")
    prefixes = ctx.param("standards.care_act_cpv_prefixes")
    if any(c.startswith(p) for c in ctx.fact("contract.cpv") or () for p in prefixes):
        found.data["reason"] = found.note = found.note + (
            "; required by law in any case: the provider of care arranged by the authority is "
            "bound by the HRA (Care Act 2014 s.73)"
        )
    return found


@rule(
    "standards.ms8_two_tier",
    "MS8 two-tier workforce",
    "Employment Rights Act 2025 (pending)",
    "Transferred and other contract staff no less favourable than under the authority "
    "(advisory until commenced).",
)
def ms8(ctx) -> Finding:
    found = _bool_std(
        ctx, "two_tier_clause", "a two-tier workforce clause", "no two-tier workforce clause"
    )
    if not ctx.param("two_tier.commenced"):
        found.data["reason"] = found.note = found.note + " (advisory until commenced)"
    return found


@rule(
    "standards.ms9_kpis",
    "MS9 KPIs and published performance",
    "PA 2023 ss.52, 71",
    ">= 3 KPIs; annual published assessment.",
)
def ms9(ctx) -> Finding:
    need, num = ctx.param("kpi.min_count"), ctx.fact(T + "num_kpis")
    if num is None:
        return std("unknown", "the number of KPIs is not given", [T + "num_kpis"])
    return (
        std("met", f"{num} KPIs (at least {need})")
        if num >= need
        else std("unmet", f"{num} KPIs, need at least {need}")
    )


@rule(
    "standards.ms10_prompt_payment",
    "MS10 prompt payment",
    "PA 2023 s.68",
    "30 days through the supply chain.",
)
def ms10(ctx) -> Finding:
    limit, days = ctx.param("prompt_payment.days"), ctx.fact(T + "prompt_payment_days")
    if days is None:
        return std("unknown", "the payment terms are not given", [T + "prompt_payment_days"])
    return (
        std("met", f"payment within {days} days (at most {limit})")
        if days <= limit
        else std("unmet", f"payment within {days} days is slower than {limit}")
    )


@rule(
    "standards.ms11_provider",
    "MS11 provider conditions",
    "PA 2023 ss.57-58",
    "Not excluded or debarred; acceptable performance record; tax and employment law "
    "compliance. Due at award whenever provider_excluded is not given.",
)
def ms11(ctx) -> Finding:
    excluded = ctx.fact(T + "provider_excluded")
    if excluded is None:
        return std("due_at_award", "the exclusion check is due at award")
    return (
        std("unmet", "the provider is excluded or debarred")
        if excluded
        else std("met", "the provider is not excluded or debarred")
    )


@rule(
    "standards.ms12_exit",
    "MS12 insourcing-ready exit",
    "SEED",
    "Staff information on request, asset/data/IP handover, step-in, exit plan.",
)
def ms12(ctx) -> Finding:
    return _bool_std(ctx, "exit_plan", "an insourcing-ready exit plan", "no exit plan")


@rule(
    "standards.ms13_model_contract",
    "MS13 model contract",
    "SEED",
    "The model contract is used, with these clauses filled from the contract's data.",
)
def ms13(ctx) -> Finding:
    return _bool_std(
        ctx, "uses_model_contract", "the model contract", "the model contract is not used"
    )
