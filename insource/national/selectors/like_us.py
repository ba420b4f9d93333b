""" "Councils like us" (ADR 0044): the current authorities of the same kind, type and nation,
ranked by `likeness.rank` on population and the services they buy, and their published
decisions in force in the services the authority buys."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.functions import Substr

from insource.authorities.models import Authority
from insource.national import likeness
from insource.national.catalogue import group_key
from insource.register.models import Contract
from insource.reviews.models import Decision


@dataclass(frozen=True)
class LikeUs:
    """The authorities most like one, and their published decisions in the services it buys."""

    authority: Authority
    alike: list[likeness.Alike]
    authorities: dict[int, Authority]
    decisions: list[Decision]
    num_candidates: int


def like_candidates(authority: Authority) -> QuerySet[Authority]:
    """Current authorities of the same kind, type (a local authority's) and nation."""
    found = Authority.objects.filter(
        kind=authority.kind, nation=authority.nation, end_on__isnull=True
    ).exclude(pk=authority.pk)
    return found.filter(la_type=authority.la_type) if authority.la_type else found


def services_bought(ids: list[int]) -> dict[int, frozenset[str]]:
    """The CPV groups (or divisions) of each authority's contracts in the register."""
    found = (
        Contract.objects.in_register()
        .filter(reviewing_authority_id__in=ids)
        .exclude(main_cpv="")
        .annotate(g=Substr("main_cpv", 1, 3))
        .values_list("reviewing_authority_id", "g")
        .distinct()
    )
    bought: dict[int, set[str]] = {i: set() for i in ids}
    for pk, g in found:
        if key := group_key(g.ljust(3, "0")):
            bought[pk].add(key)
    return {pk: frozenset(s) for pk, s in bought.items()}


def councils_like(authority: Authority, *, limit: int = 5) -> LikeUs | None:
    """The `limit` authorities most like this one (`likeness.rank`), or None when it has no
    population to compare (only local authorities have one)."""
    if not authority.population:
        return None
    candidates = list(like_candidates(authority))
    bought = services_bought([authority.pk, *(c.pk for c in candidates)])
    ranked = likeness.rank(
        population=authority.population,
        services=bought[authority.pk],
        candidates=[(c.pk, c.display_name, c.population, bought[c.pk]) for c in candidates],
        limit=limit,
    )
    by_pk = {c.pk: c for c in candidates}
    mine = bought[authority.pk]
    decided = Decision.objects.filter(
        authority_id__in=[a.key for a in ranked],
        publication__isnull=False,
        replaced_by__isnull=True,
    ).select_related("authority", "contract")
    decisions = [d for d in decided if group_key(d.contract.main_cpv) in mine]
    decisions.sort(key=lambda d: (group_key(d.contract.main_cpv), d.authority.name, d.pk))
    return LikeUs(authority, ranked, by_pk, decisions, len(candidates))
