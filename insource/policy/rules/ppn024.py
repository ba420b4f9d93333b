"""The `ppn-024-consider` preset's own rules (LATER: PPN 024, June 2026).

Legal basis: Procurement Policy Note 024 asks central government buyers to consider insourcing
for contracts over £1,000,000 incl. VAT (required from 1 April 2027; earlier adopters use the
same figure). Outcomes are advisory. Out of scope: Sch. 2 exempt contracts, direct awards,
health services under the Provider Selection Regime, services delivered outside the UK.
"""

from __future__ import annotations

from insource.policy.rules.base import rule
from insource.policy.rules.gateway import _basis_doubt, below
from insource.policy.tri import Finding, any3


def _ppn_limit(ctx) -> dict:
    return {"ppn_024": ctx.param("ppn_024.threshold_inc_vat")}


@rule(
    "ppn024.at_or_below_threshold",
    "At or below the PPN 024 threshold",
    "PPN 024 (LATER)",
    "Contracts over £1,000,000 incl. VAT are in scope; others -> NOT_IN_SCOPE",
    since="2026-06-01",
)
def at_or_below(ctx) -> Finding:
    ctx.param("ppn_024.required_from")
    return _basis_doubt(ctx, below(ctx, _ppn_limit, strict=False), _ppn_limit, strict=False)


EXCLUSIONS = (
    ("contract.is_direct_award", "it is a direct award"),
    ("contract.is_health_psr", "it is a health service under the Provider Selection Regime"),
    ("contract.is_delivered_outside_uk", "it is delivered outside the UK"),
)


@rule(
    "ppn024.excluded",
    "Excluded by PPN 024",
    "PPN 024 (LATER)",
    "Direct awards, health services under the Provider Selection Regime and services "
    "delivered outside the UK -> NOT_IN_SCOPE",
    since="2026-06-01",
)
def excluded(ctx) -> Finding:
    values = {path: ctx.fact(path) for path, _ in EXCLUSIONS}
    found = Finding(any3(values.values()), data={"any": True})
    for path, text in EXCLUSIONS:
        {True: found.held, False: found.failed, None: found.unknown}[values[path]].append(text)
    if found.value is not True:
        found.missing = [p for p, v in values.items() if v is None]
    return found


@rule(
    "ppn024.consider",
    "Consider insourcing",
    "PPN 024 (LATER)",
    "In scope: the buyer must consider insourcing -> CONSIDER_INSOURCING (advisory)",
    since="2026-06-01",
)
def consider(ctx) -> Finding:
    return Finding(True, held=["the contract is in scope of PPN 024"])
