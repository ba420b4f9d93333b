"""The notice kinds Insource drafts, and the Procurement Act 2023 figures they depend on, each
dated and cited (a later amendment adds a row; a draft reads the row in force on its day)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PA2023 = "https://www.legislation.gov.uk/ukpga/2023/54/section/"


@dataclass(frozen=True)
class NoticeKind:
    code: str  # as the CLI and URLs take it: uk1, uk7...
    notice_type: str  # the UK extension's noticeType: UK1, UK7...
    document_type: str  # the OCDS documentType of the notice document
    tag: str  # the release tag Find a Tender gives this notice
    title: Promise
    about: Promise
    section: str  # the Act's section
    for_contract: bool  # drafted for one contract (else for the authority)

    @property
    def citation(self) -> str:
        return f"Procurement Act 2023, s.{self.section}"

    @property
    def href(self) -> str:
        return PA2023 + self.section


KINDS: dict[str, NoticeKind] = {
    k.code: k
    for k in (
        NoticeKind(
            "uk1",
            "UK1",
            "plannedProcurementNotice",
            "planning",
            _("Pipeline notice"),
            _("Contracts over £2 million the authority expects to procure in the next 18 months"),
            "93",
            False,
        ),
        NoticeKind(
            "uk7",
            "UK7",
            "contractNotice",
            "contract",
            _("Contract details notice"),
            _("The contract as entered into: parties, value, dates and key performance indicators"),
            "53",
            True,
        ),
        NoticeKind(
            "uk9",
            "UK9",
            "implementationNotice",
            "implementation",
            _("Contract performance notice"),
            _("How the supplier performed against each key performance indicator"),
            "52",
            True,
        ),
        NoticeKind(
            "uk10",
            "UK10",
            "contractNotice",
            "contractAmendment",
            _("Contract change notice"),
            _("A change to the contract: its end date, value or suppliers"),
            "75",
            True,
        ),
        NoticeKind(
            "uk11",
            "UK11",
            "contractTerminationNotice",
            "contractTermination",
            _("Contract termination notice"),
            _("The contract has ended early or been terminated"),
            "80",
            True,
        ),
    )
}


@dataclass(frozen=True)
class PipelineRule:
    """Procurement Act 2023 s.93: an authority expecting to pay more than `spend_threshold` under
    public contracts in a financial year publishes, within 56 days of its start, a pipeline notice
    of each contract over `contract_threshold` it intends to award in the `horizon_months`
    beginning with that year's first day. Values include VAT (Schedule 3)."""

    in_force_from: date
    spend_threshold: Decimal
    contract_threshold: Decimal
    horizon_months: int
    citation: str = "Procurement Act 2023, s.93"
    href: str = PA2023 + "93"


PIPELINE_RULES = (PipelineRule(date(2025, 2, 24), Decimal(100_000_000), Decimal(2_000_000), 18),)

# Find a Tender's measureClassification for a KPI rating (Procurement Regulations 2024 reg 39's
# ratings). "met" and "slightlyBelow" are as seen in real UK9 notices (August 2026); the other
# two codes follow the same pattern and are not yet seen in the real pages: check on filing.
RATING_CODES = {
    "good": ("met", "Good - performance is meeting or exceeding the KPI"),
    "approaching_target": (
        "slightlyBelow",
        "Approaching target - performance is close to meeting the KPI",
    ),
    "requires_improvement": (
        "significantlyBelow",
        "Requires improvement - performance is significantly below the KPI",
    ),
    "inadequate": ("inadequate", "Inadequate - performance is materially below the KPI"),
    "other": ("other", "Other"),
}


def pipeline_rule(on: date) -> PipelineRule | None:
    """The s.93 rule in force on `on` (None before the Act came into force)."""
    rules = [r for r in PIPELINE_RULES if r.in_force_from <= on]
    return rules[-1] if rules else None


def financial_year_start(on: date) -> date:
    """1 April of the financial year `on` falls in."""
    return date(on.year if on.month >= 4 else on.year - 1, 4, 1)
