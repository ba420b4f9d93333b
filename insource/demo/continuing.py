"""A continuing contract in the demo, so contract managers have something to monitor at once:
one real refuse or cleaning contract of an adopting council (never Staffordshire's or
Warwickshire's, which the README's walks use) taken through the real services to a decision
that keeps it outsourced — the public interest test met on every criterion, proposed terms that
meet the standards, the provider's exclusion check left for award — published, and the shipped
sample payroll return uploaded by the demo's contract manager (it shows one worker below the
Real Living Wage: a breach on the audit committee's page). Illustrative answers, not the
council's. Idempotent: nothing is done once any decision keeps a contract outsourced."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model

from insource.core.audit import Actor
from insource.demo.showcase import FACTS, SKIP_CODES, answered, decide_and_publish
from insource.register.models import Contract
from insource.reviews.models import Decision, Review
from insource.reviews.services.opening import ReviewNotDue, review_open
from insource.standards.payroll.services import payroll_return_upload

OUTCOME = "OUTSOURCE_PUBLIC_INTEREST_TEST_MET"
SERVICES = ("905", "9091", "9092")  # refuse and waste, cleaning
SAMPLE = Path(__file__).resolve().parents[1] / "standards" / "data" / "payroll-return-sample.csv"
TERMS = {
    "proposed_terms.fair_wage_rate_gbp": "13.45",
    "proposed_terms.has_best_value_justification": True,
    "proposed_terms.gender_pay_audit": True,
    "proposed_terms.max_term_months": 48,
    "proposed_terms.has_no_fault_break": True,
    "proposed_terms.foi_clause": True,
    "proposed_terms.hra_clause": True,
    "proposed_terms.num_kpis": 4,
    "proposed_terms.prompt_payment_days": 30,
    "proposed_terms.union_recognition_clause": False,
    "proposed_terms.social_value_plan": True,
    "proposed_terms.two_tier_clause": True,
    "proposed_terms.exit_plan": True,
    "proposed_terms.uses_model_contract": True,
}
PIT = {"public_interest_test.claimed": True} | {
    f"public_interest_test.T{n}": True for n in range(1, 11)
}
CONTINUING = FACTS | {"public-interest-test": PIT, "proposed-terms": TERMS}


def _candidates(on: date, at: datetime):
    """Open reviews of refuse or cleaning contracts, then such contracts still running whose
    review the demo opens early (as an officer may)."""
    service = r"^(" + "|".join(SERVICES) + ")"
    rows = Review.objects.filter(is_signed=False, contract__main_cpv__regex=service)
    yield from rows.exclude(authority__code__in=SKIP_CODES).select_related("contract")[:20]
    contracts = Contract.objects.filter(
        reviewing_authority__policy_adopted_on__lte=on, main_cpv__regex=service, end_on__gt=on
    ).exclude(reviewing_authority__code__in=SKIP_CODES)
    for contract in contracts.filter(reviews__isnull=True).order_by("end_on", "id")[:20]:
        try:
            yield review_open(contract=contract, on=on, by=Actor.system("demo"), at=at)
        except ReviewNotDue:
            continue


def demo_continuing(*, on: date, at: datetime) -> int | None:
    """Keep one contract outsourced and upload its payroll return; the contract's id or None."""
    if Decision.objects.filter(outcome__startswith="OUTSOURCE_").exists():
        return None
    names = ("officer", "decider", "legal", "manager")
    people = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    review = next(
        (
            r
            for r in _candidates(on, at)
            if answered(r, people["officer"], on=on, at=at, facts=CONTINUING, outcome=OUTCOME)
        ),
        None,
    )
    if review is None:
        return None
    decision = decide_and_publish(review, people, on=on, at=at)
    manager = people["manager"]
    payroll_return_upload(
        contract=decision.contract,
        authority=decision.authority,
        name=SAMPLE.name,
        content=SAMPLE.read_bytes(),
        user=manager,
        by=Actor.for_user(manager),
        at=at + timedelta(hours=1),
    )
    return decision.contract_id
