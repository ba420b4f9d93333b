"""One OCDS release from the register's contracts of one ocid: the field mapping (ADR 0010).

Values are the register's current ones. `amount` is the value as published (the register does
not know it to be VAT-inclusive); the UK extension's `amountGross` only when the register knows
the VAT-inclusive value rather than estimating it. Suppliers carry their identifier (GB-COH and
the like), `details.scale` (sme/large) and the UK extension's `details.vcse` where known.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from decimal import Decimal

import orjson
from django.utils import timezone

from insource.register.cpv import cpv_description
from insource.register.models import Contract

AWARD_STATUSES = {"pending", "active", "cancelled", "unsuccessful"}
CONTRACT_STATUSES = {"pending", "active", "cancelled", "terminated"}
CATEGORIES = {"goods", "services", "works"}


def release_for(
    ocid: str, contracts: list[Contract], published_at: datetime, *, update: bool = False
) -> dict:
    """The release for one ocid from its contracts' values (current, or as of a change in the
    register's history) as of `published_at`; `update` for a release after the first."""
    parties: dict[str, dict] = {}
    buyer = _buyer_party(contracts[0])
    parties[buyer["id"]] = buyer
    awards: dict[str, dict] = {}
    for contract in contracts:
        refs = [_add_supplier(parties, s) for s in suppliers_in_order(contract)]
        award = awards.setdefault(_award_id(contract), _award(contract))
        award["suppliers"].extend(r for r in refs if r not in award["suppliers"])
    release = {
        "ocid": ocid,
        "id": "",
        "date": datetime_text(_changed_at(contracts, published_at)),
        "tag": _tags(contracts, update=update),
        "initiationType": "tender",
        "language": "en",
        "buyer": {"id": buyer["id"], "name": buyer["name"]},
        "parties": list(parties.values()),
        "tender": _tender(ocid, contracts),
        "awards": [_drop_empty(a) for a in awards.values()],
        "contracts": [_contract(c, timezone.localdate(published_at)) for c in contracts],
    }
    release["id"] = f"{ocid}-{_digest(release)}"
    return release


def suppliers_in_order(contract: Contract) -> list:
    """The contract's suppliers in the order its source listed them (`supplier_names`), so an
    export imports back with the same supplier names; any the names miss come last."""
    names = contract.supplier_names.split("; ") if contract.supplier_names else []
    place = {name: i for i, name in reversed(list(enumerate(names)))}
    return sorted(contract.suppliers.all(), key=lambda s: place.get(s.name, len(names)))


def _buyer_party(contract: Contract) -> dict:
    name = contract.buyer_name or contract.buyer.name
    return {"id": contract.buyer.key, "name": name, "roles": ["buyer"]}


def _add_supplier(parties: dict, supplier) -> dict:
    scheme, number = supplier.identifier_scheme, supplier.identifier_id
    party_id = f"{scheme}-{number}" if scheme and number else supplier.key
    if party_id not in parties:
        party = {"id": party_id, "name": supplier.name, "roles": ["supplier"]}
        if scheme and number:
            party["identifier"] = {"scheme": scheme, "id": number, "legalName": supplier.name}
        if supplier.company_number and scheme != "GB-COH":
            party["additionalIdentifiers"] = [{"scheme": "GB-COH", "id": supplier.company_number}]
        details = _details(supplier)
        if details:
            party["details"] = details
        parties[party_id] = party
    elif "supplier" not in parties[party_id]["roles"]:
        parties[party_id]["roles"].append("supplier")
    return {"id": party_id, "name": parties[party_id]["name"]}


def _details(supplier) -> dict:
    details = {}
    if supplier.is_sme is not None:
        details["scale"] = "sme" if supplier.is_sme else "large"
    if supplier.is_vcse is not None:
        details["vcse"] = supplier.is_vcse
    return details


def _award_id(contract: Contract) -> str:
    return contract.award_id or contract.source_key


def _award(contract: Contract) -> dict:
    return {
        "id": _award_id(contract),
        "title": contract.title,
        "description": contract.description,
        "status": contract.status if contract.status in AWARD_STATUSES else None,
        "date": _day(contract.awarded_on),
        "value": _value(contract),
        "suppliers": [],
        "contractPeriod": _period(contract),
    }


def _contract(contract: Contract, on: date) -> dict:
    parts = contract.source_key.split(":")
    own_id = parts[3] if contract.source_key.startswith("ocds:") and len(parts) > 3 else ""
    return _drop_empty(
        {
            "id": own_id or _award_id(contract),
            "awardID": _award_id(contract),
            "title": contract.title,
            "description": contract.description,
            "status": contract_status(contract, on),
            "period": _period(contract),
            "value": _value(contract),
        }
    )


def contract_status(contract: Contract, on: date) -> str | None:
    """OCDS contractStatus: `terminated` when terminated early or when its last possible day
    has passed (the codelist's "has now come to a close"), else the register's status."""
    last_day = contract.max_end_on or contract.end_on
    if contract.is_terminated or (last_day is not None and last_day < on):
        return "terminated"
    return contract.status if contract.status in CONTRACT_STATUSES else None


def _tender(ocid: str, contracts: list[Contract]) -> dict:
    codes: list[str] = []
    for contract in contracts:
        for code in [contract.main_cpv, *contract.cpv_codes]:
            if code and code not in codes:
                codes.append(code)
    tender = {"id": ocid, "items": [_item(i, code) for i, code in enumerate(codes, 1)]}
    natures = {c.nature for c in contracts}
    if len(natures) == 1 and (nature := natures.pop()) in CATEGORIES:
        tender["mainProcurementCategory"] = nature
    if any(c.is_framework for c in contracts):
        tender["techniques"] = {"hasFrameworkAgreement": True}
    return _drop_empty(tender)


def _item(index: int, code: str) -> dict:
    classification = {"scheme": "CPV", "id": code}
    if description := cpv_description(code):
        classification["description"] = description
    return {"id": str(index), "classification": classification}


def _value(contract: Contract) -> dict | None:
    """`amount` as published (not VAT-inclusive); `amountGross` only when the register knows
    the VAT-inclusive value rather than estimating it."""
    value: dict = {}
    if contract.value_amount is not None and contract.value_vat_basis != "inc":
        value["amount"] = contract.value_amount
    if contract.value_inc_vat is not None and not contract.is_value_inc_vat_estimate:
        value["amountGross"] = contract.value_inc_vat
    if value and contract.value_currency:
        value["currency"] = contract.value_currency
    return value or None


def _period(contract: Contract) -> dict | None:
    period = {
        "startDate": _day(contract.start_on),
        "endDate": _day(contract.end_on, end=True),
        "maxExtentDate": _day(contract.max_end_on, end=True),
    }
    return _drop_empty(period) or None


def _tags(contracts: list[Contract], *, update: bool = False) -> list[str]:
    first = ["awardUpdate", "contractUpdate"] if update else ["award"]
    if any(c.is_terminated for c in contracts):
        return [*first, "contractTermination"]
    return first if update else ["award", "contract"]


def _changed_at(contracts: list[Contract], fallback: datetime) -> datetime:
    moments = [getattr(c, "changed_at", None) for c in contracts]
    known = [m for m in moments if m is not None]
    return max(known) if known else fallback


def _day(value: date | None, *, end: bool = False) -> str | None:
    if value is None:
        return None
    return f"{value.isoformat()}T{'23:59:59' if end else '00:00:00'}Z"


def datetime_text(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _drop_empty(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def _digest(release: dict) -> str:
    return hashlib.sha256(dumps(release)).hexdigest()[:12]


def _default(value):
    if isinstance(value, Decimal):
        return orjson.Fragment(str(value).encode())
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dumps(value) -> bytes:
    return orjson.dumps(value, default=_default)
