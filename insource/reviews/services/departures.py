"""Departures from the recommendation (POLICY.md §2; ADR 0019): what signing one needs, and the
monitoring officer's advice that publishing one towards outsourcing needs.

`departure_check` is the one test the sign page lists and `decision_sign` enforces: any outcome
may be signed; a departure needs reasons; one towards an outsourcing outcome the facts do not
establish needs a reason against each condition the engine finds unmet or unknown
(`insource.policy.departure`) and, for capacity, a re-review date no later than 36 months
ahead; its minimum standards are evaluated on the proposed terms and give its status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction

from insource.core.audit import Actor, audit_record
from insource.policy.departure import (
    CAPACITY,
    TOWARDS_OUTSOURCING,
    departure_conditions,
    departure_kind,
    departure_standards,
    re_review_latest,
)
from insource.policy.outcomes import OUTCOMES, is_outsourcing
from insource.reviews.models import Decision, DepartureAdvice


class DepartureRefused(Exception):
    """The departure is not yet reasoned: `errors` maps each form field to what to do."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(errors.values()))


@dataclass
class Departure:
    """What a signed decision records about its departure ('' kind: none)."""

    kind: str
    status: str
    reasons: list[dict] = field(default_factory=list)
    standards: dict = field(default_factory=dict)
    re_review_on: date | None = None


def _long(day: date) -> str:
    return day.strftime("%-d %B %Y")


def _re_review_error(facts: dict, on: date, re_review_on: date | None) -> str | None:
    latest = re_review_latest(facts, on)
    if re_review_on is None:
        return "Enter the re-review date: capacity is a reason for a limited time only"
    if re_review_on <= on:
        return "The re-review date must be after the date of the decision"
    if re_review_on > latest:
        return f"The re-review date must be no later than {_long(latest)} (36 months ahead)"
    return None


def departure_options(facts: dict, result: dict) -> dict[str, list[dict]]:
    """For each outsourcing outcome signing would make a departure towards outsourcing, the
    conditions the decision-maker must answer (what the sign page lists)."""
    return {
        outcome: departure_conditions(facts, outcome)
        for outcome in OUTCOMES
        if is_outsourcing(outcome)
        and departure_kind(
            recommended=result.get("outcome"), outcome=outcome, grounds=result.get("grounds", [])
        )
        == TOWARDS_OUTSOURCING
    }


def departure_check(
    *,
    facts: dict,
    result: dict,
    outcome: str,
    reason: str,
    condition_reasons: dict[str, str],
    re_review_on: date | None,
    on: date,
) -> Departure:
    """The departure signing `outcome` makes, or `DepartureRefused` naming every field to fix."""
    kind = departure_kind(
        recommended=result.get("outcome"), outcome=outcome, grounds=result.get("grounds", [])
    )
    errors = {}
    if kind and not reason.strip():
        errors["reason"] = "Enter the reasons for departing from the recommendation"
    if kind != TOWARDS_OUTSOURCING:
        if errors:
            raise DepartureRefused(errors)
        return Departure(kind, "decided" if kind else result["status"])
    conditions = departure_conditions(facts, outcome)
    for c in conditions:
        if not condition_reasons.get(c["key"], "").strip():
            errors[c["key"]] = f"Give your reason on this condition: {c['condition']}"
    if outcome == CAPACITY and (error := _re_review_error(facts, on, re_review_on)):
        errors["re_review_on"] = error
    if errors:
        raise DepartureRefused(errors)
    reasons = [c | {"reason": condition_reasons[c["key"]].strip()} for c in conditions]
    found = departure_standards(facts, outcome)
    return Departure(
        kind,
        found["status"],
        reasons,
        found["standards"],
        re_review_on if outcome == CAPACITY else None,
    )


class AdviceRefused(Exception):
    """The advice cannot be recorded: the message says why."""


@transaction.atomic
def departure_advice_record(
    *, decision: Decision, user, advice: str, by: Actor, at: datetime
) -> DepartureAdvice:
    """The monitoring officer records their advice on a departure towards outsourcing: once,
    audited; the pack shows it and publication needs it."""
    if not decision.is_departure_towards_outsourcing:
        raise AdviceRefused("This decision does not depart from the recommendation")
    if DepartureAdvice.objects.filter(decision=decision).exists():
        raise AdviceRefused("The monitoring officer's advice on this decision is recorded")
    if not advice.strip():
        raise AdviceRefused("Enter the monitoring officer's advice")
    recorded = DepartureAdvice.objects.create(
        decision=decision,
        advice=advice.strip(),
        advised_by=user,
        advised_by_name=user.get_full_name() or user.get_username(),
        advised_at=at,
    )
    audit_record(
        by=by,
        at=at,
        action="reviews.departure_advice",
        obj=recorded,
        authority=decision.authority,
        after={"decision": decision.pk, "advice": recorded.advice},
    )
    return recorded
