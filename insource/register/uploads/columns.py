"""The register fields an uploaded file's columns can fill, and the first guess at which column
holds which: the authority's saved choice when the file still has that column, then the
headings the shipped mappings know, then a close match of the words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

from insource.register.importers.tabular import Mapping, builtin_mappings, load_mapping


@dataclass(frozen=True)
class Field:
    name: str  # the tabular mapping's field
    label: Promise
    required: bool = False
    words: tuple[str, ...] = ()  # more headings councils use, beyond the shipped mappings


FIELDS = (
    Field("reference", _("Reference"), True, ("Contract Ref No", "Our Reference", "ID")),
    Field("title", _("Title"), True, ("Contract", "Contract Title", "Service")),
    Field("description", _("Description"), words=("Service Description", "Scope", "Details")),
    Field("supplier", _("Supplier"), words=("Provider Name", "Supplier / Provider", "Vendor")),
    Field("supplier_company_number", _("Supplier's Companies House number")),
    Field("supplier_charity_number", _("Supplier's charity number")),
    Field("supplier_status", _("Supplier is an SME or VCSE"), words=("SME", "VCSE")),
    Field("start", _("Start date"), words=("Commencement Date", "Date From", "From")),
    Field("end", _("End date"), words=("Expiry", "Date To", "To", "Current End Date")),
    Field("max_end", _("Latest end date, with every extension"), words=("Max End Date",)),
    Field("value", _("Total value"), words=("Whole Life Value", "Total Contract Value (£)")),
    Field("cpv", _("CPV code"), words=("CPV Classification",)),
    Field("nature", _("Services, works or goods"), words=("Procurement Type",)),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)
REQUIRED = tuple(f.name for f in FIELDS if f.required)
CLOSE_ENOUGH = 88  # rapidfuzz ratio of normalised words, out of 100


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", str(text).lower()))


def _known_headings() -> dict[str, tuple[str, ...]]:
    """field -> every heading the shipped mappings and the extra words name for it."""
    known: dict[str, list[str]] = {f.name: list(f.words) for f in FIELDS}
    for name in builtin_mappings():
        for field, headings in load_mapping(name).fields.items():
            if field in known:
                known[field].extend(headings)
    return {field: tuple(dict.fromkeys(h for h in headings)) for field, headings in known.items()}


def guess_columns(headings: list[str], saved: dict[str, str] | None = None) -> dict[str, str]:
    """field -> heading for the fields this file seems to hold; each heading used once."""
    present = [h for h in headings if h]
    chosen: dict[str, str] = {}
    for field, heading in (saved or {}).items():
        if field in FIELD_NAMES and heading in present and heading not in chosen.values():
            chosen[field] = heading
    known = _known_headings()
    by_words = {_words(h): h for h in present}
    for field in FIELD_NAMES:
        if field in chosen:
            continue
        free = {w: h for w, h in by_words.items() if h not in chosen.values()}
        candidates = [_words(c) for c in known[field]]
        exact = next((free[c] for c in candidates if c in free), None)
        chosen_heading = exact or _closest(candidates, free)
        if chosen_heading:
            chosen[field] = chosen_heading
    return chosen


def _closest(candidates: list[str], free: dict[str, str]) -> str | None:
    best, best_score = None, CLOSE_ENOUGH
    for words, heading in free.items():
        for candidate in candidates:
            if len(candidate) < 4 or len(words) < 4:
                continue  # "To", "ID": only an exact match counts
            score = fuzz.ratio(words, candidate)
            if score >= best_score:
                best, best_score = heading, score
    return best


def upload_mapping(authority, columns: dict[str, str]) -> Mapping:
    """The tabular mapping for one authority's upload: its own name, so its keys never meet
    another authority's or a shipped mapping's; the authority is every row's buyer."""
    return Mapping(
        name=f"upload-{authority.key}",
        key=("reference",),
        fields={field: (heading,) for field, heading in columns.items() if heading},
        defaults={"buyer": authority.name, "currency": "GBP", "vat_basis": "unknown"},
    )
