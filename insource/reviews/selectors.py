"""Read-only queries over screenings. Dates are arguments: selectors never read the clock."""

from __future__ import annotations

from datetime import date

from django.db.models import OuterRef, QuerySet, Subquery

from insource.authorities.models import Authority
from insource.reviews.models import Screening


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
