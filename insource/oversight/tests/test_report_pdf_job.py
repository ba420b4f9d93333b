"""The published quarterly report's PDF, made by the worker (ADR 0054): the report is published
at once; its pages say the PDF is being prepared (the PDF's address leads back to the page)
until the worker has made it; then the stored PDF is served, the same every time."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from insource.authorities.models import Role
from insource.core.models import JobRun
from insource.oversight.models import AuditReport
from insource.testing.alerts import PACK_PDF
from insource.testing.tasks import DATABASE_QUEUE, run_worker
from insource.testing.workflow import council, refuse_contract, team

MADE = "insource.oversight.tasks.html_to_pdf"


@pytest.fixture
def member(client, officer_login):
    authority = council(code="AUD", name="Auditshire County Council")
    people = team(authority)
    refuse_contract(authority, title="Refuse and recycling collection")
    officer_login(client, people[Role.AUDIT_COMMITTEE_MEMBER])
    return authority


@pytest.mark.django_db(transaction=True)
def test_the_report_is_published_at_once_and_its_pdf_made_by_the_worker(client, member, settings):
    settings.TASKS = DATABASE_QUEUE
    url = reverse("oversight:report", args=["AUD", "2026-Q3"])
    assert client.post(url).status_code == 302
    report = AuditReport.objects.get()
    job = JobRun.objects.get(kind="audit-report-pdf")
    assert job.status == "queued" and DBTaskResult.objects.get(pk=job.task_id).queue_name == "pdf"
    public_url = reverse("audit-report", args=[report.pk])
    for page_url in (url, public_url):
        page = client.get(page_url).text
        assert 'id="report-pdf-preparing"' in page and 'id="report-pdf"' not in page
        assert client.get(page_url + "?format=pdf").url == page_url

    with patch(MADE, lambda html, **kwargs: PACK_PDF):
        run_worker()
    report.refresh_from_db()
    assert bytes(report.pdf) == PACK_PDF and report.pdf_sha256
    assert JobRun.objects.get().counts == {"bytes": len(PACK_PDF)}
    page = client.get(public_url).text
    assert 'id="report-pdf"' in page and 'id="report-pdf-preparing"' not in page
    pdf = client.get(public_url + "?format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content == PACK_PDF


@pytest.mark.django_db
def test_a_draft_pdf_is_drawn_when_asked_for(client, member):
    url = reverse("oversight:report", args=["AUD", "2026-Q3"])
    with patch(MADE, lambda html, **kwargs: PACK_PDF):
        assert client.get(url + "?format=pdf").content == PACK_PDF
    assert not JobRun.objects.exists()
