"""The contractor's information through the pages (issue 19): the officer forwards a part of a
request from its page (a bad form keeps what was typed and names every error), the page shows
its status and goes "Late" after the due date, the reply is recorded from the page, the audit
committee sees the late contractor, and the public contract page shows counts only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from insource.authorities.models import Role
from insource.testing.contractors import continuing_request, forward
from insource.transparency.models import ContractorRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return continuing_request()


def _url(authority, request, action=None):
    if action is None:
        return reverse("requests:officer", args=[authority.code, request.reference])
    return reverse("requests:action", args=[authority.code, request.reference, action])


def test_the_officer_forwards_from_the_request_page(client, officer_login, world):
    authority, people, contract, request = world
    officer_login(client, people[Role.REVIEW_OFFICER])
    page = client.get(_url(authority, request)).content.decode()
    assert 'id="action-forward"' in page
    supplier = contract.suppliers.get()
    bad = client.post(
        _url(authority, request, "forward"),
        {"supplier": str(supplier.pk), "contractor_email": "nope", "asked": ""},
    )
    html = bad.content.decode()
    assert bad.status_code == 400
    assert "Enter the contractor&#x27;s email address in the correct format" in html
    assert "Say what the contractor must provide" in html and 'value="nope"' in html
    assert not ContractorRequest.objects.exists()
    good = client.post(
        _url(authority, request, "forward"),
        {
            "supplier": str(supplier.pk),
            "contractor_email": "foi@cleanstreets.example",
            "asked": "The 2025 KPI reports",
        },
    )
    assert good.status_code == 302
    page = client.get(_url(authority, request)).content.decode()
    assert "Awaiting the contractor" in page and 'id="action-contractor-reply"' in page


def test_late_shows_on_the_request_the_audit_view_and_counts_publicly(client, officer_login, world):
    authority, people, contract, request = world
    forward(request)
    yesterday = timezone.localdate() - timedelta(days=1)  # the pages read today's date
    ContractorRequest.objects.update(due_on=yesterday)  # its 10 working days have run out
    officer_login(client, people[Role.AUDITOR])
    page = client.get(_url(authority, request)).content.decode()
    audit = client.get(reverse("oversight:audit", args=[authority.code])).content.decode()
    public = client.get(reverse("portal:contract", args=[contract.pk])).content.decode()
    assert (
        '<strong class="govuk-tag govuk-tag--red app-tag--nowrap" id="contractor-status-1">Late'
        in page
    )
    assert '<strong id="count-late-contractors">1</strong>' in audit and request.reference in audit
    assert "1 asked: 0 on time, 1 late or not supplied, 0 awaiting" in public
    assert "The monthly KPI reports" not in public and "cleanstreets" not in public


def test_the_reply_is_recorded_from_the_page(client, officer_login, world):
    authority, people, _contract, request = world
    forward(request)
    officer_login(client, people[Role.REVIEW_OFFICER])
    missing = client.post(_url(authority, request, "contractor-reply"), {"reply": "Sent"})
    assert missing.status_code == 400
    assert "Choose whether the contractor replied" in missing.content.decode()
    done = client.post(
        _url(authority, request, "contractor-reply"),
        {"outcome": "replied", "reply": "Reports attached"},
    )
    assert done.status_code == 302
    assert ContractorRequest.objects.get().outcome == "replied"
