"""Map a register contract and its reviewing authority to a facts document (version 1).

Pure functions over plain rows (dicts from `.values()`): no database, no clock, no settings.
Every fact the register cannot know is left out, so the engine treats it as its POLICY.md §2
"Inputs" default or as unknown; nothing is guessed in the outsourcing direction. The choices:

- `contract.nature`: the register's nature; `mixed` and not-known are left out, so the CPV
  division decides (POLICY.md §3). A framework agreement (`is_framework`) whose nature is services
  or not known is `framework` (goods CPVs under a framework are then not relevant, as for goods).
- `contract.cpv`: the main CPV code first (the engine reads the division of the first code), then
  the others, as 8-digit codes without check digits; malformed codes are dropped.
- `contract.value_inc_vat`: the register's value incl. VAT as a decimal string with basis `inc`.
  The register has already grossed up a value stated excl. VAT or without a basis (at the
  policy's VAT parameter) and marks it an estimate: the screening row keeps that marker.
- `contract.counterparty`: from the suppliers, only when every supplier's type is known (a
  public body by name, or a charity/VCSE); otherwise unknown. A Companies House number does not
  make a supplier private: council-owned companies have one too.
- `contract.ends_on`: the end date (not the maximum end date: the review is due at expiry).
- `at_risk`: provisional, from the CPV codes (`at_risk_cpv.yaml`, DESIGN): a listed prefix sets
  its limbs true; every other limb stays unknown, never false.
- `authority`: procurement category and nation (left out when not known: England, the §2
  default, has the same UK-wide thresholds). The GSS code is not a fact any rule reads and
  is left out, so identical contracts of different authorities share one trace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

from insource.authorities.matching.names import exact_key

AT_RISK_CPV = Path(__file__).resolve().parent / "at_risk_cpv.yaml"
LIMBS = ("significant_contact", "coercive_powers", "rights_risk")
NATURES = {n: n for n in ("services", "works", "goods", "concession", "framework")}
CPV = re.compile(r"^\d{8}")
# Authority kinds that are public authorities for the public-public gateway (SEED: "between local
# authorities, or a local authority and another public authority"). Companies, housing
# associations, universities, schools and consortia are left unknown: the review decides.
PUBLIC_KINDS = frozenset(
    {
        "local-authority",
        "combined-authority",
        "nhs",
        "central-government",
        "police",
        "fire",
        "national-park",
        "parish-town-council",
    }
)
CHARITY_SCHEMES = frozenset({"GB-CHC", "GB-SC", "GB-NIC"})


@lru_cache(maxsize=4)
def at_risk_table(path: Path = AT_RISK_CPV) -> tuple[dict, ...]:
    """The provisional at-risk entries (prefix, limbs, why), longest prefix first."""
    doc = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    entries = [
        {"prefix": str(e["prefix"]), "limbs": tuple(e["limbs"]), "why": " ".join(e["why"].split())}
        for e in doc["entries"]
    ]
    for entry in entries:
        unknown = set(entry["limbs"]) - set(LIMBS)
        if unknown or not entry["prefix"].isdigit():
            raise ValueError(f"{path}: entry {entry['prefix']!r}: fix limbs {sorted(unknown)}")
    return tuple(sorted(entries, key=lambda e: -len(e["prefix"])))


def at_risk_matches(cpv: Iterable[str]) -> list[dict]:
    """The table entries the CPV codes fall under (one per code: its longest prefix)."""
    found = []
    for code in cpv:
        entry = next((e for e in at_risk_table() if code.startswith(e["prefix"])), None)
        if entry is not None and entry not in found:
            found.append(entry)
    return found


def provisional_at_risk(cpv: Iterable[str]) -> dict:
    """`at_risk` facts: the limbs the service category suggests, true; the others left out."""
    return {limb: True for entry in at_risk_matches(cpv) for limb in entry["limbs"]}


def cpv_codes(main_cpv: str, codes: Iterable[str] | None) -> list[str]:
    """The main code first, then the others, as 8-digit codes, without repeats."""
    found = (CPV.match(c or "") for c in [main_cpv, *(codes or ())])
    return list(dict.fromkeys(m.group(0) for m in found if m))


def nature_of(nature: str, is_framework: bool) -> str | None:
    """The facts nature for the register's nature (None when it is mixed or not known)."""
    mapped = NATURES.get(nature or "")
    if is_framework and mapped in (None, "services"):
        return "framework"
    return mapped


def supplier_kind(supplier: Mapping, public_names: frozenset[str]) -> str | None:
    """`public-authority` or `vcse` when the supplier's data says so, else None (unknown)."""
    if exact_key(supplier["name"]) in public_names:
        return "public-authority"
    if supplier.get("is_vcse") or supplier.get("charity_number"):
        return "vcse"
    return "vcse" if supplier.get("identifier_scheme") in CHARITY_SCHEMES else None


def counterparty_of(kinds: Iterable[str | None]) -> str | None:
    """The counterparty type when every supplier has the same known type, else None."""
    distinct = set(kinds)
    return next(iter(distinct)) if len(distinct) == 1 and None not in distinct else None


def contract_facts(
    contract: Mapping, authority: Mapping, *, on: date, preset: str, counterparty: str | None
) -> dict:
    """The facts document for screening one contract on `on` under `preset`."""
    cpv = cpv_codes(contract["main_cpv"], contract["cpv_codes"])
    facts = {
        "version": 1,
        "decision_on": on.isoformat(),
        "preset": preset,
        "authority": _authority_facts(authority),
        "contract": _contract_facts(contract, cpv, counterparty),
    }
    at_risk = provisional_at_risk(cpv)
    if at_risk:
        facts["at_risk"] = at_risk
    return facts


def _authority_facts(authority: Mapping) -> dict:
    facts = {"procurement_category": authority["procurement_category"] or None}
    if authority["nation"]:
        facts["nation"] = authority["nation"]
    return {k: v for k, v in facts.items() if v is not None}


def _contract_facts(contract: Mapping, cpv: list[str], counterparty: str | None) -> dict:
    facts = {
        "nature": nature_of(contract["nature"], contract["is_framework"]),
        "cpv": cpv or None,
        "counterparty": counterparty,
        "ends_on": contract["end_on"].isoformat() if contract["end_on"] else None,
    }
    value = contract["value_inc_vat"]
    if value is not None:
        facts["value_inc_vat"], facts["value_vat_basis"] = f"{value:.2f}", "inc"
    return {k: v for k, v in facts.items() if v is not None}
