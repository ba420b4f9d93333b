"""The quarterly report's PDF, made by the worker (ADR 0054): the report is published at once;
its pages say the PDF is being prepared (the PDF's address leads back to the page) until the
worker has made it; then the stored PDF is served, the same every time. A draft's PDF is made
the same way when asked for, its progress on the page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from unittest.mock import patch

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from insource.authorities.models import Role
from insource.core.models import JobRun
from insource.oversight.models import AuditReport, AuditReportDraft
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


@pytest.mark.django_db(transaction=True)
def test_a_drafts_pdf_is_made_by_the_worker_with_its_progress_on_the_page(client, member, settings):
    """Never drawn in the request: asking freezes the figures and queues the same job as the
    published report's (queue "pdf"); the page shows its progress, then the draft's PDF."""
    settings.TASKS = DATABASE_QUEUE
    url = reverse("oversight:report", args=["AUD", "2026-Q3"])
    draft_url = reverse("oversight:report-draft-pdf", args=["AUD", "2026-Q3"])
    progress_url = reverse("oversight:report-pdf-progress", args=["AUD", "2026-Q3"])
    assert 'id="make-draft-pdf"' in client.get(url).text
    with patch(MADE, side_effect=AssertionError("drawn in the request")):
        assert client.get(url + "?format=pdf").url == url
        assert client.post(draft_url).url == url + "#report-pdf-state"
    draft = AuditReportDraft.objects.get()
    assert draft.content["quarter"] == "2026-Q3" and not draft.pdf_sha256
    job = JobRun.objects.get()
    assert (job.kind, job.params, job.status) == ("audit-report-pdf", {"draft": draft.pk}, "queued")
    assert DBTaskResult.objects.get(pk=job.task_id).queue_name == "pdf"
    page = client.get(url).text
    assert 'id="draft-pdf-making"' in page and 'id="progress"' in page and progress_url in page
    assert 'http-equiv="refresh"' in page and 'id="make-draft-pdf"' not in page
    assert client.get(progress_url).json()["finished"] is False
    assert client.get(draft_url).url == url  # nothing to download yet

    drawn = []
    with patch(MADE, lambda html, **kwargs: drawn.append(html) or PACK_PDF):
        run_worker()
    assert "Draft, not published" in drawn[0] and AuditReport.objects.count() == 0
    assert client.get(progress_url).json()["finished"] is True
    page = client.get(url).text
    assert (
        'id="draft-pdf"' in page and 'id="make-draft-pdf"' in page and 'id="progress"' not in page
    )
    pdf = client.get(draft_url)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content == PACK_PDF
    assert "draft" in pdf["Content-Disposition"]


@pytest.mark.django_db(transaction=True)
def test_a_draft_pdf_whose_worker_died_can_be_asked_for_again(client, member, settings):
    settings.TASKS = DATABASE_QUEUE
    url = reverse("oversight:report", args=["AUD", "2026-Q3"])
    client.post(reverse("oversight:report-draft-pdf", args=["AUD", "2026-Q3"]))
    JobRun.objects.update(status="running")
    started = datetime.now(UTC) - timedelta(hours=1)  # the pdf queue's limit: 15 minutes
    DBTaskResult.objects.update(status="RUNNING", started_at=started)
    page = client.get(url).text
    assert 'id="draft-pdf-failed"' in page and 'id="make-draft-pdf"' in page
    assert 'id="progress"' not in page  # the page does not wait for ever


@pytest.mark.django_db
def test_no_draft_once_the_quarter_is_published(client, member):
    draft_url = reverse("oversight:report-draft-pdf", args=["AUD", "2026-Q3"])
    with patch(MADE, lambda html, **kwargs: PACK_PDF):
        client.post(reverse("oversight:report", args=["AUD", "2026-Q3"]))
        client.post(draft_url)
    assert not AuditReportDraft.objects.exists()
    assert JobRun.objects.get().params == {"report": AuditReport.objects.get().pk}
