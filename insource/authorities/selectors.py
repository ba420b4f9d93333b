"""Read-only queries over authorities and buyer names."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, QuerySet

from insource.authorities.models import Authority, BuyerName


def authority_reviewing_on(authority: Authority, on: date) -> Authority | None:
    """The authority that holds this one's contracts on `on`, following successors.

    None when the authority was split between several successors: an officer chooses.
    """
    seen: set[int] = set()
    while authority.pk not in seen:
        seen.add(authority.pk)
        if authority.end_on is None or authority.end_on > on:
            return authority
        successors = list(authority.successors.all())
        if not successors:
            return authority
        if len(successors) > 1:
            return None
        authority = successors[0]
    return authority


def buyer_names_to_confirm() -> QuerySet[BuyerName]:
    """Buyer names an officer must confirm, busiest first."""
    return (
        BuyerName.objects.filter(needs_confirmation=True, confirmed_by="")
        .select_related("authority", "candidate")
        .annotate(num=Count("authority__contracts_bought"))
        .order_by("name")
    )


def authority_get(key: str) -> Authority | None:
    """An authority by its key (`la:BST`), three-letter code or GSS code."""
    key = key.strip()
    found = Authority.objects.filter(key=key).first()
    if found is None and key:
        found = (
            Authority.objects.filter(code__iexact=key).first()
            or Authority.objects.filter(gss_code__iexact=key).first()
        )
    return found
