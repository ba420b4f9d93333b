"""Bulk reads for screening: authorities, suppliers' types, stored traces, and the register in
chunks with their supplier links and stored screenings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.db import connection
from django.db.models import CharField
from django.db.models.functions import Cast

from insource.authorities.matching.names import exact_key
from insource.authorities.models import Authority
from insource.register.models import Contract, Supplier
from insource.reviews.facts import PUBLIC_KINDS, supplier_kind
from insource.reviews.models import Screening, ScreeningTrace
from insource.reviews.services.screening_chunks import CONTRACT_COLUMNS, Chunk

__all__ = ["CONTRACT_COLUMNS"]  # what screening reads of a contract (receivers use it too)

CHUNK = 20_000
AUTHORITY_COLUMNS = ("id", "code", "nation", "procurement_category", "policy_preset")


def authorities_by_id(authority: Authority | None) -> dict[int, dict]:
    """The reviewing authorities to screen for, as plain rows by id."""
    rows = Authority.objects.all()
    if authority is not None:
        rows = rows.filter(pk=authority.pk)
    return {r["id"]: r for r in rows.values(*AUTHORITY_COLUMNS, "policy_adopted_on")}


def public_names() -> frozenset[str]:
    """Exact-match keys of every public authority's names (a supplier with one is public)."""
    rows = Authority.objects.filter(kind__in=PUBLIC_KINDS).values_list("name", "nice_name")
    return frozenset(exact_key(n) for pair in rows for n in pair if n)


def supplier_kinds(suppliers=None) -> dict[int, str]:
    """Supplier id -> `public-authority` or `vcse`, for the suppliers (every one by default)
    whose type is known."""
    names, kinds = public_names(), {}
    columns = ("id", "name", "is_vcse", "charity_number", "identifier_scheme")
    suppliers = Supplier.objects.all() if suppliers is None else suppliers
    for row in suppliers.values(*columns).iterator(chunk_size=CHUNK):
        kind = supplier_kind(row, names)
        if kind is not None:
            kinds[row["id"]] = kind
    return kinds


def trace_ids() -> dict[str, int]:
    """SHA-256 -> id of every stored screening trace."""
    return dict(ScreeningTrace.objects.values_list("sha256", "id"))


def is_first_load(contracts, on: date) -> bool:
    """Whether screening `contracts` (the whole register) on `on` loads the screenings table
    for the first time, or nearly: the table surely holds fewer rows than there are contracts
    (its ids span fewer), so building its indexes again from every row costs less than keeping
    them up to date row by row (ADR 0056), and none is stored on the date. Cheap when it is
    not: two look-ups of the primary key; the date is looked for among those few rows only."""
    ids = Screening.objects.values_list("id", flat=True)
    lowest, highest = ids.order_by("id").first(), ids.order_by("-id").first()
    if lowest is not None and highest - lowest + 1 >= contracts.count():
        return False
    return not Screening.objects.filter(screened_on=on).exists()


def chunks(
    contracts,
    *,
    on: date,
    authority: Authority | None,
    size: int,
    whole: bool = False,
    stored: bool = True,
) -> Iterator[Chunk]:
    """The contracts in id order, `size` at a time, each run with its supplier links and the
    screenings stored for it on `on`: raw rows (no ORM converters), one query each, by key
    range (keyset paging on the id), so no cursor stays open while the caller writes.
    `whole`: the contracts are the whole register, so every link in an id range is read
    (those of retired duplicates are never looked up) without asking which are in it.
    `stored=False`: none is stored on the date (a first load), so none is looked for."""
    # The end date as ISO text: what the facts need, without the driver's date converter.
    ends = Cast("end_on", output_field=CharField())
    rows = contracts.order_by("id").annotate(end_text=ends)
    value = "value_inc_vat"
    if connection.vendor == "postgresql":
        # numeric as its exact text: a str crosses to a worker process far more cheaply
        # than a Decimal (which pickles as a call to its constructor)
        rows = rows.annotate(value_text=Cast("value_inc_vat", output_field=CharField()))
        value = "value_text"
    columns = [value if c == "value_inc_vat" else c for c in CONTRACT_COLUMNS[:-1]]
    rows = rows.values_list(*columns, "end_text")
    through = Contract.suppliers.through.objects
    screenings = Screening.objects.filter(screened_on=on)
    if authority is not None:
        screenings = screenings.filter(authority=authority)
    last = None
    while True:
        page = _fetch(rows if last is None else rows.filter(id__gt=last), size)
        if not page:
            return
        low, last = page[0][0], page[-1][0]
        links = through.filter(contract_id__gte=low, contract_id__lte=last)
        if not whole:
            links = links.filter(contract__in=contracts.filter(id__gte=low, id__lte=last))
        links = links.order_by("contract_id", "supplier_id")
        links = links.values_list("contract_id", "supplier_id")
        known = screenings.filter(contract_id__gte=low, contract_id__lte=last).values_list(
            "contract_id", "policy_version", "facts_sha256", "id"
        )
        yield Chunk(page, _fetch(links), _fetch(known) if stored else [])


def _fetch(rows, size: int | None = None) -> list[tuple]:
    """A values_list queryset's rows as the database driver gives them (no converters)."""
    sql, params = (rows if size is None else rows[:size]).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
