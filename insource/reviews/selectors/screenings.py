"""Read-only queries over screenings. Dates are arguments: selectors never read the clock."""

from __future__ import annotations

from datetime import date

from django.db.models import Case, CharField, F, OuterRef, QuerySet, Subquery, Value, When
from django.utils.translation import gettext_lazy as _

from insource.authorities.models import Authority
from insource.register.selectors.pipeline import pipeline
from insource.reviews.models import Review, Screening


def screening_for(contract) -> Screening | None:
    """The contract's latest provisional screening (with its trace), or None."""
    return (
        Screening.objects.filter(contract=contract)
        .select_related("trace")
        .order_by("-screened_on", "-id")
        .first()
    )


def screenings_latest(*, authority: Authority, on: date) -> QuerySet[Screening]:
    """For each of an authority's contracts, its latest screening made on or before `on`."""
    latest = (
        Screening.objects.filter(contract=OuterRef("contract"), screened_on__lte=on)
        .order_by("-screened_on", "-id")
        .values("id")[:1]
    )
    return (
        Screening.objects.filter(authority=authority, screened_on__lte=on)
        .filter(id=Subquery(latest))
        .select_related("contract")
        .order_by("contract__end_on", "contract_id")
    )


# Short labels for the pipeline column; the full sentences are insource.policy.outcomes.OUTCOMES.
SCREENING_LABELS = {
    "EXEMPT_NOT_RELEVANT_CONTRACT": _("Exempt: not a relevant contract"),
    "EXEMPT_PUBLIC_PUBLIC": _("Exempt: public-public"),
    "EXEMPT_BELOW_THRESHOLD": _("Exempt: below threshold"),
    "INSOURCE_AT_RISK_GUIDANCE": _("In house: people at risk"),
    "INSOURCE_STATUTORY_PRESUMPTION": _("Presumption of in-house delivery"),
    "INSOURCE_LEGAL_REQUIREMENT": _("In house: legal requirement"),
}


def pipeline_screened(*, on: date, within_months: int, authority: Authority | None = None):
    """The expiry pipeline with each contract's latest provisional screening on or before `on`.

    Each contract gets `screening_outcome`, `screening_status` and `screening_adopted` (whether
    its authority had adopted the policy: only then is the screening shown as a verdict), and
    its latest review's `review_pk`, `review_point_on`, `review_is_signed` and `review_state`.
    """
    result = pipeline(on=on, within_months=within_months, authority=authority)
    latest = Screening.objects.filter(contract=OuterRef("pk"), screened_on__lte=on).order_by(
        "-screened_on", "-id"
    )
    review = Review.objects.filter(contract=OuterRef("pk")).order_by("-decision_point_on", "-id")
    result.contracts = result.contracts.annotate(
        review_pk=Subquery(review.values("pk")[:1]),
        review_point_on=Subquery(review.values("decision_point_on")[:1]),
        review_is_signed=Subquery(review.values("is_signed")[:1]),
        review_state=Subquery(review.values("state")[:1]),
        screening_outcome=Subquery(latest.values("outcome")[:1]),
        screening_status=Subquery(latest.values("status")[:1]),
        screening_adopted=Subquery(latest.values("is_policy_adopted")[:1]),
    ).annotate(screening_label=_label_case())
    return result


def _label_case() -> Case:
    whens = [When(screening_outcome=k, then=Value(str(v))) for k, v in SCREENING_LABELS.items()]
    return Case(*whens, default=F("screening_outcome"), output_field=CharField())


def reviews_of_contract(contract) -> list[Review]:
    """The contract's reviews, latest decision point first (state and lateness are public)."""
    return list(
        Review.objects.filter(contract=contract)
        .select_related("authority")
        .order_by("-decision_point_on", "-id")
    )
