"""What every importer produces: format-neutral records and the issues found reading them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)  # slots: a large import keeps thousands of warnings
class ImportIssue:
    """A problem found in the input: where (release or row), which field, what and how to fix."""

    level: str  # "error" (nothing is written) or "warning"
    where: str
    field: str
    message: str

    def as_dict(self) -> dict:
        return {
            "level": self.level,
            "where": self.where,
            "field": self.field,
            "message": self.message,
        }

    def __str__(self) -> str:
        at = f"{self.where}, {self.field}" if self.field else self.where
        return f"{at}: {self.message}"


@dataclass
class SupplierRecord:
    """A supplier as the source describes it."""

    name: str
    scheme: str = ""
    identifier: str = ""
    is_sme: bool | None = None
    is_vcse: bool | None = None
    street_address: str = ""
    locality: str = ""
    postcode: str = ""


@dataclass
class ContractRecord:
    """One contract as read from one source, before it meets the register."""

    source_key: str
    where: str
    buyer_name: str
    ocid: str = ""
    award_id: str = ""
    title: str = ""
    description: str = ""
    cpv_codes: list[str] = field(default_factory=list)
    stated_nature: str = ""
    main_category: str = ""
    value_amount: Decimal | None = None
    value_currency: str = ""
    value_vat_basis: str = "unknown"
    awarded_on: date | None = None
    start_on: date | None = None
    end_on: date | None = None
    max_end_on: date | None = None
    status: str = ""
    is_terminated: bool = False
    has_framework_hint: bool = False
    suppliers: list[SupplierRecord] = field(default_factory=list)
    release_id: str = ""
    released_at: str = ""
    field_origins: dict[str, str] = field(default_factory=dict)


def described(record: ContractRecord | PlannedRecord) -> dict:
    """The columns contracts and planned procurements share, as the register stores them."""
    return {
        "buyer_name": record.buyer_name[:500],
        "title": record.title[:1000],
        "description": record.description,
        "cpv_codes": record.cpv_codes,
        "main_cpv": record.cpv_codes[0] if record.cpv_codes else "",
        "value_amount": record.value_amount,
        "value_currency": record.value_currency,
        "start_on": record.start_on,
        "end_on": record.end_on,
    }


@dataclass
class PlannedRecord:
    """A tender- or planning-only process: a planned procurement, not a contract."""

    ocid: str
    where: str
    buyer_name: str
    stage: str
    title: str = ""
    description: str = ""
    cpv_codes: list[str] = field(default_factory=list)
    value_amount: Decimal | None = None
    value_currency: str = ""
    tender_ends_on: date | None = None
    start_on: date | None = None
    end_on: date | None = None
