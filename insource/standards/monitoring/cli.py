"""What `insource standards alerts` calls: the authorities to check, the run, its summary."""

from __future__ import annotations

from datetime import date, datetime

from django.core.management.base import CommandError

from insource.authorities.models import Authority
from insource.core.audit import Actor
from insource.standards.monitoring.selectors import authorities_monitored
from insource.standards.monitoring.services import monitoring_alerts_raise


def alerts_run(*, on: date, at: datetime, code: str | None) -> dict:
    """Raise the alerts due on `on` for one authority (its code) or every monitored one."""
    if code:
        authority = Authority.objects.filter(code__iexact=code).first()
        if authority is None:
            raise CommandError(f"--authority {code!r}: no authority has that code")
        authorities = [authority]
    else:
        authorities = authorities_monitored()
    run = monitoring_alerts_raise(
        on=on, by=Actor.system("standards alerts"), at=at, authorities=authorities
    )
    raised = [
        {
            "authority": a.authority.code,
            "contract": a.contract_id,
            "item": a.item_key,
            "standard": a.standard,
            "label": a.label,
            "status": a.status,
            "due_on": a.due_on.isoformat(),
        }
        for a in run.raised
    ]
    return {
        "on": on.isoformat(),
        "raised": raised,
        "already": run.already,
        "notified": run.notified,
    }


def authority_checked(code: str | None) -> str:
    """The authority code given to `--authority`, refused when no authority has it."""
    if code and not Authority.objects.filter(code__iexact=code).exists():
        raise CommandError(f"--authority {code!r}: no authority has that code")
    return code or ""
