"""Social outcomes for all as open data (ADR 0044): one row per KPI rating and one per KPI
assessment, the same for the CSVs and the API. Counts and measures only: no person's data, no
evidence text."""

from __future__ import annotations

from insource.national.catalogue import service_get
from insource.register.naming import contract_service_name

OUTCOME_KPI_FIELDS = (
    "authority_code",
    "authority_name",
    "service",
    "main_cpv",
    "service_group",
    "contract_id",
    "inhouse_service_id",
    "kpi_id",
    "kpi_name",
    "kpi_kind",
    "unit",
    "target",
    "direction",
    "period",
    "period_start",
    "period_end",
    "value",
    "rating",
    "rating_words",
    "delivered_by",
    "is_illustrative",
)


def outcome_kpi_row(rating) -> dict:
    """One KPI rating as open data: whose, which service, the measure, the period, the value
    and its rating (the Procurement Act 2023 scale), and who delivered the service then."""
    kpi, authority = rating.kpi, rating.authority
    service, contract = kpi.service, kpi.contract
    cpv = (service.main_cpv if service else "") or (contract.main_cpv if contract else "")
    group = service_get(cpv[:3]) or service_get(cpv[:2])
    return {
        "authority_code": authority.code or authority.key,
        "authority_name": authority.display_name,
        "service": service.name if service else contract_service_name(contract),
        "main_cpv": cpv,
        "service_group": group.name if group else "",
        "contract_id": kpi.contract_id,
        "inhouse_service_id": kpi.service_id,
        "kpi_id": kpi.pk,
        "kpi_name": kpi.name,
        "kpi_kind": kpi.kind,
        "unit": kpi.unit,
        "target": f"{kpi.target.normalize():f}",
        "direction": kpi.direction,
        "period": kpi.period,
        "period_start": rating.period_start.isoformat(),
        "period_end": rating.period_end.isoformat(),
        "value": f"{rating.value.normalize():f}",
        "rating": rating.rating,
        "rating_words": str(rating.get_rating_display()),
        "delivered_by": rating.delivered_by,
        "is_illustrative": rating.is_illustrative or kpi.is_illustrative,
    }


KPI_ASSESSMENT_FIELDS = (
    "authority_code",
    "authority_name",
    "contract_id",
    "service",
    "main_cpv",
    "service_group",
    "checked_on",
    "num_kpis",
    "num_kpis_met",
    "is_published",
)


def kpi_assessment_row(record) -> dict:
    """One KPI assessment of a contract kept with a contractor, as open data (counts only)."""
    authority, contract = record.authority, record.contract
    cpv = contract.main_cpv or ""
    group = service_get(cpv[:3]) or service_get(cpv[:2])
    return {
        "authority_code": authority.code or authority.key,
        "authority_name": authority.display_name,
        "contract_id": contract.pk,
        "service": contract_service_name(contract),
        "main_cpv": cpv,
        "service_group": group.name if group else "",
        "checked_on": record.checked_on.isoformat(),
        "num_kpis": record.num_kpis,
        "num_kpis_met": record.num_kpis_met,
        "is_published": record.is_published,
    }
