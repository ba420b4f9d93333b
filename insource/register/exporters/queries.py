"""Read-only querysets the exports walk: every contract, in a stable order (the published
decisions' query is `transparency/exports/decisions.py`).

They are iterated in chunks (`.iterator(chunk_size=...)`), so an export of millions of rows
holds one chunk in memory at a time.
"""

from __future__ import annotations

from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from insource.authorities.models import Authority
from insource.register.columns import officer_fields
from insource.register.models import Contract, ContractEvent, Supplier

CHUNK = 2000
# Columns no export shows (an officer's corrections, provenance and data-quality work).
OFFICER_COLUMNS = officer_fields()
SUPPLIER_COLUMNS = (
    "id",
    "key",
    "name",
    "identifier_scheme",
    "identifier_id",
    "company_number",
    "is_sme",
    "is_vcse",
)


# What an export reads of a contract's history (ocds_history): its changes and when.
EVENT_COLUMNS = ("id", "contract_id", "at", "released_at", "changes")


def contracts_for_export(*, authority: Authority | None = None) -> QuerySet[Contract]:
    """Every contract (or the authority's: those it reviews), grouped by ocid, with its buyer,
    suppliers, its history (events) and the time of its latest change (`changed_at`: last
    event, else last import)."""
    latest_event = (
        ContractEvent.objects.filter(contract=OuterRef("pk")).order_by("-at").values("at")[:1]
    )
    contracts = (
        Contract.objects.in_register()
        .select_related("buyer", "reviewing_authority")
        .defer(*OFFICER_COLUMNS)
        .prefetch_related(
            Prefetch("suppliers", queryset=Supplier.objects.only(*SUPPLIER_COLUMNS)),
            Prefetch("events", queryset=ContractEvent.objects.only(*EVENT_COLUMNS)),
        )
        .annotate(changed_at=Coalesce(Subquery(latest_event), F("last_import__finished_at")))
        .order_by("ocid", "id")
    )
    if authority is not None:
        contracts = contracts.filter(reviewing_authority=authority)
    return contracts


def contracts_for_download() -> QuerySet[Contract]:
    """Every contract with what the CSV's columns read, in the register table's default order
    (soonest end first); the search's filters narrow it and its sort may reorder it."""
    return contracts_for_export().order_by(F("end_on").asc(nulls_last=True), "id")
