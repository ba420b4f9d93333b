"""A service brought home in the demo, as early as the demo's policy adoption allows: one real
contract of an adopting council (never Staffordshire's or Warwickshire's, which the README's
walks use) whose term ended soon after the council adopted the policy (the demo's councils adopt
on 1 April of the current financial year, and a review cannot open before that: so "a year
ago" is at most the months since then). Run before the due reviews are opened. Its review was
opened and answered on the adoption date, an options appraisal run, the in-house decision signed
and published, every milestone of the transition plan marked done and go-live on the transfer
date, all through the real services. The KPIs (three carried over from the contract, two social
outcomes), their ratings before and after go-live, and the first service year's outturn and
staff figures are made up: each is marked illustrative, and every page that shows them says so.
Idempotent: nothing is done once any service has gone live. Its decision is published last
(`demo_brought_home_publish`), after the showcase, which waits for the demo's first publication."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.db.models import Min
from django.db.models.functions import Coalesce

from insource.appraisal.services import appraisal_load, appraisal_run, appraisal_start
from insource.authorities.models import Authority
from insource.core.audit import Actor
from insource.demo.brought_home_figures import KPIS, SOCIAL, appraisal_document, ratings, year_one
from insource.demo.showcase import FACTS, SKIP_CODES, answered
from insource.inhouse.models import InhouseService
from insource.inhouse.services import (
    KpiInput,
    RatingInput,
    YearInput,
    inhouse_service_start,
    kpi_add,
    kpi_rating_record,
    service_year_record,
)
from insource.register.models import Contract
from insource.reviews.decisions.pack import pack_render
from insource.reviews.models import Publication
from insource.reviews.services.decisions import decision_publish, decision_sign
from insource.reviews.services.editing import review_submit
from insource.reviews.services.opening import ReviewNotDue, review_open
from insource.transition.models import TransitionPlan
from insource.transition.services.milestones import MilestoneChange, milestone_update
from insource.transition.services.plans import plan_illustrative_mark

OUTCOME = "INSOURCE_AT_RISK_GUIDANCE"
# The council's passenger transport contracts carry children with special educational needs
# and adults to care: significant contact with people at risk (the officer's answers; the
# register publishes no CPV for them: 60130000 is special-purpose road passenger transport).
HOME_FACTS = FACTS | {
    "at-risk": {
        "at_risk.significant_contact": True,
        "at_risk.coercive_powers": False,
        "at_risk.rights_risk": False,
    },
    "contract": {
        "contract.counterparty": "private",
        "contract.cpv": ["60130000"],
        "contract.nature": "services",
    },
}


def _at(on: date, hour: int = 10) -> datetime:
    return datetime.combine(on, time(hour), tzinfo=UTC)


def _earliest_adoption() -> date:
    found = Authority.objects.aggregate(first=Min("policy_adopted_on"))["first"]
    return (found or date.max - timedelta(days=30)) + timedelta(days=21)


def _candidates(on: date):
    """Passenger transport contracts of adopting councils with a named supplier and a value,
    never reviewed, whose term ends between three weeks after adoption and four months before
    the demo date: the earliest first (the longest time in house)."""
    rows = (
        Contract.objects.filter(
            reviewing_authority__policy_adopted_on__isnull=False,
            is_framework=False,
            is_terminated=False,
            reviews__isnull=True,
            value_inc_vat__gt=0,
            start_on__isnull=False,
        )
        .exclude(reviewing_authority__code__in=SKIP_CODES)
        .exclude(supplier_names="")
        .filter(buyer_name__icontains="passenger transport")
        .annotate(last=Coalesce("max_end_on", "end_on"))
        .filter(last__lte=on - relativedelta(months=4), last__gte=_earliest_adoption())
    )
    for contract in rows.select_related("reviewing_authority").order_by("last", "id")[:200]:
        adopted = contract.reviewing_authority.policy_adopted_on
        if contract.last >= adopted + timedelta(days=21) and contract.end_on == contract.last:
            yield contract


def _decided(contract, people, *, on: date):
    """Open, answer, appraise, sign and publish in house on the adoption date (or None)."""
    decided_on = contract.reviewing_authority.policy_adopted_on + timedelta(days=7)
    at = _at(decided_on)
    try:
        review = review_open(contract=contract, on=decided_on, by=Actor.system("demo"), at=at)
    except ReviewNotDue:
        return None
    officer = people["officer"]
    if not answered(review, officer, on=decided_on, at=at, facts=HOME_FACTS, outcome=OUTCOME):
        return None
    _appraise(review, people["officer"], on=decided_on, at=at)
    review.refresh_from_db()
    if (review.evaluation or {}).get("result", {}).get("outcome") != OUTCOME:
        return None
    return _sign(review, people, on=decided_on, at=at + timedelta(hours=2))


def _sign(review, people, *, on: date, at: datetime):
    """Submit and sign the recommendation (published later: see `demo_brought_home_publish`)."""
    review.refresh_from_db()
    by = Actor.for_user(people["officer"])
    review_submit(
        review=review, decision_maker=people["decider"], version=review.version, on=on, by=by, at=at
    )
    review.refresh_from_db()
    return decision_sign(
        review=review,
        signer=people["decider"],
        outcome=OUTCOME,
        reason="",
        version=review.version,
        on=on,
        by=Actor.for_user(people["decider"]),
        at=at,
    )


def _appraise(review, officer, *, on: date, at: datetime) -> None:
    by = Actor.for_user(officer)
    appraisal = appraisal_start(review=review, term_years=5, by=by, at=at)
    document = appraisal_document(review.contract, on=on)
    appraisal_load(
        appraisal=appraisal, document=document, version=appraisal.version, on=on, by=by, at=at
    )
    appraisal.refresh_from_db()
    appraisal_run(appraisal=appraisal, draws=5000, seed=20260401, user=officer, on=on, by=by, at=at)


def _go_live(decision, people) -> InhouseService:
    """Every milestone of the decision's transition plan done; go-live last, on the transfer
    date (which starts the service). Without a plan: go-live straight from the decision."""
    by = Actor.for_user(people["manager"])
    plan = TransitionPlan.objects.filter(decision=decision).first()
    if plan is None:
        start = decision.contract.max_end_on or decision.contract.end_on
        return inhouse_service_start(decision=decision, started_on=start, by=by, at=_at(start))
    milestones = sorted(plan.milestones.all(), key=lambda m: (m.key == "go-live", m.due_on))
    for m in milestones:
        done_on = max(min(m.due_on, plan.transfer_on), decision.decided_on)
        change = MilestoneChange(
            status="done", owner=None, evidence="Demonstration: illustrative", notes=""
        )
        milestone_update(milestone=m, change=change, on=done_on, by=by, at=_at(done_on, 17))
    return InhouseService.objects.get(contract=decision.contract)


def _measure(service, manager, *, on: date) -> None:
    by, at = Actor.for_user(manager), _at(on, 9)
    for spec, owner in [(k, {"contract": service.contract}) for k in KPIS] + [
        (k, {"service": service}) for k in SOCIAL
    ]:
        entry = KpiInput(**spec["kpi"], is_illustrative=True)
        kpi = kpi_add(authority=service.authority, entry=entry, by=by, at=at, **owner)
        for start, value in ratings(spec, service.started_on, on):
            rating = RatingInput(start, Decimal(value), spec["evidence"], is_illustrative=True)
            kpi_rating_record(kpi=kpi, entry=rating, user=manager, by=by, at=at, on=on)
    year = YearInput(**year_one(service), is_illustrative=True)
    service_year_record(service=service, entry=year, user=manager, by=by, at=at, on=on)


def demo_brought_home(*, on: date, at: datetime) -> int | None:
    """Bring one service home and measure it; the service's id, or None (already done, or no
    contract fits)."""
    if InhouseService.objects.exists():
        return None
    names = ("officer", "decider", "legal", "manager")
    people = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    if len(people) < len(names):
        return None
    for contract in _candidates(on):
        decision = _decided(contract, people, on=on)
        if decision is not None:
            service = _go_live(decision, people)
            _measure(service, people["manager"], on=on)
            return service.pk
    return None


def demo_brought_home_publish(service_id: int | None) -> None:
    """Publish the brought-home service's decision pack, as the demo's legal officer did a week
    after signing (the showcase publishes the demo's first decision: this runs after it)."""
    service = InhouseService.objects.filter(pk=service_id).select_related("decision").first()
    if service is None or Publication.objects.filter(decision=service.decision).exists():
        return
    plan = TransitionPlan.objects.filter(decision=service.decision).first()
    if plan is not None:  # marked now: the transition demo looks for the first illustrative plan
        plan_illustrative_mark(plan=plan, by=Actor.system("demo"), at=_at(service.started_on))
    legal = get_user_model().objects.get(username="legal")
    published_on = service.decision.decided_on + timedelta(days=7)
    html, pdf = pack_render(
        service.decision, publisher_name=legal.get_full_name(), published_on=published_on
    )
    decision_publish(
        decision=service.decision,
        user=legal,
        redaction_note="No personal data in the pack (demonstration)",
        has_confidential_annex=False,
        pack_html=html,
        pack_pdf=pdf,
        on=published_on,
        by=Actor.for_user(legal),
        at=_at(published_on),
    )
