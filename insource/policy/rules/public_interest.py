"""Step 3b exception 2, the public interest test (SEED "10 tests"; criteria are DESIGN).

Legal basis: the founding policy's public interest test: outsourcing is justified only when every
enabled criterion passes. The default criteria are assembled from published sources (POLICY.md
§3); T4 comes from the options appraisal when there is one (DESIGN: passes when the probability
that in-house costs less is below 50%).
"""

from __future__ import annotations

from insource.policy.rules.base import rule
from insource.policy.tri import Cond, Finding, conjunction, refused

PIT = "public_interest_test."
APPRAISAL = ("p_inhouse_cheaper", "inhouse_cost_gbp", "outsourced_cost_gbp")
CRITERIA = {
    "T1": "outcomes can be specified and measured",
    "T2": "a healthy market of providers",
    "T3": "the authority can manage the contract",
    "T4": "better whole-life value for money",
    "T5": "better quality than in house",
    "T6": "not core; no need for greater control",
    "T7": "flexibility to change the service",
    "T8": "no significant benefit from integration",
    "T9": "economic and social value at least as good",
    "T10": "an acceptable performance record",
}


def _t4(ctx) -> tuple[bool | None, str]:
    p = ctx.fact(PIT + "appraisal.p_inhouse_cheaper")
    if p is None:
        return ctx.fact(PIT + "T4"), PIT + "T4"
    limit = ctx.param("public_interest_test.t4_probability_limit")
    return p < limit, PIT + "appraisal.p_inhouse_cheaper"


def _appraisal_text(ctx) -> str:
    """The appraisal's figures for the trace: ": in-house £X, outsourced £Y; ..." or ""."""
    p = ctx.fact(PIT + "appraisal.p_inhouse_cheaper")
    if p is None:
        return ""
    who = (("in-house", "inhouse_cost_gbp"), ("outsourced", "outsourced_cost_gbp"))
    costs = [(w, ctx.fact(PIT + "appraisal." + k)) for w, k in who]
    money = "".join(f"{w} £{v:,.0f}, " for w, v in costs if v is not None)
    limit = ctx.param("public_interest_test.t4_probability_limit")
    return (
        f": the options appraisal gives {money}a {p:.1%} probability that in-house costs "
        f"less (the test passes below {limit:.0%})"
    )


def _criterion(ctx, key: str) -> Cond:
    value, path = _t4(ctx) if key == "T4" else (ctx.fact(PIT + key), PIT + key)
    text = CRITERIA.get(key, key) + (_appraisal_text(ctx) if key == "T4" else "")
    return Cond(f"it passed test {key} ({text})", value, (path,), f"it failed test {key} ({text})")


@rule(
    "track.public_interest_test",
    "Public interest test met",
    "Labour 2019 (SEED '10 tests')",
    "Public interest test met: claimed, and every enabled criterion passes -> "
    "OUTSOURCE_PUBLIC_INTEREST_TEST_MET. A criterion left unknown means not met.",
)
def public_interest_test(ctx) -> Finding:
    enabled = ctx.param("public_interest_test.criteria")
    conds = [_criterion(ctx, key) for key in enabled]
    if ctx.fact(PIT + "claimed") is False and all(c.value is None for c in conds):
        return refused("nobody claims it", note="not claimed")
    found = conjunction(conds)
    if found.value:
        found.held = [f"it passed every enabled test ({', '.join(enabled)}){_appraisal_text(ctx)}"]
    appraisal = {k: ctx.fact(PIT + "appraisal." + k) for k in APPRAISAL}
    found.data = {"criteria": {c.label: c.value for c in conds}, "appraisal": appraisal}
    return found
