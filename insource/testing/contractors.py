"""Builders for the contractor's information (issue 19): a request about a contract a decision
keeps outsourced (its supplier named), made and confirmed through the services, and a part of it
forwarded to the contractor through `request_forward`."""

from __future__ import annotations

from datetime import datetime

from insource.testing.factories import SupplierFactory
from insource.testing.information_requests import NOW, OFFICER, confirmed
from insource.testing.monitoring import continuing
from insource.transparency.requests import services as svc

CONTRACTOR_EMAIL = "foi@cleanstreets.example"


def continuing_request():
    """(authority, people, contract, request): a confirmed request about a continuing contract
    whose one supplier is Clean Streets Ltd."""
    authority, people, contract, _decision = continuing()
    contract.suppliers.set([SupplierFactory(name="Clean Streets Ltd", company_number="09999999")])
    request = confirmed(authority, contract=contract)
    return authority, people, contract, request


def forward(request, *, at: datetime = NOW, **overrides):
    """Forward the KPI part of the request to its contractor; the event."""
    fields = {
        "asked": "The monthly KPI reports for 2025",
        "contractor_email": CONTRACTOR_EMAIL,
    }
    return svc.request_forward(request=request, by=OFFICER, at=at, **(fields | overrides))
