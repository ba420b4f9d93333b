"""The register's contracts as officers and the portal read them: the list, one contract, who
may correct it, and the authorities with contracts."""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from insource.authorities.models import Authority
from insource.authorities.roles import Capability
from insource.authorities.selectors import access_for, memberships_of
from insource.register.columns import fields
from insource.register.models import Contract, ContractEvent

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
    "source_key",
    "supplier_names",  # as stored, "; "-joined: the table reads no supplier rows
    "main_cpv",  # with the authority and supplier, names a contract without a title
    "reviewing_authority__name",
    "reviewing_authority__nice_name",
    "reviewing_authority__key",
)


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


def contract_authority_ids(pk: int) -> list[int] | None:
    """The authorities a contract's public page shows (its reviewer and its buyer), or None
    when there is no such contract: what its cached page depends on (ADR 0046)."""
    row = Contract.objects.filter(pk=pk).values_list("reviewing_authority_id", "buyer_id").first()
    return None if row is None else sorted(set(row))


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


def authorities_public(query: str = "") -> QuerySet[Authority]:
    """Authorities with contracts (or a policy adoption), by name; `query` searches names."""
    # EXISTS and a correlated count, not `pk IN (every contract's authority) OR …` joined to
    # every contract: PostgreSQL cannot hash an IN under an OR, and at a million contracts that
    # plan read the contracts once for each authority (147 s; 0.1 s this way: the count is
    # made only for the page's 50 rows, from the authority's index).
    reviewed = Contract.objects.filter(reviewing_authority=OuterRef("pk"))
    counted = reviewed.order_by().values("reviewing_authority").annotate(n=Count("pk")).values("n")
    rows = Authority.objects.filter(
        Q(Exists(reviewed)) | Q(policy_adopted_on__isnull=False)
    ).annotate(num_contracts=Coalesce(Subquery(counted), 0))
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
