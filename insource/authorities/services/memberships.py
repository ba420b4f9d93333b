"""Giving a person a role for an authority, and taking it away; audited."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from insource.authorities.models import Authority, Membership
from insource.authorities.services.authorities import authority_ensure_code
from insource.core.audit import Actor, audit_record


@transaction.atomic
def membership_grant(*, user, authority: Authority, role: str, by: Actor, at: datetime):
    """Give a person a role for an authority (idempotent); audited."""
    authority_ensure_code(authority)
    membership, created = Membership.objects.get_or_create(
        user=user, authority=authority, role=role
    )
    if created:
        audit_record(
            by=by,
            at=at,
            action="authorities.membership_grant",
            obj=membership,
            authority=authority,
            after={"user": user.get_username(), "role": role},
        )
    return membership


@transaction.atomic
def membership_revoke(*, membership, by: Actor, at: datetime) -> None:
    """Take a role away; audited."""
    audit_record(
        by=by,
        at=at,
        action="authorities.membership_revoke",
        obj=membership,
        authority=membership.authority,
        before={"user": membership.user.get_username(), "role": membership.role},
    )
    membership.delete()
