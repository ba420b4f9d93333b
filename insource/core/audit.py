"""Actors and the explicit audit record every write service makes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from insource.core.models import AuditEvent


@dataclass(frozen=True)
class Actor:
    """Who performs a write: a signed-in user or a named system job."""

    label: str
    user_id: int | None = None

    @classmethod
    def system(cls, job: str) -> Actor:
        return cls(label=f"system:{job}")

    @classmethod
    def for_user(cls, user) -> Actor:
        return cls(label=user.get_username(), user_id=user.pk)


def audit_record(
    *,
    by: Actor,
    at: datetime,
    action: str,
    obj: Any = None,
    object_type: str = "",
    authority=None,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
) -> AuditEvent:
    """Append one audit event; call inside the service's transaction."""
    return AuditEvent.objects.create(
        at=at,
        actor_label=by.label,
        actor_user_id=by.user_id,
        authority=authority,
        action=action,
        object_type=object_type or (obj._meta.label if obj is not None else ""),
        object_id=str(getattr(obj, "pk", "") or ""),
        before=before,
        after=after,
        reason=reason,
    )
