"""Reads for community wealth: an authority's local area and its history, a contract's
recorded figures, and how many suppliers have a usable postcode."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from insource.register.models import Supplier
from insource.wealth.districts import LocalMatcher, sort_key
from insource.wealth.models import ContractWealth, LocalAreaVersion
from insource.wealth.postcodes import postcode_of


def local_area_current(authority) -> LocalAreaVersion | None:
    """The version of the authority's local area in force (the latest), or None if never set."""
    return LocalAreaVersion.objects.filter(authority=authority).order_by("-at", "-id").first()


def local_matcher(authority) -> tuple[LocalAreaVersion | None, LocalMatcher]:
    """The authority's local area and the matcher built from it (empty when never set)."""
    version = local_area_current(authority)
    return version, LocalMatcher.of(version.entries if version else ())


@dataclass(frozen=True)
class AreaChange:
    """One version in the history, with what it added to and removed from the one before."""

    version: LocalAreaVersion
    added: tuple[str, ...]
    removed: tuple[str, ...]


def local_area_history(authority) -> list[AreaChange]:
    """Every version of the authority's local area, newest first, each with its changes."""
    versions = list(LocalAreaVersion.objects.filter(authority=authority).order_by("at", "id"))
    changes, previous = [], set()
    for v in versions:
        now = set(v.entries)
        added = tuple(sorted(now - previous, key=sort_key))
        removed = tuple(sorted(previous - now, key=sort_key))
        changes.append(AreaChange(v, added, removed))
        previous = now
    return changes[::-1]


def contract_wealth_get(*, authority, contract) -> ContractWealth | None:
    """What officers recorded about the contract, if it is the authority's and has a record."""
    if contract.reviewing_authority_id != authority.pk:
        return None
    return ContractWealth.objects.filter(contract=contract).first()


@dataclass(frozen=True)
class PostcodeCoverage:
    """How many suppliers have a usable postcode, and which field gave it."""

    num_suppliers: int
    num_full: int
    num_district_only: int
    by_source: dict[str, int]

    @property
    def num_usable(self) -> int:
        return self.num_full + self.num_district_only

    @property
    def num_none(self) -> int:
        return self.num_suppliers - self.num_usable


def supplier_postcode_coverage() -> PostcodeCoverage:
    """Every supplier in the register: postcode found in full, district only, or none."""
    counts: Counter = Counter()
    rows = Supplier.objects.values_list("postcode", "street_address", "locality")
    for fields in rows.iterator(chunk_size=5000):
        found = postcode_of(*fields)
        counts["suppliers"] += 1
        if found:
            counts["full" if found.is_full else "district"] += 1
            counts[f"source:{found.source}"] += 1
    by_source = {k.split(":", 1)[1]: v for k, v in counts.items() if k.startswith("source:")}
    return PostcodeCoverage(counts["suppliers"], counts["full"], counts["district"], by_source)
