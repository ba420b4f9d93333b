"""Public read-only queries for the API: only published records, only public columns.

The register is public (it is built from published notices); decisions are public only once
published (they have a `Publication`); authorities carry their counts. Nothing here returns a
person's email or any officer-only field. Ids are checked against the database's integer range
so that an absurd id is "not found", never a database error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import (
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from insource.authorities.models import Authority
from insource.core.models import AuditEvent
from insource.register.models import Contract, ImportRun, Supplier
from insource.reviews.models import Decision, Publication

MAX_ID = 2**63 - 1
SUPPLIER_COLUMNS = (
    "id",
    "name",
    "identifier_scheme",
    "identifier_id",
    "company_number",
    "is_sme",
    "is_vcse",
)


def valid_id(value) -> int | None:
    """The id as an int when it could be a database id, else None."""
    try:
        number = int(str(value))
    except ValueError:
        return None
    return number if 0 < number <= MAX_ID else None


def contracts_public() -> QuerySet[Contract]:
    """Every contract in the register, with suppliers and its published decisions' ids."""
    published = Decision.objects.filter(publication__isnull=False).only("id", "contract_id")
    return (
        Contract.objects.in_register()
        .select_related("buyer", "reviewing_authority")
        .prefetch_related(
            Prefetch("suppliers", queryset=Supplier.objects.only(*SUPPLIER_COLUMNS)),
            Prefetch("decision_set", queryset=published.order_by("id"), to_attr="published"),
        )
        .order_by(F("end_on").asc(nulls_last=True), "id")
    )


def contract_public_get(pk) -> Contract | None:
    number = valid_id(pk)
    return None if number is None else contracts_public().filter(pk=number).first()


def decisions_public() -> QuerySet[Decision]:
    """Published decisions only, newest publication first (packs themselves not loaded)."""
    return (
        Decision.objects.filter(publication__isnull=False)
        .select_related("authority", "contract", "publication")
        .defer("facts", "publication__pack_html", "publication__pack_pdf")
        .order_by("-publication__published_at", "-id")
    )


def decision_public_get(pk) -> Decision | None:
    number = valid_id(pk)
    return None if number is None else decisions_public().filter(pk=number).first()


def _count(queryset, field: str) -> Coalesce:
    counted = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def authorities_public() -> QuerySet[Authority]:
    """Every authority, by name, with the number of contracts it reviews and of its published
    decisions (counted per row, so a page costs the same at any register size)."""
    return Authority.objects.annotate(
        num_contracts=_count(Contract.objects.in_register(), "reviewing_authority"),
        num_published_decisions=_count(Publication.objects.all(), "decision__authority"),
    ).order_by("name", "id")


def authority_public_get(code: str) -> Authority | None:
    """An authority by its code (`BST`, any case) or, for one without a code, its key."""
    code = code.strip()
    if not code or "\x00" in code:  # PostgreSQL refuses NUL in text: no authority has one
        return None
    return (
        authorities_public()
        .filter(Q(code__iexact=code) | Q(key=code, code=""))
        .order_by("-code", "id")
        .first()
    )


@dataclass(frozen=True)
class DataVersion:
    """What the public data looks like now, cheaply: `key` changes whenever any of it may have
    (every write service records an audit event, imports an import run, and a deletion
    changes a count); `changed_at` is the latest of those times (None for an empty database)."""

    key: str
    changed_at: datetime | None


def data_version() -> DataVersion:
    """The register's and decisions' version, from a few indexed aggregates (no export is
    built): the validator of the downloads and the Last-Modified of every detail."""
    audit = AuditEvent.objects.aggregate(id=Max("id"), at=Max("at"))
    runs = ImportRun.objects.aggregate(id=Max("id"), at=Max("finished_at"))
    published = Publication.objects.aggregate(n=Count("id"), at=Max("published_at"))
    num_contracts = Contract.objects.count()
    key = f"{audit['id']}.{runs['id']}.{published['n']}.{num_contracts}"
    times = [t for t in (audit["at"], runs["at"], published["at"]) if t is not None]
    return DataVersion(key=key, changed_at=max(times, default=None))
