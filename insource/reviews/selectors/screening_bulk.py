"""Bulk reads for screening: authorities, suppliers' types, existing rows, stored traces."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import groupby

import orjson
from django.db import connection

from insource.authorities.matching.names import exact_key
from insource.authorities.models import Authority
from insource.register.models import Contract, Supplier
from insource.reviews.facts import PUBLIC_KINDS, counterparty_of, supplier_kind
from insource.reviews.models import Screening, ScreeningTrace

CHUNK = 20_000
AUTHORITY_COLUMNS = ("id", "code", "nation", "procurement_category", "policy_preset")
CONTRACT_COLUMNS = (
    "id",
    "reviewing_authority_id",
    "nature",
    "is_framework",
    "cpv_codes",
    "main_cpv",
    "value_inc_vat",
    "is_value_inc_vat_estimate",
    "end_on",
)


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


def counterparties(contracts, *, only_theirs: bool = False) -> dict[int, str]:
    """Contract id -> counterparty type, for the contracts whose every supplier's type is known
    (`only_theirs`: read only these contracts' suppliers, for a few contracts)."""
    theirs = Supplier.objects.filter(contracts__in=contracts).distinct() if only_theirs else None
    kinds = supplier_kinds(theirs)
    if not kinds:
        return {}
    links = Contract.suppliers.through.objects.filter(contract__in=contracts)
    rows = links.order_by("contract_id").values_list("contract_id", "supplier_id")
    found = {}
    for contract_id, group in groupby(rows.iterator(chunk_size=CHUNK), key=lambda r: r[0]):
        party = counterparty_of(kinds.get(supplier_id) for _, supplier_id in group)
        if party is not None:
            found[contract_id] = party
    return found


def existing(on, authority: Authority | None) -> dict[tuple[int, str], tuple[str, int]]:
    """(contract id, policy version) -> (facts hash, row id) of the screenings already made."""
    rows = Screening.objects.filter(screened_on=on)
    if authority is not None:
        rows = rows.filter(authority=authority)
    columns = ("contract_id", "policy_version", "facts_sha256", "id")
    return {(c, v): (h, i) for c, v, h, i in rows.values_list(*columns).iterator(chunk_size=CHUNK)}


def trace_ids() -> dict[str, int]:
    """SHA-256 -> id of every stored screening trace."""
    return dict(ScreeningTrace.objects.values_list("sha256", "id"))


def contract_rows(contracts) -> Iterator[dict]:
    """The register's contracts as plain rows, in id order, fetched in chunks.

    A bulk fast path: the queryset's own SQL through Django's chunked (server-side on
    PostgreSQL) cursor, without the ORM's per-value converters; `_plain` does the few
    conversions screening needs, the same on both databases.
    """
    sql, params = contracts.order_by("id").values_list(*CONTRACT_COLUMNS).query.sql_with_params()
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK):
            yield from map(_plain, rows)


def _plain(row: tuple) -> dict:
    values = dict(zip(CONTRACT_COLUMNS, row, strict=True))
    codes = values["cpv_codes"]
    values["cpv_codes"] = orjson.loads(codes) if isinstance(codes, str | bytes) else codes
    end = values["end_on"]
    values["end_on"] = date.fromisoformat(end) if isinstance(end, str) else end
    values["is_framework"] = bool(values["is_framework"])
    values["is_value_inc_vat_estimate"] = bool(values["is_value_inc_vat_estimate"])
    return values
