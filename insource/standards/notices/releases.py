"""The release of each contract notice (UK7, UK9, UK10, UK11), built on the register's own OCDS
release of the contract (`register.exporters.ocds_release`, the same mapping as the open data),
with the notice's tag, its notice document and what the kind adds. Each builder returns the
release and the facts it could not find (`Missing`), never a guessed value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from insource.inhouse.models import KpiRating
from insource.inhouse.selectors import kpi_requirement, kpis_of
from insource.register.exporters.ocds_release import _digest, datetime_text, release_for
from insource.register.models import Contract, ContractEvent
from insource.standards.notices.kinds import RATING_CODES, NoticeKind

LEGAL_BASIS = {
    "id": "2023/54",
    "scheme": "UKPGA",
    "uri": "https://www.legislation.gov.uk/ukpga/2023/54/contents",
}
CODE = re.compile(r"[a-z]+(?:[A-Z][a-z]*)+")  # camelCase, like contractCompleted
SEEN_RATING_CODES = {"good", "approaching_target"}  # codes seen in real UK9 notices
CHANGED_FIELDS = {"end_on", "max_end_on", "value_amount", "value_inc_vat", "supplier_names"}


@dataclass
class Built:
    """A notice's release, the facts the register lacks, and what an officer should check."""

    release: dict
    missing: list = field(default_factory=list)
    checks: list = field(default_factory=list)


def contract_release(kind: NoticeKind, contract: Contract, *, ocid: str, at: datetime) -> Built:
    """The notice's release for `contract` (its ocid as published or minted) as of `at`."""
    release = release_for(ocid, [contract], at)
    release["tag"] = [kind.tag]
    release["date"] = datetime_text(at)
    built = Built(release)
    BUILDERS[kind.code](built, contract, local_date(at))
    item = release["contracts"][0]
    item.setdefault("documents", []).append(
        {
            "id": f"draft-{kind.code}",  # the notice's own id is given when it is filed
            "documentType": kind.document_type,
            "noticeType": kind.notice_type,
            "description": f"{kind.title} (draft, not yet filed on Find a Tender)",
        }
    )
    release["id"] = f"{ocid}-{kind.code}-{_digest(release)}"
    return built


def local_date(at: datetime) -> date:
    return timezone.localdate(at)


def _details(built: Built, contract: Contract, on: date) -> None:
    """UK7: the contract as entered into, with its KPIs (s.52: at least the minimum when over
    the threshold)."""
    item = built.release["contracts"][0]
    if contract.value_amount is None and contract.value_inc_vat is None:
        built.missing.append(_("The contract's value"))
    if contract.start_on is None:
        built.missing.append(_("The contract's start date"))
    if contract.end_on is None:
        built.missing.append(_("The contract's end date"))
    if not contract.supplier_names:
        built.missing.append(_("The supplier"))
    kpis = kpis_of(contract=contract)
    requirement = kpi_requirement(contract=contract, kpis=kpis, on=on)
    metrics = [_metric(k) for k in kpis if k.kind == "performance"]
    if metrics:
        item["agreedMetrics"] = metrics
    elif contract.published_kpis:
        item["agreedMetrics"] = contract.published_kpis
    if requirement.is_short:
        built.missing.append(
            _("At least %(n)s key performance indicators (the contract is over £%(v)s)")
            % {"n": requirement.minimum, "v": f"{requirement.threshold_gbp:,.0f}"}
        )
    if contract.awarded_on:
        item["dateSigned"] = f"{contract.awarded_on.isoformat()}T00:00:00Z"
    else:
        built.missing.append(_("The date the contract was entered into"))


def _metric(kpi) -> dict:
    return {
        "id": str(kpi.pk),
        "title": kpi.name,
        "description": kpi.description or kpi.name,
        "observations": [
            {
                "id": f"{kpi.pk}-target",
                "measure": f"{kpi.target.normalize():f} {kpi.unit}".strip(),
                "notes": str(kpi.get_direction_display()),
            }
        ],
    }


def _performance(built: Built, contract: Contract, on: date) -> None:
    """UK9: each KPI's rating for the latest period assessed on or before `on`."""
    ratings = list(
        KpiRating.objects.filter(
            kpi__contract=contract,
            kpi__kind="performance",
            delivered_by=KpiRating.DeliveredBy.CONTRACTOR,
            period_end__lte=on,
        )
        .select_related("kpi")
        .order_by("-period_end", "kpi_id", "-id")
    )
    if not ratings:
        built.missing.append(_("A rating of each key performance indicator for a period"))
        return
    latest = ratings[0].period_end
    period = [r for r in ratings if r.period_end == latest]
    metrics, seen = [], set()
    for rating in period:
        if rating.kpi_id in seen:
            continue
        seen.add(rating.kpi_id)
        code, description = RATING_CODES[rating.rating]
        if rating.rating not in SEEN_RATING_CODES:
            built.checks.append(
                _("Confirm the code for the rating '%(rating)s' when you file the notice")
                % {"rating": rating.get_rating_display()}
            )
        metrics.append(
            {
                "id": str(rating.kpi_id),
                "title": rating.kpi.name,
                "observations": [
                    {
                        "id": str(rating.pk),
                        "period": {
                            "startDate": f"{rating.period_start.isoformat()}T00:00:00Z",
                            "endDate": f"{rating.period_end.isoformat()}T23:59:59Z",
                        },
                        "measure": f"{rating.value.normalize():f} {rating.kpi.unit}".strip(),
                        "measureClassification": {"id": code, "description": description},
                    }
                ],
            }
        )
    built.release["contracts"][0]["implementation"] = {"metrics": metrics}


def _change(built: Built, contract: Contract, on: date) -> None:
    """UK10: the latest change of end date, value or suppliers in the register's history on or
    before `on`, with its reason."""
    events = ContractEvent.objects.filter(
        contract=contract,
        kind__in=[ContractEvent.Kind.UPDATED, ContractEvent.Kind.CORRECTED],
        at__date__lte=on,
    ).order_by("-at", "-id")
    event = next((e for e in events if CHANGED_FIELDS & set(e.changes or {})), None)
    if event is None:
        built.missing.append(_("A change of end date, value or suppliers in the register"))
        return
    amendment = {
        "id": event.release_id or f"insource-change-{event.pk}",
        "date": datetime_text(event.at),
        "description": "; ".join(
            _change_text(f, v) for f, v in sorted(event.changes.items()) if f in CHANGED_FIELDS
        ),
    }
    if event.reason:
        amendment["rationale"] = event.reason
    else:
        built.missing.append(_("Why the contract was changed"))
    built.release["contracts"][0]["amendments"] = [amendment]


FIELD_NAMES = {
    "end_on": "End date",
    "max_end_on": "Latest end date with extensions",
    "value_amount": "Value",
    "value_inc_vat": "Value including VAT",
    "supplier_names": "Suppliers",
}


def _change_text(name: str, change) -> str:
    label = FIELD_NAMES.get(name, name)
    if isinstance(change, list | tuple) and len(change) == 2:
        old, new = change
        return f"{label}: {old if old not in (None, '') else 'none'} → {new}"
    return f"{label}: {change}"


def _termination(built: Built, contract: Contract, on: date) -> None:
    """UK11: the contract terminated, when and why (as the register holds them)."""
    item = built.release["contracts"][0]
    if not contract.is_terminated:
        built.missing.append(_("The register does not show this contract as terminated"))
        return
    item["status"] = "terminated"
    if contract.terminated_on:
        item["implementation"] = {"endDate": f"{contract.terminated_on.isoformat()}T23:59:59Z"}
    else:
        built.missing.append(_("The date the contract was terminated"))
    reason = contract.termination_reason.strip()
    if CODE.fullmatch(reason):  # as Find a Tender publishes it: a rationale code
        item["terminationRationaleClassifications"] = [{"id": reason}]
    elif reason:
        item["statusDetails"] = reason
    else:
        built.missing.append(_("Why the contract was terminated"))
    built.missing.append(_("The total value paid under the contract (its final value)"))


BUILDERS = {"uk7": _details, "uk9": _performance, "uk10": _change, "uk11": _termination}
