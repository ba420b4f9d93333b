"""Finding or creating suppliers in bulk during an import."""

from __future__ import annotations

from insource.register.importers.records import SupplierRecord
from insource.register.models import Supplier

SCHEME_FIELDS = {"GB-COH": "company_number", "GB-CHC": "charity_number", "GB-SC": "charity_number"}


def supplier_key(record: SupplierRecord) -> str:
    """`<scheme>-<id>` when identified (e.g. GB-COH-01234567), else `name:<casefolded name>`."""
    if record.scheme and record.identifier:
        return f"{record.scheme}-{record.identifier}".upper()[:300]
    return f"name:{' '.join(record.name.casefold().split())}"[:300]


def _new_supplier(key: str, record: SupplierRecord) -> Supplier:
    supplier = Supplier(
        key=key,
        name=record.name[:500],
        identifier_scheme=record.scheme[:40],
        identifier_id=record.identifier[:100],
        is_sme=record.is_sme,
        is_vcse=record.is_vcse,
        street_address=record.street_address[:500],
        locality=record.locality[:200],
        postcode=record.postcode[:20],
    )
    field = SCHEME_FIELDS.get(record.scheme.upper())
    if field:
        setattr(supplier, field, record.identifier[:20])
    return supplier


class SupplierResolver:
    """Maps supplier records to ids, creating the missing ones in one query per batch."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self.num_created = 0

    def ids_for(self, records: list[SupplierRecord]) -> dict[str, int]:
        wanted = {supplier_key(r): r for r in records if r.name}
        missing = [k for k in wanted if k not in self._ids]
        if missing:
            self._ids.update(Supplier.objects.filter(key__in=missing).values_list("key", "pk"))
            new = [_new_supplier(k, wanted[k]) for k in missing if k not in self._ids]
            for supplier in Supplier.objects.bulk_create(new, batch_size=500):
                self._ids[supplier.key] = supplier.pk
            self.num_created += len(new)
        return {k: self._ids[k] for k in wanted}
