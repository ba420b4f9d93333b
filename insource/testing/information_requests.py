"""Builders for information request tests: a council, a request made and confirmed through the
services (with a form shown minutes earlier), an officer actor."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import factory

from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.testing.workflow import council, person, refuse_contract
from insource.transparency.models import InformationRequest
from insource.transparency.requests.services import (
    form_token_sign,
    request_confirm,
    request_submit,
)

# Monday 23 November 2026, 9:00 in London.
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
OFFICER = Actor(label="foi-officer")
NAME = "Jane Requester"
EMAIL = "jane.requester@example.net"
_ADDRESSES = itertools.count(1)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

__all__ = ["InformationRequestFactory", "NOW", "OFFICER", "council", "person", "refuse_contract"]


def submit(authority, *, at: datetime = NOW, **overrides):
    """Make a request through the service; returns `Submitted` (request and token)."""
    fields = {
        "title": "Refuse collection KPIs",
        "text": "Please send the monthly KPI reports for the refuse collection contract.",
        "name": NAME,
        "email": EMAIL,
        "honeypot": "",
        "form_token": form_token_sign(at - timedelta(minutes=3)),
        "ip": f"198.18.{next(_ADDRESSES) % 250}.1",  # a fresh address: no rate limit
    }
    return request_submit(authority=authority, at=at, **(fields | overrides))


def confirmed(authority, *, at: datetime = NOW, confirm_at: datetime | None = None, **overrides):
    """A request made and confirmed (at the same moment unless `confirm_at`)."""
    made = submit(authority, at=at, **overrides)
    request_confirm(token=made.token, at=confirm_at or at)
    return InformationRequest.objects.get(pk=made.request.pk)


def audits(request, action: str) -> int:
    return AuditEvent.objects.filter(
        action=f"transparency.{action}", object_id=str(request.pk)
    ).count()


def fresh(request) -> InformationRequest:
    return InformationRequest.objects.get(pk=request.pk)


def at_day(d, hour: int = 10) -> datetime:
    """A moment on a date (UTC, within the same London date)."""
    return datetime(d.year, d.month, d.day, hour, 0, tzinfo=UTC)


class InformationRequestFactory(factory.django.DjangoModelFactory):
    """A request made through `request_submit` and confirmed through `request_confirm` (by
    default to a new council, about refuse collection KPIs)."""

    class Meta:
        model = InformationRequest

    authority = factory.LazyFunction(council)
    title = "Refuse collection KPIs"

    @classmethod
    def _create(cls, model_class, *, authority, title):
        return confirmed(authority, title=title)
