"""A place's report: its public bodies and why, their contracts by service, by supplier and by
end date side by side, suppliers shared across bodies, contracts for the same service ending
close together, and the savings estimate (a range). A selector: reads only, takes the date.

Value basis: each contract's whole-life value including VAT (`value_inc_vat`), as the register
holds it; frameworks and contracts without a value are listed but not counted in spend. A
contract with several suppliers is split equally between them. A service is the contract's CPV
division (its main CPV code's first two digits); contracts without one are counted as
"service not known" and cannot be matched with others.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q

from insource.authorities.models import Authority, BuyerName
from insource.places.ending import EndingGroup, Line, ending_groups
from insource.places.membership import Body, Member, Place, local_contract_term, members_of
from insource.places.savings import (
    SavingsEstimate,
    savings_estimate,
    savings_parameters,
    yearly_value,
)
from insource.places.selectors import PlaceSpec
from insource.register.cpv import cpv_description
from insource.register.models import Contract

ZERO = Decimal(0)
Link = Contract.suppliers.through
WINDOW_DEFAULT, WINDOW_MAX = 12, 60


def division_of(main_cpv: str) -> str:
    """The CPV division of a code, or '' when the code names no division of CPV 2008."""
    d = (main_cpv or "")[:2]
    return d if len(d) == 2 and d.isdigit() and cpv_description(f"{d}000000") else ""


@dataclass
class BodyFigures:
    """One public body of the place: why it is there, its contracts and spend by service."""

    member: Member
    lines: list[Line] = field(default_factory=list)
    services: dict[str, list] = field(default_factory=dict)  # division -> [num, spend]

    @property
    def spend(self) -> Decimal:
        return sum((s[1] for s in self.services.values()), ZERO)

    @property
    def num_counted(self) -> int:
        return sum(s[0] for s in self.services.values())


@dataclass(frozen=True)
class ServiceRow:
    """One service across the place: spend and contracts by body."""

    division: str
    spend: Decimal
    num_contracts: int
    by_body: dict[int, Decimal]


@dataclass(frozen=True)
class SupplierRow:
    """A supplier holding contracts with two or more of the place's bodies."""

    id: int
    name: str
    body_ids: tuple[int, ...]
    num_contracts: int
    spend: Decimal


@dataclass(frozen=True)
class PlaceReport:
    """Everything the page, the CSV and `insource place report` show."""

    spec: PlaceSpec
    on: date
    window_months: int
    bodies: list[BodyFigures]
    services: list[ServiceRow]
    shared_suppliers: list[SupplierRow]
    ending: list[Line]
    groups: list[EndingGroup]
    savings: SavingsEstimate
    num_running: int

    @property
    def lines(self) -> list[Line]:
        return [x for b in self.bodies for x in b.lines]

    def body(self, body_id: int) -> BodyFigures:
        return next(b for b in self.bodies if b.member.body.id == body_id)


def _bodies() -> list[Body]:
    """Every buyer that holds contracts, with its published names."""
    names = defaultdict(list)
    for authority_id, name in BuyerName.objects.filter(authority__isnull=False).values_list(
        "authority_id", "name"
    ):
        names[authority_id].append(name)
    rows = (
        Authority.objects.filter(contracts__isnull=False)
        .distinct()
        .values_list("id", "kind", "code", "name")
    )
    return [Body(i, kind, code, name, tuple(names[i])) for i, kind, code, name in rows]


def _local_contracts(
    place: Place, members: list[Member], bodies: list[Body]
) -> tuple[list[Member], set[int]]:
    """Rule 5: central government bodies not yet members whose contracts name the place."""
    terms, inside = place.terms, {m.body.id for m in members}
    if not terms:
        return [], set()
    named = Q()
    for t in terms:
        named |= Q(title__icontains=t.text) | Q(description__icontains=t.text)
    rows = (
        Contract.objects.in_register()
        .filter(reviewing_authority__kind="central-government")
        .exclude(reviewing_authority_id__in=inside)
        .filter(named)
        .values_list("id", "reviewing_authority_id", "title", "description")
    )
    found: dict[int, str] = {}
    ids = set()
    for pk, body_id, title, description in rows:
        term = local_contract_term(title, description, terms)
        if term is not None:
            ids.add(pk)
            found.setdefault(body_id, term.text)
    by_id = {b.id: b for b in bodies if b.id in found}
    return [Member(by_id[i], "local-contracts", t) for i, t in found.items()], ids


def place_members(spec: PlaceSpec) -> tuple[list[Member], set[int]]:
    """The place's bodies with their reasons, and the ids of the only contracts that count for
    the bodies that are there for some contracts only (rule 5)."""
    place = Place(spec.codes)
    bodies = _bodies()
    members = members_of(place, bodies)
    extra, ids = _local_contracts(place, members, bodies)
    return members + extra, ids


def place_authority_ids(spec: PlaceSpec) -> set[int]:
    """The ids of the public bodies wholly in or serving the place (not those counted for the
    contracts that name the place only): whose open data a place's filter keeps."""
    members, _ = place_members(spec)
    return {m.body.id for m in members if not m.only_named_contracts}


def _lines(members: list[Member], contract_ids: set[int]) -> list[Line]:
    whole = [m.body.id for m in members if not m.only_named_contracts]
    contracts = Contract.objects.in_register().filter(
        Q(reviewing_authority_id__in=whole) | Q(pk__in=contract_ids)
    )
    suppliers = defaultdict(list)
    for cid, sid, name in (
        Link.objects.filter(contract__in=contracts)
        .order_by("supplier__name")
        .values_list("contract_id", "supplier_id", "supplier__name")
    ):
        suppliers[cid].append((sid, name))
    fields = ("id", "reviewing_authority_id", "title", "main_cpv", "value_inc_vat")
    rows = contracts.values_list(*fields, "start_on", "awarded_on", "end_on", "is_framework")
    return [
        Line(pk, body, title, division_of(cpv), value, start or awarded, end, framework,
             tuple(suppliers[pk]))
        for pk, body, title, cpv, value, start, awarded, end, framework in rows
    ]  # fmt: skip


def _body_figures(members: list[Member], lines: list[Line]) -> list[BodyFigures]:
    figures = {m.body.id: BodyFigures(m) for m in members}
    for x in lines:
        b = figures[x.body_id]
        b.lines.append(x)
        if x.is_counted:
            s = b.services.setdefault(x.division, [0, ZERO])
            s[0] += 1
            s[1] += x.value
    return list(figures.values())


def _services(bodies: list[BodyFigures]) -> list[ServiceRow]:
    spend, num, by_body = defaultdict(Decimal), defaultdict(int), defaultdict(dict)
    for b in bodies:
        for division, (n, amount) in b.services.items():
            spend[division] += amount
            num[division] += n
            by_body[division][b.member.body.id] = amount
    rows = [ServiceRow(d, spend[d], num[d], by_body[d]) for d in spend]
    return sorted(rows, key=lambda r: (r.division == "", -r.spend, r.division))


def _shared_suppliers(lines: list[Line]) -> list[SupplierRow]:
    """Suppliers holding counted contracts with two or more bodies, largest spend first."""
    names, bodies, num, spend = {}, defaultdict(set), defaultdict(int), defaultdict(Decimal)
    for x in lines:
        if not x.is_counted or not x.suppliers:
            continue
        share = x.value / len(x.suppliers)
        for sid, name in x.suppliers:
            names[sid] = name
            bodies[sid].add(x.body_id)
            num[sid] += 1
            spend[sid] += share
    rows = [
        SupplierRow(s, names[s], tuple(sorted(bodies[s])), num[s], spend[s])
        for s in names
        if len(bodies[s]) >= 2
    ]
    return sorted(rows, key=lambda r: (-r.spend, r.name))


def yearly_spend(lines: list[Line], on: date) -> tuple[Decimal, int]:
    """The place's contract spend a year: each counted contract running on `on` at its value
    a year (savings.yearly_value); and how many contracts that is."""
    total, num = ZERO, 0
    for x in lines:
        running = x.start_on and x.end_on and x.start_on <= on <= x.end_on
        a_year = yearly_value(x.value, x.start_on, x.end_on) if running and x.is_counted else None
        if a_year:  # a contract published at £0 adds nothing and is not counted
            total += a_year
            num += 1
    return total, num


def place_report(*, spec: PlaceSpec, on: date, window_months: int = WINDOW_DEFAULT):
    """The place's report on a date, with the ending-together window in months (1 to 60)."""
    window_months = min(max(int(window_months), 1), WINDOW_MAX)
    members, ids = place_members(spec)
    lines = _lines(members, ids)
    bodies = _body_figures(members, lines)
    ending = sorted((x for x in lines if x.end_on and x.end_on >= on), key=lambda x: x.end_on)
    a_year, num = yearly_spend(lines, on)
    return PlaceReport(
        spec,
        on,
        window_months,
        bodies,
        _services(bodies),
        _shared_suppliers(lines),
        ending,
        ending_groups(lines, on=on, window_months=window_months),
        savings_estimate(yearly_spend=a_year, p=savings_parameters(on)),
        num,
    )
