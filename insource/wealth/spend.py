"""An authority's spend with its suppliers, from the register, by the database: where the
suppliers are (in the authority's area, elsewhere, unknown), SME and VCSE shares, and the
spend by service (CPV division).

Value basis: each contract's whole-life awarded value including VAT (`value_inc_vat`: as
published when the source says it includes VAT, else grossed up at the standard rate and
marked an estimate), not annualised. A contract with several suppliers is split equally
between them (the register holds no split). Frameworks and contracts with no published value
are left out and counted. A contract with no supplier named counts as unknown throughout.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Substr

from insource.register.models import Contract
from insource.wealth.districts import LOCALITIES, UNKNOWN
from insource.wealth.postcodes import postcode_of

ZERO = Decimal(0)
FLAGS = ("yes", "no", "unknown")
Link = Contract.suppliers.through


def _flag(value) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def _money(keys) -> dict[str, Decimal]:
    return dict.fromkeys(keys, ZERO)


@dataclass
class Spend:
    """Money split three ways each by locality, SME and VCSE, and by CPV division."""

    locality: dict[str, Decimal] = field(default_factory=lambda: _money(LOCALITIES))
    sme: dict[str, Decimal] = field(default_factory=lambda: _money(FLAGS))
    vcse: dict[str, Decimal] = field(default_factory=lambda: _money(FLAGS))
    services: dict[str, dict[str, Decimal]] = field(
        default_factory=lambda: defaultdict(lambda: _money(LOCALITIES))
    )
    suppliers: dict[int, bool] = field(default_factory=dict)  # supplier id -> has a postcode
    suppliers_district_only: set = field(default_factory=set)
    num_unnamed: int = 0  # contracts that name no supplier

    @property
    def total(self) -> Decimal:
        return sum(self.locality.values(), ZERO)

    def add(self, amount: Decimal, *, locality: str, sme, vcse, division: str) -> None:
        self.locality[locality] += amount
        self.sme[_flag(sme)] += amount
        self.vcse[_flag(vcse)] += amount
        self.services[division or ""][locality] += amount


@dataclass(frozen=True)
class Exclusions:
    """How many of the authority's contracts are in the register, and which are left out."""

    num_contracts: int
    num_frameworks: int
    framework_value: Decimal
    num_no_value: int

    @property
    def num_counted(self) -> int:
        return self.num_contracts - self.num_frameworks - self.num_no_value


def exclusions(authority) -> Exclusions:
    """The authority's contracts, frameworks (left out) and contracts without a value."""
    framework = Q(is_framework=True)
    found = Contract.objects.filter(reviewing_authority=authority).aggregate(
        num=Count("id"),
        frameworks=Count("id", filter=framework),
        framework_value=Sum("value_inc_vat", filter=framework),
        no_value=Count("id", filter=~framework & Q(value_inc_vat__isnull=True)),
    )
    return Exclusions(
        found["num"], found["frameworks"], found["framework_value"] or ZERO, found["no_value"]
    )


def counted_contracts(authority):
    """The contracts whose spend counts: the authority's, not frameworks, with a value."""
    return Contract.objects.filter(
        reviewing_authority=authority, is_framework=False, value_inc_vat__isnull=False
    )


def _supplier_rows(contracts):
    """Spend summed by supplier, CPV division and number of suppliers on the contract."""
    num = (
        Link.objects.filter(contract_id=OuterRef("contract_id"))
        .order_by()
        .values("contract_id")
        .annotate(c=Count("id"))
        .values("c")
    )
    return (
        Link.objects.filter(contract__in=contracts)
        .annotate(n=Subquery(num), division=Substr("contract__main_cpv", 1, 2))
        .values(
            "supplier_id",
            "supplier__postcode",
            "supplier__street_address",
            "supplier__locality",
            "supplier__is_sme",
            "supplier__is_vcse",
            "division",
            "n",
        )
        .annotate(total=Sum("contract__value_inc_vat"))
        .order_by()
    )


def _unnamed_rows(contracts):
    """Spend of contracts that name no supplier, by CPV division."""
    return (
        contracts.filter(suppliers__isnull=True)
        .annotate(division=Substr("main_cpv", 1, 2))
        .values("division")
        .annotate(total=Sum("value_inc_vat"), num=Count("id"))
        .order_by()
    )


def spend_of(contracts, matcher) -> Spend:
    """The spend of these contracts, split as `Spend` says, suppliers placed by `matcher`."""
    spend = Spend()
    for row in _supplier_rows(contracts):
        found = postcode_of(
            row["supplier__postcode"], row["supplier__street_address"], row["supplier__locality"]
        )
        spend.add(
            Decimal(row["total"]) / row["n"],
            locality=matcher.locality(found),
            sme=row["supplier__is_sme"],
            vcse=row["supplier__is_vcse"],
            division=row["division"],
        )
        spend.suppliers[row["supplier_id"]] = found is not None
        if found is not None and not found.is_full:
            spend.suppliers_district_only.add(row["supplier_id"])
    for row in _unnamed_rows(contracts):
        spend.add(
            Decimal(row["total"]), locality=UNKNOWN, sme=None, vcse=None, division=row["division"]
        )
        spend.num_unnamed += row["num"]
    return spend
