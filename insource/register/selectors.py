"""Read-only queries over the register.

Selectors never read the clock: whatever depends on the date takes `on: date`, which the calling
view or command reads once. They return querysets shaped for the pages (related rows joined,
only the columns shown), so a page of 50 costs a fixed handful of queries at any register size.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, TruncMonth
from django.http import Http404

from insource.authorities.models import Authority, AuthorityKind, BuyerName
from insource.authorities.roles import Capability
from insource.authorities.selectors import (
    access_for,
    authorities_confirming_buyer_names,
    memberships_of,
)
from insource.register.columns import fields
from insource.register.models import Contract, ContractEvent, PlannedProcurement

PIPELINE_MONTHS = (6, 12, 18, 24, 36)
DEFAULT_PIPELINE_MONTHS = 18
# The register table's columns (its headings are the template's), from register/columns.py.
LIST_COLUMNS = (
    *fields(
        "id",
        "award_id",
        "title",
        "buyer_name",
        "value_inc_vat",
        "is_value_inc_vat_estimate",
        "start_on",
        "end_on",
        "max_end_on",
        "status",
        "is_framework",
        "is_terminated",
        "reviewing_authority",
        "reviewing_authority_name",
    ),
    "source_key",  # the link's text when a contract has no title
    "supplier_names",  # as stored, "; "-joined: the table reads no supplier rows
    "reviewing_authority__nice_name",
    "reviewing_authority__key",
)


def add_months(on: date, months: int) -> date:
    """The same day `months` later, clamped to the end of a shorter month (31 Jan + 1 = 28 Feb)."""
    index = on.month - 1 + months
    year, month = on.year + index // 12, index % 12 + 1
    return date(year, month, min(on.day, calendar.monthrange(year, month)[1]))


def register_summary(*, on: date | None = None, within_months: int = DEFAULT_PIPELINE_MONTHS):
    """Headline counts for the home page; the ending-soon count only when `on` is given."""
    return {
        "num_contracts": Contract.objects.in_register().count(),
        "num_authorities": authorities_with_contracts().count(),
        "num_planned": PlannedProcurement.objects.count(),
        "num_ending": (
            None if on is None else contracts_expiring(on=on, within_months=within_months).count()
        ),
        "within_months": within_months,
    }


def authorities_with_contracts() -> QuerySet[Authority]:
    """Authorities that review at least one contract, by name (the register's authority filter)."""
    reviewing = Contract.objects.in_register().values("reviewing_authority_id")
    return Authority.objects.filter(pk__in=reviewing).only("id", "key", "name", "nice_name")


def contract_list() -> QuerySet[Contract]:
    """Every contract, with only the columns the register table shows (see ContractFilter)."""
    return (
        Contract.objects.in_register()
        .select_related("reviewing_authority")
        .only(*LIST_COLUMNS)
        .order_by(F("end_on").asc(nulls_last=True), "id")
    )


def contract_get(pk: int) -> Contract:
    """One contract with its authorities, suppliers and history (newest first).

    Raises Contract.DoesNotExist when there is no such contract.
    """
    events = ContractEvent.objects.select_related("import_run").order_by("-at", "-id")
    return (
        Contract.objects.select_related("buyer", "reviewing_authority", "last_import")
        .prefetch_related("suppliers", Prefetch("events", queryset=events))
        .get(pk=pk)
    )


def contracts_expiring(
    *, on: date, within_months: int, authority: Authority | None = None
) -> QuerySet[Contract]:
    """Contracts whose decision point (max end date, else end date) falls from `on` to
    `within_months` later, soonest first. Terminated contracts are not expiring."""
    until = add_months(on, within_months)
    in_window = Q(max_end_on__range=(on, until)) | Q(
        max_end_on__isnull=True, end_on__range=(on, until)
    )
    contracts = contract_list().filter(in_window, is_terminated=False)
    if authority is not None:
        contracts = contracts.filter(reviewing_authority=authority)
    return contracts.annotate(decision_on=Coalesce("max_end_on", "end_on")).order_by(
        "decision_on", "id"
    )


def planned_procurements(
    *, on: date, within_months: int, authority: Authority | None = None
) -> QuerySet[PlannedProcurement]:
    """Tender- or planning-stage processes expected to start (else to close their tender) from
    `on` to `within_months` later, soonest first. The authority matches the buyer or a body it
    succeeded."""
    until = add_months(on, within_months)
    planned = PlannedProcurement.objects.select_related("buyer").annotate(
        planned_on=Coalesce("start_on", "tender_ends_on")
    )
    planned = planned.filter(planned_on__range=(on, until), closed_on__isnull=True)
    if authority is not None:
        planned = planned.filter(Q(buyer=authority) | Q(buyer__successors=authority)).distinct()
    return planned.order_by("planned_on", "id")


@dataclass
class MonthCount:
    """How many contracts reach their decision point, and how many procurements are planned,
    in one calendar month."""

    month: date
    contracts: int = 0
    planned: int = 0


@dataclass
class Pipeline:
    """The expiry pipeline for one window: contracts, planned procurements and monthly counts."""

    on: date
    until: date
    within_months: int
    contracts: QuerySet[Contract]
    planned: QuerySet[PlannedProcurement]
    months: list[MonthCount] = field(default_factory=list)


def pipeline(*, on: date, within_months: int, authority: Authority | None = None) -> Pipeline:
    """Everything the pipeline page shows for the window starting `on`."""
    contracts = contracts_expiring(on=on, within_months=within_months, authority=authority)
    planned = planned_procurements(on=on, within_months=within_months, authority=authority)
    until = add_months(on, within_months)
    months = [MonthCount(add_months(on.replace(day=1), i)) for i in range(within_months + 1)]
    by_month = {m.month: m for m in months}
    for month, n in _counts_by_month(contracts, "decision_on"):
        by_month[month].contracts = n
    for month, n in _counts_by_month(planned, "planned_on"):
        by_month[month].planned = n
    return Pipeline(on, until, within_months, contracts, planned, months)


def _counts_by_month(queryset: QuerySet, date_field: str) -> list[tuple[date, int]]:
    rows = (
        queryset.order_by()
        .annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(n=Count("id", distinct=True))
        .order_by("month")
    )
    return [(_as_date(row["month"]), row["n"]) for row in rows]


def _as_date(value) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def quality_flag_counts() -> list[tuple[str, str, int]]:
    """(code, label, number of contracts) for each data-quality check an officer works through."""
    from insource.register.importers.derive import FLAG_LABELS

    return [
        (code, str(label), Contract.objects.filter(flag_codes__contains=f" {code} ").count())
        for code, label in FLAG_LABELS.items()
    ]


def contract_get_for_reviewer(*, authority: Authority, pk: int) -> Contract | None:
    """One contract reviewed by the authority (None for another authority's)."""
    return (
        Contract.objects.filter(reviewing_authority=authority, pk=pk)
        .select_related("reviewing_authority")
        .first()
    )


def buyer_names_to_confirm(user) -> list[BuyerName]:
    """Buyer names waiting for an officer that this user may confirm, the names with the most
    contracts waiting on them first (`num_waiting`), then by name.

    The same test as confirming (`buyer_name_may_confirm`), so the queue never offers what the
    action refuses.
    """
    if not user.is_authenticated:
        return []
    admin_of = authorities_confirming_buyer_names(user)
    if not user.is_superuser and not admin_of:
        return []
    names = list(
        BuyerName.objects.filter(needs_confirmation=True, confirmed_by="")
        .select_related("authority", "candidate")
        .order_by("name")
    )
    waiting = contracts_waiting_on_names([n.name for n in names])
    for name in names:
        name.num_waiting = waiting.get(name.name, 0)
    names.sort(key=lambda n: -n.num_waiting)  # most contracts waiting first, then by name
    held = _authorities_held_by_names(names)
    return [n for n in names if _may_move(user, admin_of, held[n.pk])]


def contracts_waiting_on_names(names: list[str]) -> dict[str, int]:
    """How many of the register's contracts were bought under each of these buyer names."""
    counts: dict[str, int] = {}
    for start in range(0, len(names), 500):  # within every database's limit on parameters
        rows = (
            Contract.objects.filter(buyer_name__in=names[start : start + 500])
            .values_list("buyer_name")
            .annotate(n=Count("id"))
            .order_by()
        )
        counts.update(rows)
    return counts


def buyer_name_may_confirm(user, buyer_name: BuyerName, target: Authority) -> bool:
    """Whether the user may point this buyer name (and its contracts) at `target`.

    A site administrator may; anyone else must administer the target and every authority
    that holds the name or its contracts now (a buyer created from an unmatched name, which
    nobody administers, holds nothing).
    """
    if not user.is_authenticated:
        return False
    admin_of = authorities_confirming_buyer_names(user)
    if not user.is_superuser and target.pk not in admin_of:
        return False
    return _may_move(user, admin_of, _authorities_held_by_names([buyer_name])[buyer_name.pk])


def buyer_name_holders(buyer_name: BuyerName) -> list[Authority]:
    """The administered authorities the name's contracts would leave (for the audit record)."""
    ids = _authorities_held_by_names([buyer_name])[buyer_name.pk]
    return list(Authority.objects.filter(pk__in=ids).order_by("name"))


def _may_move(user, admin_of: set[int], held: set[int]) -> bool:
    return user.is_superuser or held <= admin_of


def _authorities_held_by_names(names: list[BuyerName]) -> dict[int, set[int]]:
    """For each buyer name, the authorities someone holds (a council, or any authority with
    members) that the name or its contracts point at now."""
    by_name = {n.name: n.pk for n in names}
    pointed: dict[int, set[int]] = {n.pk: {n.authority_id} - {None} for n in names}
    rows = (
        Contract.objects.filter(buyer_name__in=list(by_name))
        .values_list("buyer_name", "buyer_id", "reviewing_authority_id")
        .distinct()
    )
    for name, buyer_id, reviewer_id in rows:
        pointed[by_name[name]] |= {buyer_id, reviewer_id} - {None}
    every = set().union(*pointed.values()) if pointed else set()
    held = set(
        Authority.objects.filter(pk__in=every)
        .filter(Q(kind=AuthorityKind.LOCAL_AUTHORITY) | Q(memberships__isnull=False))
        .values_list("pk", flat=True)
    )
    return {pk: ids & held for pk, ids in pointed.items()}


def authorities_public(query: str = "") -> QuerySet[Authority]:
    """Authorities with contracts (or a policy adoption), by name; `query` searches names."""
    reviewing = Contract.objects.values("reviewing_authority_id")
    rows = Authority.objects.filter(
        Q(pk__in=reviewing) | Q(policy_adopted_on__isnull=False)
    ).annotate(num_contracts=Count("contracts"))
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(nice_name__icontains=query))
    return rows.order_by("name")


def contract_for_reviewer_or_404(*, authority: Authority, pk: int) -> Contract:
    """One contract reviewed by the authority, or 404 (another authority's, or none)."""
    contract = contract_get_for_reviewer(authority=authority, pk=pk)
    if contract is None:
        raise Http404("No such contract among this authority's")
    return contract


def contract_editor_code(user, contract: Contract) -> str | None:
    """The authority code under which `user` may correct `contract` (its reviewing authority's,
    when one of their roles there carries EDIT_REGISTER), or None. The correction pages enforce
    the same capability through `authority_page`."""
    code = contract.reviewing_authority.code
    if not code:
        return None
    access = access_for(user=user, authority_code=code)
    return code if access is not None and access.can(Capability.EDIT_REGISTER) else None


def contract_named_for_reviewer(*, authority: Authority, text: str) -> Contract | None:
    """The authority's contract an officer names by its number in the register or its ocid."""
    text = (text or "").strip()
    if not text:
        return None
    contracts = Contract.objects.filter(reviewing_authority=authority)
    if text.isdigit() and len(text) < 12:
        found = contracts.filter(pk=int(text)).first()
        if found is not None:
            return found
    return contracts.filter(ocid=text).order_by("id").first()


def authorities_adding_contracts(user) -> list[Authority]:
    """The authorities for which `user` may add a contract by hand (EDIT_REGISTER)."""
    return [
        a.authority
        for a in memberships_of(user)
        if a.authority.code and a.can(Capability.EDIT_REGISTER)
    ]
