"""Social outcomes for all (ADR 0044): every KPI rating recorded (contracts and in-house
services alike) and every KPI assessment of a contract kept with a contractor under a published
decision, as open data."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from insource.authorities.models import Authority
from insource.inhouse.models import KpiRating
from insource.places.report import place_authority_ids
from insource.places.selectors import place_get, spec_of
from insource.standards.models import MonitoringRecord


def place_scope(slug: str) -> set[int] | None:
    """The ids of the public bodies of a saved place (its slug), for the open data's `place`
    filter; None when no place has that slug."""
    place = place_get(slug)
    return None if place is None else place_authority_ids(spec_of(place))


def outcome_kpi_ratings(
    *,
    authority: Authority | None = None,
    key: str = "",
    kind: str = "",
    within: set[int] | None = None,
) -> QuerySet[KpiRating]:
    """Every KPI rating recorded (contracts and in-house services alike), optionally one
    authority's, one service's (a CPV division or group key) or one kind's, in a stable order."""
    rows = KpiRating.objects.select_related(
        "authority", "kpi", "kpi__contract", "kpi__service"
    ).order_by("authority__name", "kpi_id", "period_start", "id")
    if authority is not None:
        rows = rows.filter(authority=authority)
    if within is not None:
        rows = rows.filter(authority_id__in=within)
    if key:
        rows = rows.filter(
            Q(kpi__service__main_cpv__startswith=key)
            | Q(kpi__service__isnull=True, kpi__contract__main_cpv__startswith=key)
        )
    if kind:
        rows = rows.filter(kpi__kind=kind)
    return rows


def kpi_assessments(
    *, authority: Authority | None = None, key: str = "", within: set[int] | None = None
) -> QuerySet[MonitoringRecord]:
    """The KPI assessments contract managers record for contracts a published decision keeps
    with a contractor (counts: KPIs assessed and met; the evidence stays with the authority),
    optionally one authority's or one service's."""
    rows = MonitoringRecord.objects.filter(
        kind=MonitoringRecord.Kind.KPI_ASSESSMENT, decision__publication__isnull=False
    ).select_related("authority", "contract", "contract__reviewing_authority")
    if authority is not None:
        rows = rows.filter(authority=authority)
    if within is not None:
        rows = rows.filter(authority_id__in=within)
    if key:
        rows = rows.filter(contract__main_cpv__startswith=key)
    return rows.order_by("authority__name", "contract_id", "checked_on", "id")
