"""Contracts' KPI ratings as OCDS implementation metrics for the open data (ADR 0044): per
contract, each KPI it recorded (performance and social outcomes) with one observation per
period rated while the contractor delivered it, classified as Find a Tender classifies a UK9
contract performance notice (`kinds.RATING_CODES`, the UK extension's
`Observation.measureClassification`). Ratings after a service came home belong to the in-house
service, not the contract, and are left out."""

from __future__ import annotations

from insource.inhouse.models import KpiRating
from insource.standards.notices.kinds import RATING_CODES


def implementation_metrics(*, authority=None) -> dict[int, dict]:
    """{contract id: {"metrics": [...], "date": latest recorded_at}} for every contract (or
    the authority's) with a rating delivered under it (one query)."""
    rows = KpiRating.objects.filter(
        kpi__contract__isnull=False, delivered_by=KpiRating.DeliveredBy.CONTRACTOR
    ).select_related("kpi")
    if authority is not None:
        rows = rows.filter(kpi__contract__reviewing_authority=authority)
    found: dict[int, dict] = {}
    for r in rows.order_by("kpi__contract_id", "kpi_id", "period_start", "id"):
        contract = found.setdefault(r.kpi.contract_id, {"metrics": {}, "date": r.recorded_at})
        contract["date"] = max(contract["date"], r.recorded_at)
        metric = contract["metrics"].setdefault(r.kpi_id, _metric(r.kpi))
        metric["observations"].append(_observation(r))
    return {
        pk: {"metrics": list(c["metrics"].values()), "date": c["date"]} for pk, c in found.items()
    }


def _metric(kpi) -> dict:
    kind = "Social outcome" if kpi.kind == "social_outcome" else "Key performance indicator"
    target = f"{kpi.target.normalize():f} {kpi.unit}".strip()
    direction = "higher is better" if kpi.direction == "higher" else "lower is better"
    return {
        "id": str(kpi.pk),
        "title": kpi.name,
        "description": f"{kind}; target {target}, {direction}",
        "observations": [],
    }


def _observation(rating) -> dict:
    code, description = RATING_CODES[rating.rating]
    return {
        "id": str(rating.pk),
        "period": {
            "startDate": f"{rating.period_start.isoformat()}T00:00:00Z",
            "endDate": f"{rating.period_end.isoformat()}T23:59:59Z",
        },
        "measure": f"{rating.value.normalize():f}",
        "unit": {"name": rating.kpi.unit},
        "measureClassification": {"id": code, "description": description},
    }
