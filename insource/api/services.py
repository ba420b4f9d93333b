"""Write services of the API app: issuing internal API tokens (audited, never the key)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from rest_framework.authtoken.models import Token

from insource.core.audit import Actor, audit_record


def api_token_issue(*, user, reset: bool = False, by: Actor, at: datetime) -> tuple[Token, bool]:
    """The user's token, created if they have none (or replaced when `reset`); (token, created).

    Idempotent: showing an existing token changes and records nothing. The audit event names
    the user, never the key.
    """
    with transaction.atomic():
        existing = Token.objects.select_for_update().filter(user=user).first()
        if existing is not None and not reset:
            return existing, False
        if existing is not None:
            existing.delete()
        token = Token.objects.create(user=user)
        audit_record(
            by=by,
            at=at,
            action="api.token_reset" if existing else "api.token_issue",
            obj=user,
            after={"user": user.get_username()},
        )
        return token, True
