"""The buyer names waiting for an officer, and who may confirm one: the queue offers only what
the confirmation allows (one test, `_may_move`)."""

from __future__ import annotations

from django.db.models import Count, Q

from insource.authorities.models import Authority, AuthorityKind, BuyerName
from insource.authorities.selectors import authorities_confirming_buyer_names
from insource.register.models import Contract


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
