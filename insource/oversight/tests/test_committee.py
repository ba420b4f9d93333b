"""The independent audit committee (issue 19): a member with no officer role reads the committee's
view and publishes the quarterly report (page and PDF), frozen as published and shown on the
authority's public page; recommendations are recorded, answered by their owners and tracked to
closure, late ones flagged."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from insource.authorities.models import Role
from insource.oversight.models import AuditRecommendation, AuditReport
from insource.oversight.reports import QuarterError, quarter_dates, quarter_of
from insource.testing.workflow import council, refuse_contract, team

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    authority = council(code="AUD", name="Auditshire County Council")
    people = team(authority)
    refuse_contract(authority, title="Refuse and recycling collection")
    return authority, people


def test_quarters():
    assert quarter_of(date(2026, 12, 7)) == "2026-Q4"
    assert quarter_dates("2026-Q4") == (date(2026, 10, 1), date(2026, 12, 31))
    assert quarter_dates("2027-Q1") == (date(2027, 1, 1), date(2027, 3, 31))
    with pytest.raises(QuarterError, match="like 2026-Q4"):
        quarter_dates("2026-Q5")


def test_an_independent_member_reads_the_committee_pages_and_nothing_else(
    client, officer_login, setting
):
    authority, people = setting
    member = people[Role.AUDIT_COMMITTEE_MEMBER]
    officer_login(client, member)

    assert client.get(reverse("oversight:audit", args=["AUD"])).status_code == 200
    assert client.get(reverse("reviews:authority", args=["AUD"])).status_code == 403
    assert client.get(reverse("standards:authority", args=["AUD"])).status_code == 403


def test_a_member_of_several_authorities(client, officer_login, setting):
    authority, people = setting
    other = council(code="OTH")
    member = people[Role.AUDIT_COMMITTEE_MEMBER]
    from insource.authorities.models import Membership

    Membership.objects.create(user=member, authority=other, role=Role.AUDIT_COMMITTEE_MEMBER)
    officer_login(client, member)

    assert client.get(reverse("oversight:audit", args=["OTH"])).status_code == 200


def test_the_committee_publishes_the_quarterly_report(client, officer_login, setting):
    authority, people = setting
    officer_login(client, people[Role.AUDIT_COMMITTEE_MEMBER])
    url = reverse("oversight:report", args=["AUD", "2026-Q3"])

    page = client.get(url).content.decode()
    assert 'id="not-published"' in page and "Audit committee report, 2026-Q3" in page
    draft_url = reverse("oversight:report-draft-pdf", args=["AUD", "2026-Q3"])
    client.post(draft_url)  # made by the job at once here (the immediate backend)
    pdf = client.get(draft_url)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")

    assert client.post(url).status_code == 302
    report = AuditReport.objects.get(authority=authority, quarter="2026-Q3")
    assert report.content["as_of"] == "2026-09-30"
    again = client.post(url).content.decode()
    assert "already published" in again
    assert AuditReport.objects.count() == 1

    public = client.get(reverse("portal:authority", args=["aud"])).content.decode()
    assert 'id="audit-reports"' in public
    shown = client.get(reverse("audit-report", args=[report.pk]))
    assert shown.status_code == 200 and "Auditshire County Council" in shown.content.decode()


def test_officers_read_the_report_but_do_not_publish_it(client, officer_login, setting):
    authority, people = setting
    officer_login(client, people[Role.REVIEW_OFFICER])
    url = reverse("oversight:report", args=["AUD", "2026-Q3"])

    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 403
    assert not AuditReport.objects.exists()


def test_a_future_or_malformed_quarter_is_not_found(client, officer_login, setting):
    authority, people = setting
    officer_login(client, people[Role.AUDITOR])
    assert client.get(reverse("oversight:report", args=["AUD", "2031-Q1"])).status_code == 404
    assert client.get(reverse("oversight:report", args=["AUD", "Q3-2026"])).status_code == 404


def test_recommendations_are_recorded_answered_and_closed(client, officer_login, setting):
    authority, people = setting
    officer_login(client, people[Role.AUDIT_COMMITTEE_MEMBER])
    url = reverse("oversight:recommendations", args=["AUD"])

    refused = client.post(url, {"text": "", "owner": "", "due_on_0": "31", "due_on_1": "13"})
    page = refused.content.decode()
    assert "Enter the recommendation" in page and "Enter who owns the recommendation" in page
    assert "Enter a real date" in page
    client.post(
        url,
        {
            "text": "Clear the review backlog",
            "owner": "Head of waste",
            "due_on_0": "1",
            "due_on_1": "11",
            "due_on_2": "2026",
        },
    )
    made = AuditRecommendation.objects.get()
    assert made.is_late(date(2026, 11, 23))  # the test clock's day: past due, not closed
    assert "govuk-tag--red" in client.get(url).content.decode()

    client.logout()
    officer_login(client, people[Role.CONTRACT_MANAGER])
    respond = reverse("oversight:recommendation", args=["AUD", made.pk])
    assert "Enter the response" in client.post(respond, {"status": "done"}).content.decode()
    client.post(respond, {"status": "done", "response": "Backlog cleared in November"})
    made.refresh_from_db()
    assert made.status == "done" and made.closed_on is not None
    assert not made.is_late(date(2027, 1, 1))


def test_the_committee_does_not_respond_to_its_own_recommendations(client, officer_login, setting):
    authority, people = setting
    made = AuditRecommendation.objects.create(
        authority=authority,
        made_on=date(2026, 10, 1),
        text="x",
        owner="y",
        due_on=date(2027, 1, 1),
        recorded_by=people[Role.AUDITOR],
        recorded_at="2026-10-01T09:00:00Z",
    )
    officer_login(client, people[Role.AUDIT_COMMITTEE_MEMBER])
    respond = reverse("oversight:recommendation", args=["AUD", made.pk])
    assert client.post(respond, {"status": "done", "response": "z"}).status_code == 403
