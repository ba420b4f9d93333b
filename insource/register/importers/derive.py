"""Derived fields every importer shares: nature, framework flag, value incl. VAT, quality flags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from insource.register.cpv import nature_from_cpv
from insource.register.importers.records import ContractRecord, ImportIssue

FLAG_LABELS = {
    "NO_END_DATE": _("No end date"),
    "NO_VALUE": _("No value published"),
    "VALUE_UNDER_1000": _("Value under £1,000"),
    "VALUE_OVER_1BN": _("Value over £1bn"),
    "END_OVER_50_YEARS": _("Ends more than 50 years after it starts"),
    "NATURE_DISAGREES": _("Nature disagrees between sources"),
    "BUYER_NEEDS_CONFIRMATION": _("Buyer to confirm"),
    "REVIEWER_TO_CHOOSE": _("Reviewing council to choose"),
}
# The checks that put a contract in the officer's queue (no value alone does not).
OFFICER_FLAGS = {
    "VALUE_UNDER_1000",
    "VALUE_OVER_1BN",
    "END_OVER_50_YEARS",
    "NO_END_DATE",
    "BUYER_NEEDS_CONFIRMATION",
    "NATURE_DISAGREES",
    "REVIEWER_TO_CHOOSE",
}
LOW_VALUE = Decimal("1000")
HIGH_VALUE = Decimal("1000000000")
MAX_YEARS_AHEAD = 50
MANY_SUPPLIERS = 10
OCDS_CATEGORIES = {"goods": "goods", "works": "works", "services": "services"}
# The lookahead names the first letters of every alternative (case-insensitively, as the rest):
# it changes nothing that matches, but lets the regex engine skip to those letters instead of
# trying every alternative at every character (twice as fast on real descriptions).
_CENTRAL_PURCHASING = re.compile(
    r"(?=[ceflnpsuy])(?:"
    r"\b(ESPO|YPO|NEPO|UK ?SBS|CCS|Crown Commercial Service|Eastern Shires Purchasing"
    r"|Yorkshire Purchasing Organisation|North Eastern Purchasing|Procurement for All"
    r"|Scape|Fusion21|Pagabo|LHC|London Housing Consortium)\b|\bframework\b|\bcall[- ]off\b)",
    re.IGNORECASE,
)


@dataclass
class Derived:
    """What the register derives from a record, with the warnings and flags it raised."""

    nature: str
    nature_source: str
    value_inc_vat: Decimal | None
    is_value_inc_vat_estimate: bool
    is_framework: bool
    quality_flags: list[dict] = field(default_factory=list)
    warnings: list[ImportIssue] = field(default_factory=list)


def derive_nature(record: ContractRecord) -> tuple[str, str, list[ImportIssue]]:
    """Stated nature > OCDS mainProcurementCategory > CPV division; warn when they disagree."""
    sources = [
        ("stated", record.stated_nature),
        ("ocds-category", OCDS_CATEGORIES.get(record.main_category, "")),
        ("cpv", nature_from_cpv(record.cpv_codes[0]) if record.cpv_codes else ""),
    ]
    known = [(src, value) for src, value in sources if value]
    if not known:
        return "", "", []
    source, nature = known[0]
    others = {value for _, value in known[1:]} - {nature}
    if nature in {"mixed", "concession", "framework"}:
        others = set()
    warnings = (
        [
            ImportIssue(
                "warning",
                record.where,
                "nature",
                f"nature is {nature} ({source}) but other sources say {', '.join(sorted(others))}:"
                f" kept {nature}; an officer can correct it",
            )
        ]
        if others
        else []
    )
    return nature, source, warnings


def gross_up(amount: Decimal | None, basis: str, vat_rate: Decimal) -> tuple[Decimal | None, bool]:
    """Value incl. VAT: as published when `inc`, else grossed up at the VAT rate (an estimate)."""
    if amount is None:
        return None, False
    if basis == "inc":
        return amount, False
    return (amount * (1 + vat_rate)).quantize(Decimal("0.01")), True


def is_framework(record: ContractRecord) -> bool:
    """Central purchasing frameworks (ESPO, CCS, YPO, UK SBS...) or very many suppliers."""
    if record.has_framework_hint or len(record.suppliers) > MANY_SUPPLIERS:
        return True
    text = " ".join((record.buyer_name, record.title, record.description[:500]))
    return bool(_CENTRAL_PURCHASING.search(text))


def quality_flags(record: ContractRecord) -> list[dict]:
    """Values under £1,000 or over £1bn, end dates over 50 years out, no end date."""
    flags = []
    if record.value_amount is not None and record.value_amount < LOW_VALUE:
        flags.append(_flag("VALUE_UNDER_1000", f"value £{record.value_amount:,} is under £1,000"))
    if record.value_amount is not None and record.value_amount > HIGH_VALUE:
        flags.append(_flag("VALUE_OVER_1BN", f"value £{record.value_amount:,} is over £1bn"))
    if record.value_amount is None:
        flags.append(_flag("NO_VALUE", "no contract value is published"))
    end = record.max_end_on or record.end_on
    start = record.start_on or record.awarded_on
    if end and start and _years_between(start, end) > MAX_YEARS_AHEAD:
        flags.append(_flag("END_OVER_50_YEARS", f"ends on {end}, more than 50 years after {start}"))
    if end is None:
        flags.append(_flag("NO_END_DATE", "no end date: it cannot be scheduled for review"))
    return flags


def derive(record: ContractRecord, *, vat_rate: Decimal) -> Derived:
    nature, source, warnings = derive_nature(record)
    value, estimate = gross_up(record.value_amount, record.value_vat_basis, vat_rate)
    flags = quality_flags(record)
    if warnings:
        flags.append(_flag("NATURE_DISAGREES", warnings[0].message))
    return Derived(nature, source, value, estimate, is_framework(record), flags, warnings)


def flag_codes(flags: list[dict]) -> str:
    """The flags' codes as one searchable string: ' NO_END_DATE VALUE_UNDER_1000 '."""
    return f" {' '.join(f['code'] for f in flags)} " if flags else ""


def _flag(code: str, message: str) -> dict:
    return {"code": code, "message": message}


def _years_between(start: date, end: date) -> float:
    return (end - start).days / 365.25
