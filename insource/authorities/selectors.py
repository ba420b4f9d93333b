"""Read-only queries over authorities and buyer names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from insource.authorities.models import Authority, AuthorityKind, BuyerName, Membership
from insource.authorities.roles import CAPABILITIES, Capability, capabilities_of, roles_allow


def authority_reviewing_on(authority: Authority, on: date) -> Authority | None:
    """The authority that holds this one's contracts on `on`, following successors.

    None when the authority was split between several successors: an officer chooses.
    """
    seen: set[int] = set()
    while authority.pk not in seen:
        seen.add(authority.pk)
        if authority.end_on is None or authority.end_on > on:
            return authority
        successors = list(authority.successors.all())
        if not successors:
            return authority
        if len(successors) > 1:
            return None
        authority = successors[0]
    return authority


def buyer_names_to_confirm(user) -> list[BuyerName]:
    """Buyer names waiting for an officer that this user may confirm, by name.

    The same test as confirming (`buyer_name_may_confirm`), so the queue never offers what the
    action refuses.
    """
    if not user.is_authenticated:
        return []
    admin_of = _authorities_administered(user)
    if not user.is_superuser and not admin_of:
        return []
    names = list(
        BuyerName.objects.filter(needs_confirmation=True, confirmed_by="")
        .select_related("authority", "candidate")
        .annotate(num=Count("authority__contracts_bought"))
        .order_by("name")
    )
    held = _authorities_held_by_names(names)
    return [n for n in names if _may_move(user, admin_of, held[n.pk])]


def buyer_name_may_confirm(user, buyer_name: BuyerName, target: Authority) -> bool:
    """Whether the user may point this buyer name (and its contracts) at `target`.

    A site administrator may; anyone else must administer the target and every authority
    that holds the name or its contracts now (a buyer created from an unmatched name, which
    nobody administers, holds nothing).
    """
    if not user.is_authenticated:
        return False
    admin_of = _authorities_administered(user)
    if not user.is_superuser and target.pk not in admin_of:
        return False
    return _may_move(user, admin_of, _authorities_held_by_names([buyer_name])[buyer_name.pk])


def buyer_name_holders(buyer_name: BuyerName) -> list[Authority]:
    """The administered authorities the name's contracts would leave (for the audit record)."""
    ids = _authorities_held_by_names([buyer_name])[buyer_name.pk]
    return list(Authority.objects.filter(pk__in=ids).order_by("name"))


def _may_move(user, admin_of: set[int], held: set[int]) -> bool:
    return user.is_superuser or held <= admin_of


def _authorities_administered(user) -> set[int]:
    roles = CAPABILITIES[Capability.CONFIRM_BUYER_NAMES]
    rows = Membership.objects.filter(user=user, role__in=roles)
    return set(rows.values_list("authority_id", flat=True))


def _authorities_held_by_names(names: list[BuyerName]) -> dict[int, set[int]]:
    """For each buyer name, the authorities someone holds (a council, or any authority with
    members) that the name or its contracts point at now."""
    from insource.register.models import Contract

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


def authority_get(key: str) -> Authority | None:
    """An authority by its key (`la:BST`), three-letter code or GSS code."""
    key = key.strip()
    found = Authority.objects.filter(key=key).first()
    if found is None and key:
        found = (
            Authority.objects.filter(code__iexact=key).first()
            or Authority.objects.filter(gss_code__iexact=key).first()
        )
    return found


def buyer_name_get(pk: int) -> BuyerName | None:
    """One buyer name waiting for confirmation (every signed-in officer sees the queue)."""
    return BuyerName.objects.filter(pk=pk).first()


@dataclass(frozen=True)
class Access:
    """What one person may do for one authority: its roles and the capabilities they carry."""

    authority: Authority
    roles: frozenset[str]

    def can(self, capability: Capability) -> bool:
        return roles_allow(self.roles, capability)

    @property
    def capabilities(self) -> frozenset[Capability]:
        return capabilities_of(self.roles)


def access_for(*, user, authority_code: str) -> Access | None:
    """The user's access to the authority with this code; None when they are not a member.

    Callers answer None with 404, so a person never learns what another authority holds.
    """
    if not user.is_authenticated:
        return None
    rows = list(
        Membership.objects.filter(user=user, authority__code__iexact=authority_code)
        .select_related("authority")
        .order_by("role")
    )
    if not rows:
        return None
    return Access(rows[0].authority, frozenset(r.role for r in rows))


def memberships_of(user) -> list[Access]:
    """Every authority the user belongs to, with their roles there, by authority name."""
    by_authority: dict[int, tuple[Authority, set[str]]] = {}
    for row in Membership.objects.filter(user=user).select_related("authority"):
        by_authority.setdefault(row.authority_id, (row.authority, set()))[1].add(row.role)
    found = [Access(a, frozenset(r)) for a, r in by_authority.values()]
    return sorted(found, key=lambda a: a.authority.name)


def members_with_role(authority: Authority, role: str) -> list:
    """The active users holding `role` for the authority (for notifications)."""
    rows = Membership.objects.filter(authority=authority, role=role, user__is_active=True)
    return [m.user for m in rows.select_related("user").order_by("user__username")]


def adoptions_public() -> list[dict]:
    """Every authority that has adopted the policy: preset, date and the adopting decision
    (the reason recorded with the latest adoption), for publication."""
    from insource.core.models import AuditEvent

    rows = []
    for authority in Authority.objects.filter(policy_adopted_on__isnull=False).order_by("name"):
        event = (
            AuditEvent.objects.filter(
                action="authorities.adopt_policy",
                object_type="authorities.Authority",
                object_id=str(authority.pk),
            )
            .order_by("-at", "-id")
            .first()
        )
        rows.append({"authority": authority, "reason": event.reason if event else ""})
    return rows


def authority_by_public_slug(slug: str) -> Authority | None:
    """The authority a public URL names (see `Authority.public_slug`)."""
    found = Authority.objects.filter(code__iexact=slug).exclude(code="").first()
    return found or Authority.objects.filter(key=f"buyer:{slug}").first()


def authorities_public(query: str = "") -> QuerySet[Authority]:
    """Authorities with contracts (or a policy adoption), by name; `query` searches names."""
    from insource.register.models import Contract

    reviewing = Contract.objects.values("reviewing_authority_id")
    rows = Authority.objects.filter(
        Q(pk__in=reviewing) | Q(policy_adopted_on__isnull=False)
    ).annotate(num_contracts=Count("contracts"))
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(nice_name__icontains=query))
    return rows.order_by("name")
