"""Flags raised beside the outcome: they never change outcome or status (POLICY.md §2).

Legal basis: TUPE 2006 (staff transfer on insourcing); Localism Act 2011 Part 5 Ch. 2 (Community
Right to Challenge: an accepted expression of interest obliges a procurement exercise); TULRCA
1992 s.186 (void recognition terms); PA 2023 Sch. 1 (thresholds change on fixed dates); DESIGN:
late reviews, procurement already started, voluntary review below threshold.
"""

from __future__ import annotations

from insource.policy.rules.base import rule
from insource.policy.tri import Finding


def insourcing(outcome: str | None) -> bool:
    return bool(outcome) and (outcome.startswith("INSOURCE_") or outcome == "CONSIDER_INSOURCING")


def _flag(value: bool, detail: str = "") -> Finding:
    return Finding(value, held=[detail] if value and detail else [], note=detail if value else "")


@rule(
    "flags.late_review",
    "Late review",
    "POLICY §2 timeline checks (DESIGN)",
    "A decision after the contract's end date flags LATE_REVIEW.",
)
def late_review(ctx) -> Finding:
    ends = ctx.fact("contract.ends_on")
    return _flag(bool(ends and ctx.on > ends), f"the review is late: the contract ended on {ends}")


@rule(
    "flags.procurement_started",
    "Procurement started",
    "POLICY §2 timeline checks (DESIGN)",
    "A procurement start before the decision date is allowed and flags PROCUREMENT_STARTED.",
)
def procurement_started(ctx) -> Finding:
    start = ctx.fact("procurement_start_on")
    return _flag(bool(start and start < ctx.on), f"a procurement had already started on {start}")


@rule(
    "flags.recheck_threshold",
    "Recheck the threshold",
    "PA 2023 Sch. 1 (threshold changes)",
    "When a threshold change falls between the decision and the end date (or the procurement "
    "start, if later), flag RECHECK_THRESHOLD.",
    since="2025-02-24",
)
def recheck_threshold(ctx) -> Finding:
    dates = [d for d in (ctx.fact("contract.ends_on"), ctx.fact("procurement_start_on")) if d]
    names = ctx.run("value.threshold").data["parameters"].values()
    starts = {s for n in names for s in ctx.view.parameters.get(n).starts}
    changes = sorted(s for s in starts if dates and ctx.on < s <= max(dates))
    when = ", ".join(map(str, changes))
    return _flag(
        bool(changes),
        f"the threshold changes on {when}: check it again before the procurement starts",
    )


@rule(
    "flags.voluntary_review",
    "Voluntary review recommended",
    "Labour 2019 (SEED)",
    "Below threshold, if an at-risk limb is established: flag VOLUNTARY_REVIEW_RECOMMENDED; "
    "never a status change.",
)
def voluntary_review(ctx) -> Finding:
    at_risk = ctx.run("at_risk.assessment", "2").value is True
    below = ctx.outcome == "EXEMPT_BELOW_THRESHOLD"
    return _flag(
        below and at_risk,
        "the contract is below the threshold, but the service is at risk: a voluntary review is "
        "recommended",
    )


@rule(
    "flags.staff_transfer",
    "Staff transfer",
    "TUPE 2006",
    "Any insourcing outcome with an assigned workforce carries the staff transfer flag.",
)
def staff_transfer(ctx) -> Finding:
    assigned = ctx.fact("contract.has_assigned_workforce")
    days = ctx.param("tupe.eli_days_before_transfer")
    return _flag(
        insourcing(ctx.outcome) and assigned is True,
        f"staff will transfer (TUPE): the provider must give employee liability "
        f"information at least {days} days before the transfer",
    )


@rule(
    "flags.right_to_challenge",
    "Community Right to Challenge",
    "Localism Act 2011 s.81",
    "An accepted expression of interest obliges a procurement exercise, so it is flagged "
    "against any insourcing outcome.",
    since="2012-06-27",
)
def right_to_challenge(ctx) -> Finding:
    eoi = ctx.fact("contract.right_to_challenge_eoi")
    return _flag(
        insourcing(ctx.outcome) and eoi is True,
        "a Community Right to Challenge expression of interest was accepted: a "
        "procurement exercise is required",
    )
