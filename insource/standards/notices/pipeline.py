"""The pipeline notice (UK1, Procurement Act 2023 s.93) for an authority: every contract over
the threshold it expects to procure in the 18 months from the start of the financial year — its
register contracts reaching their decision point in that window (less those it has decided to
bring in house: nothing to procure), and its planned procurements — with the authority's
estimated spend against the s.93 threshold, marked as an estimate from the register."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from insource.authorities.models import Authority
from insource.register.exporters.ocds_release import CATEGORIES, datetime_text
from insource.register.models import Contract
from insource.register.selectors.pipeline import (
    add_months,
    contracts_expiring,
    planned_procurements,
)
from insource.reviews.models import Decision
from insource.standards.notices.kinds import KINDS, financial_year_start, pipeline_rule
from insource.standards.notices.releases import LEGAL_BASIS


@dataclass
class PipelineEntry:
    """One contract the authority expects to procure: from its register or its planned list."""

    title: str
    value_gbp: Decimal | None
    expected_on: date
    source: str  # "contract" (ends in the window) or "planned"
    ocid: str = ""
    cpv: str = ""
    category: str = ""

    @property
    def description(self) -> str:
        day = self.expected_on.isoformat()
        if self.source == "contract":
            return f"The current contract ends on {day}; the service is to be procured again."
        return f"A planned procurement, expected to start on {day}."


@dataclass
class PipelineFacts:
    year_start: date
    until: date
    threshold: Decimal
    spend_threshold: Decimal
    estimated_spend: Decimal
    entries: list[PipelineEntry] = field(default_factory=list)
    brought_home: int = 0  # contracts in the window the authority decided to bring in house
    unvalued: int = 0  # contracts in the window with no value in the register

    @property
    def spend_passes(self) -> bool:
        return self.estimated_spend > self.spend_threshold


def pipeline_facts(authority: Authority, on: date) -> PipelineFacts | None:
    """What the authority's UK1 notice would list for the financial year `on` falls in."""
    rule = pipeline_rule(on)
    if rule is None:
        return None
    start = financial_year_start(on)
    months = rule.horizon_months
    facts = PipelineFacts(
        start,
        add_months(start, months),
        rule.contract_threshold,
        rule.spend_threshold,
        estimated_spend(authority, start),
    )
    contracts = list(contracts_expiring(on=start, within_months=months, authority=authority))
    insourced = set(
        Decision.objects.filter(
            contract__in=contracts, outcome__startswith="INSOURCE_", replaced_by__isnull=True
        ).values_list("contract_id", flat=True)
    )
    for contract in contracts:
        if contract.pk in insourced:
            facts.brought_home += 1
            continue
        value = contract.value_inc_vat or contract.value_amount
        if value is None:
            facts.unvalued += 1
        elif value > rule.contract_threshold:
            facts.entries.append(
                PipelineEntry(
                    contract.title or contract.buyer_name,
                    value,
                    contract.decision_on,
                    "contract",
                    contract.ocid,
                    contract.main_cpv,
                    contract.nature if contract.nature in CATEGORIES else "",
                )
            )
    for planned in planned_procurements(on=start, within_months=months, authority=authority):
        if planned.value_amount is not None and planned.value_amount > rule.contract_threshold:
            facts.entries.append(
                PipelineEntry(
                    planned.title,
                    planned.value_amount,
                    planned.planned_on,
                    "planned",
                    planned.ocid,
                    planned.main_cpv,
                )
            )
    facts.entries.sort(key=lambda e: (e.expected_on, e.title))
    return facts


def estimated_spend(authority: Authority, year_start: date) -> Decimal:
    """The authority's contracted spend in the financial year, estimated from the register: each
    contract's value spread evenly over its term, the part falling in the year."""
    year_end = add_months(year_start, 12) - timedelta(days=1)  # 31 March
    total = Decimal(0)
    contracts = Contract.objects.in_register().filter(
        reviewing_authority=authority,
        start_on__lte=year_end,
        end_on__gte=year_start,
        is_terminated=False,
    )
    for start, end, value in contracts.values_list(
        "start_on", "end_on", "value_inc_vat"
    ).iterator():
        if value is None or end < start:
            continue
        term = (end - start).days + 1
        overlap = (min(end, year_end) - max(start, year_start)).days + 1
        total += value * Decimal(max(overlap, 0)) / Decimal(term)
    return total.quantize(Decimal(1))


def pipeline_releases(authority: Authority, facts: PipelineFacts, *, prefix: str, at) -> list:
    """The UK1 releases: one per procurement, as Find a Tender publishes them, each with a draft
    ocid (the Central Digital Platform gives the real one when the notice is filed)."""
    kind = KINDS["uk1"]
    party = {"id": authority.key, "name": authority.name, "roles": ["buyer"]}
    releases = []
    for n, entry in enumerate(facts.entries, 1):
        ocid = f"{prefix}-draft-uk1-{authority.key}-{facts.year_start.year}-{n}"
        tender = {
            "id": ocid,
            "legalBasis": LEGAL_BASIS,
            "title": entry.title[:300],
            "description": entry.description,
            "value": {"amountGross": entry.value_gbp, "currency": "GBP"},
            "status": "planned",
        }
        if entry.cpv:
            tender["items"] = [{"id": "1", "classification": {"scheme": "CPV", "id": entry.cpv}}]
        if entry.category:
            tender["mainProcurementCategory"] = entry.category
        releases.append(
            {
                "ocid": ocid,
                "id": f"{ocid}-{kind.code}",
                "date": datetime_text(at),
                "tag": [kind.tag],
                "initiationType": "tender",
                "language": "en",
                "buyer": {"id": party["id"], "name": party["name"]},
                "parties": [party],
                "planning": {
                    "documents": [
                        {
                            "id": f"{ocid}-{kind.code}",
                            "documentType": kind.document_type,
                            "noticeType": kind.notice_type,
                            "description": f"{kind.title} (draft, not yet filed on Find a Tender)",
                        }
                    ]
                },
                "tender": tender,
            }
        )
    return releases
