"""Read-only queries over reviews and decisions. Every one takes the authority: officers reach
reviews only through an authority they belong to. Dates are arguments, never the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404

from insource.authorities.models import Authority
from insource.core.models import AuditEvent
from insource.register.selectors.pipeline import add_months
from insource.reviews.models import Decision, Evidence, Publication, Review
from insource.reviews.workflow.timing import lateness, months_param


def reviews_for(*, authority: Authority) -> QuerySet[Review]:
    """The authority's reviews with their contracts, soonest decision point first."""
    return (
        Review.objects.filter(authority=authority)
        .select_related("contract", "owner", "decision_maker")
        .order_by("decision_point_on", "id")
    )


def review_get(*, authority: Authority, pk: int) -> Review | None:
    """One of the authority's reviews (None for another authority's)."""
    return reviews_for(authority=authority).select_related("authority").filter(pk=pk).first()


def review_or_404(*, authority: Authority, pk: int) -> Review:
    """One of the authority's reviews, or 404 (another authority's, or none)."""
    review = review_get(authority=authority, pk=pk)
    if review is None:
        raise Http404("No such review")
    return review


def reviews_late(*, authority: Authority, on: date) -> QuerySet[Review]:
    """Unsigned reviews whose decision point has passed."""
    return reviews_for(authority=authority).filter(is_signed=False, decision_point_on__lte=on)


def reviews_at_risk(*, authority: Authority, on: date) -> QuerySet[Review]:
    """Unsigned reviews inside the warning period before their decision point."""
    warn_from = add_months(on, months_param("review.warn_months", on))
    return reviews_for(authority=authority).filter(
        is_signed=False, decision_point_on__gt=on, decision_point_on__lte=warn_from
    )


def reviews_due_of(*, authority: Authority, owner, on: date) -> QuerySet[Review]:
    """The owner's unsigned reviews that are late or at risk (inside the warning period before
    their decision point), soonest first: an officer's first page."""
    warn_from = add_months(on, months_param("review.warn_months", on))
    return (
        reviews_for(authority=authority)
        .filter(owner=owner, is_signed=False, decision_point_on__lte=warn_from)
        .order_by("decision_point_on", "id")
    )


def reviews_awaiting_signature(*, authority: Authority, decision_maker) -> QuerySet[Review]:
    """Reviews sent to this decision-maker and not yet signed, oldest decision point first."""
    return (
        reviews_for(authority=authority)
        .filter(state="awaiting-decision", decision_maker=decision_maker)
        .order_by("decision_point_on", "id")
    )


def reviews_ready_to_publish(*, authority: Authority) -> QuerySet[Review]:
    """Signed decisions not yet published, oldest decision point first."""
    return (
        reviews_for(authority=authority).filter(state="decided").order_by("decision_point_on", "id")
    )


@dataclass(frozen=True)
class ReviewCounts:
    total: int
    open: int
    late: int
    at_risk: int
    awaiting_decision: int
    decided: int
    published: int


def review_counts(*, authority: Authority, on: date) -> ReviewCounts:
    """Headline counts for the authority's reviews page and the auditor."""
    rows = reviews_for(authority=authority)
    return ReviewCounts(
        total=rows.count(),
        open=rows.filter(is_signed=False).count(),
        late=reviews_late(authority=authority, on=on).count(),
        at_risk=reviews_at_risk(authority=authority, on=on).count(),
        awaiting_decision=rows.filter(state="awaiting-decision").count(),
        decided=rows.filter(state="decided").count(),
        published=rows.filter(state="published").count(),
    )


def review_lateness(review: Review, on: date) -> str | None:
    return lateness(point_on=review.decision_point_on, is_signed=review.is_signed, on=on)


def reviews_filtered(*, authority: Authority, on: date, show: str, query: str = ""):
    """The list the reviews page shows: `late`, `at-risk`, `open`, `awaiting-decision`,
    `decided`, `published` or everything; free text on title and supplier."""
    rows = {
        "late": lambda: reviews_late(authority=authority, on=on),
        "at-risk": lambda: reviews_at_risk(authority=authority, on=on),
        "open": lambda: reviews_for(authority=authority).filter(is_signed=False),
    }.get(show, lambda: reviews_for(authority=authority))()
    if show in ("awaiting-decision", "decided", "published"):
        rows = rows.filter(state=show)
    if query:
        rows = rows.filter(
            Q(contract__title__icontains=query) | Q(contract__supplier_names__icontains=query)
        )
    return rows


def evidence_get(*, authority: Authority, pk: int) -> Evidence | None:
    """One evidence item of one of the authority's reviews."""
    return Evidence.objects.filter(review__authority=authority, pk=pk).first()


def evidence_file_or_404(*, authority: Authority, review: Review, pk: int) -> Evidence:
    """One of the review's evidence items that has a stored file, or 404."""
    evidence = evidence_get(authority=authority, pk=pk)
    if evidence is None or evidence.review_id != review.pk or not evidence.storage_name:
        raise Http404("No such evidence")
    return evidence


def decision_get(*, authority: Authority, pk: int) -> Decision | None:
    return (
        Decision.objects.filter(authority=authority, pk=pk)
        .select_related("review", "contract", "signer")
        .first()
    )


def publication_get_public(pk: int) -> Publication | None:
    """A published decision pack: public, no authority needed (only published packs)."""
    return (
        Publication.objects.filter(decision_id=pk)
        .select_related("decision", "decision__contract", "decision__authority")
        .first()
    )


def publications_public(*, authority: Authority | None = None) -> QuerySet[Publication]:
    rows = Publication.objects.select_related(
        "decision", "decision__contract", "decision__authority"
    )
    if authority is not None:
        rows = rows.filter(decision__authority=authority)
    return rows.order_by("-published_at")


def review_history(*, authority: Authority, review: Review) -> QuerySet[AuditEvent]:
    """Every audit event about the review, its answers, evidence, comments and decisions."""
    decision_ids = [str(i) for i in review.decisions.values_list("pk", flat=True)]
    evidence_ids = [str(i) for i in review.evidence.values_list("pk", flat=True)]
    publication_ids = [
        str(i)
        for i in Publication.objects.filter(decision__review=review).values_list("pk", flat=True)
    ]
    return (
        AuditEvent.objects.filter(authority=authority)
        .filter(
            Q(object_type="reviews.Review", object_id=str(review.pk))
            | Q(object_type="reviews.Decision", object_id__in=decision_ids)
            | Q(object_type="reviews.Evidence", object_id__in=evidence_ids)
            | Q(object_type="reviews.Publication", object_id__in=publication_ids)
            | Q(object_type="reviews.ReviewComment", after__review=review.pk)
        )
        .order_by("-at", "-id")
    )


def reviews_blocked(*, authority: Authority) -> QuerySet[Review]:
    """Unsigned reviews whose recommendation is blocked until mandatory standards are met."""
    return reviews_for(authority=authority).filter(
        is_signed=False, evaluation__result__status="blocked_until_standards_met"
    )


def publications_of_contract(contract) -> list[Publication]:
    """The contract's published decisions, newest first (public)."""
    return list(
        Publication.objects.filter(decision__contract=contract)
        .select_related("decision", "decision__authority")
        .order_by("-published_at")
    )


def decisions_departing(*, authority: Authority, published_only: bool = False):
    """The authority's decisions in force that depart from the recommendation, newest first
    (the public page counts only published ones; the audit committee sees all)."""
    rows = Decision.objects.filter(authority=authority, departs=True, replaced_by__isnull=True)
    if published_only:
        rows = rows.filter(publication__isnull=False)
    return rows.select_related("contract").order_by("-signed_at")


def departure_counts(rows) -> dict[str, int]:
    """How many departures, how many towards outsourcing, how many of those blocked until the
    minimum standards are met and how many await the monitoring officer's advice."""
    outsourcing = rows.filter(departure_kind="towards-outsourcing")
    return {
        "all": rows.count(),
        "towards_outsourcing": outsourcing.count(),
        "blocked": outsourcing.filter(status="blocked_until_standards_met").count(),
        "awaiting_advice": outsourcing.filter(advice__isnull=True).count(),
    }
