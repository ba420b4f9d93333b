"""The decision pack's PDF made by the worker (ADR 0054): publishing records the publication at
once; until the worker has made the PDF the public page says it is being prepared, the PDF's
address leads there and the officer's review page shows the job's state; a PDF that could not
be made is made again on request, and once made it is never replaced."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO
from unittest.mock import patch

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from insource.authorities.models import Role
from insource.core.models import AuditEvent, JobRun
from insource.reviews.models import Publication
from insource.testing.alerts import PACK_PDF
from insource.testing.tasks import DATABASE_QUEUE, run_worker
from insource.testing.workflow import council, decided_review, refuse_contract, team

MADE = "insource.core.pdf.html_to_pdf"


@pytest.fixture
def signed():
    authority = council()
    people = team(authority)
    decision = decided_review(authority, people, refuse_contract(authority))
    return authority, people, decision


def _publish(client, officer_login, people, decision):
    officer_login(client, people[Role.LEGAL_OFFICER])
    url = reverse("reviews:publish", args=[decision.authority.code, decision.review_id])
    response = client.post(url, {"redaction_note": "No personal data", "confirm": "on"})
    assert response.status_code == 302, response.text[:2000]
    return Publication.objects.get(decision=decision)


def _review_page(client, decision) -> str:
    return client.get(
        reverse("reviews:review", args=[decision.authority.code, decision.review_id])
    ).text


@pytest.mark.django_db(transaction=True)
def test_published_at_once_and_the_pdf_made_by_the_worker(client, officer_login, signed, settings):
    settings.TASKS = DATABASE_QUEUE
    _, people, decision = signed
    publication = _publish(client, officer_login, people, decision)
    assert not publication.has_pdf and bytes(publication.pack_pdf) == b""
    job = JobRun.objects.get(kind="decision-pack")
    assert job.status == "queued" and job.queue == "pdf" and job.authority == decision.authority
    assert DBTaskResult.objects.get(pk=job.task_id).queue_name == "pdf"
    assert "Its PDF is waiting to be made." in _review_page(client, decision)
    client.logout()
    public = client.get(reverse("public:decision", args=[decision.pk])).text
    assert "is being prepared" in public and 'id="pack-pdf"' not in public
    pdf_url = reverse("public:decision-pdf", args=[decision.pk])
    assert client.get(pdf_url).url == reverse("public:decision", args=[decision.pk])

    with patch(MADE, lambda html, **kwargs: PACK_PDF):
        run_worker()
    publication.refresh_from_db()
    assert publication.has_pdf and bytes(publication.pack_pdf) == PACK_PDF
    job.refresh_from_db()
    assert job.status == "succeeded" and job.counts == {"bytes": len(PACK_PDF)}
    assert AuditEvent.objects.filter(action="reviews.decision_pack_made").count() == 1
    public = client.get(reverse("public:decision", args=[decision.pk])).text
    assert 'id="pack-pdf"' in public and "is being prepared" not in public
    assert client.get(pdf_url).content == PACK_PDF


@pytest.mark.django_db(transaction=True)
def test_a_pdf_whose_worker_died_is_made_again_on_request(client, officer_login, signed, settings):
    settings.TASKS = DATABASE_QUEUE
    _, people, decision = signed
    _publish(client, officer_login, people, decision)
    job = JobRun.objects.get(kind="decision-pack")
    JobRun.objects.filter(pk=job.pk).update(status="running")
    started = datetime.now(UTC) - timedelta(hours=1)
    DBTaskResult.objects.filter(pk=job.task_id).update(status="RUNNING", started_at=started)
    page = _review_page(client, decision)
    assert "Its PDF could not be made." in page and "Make the PDF again" in page
    call_command("jobs", "mark-stale", stdout=StringIO())
    assert JobRun.objects.get(pk=job.pk).status == "failed"

    remake = reverse("reviews:pack-remake", args=[decision.authority.code, decision.review_id])
    assert client.post(remake).status_code == 302
    assert JobRun.objects.filter(kind="decision-pack", status="queued").count() == 1
    with patch(MADE, lambda html, **kwargs: PACK_PDF):
        run_worker()
    assert Publication.objects.get(decision=decision).has_pdf
    assert "Its PDF is ready." in _review_page(client, decision)
    client.post(remake)  # made: nothing to do
    assert JobRun.objects.filter(kind="decision-pack").count() == 2


@pytest.mark.django_db
def test_in_tests_the_pdf_is_made_inside_the_publication(client, officer_login, signed):
    _, people, decision = signed
    with patch(MADE, lambda html, **kwargs: PACK_PDF):
        publication = _publish(client, officer_login, people, decision)
    assert publication.has_pdf and JobRun.objects.get().status == "succeeded"


@pytest.mark.django_db
def test_a_made_pdf_is_never_replaced(signed):
    from insource.core.audit import Actor
    from insource.reviews.services.decisions import publication_pdf_attach
    from insource.testing.alerts import publish

    _, people, decision = signed
    publication = publish(decision, people)
    again = publication_pdf_attach(
        publication=publication, pdf=b"%PDF-other", by=Actor.system("tests"), at=datetime.now(UTC)
    )
    assert again is False
    assert bytes(Publication.objects.get(pk=publication.pk).pack_pdf) == PACK_PDF
