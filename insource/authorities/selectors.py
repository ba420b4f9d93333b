"""Read-only queries over authorities and buyer names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from insource.authorities.models import Authority, BuyerName, Membership
from insource.authorities.roles import CAPABILITIES, Capability, capabilities_of, roles_allow
from insource.core.models import AuditEvent


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


def authorities_confirming_buyer_names(user) -> set[int]:
    """The authorities for which the user holds a role that may confirm buyer names."""
    roles = CAPABILITIES[Capability.CONFIRM_BUYER_NAMES]
    rows = Membership.objects.filter(user=user, role__in=roles)
    return set(rows.values_list("authority_id", flat=True))


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
