"""Step 3, the two tracks and their exceptions, as default logic (Catala style).

Legal basis: the founding policy (Labour 2019, SEED): the at-risk guidance and the statutory
presumption of in-house delivery as defaults, with good reasons (risk mitigation, capacity,
separation), the public interest test and the specialist care carve-out as prioritised
exceptions. The burden of proof is on whoever wants to outsource: unknown never establishes one.
"""

from __future__ import annotations

from insource.policy.dates import add_months
from insource.policy.rules.base import rule
from insource.policy.tri import Cond, Finding, conjunction, fact_cond, refused

GR = "good_reasons."
CAPACITY = (
    (
        "insufficient_after_support",
        (
            "capacity is insufficient even after the support measures",
            "capacity is not insufficient once the support measures are used",
        ),
    ),
    (
        "support_measures_considered",
        ("the support measures were considered", "the support measures were not considered"),
    ),
    ("capacity_plan", ("there is a plan to build capacity", "there is no plan to build capacity")),
)
CRA = ("a comparative risk assessment shows it", "no comparative risk assessment shows it")
SPECIALIST = (
    "the contract is specialist social care",
    "the contract is not specialist social care",
)


def _claim(ctx, path: str) -> Cond | None:
    claimed = ctx.fact(path)
    return None if claimed is False else Cond("it is claimed", claimed, (path,), "not claimed")


def disabled(reason: str) -> Finding:
    return Finding(False, failed=[reason], data={"disabled": True})


def _evidence(ctx, path: str) -> Cond:
    return Cond("evidence is attached", True if ctx.fact(path) else None, (path,))


@rule(
    "track.at_risk_default",
    "At-risk guidance: bring in house",
    "Labour 2019 (SEED)",
    "At-risk track. Default: INSOURCE_AT_RISK_GUIDANCE",
)
def at_risk_default(ctx) -> Finding:
    return Finding(True, held=["the service is treated as at risk"])


@rule(
    "track.statutory_presumption",
    "Statutory presumption of in-house delivery",
    "Labour 2019 (SEED)",
    "Other contracts. Default: INSOURCE_STATUTORY_PRESUMPTION",
)
def statutory_presumption(ctx) -> Finding:
    return Finding(True, held=["the presumption of in-house delivery applies"])


@rule(
    "track.risk_mitigation",
    "Good reason: risks best mitigated by retaining outsourced provision",
    "Labour 2019 (SEED)",
    "Risks best mitigated by retaining outsourced provision "
    "-> OUTSOURCE_GOOD_REASON_RISK_MITIGATION. Established when claimed, a comparative risk "
    "assessment is true and evidence is present.",
)
def risk_mitigation(ctx) -> Finding:
    claim = _claim(ctx, GR + "risk_mitigation.claimed")
    if claim is None:
        return refused("nobody claims it", note="not claimed")
    assessment = fact_cond(ctx, GR + "risk_mitigation.comparative_risk_assessment", CRA)
    return conjunction([claim, assessment, _evidence(ctx, GR + "risk_mitigation.evidence")])


def _re_review(ctx) -> Cond:
    on, cap = ctx.fact(GR + "capacity.re_review_on"), ctx.param("capacity.max_months")
    latest = add_months(ctx.on, cap)
    return Cond(
        f"the re-review is no later than {latest.isoformat()} ({cap} months)",
        None if on is None else on <= latest,
        (GR + "capacity.re_review_on",),
        f"the re-review is later than {latest.isoformat()} ({cap} months)",
    )


@rule(
    "track.capacity",
    "Good reason: insufficient capacity even after the support measures",
    "Labour 2019 (SEED); POLICY §2 (DESIGN: 36 months)",
    "Capacity is established only when all hold: claimed, insufficient_after_support, "
    "support_measures_considered, capacity_plan, re_review_on no later than decision_on + 36 "
    "months, and at least one evidence reference.",
)
def capacity(ctx) -> Finding:
    claim = _claim(ctx, GR + "capacity.claimed")
    if claim is None:
        return refused("nobody claims it", note="not claimed")
    conds = [fact_cond(ctx, GR + "capacity." + key, texts) for key, texts in CAPACITY]
    re_review = _re_review(ctx)
    found = conjunction([claim, *conds, re_review, _evidence(ctx, GR + "capacity.evidence")])
    found.data = {
        "re_review_on": ctx.fact(GR + "capacity.re_review_on"),
        "term_cap_months": ctx.param("capacity.max_months"),
        "re_review_too_late": re_review.value is False,
    }
    return found


@rule(
    "track.specialist_care",
    "Specialist social care carve-out",
    "Labour 2019 (SEED); preset",
    "Specialist social care carve-out (preset, on) -> OUTSIDE_PRESUMPTION_SPECIALIST_CARE. "
    "It does not apply on the at-risk track.",
)
def specialist_care(ctx) -> Finding:
    if not ctx.param("tracks.specialist_care_carve_out"):
        return disabled("the carve-out is switched off in this preset")
    return conjunction([fact_cond(ctx, "contract.is_specialist_social_care", SPECIALIST)])


@rule(
    "track.separation",
    "Good reason: separation of the service from the council",
    "Labour 2019 (SEED); preset",
    "Separation of the service from the council (preset, off) -> OUTSOURCE_GOOD_REASON_SEPARATION",
)
def separation(ctx) -> Finding:
    if not ctx.param("tracks.separation"):
        return Finding(
            False,
            failed=["this good reason is switched off in this preset"],
            data={"disabled": True},
        )
    claim = _claim(ctx, GR + "separation.claimed")
    if claim is None:
        return refused("nobody claims it", note="not claimed")
    return conjunction([claim, _evidence(ctx, GR + "separation.evidence")])
