"""The daily alert runs as background jobs and the site administrators' jobs page (ADR 0054):
`--queue` records a job and queues it; the worker runs it with the time it was asked for and
records its counts; the page lists every job, starts a daily run and shows its progress."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from insource.core.models import JobRun
from insource.standards.models import MonitoringAlert
from insource.testing.factories import UserFactory
from insource.testing.monitoring import continuing
from insource.testing.public_pages import visible_text
from insource.testing.tasks import DATABASE_QUEUE, run_worker

pytestmark = pytest.mark.django_db


def _queue(*args) -> JobRun:
    out = StringIO()
    call_command(*args, "--queue", "--json", stdout=out)
    return JobRun.objects.get(pk=json.loads(out.getvalue())["job"])


@pytest.fixture
def admin(client, officer_login):
    officer_login(client, UserFactory(is_superuser=True, is_staff=True))
    return client


def test_monitoring_alerts_queued_run_at_once_in_tests_with_their_counts():
    authority, _, contract, _ = continuing()
    job = _queue("standards", "alerts", "--on", "2028-01-01")
    assert job.kind == "standards-alerts" and job.queue == "alerts"
    assert job.status == "succeeded" and job.params == {"on": "2028-01-01", "authority": ""}
    assert job.counts == {"authorities": 1, "raised": 2, "already": 0, "notified": 1}
    assert (job.done, job.total) == (1, 1)
    assert MonitoringAlert.objects.filter(contract=contract).count() == 2
    again = _queue("standards", "alerts", "--on", "2028-01-01", "--authority", authority.code)
    assert again.counts["raised"] == 0 and again.counts["already"] == 2


def test_queueing_refuses_an_unknown_authority_before_queueing():
    with pytest.raises(CommandError, match="no authority has that code"):
        call_command("standards", "alerts", "--authority", "zzz", "--queue", stdout=StringIO())
    assert not JobRun.objects.exists()


def test_the_digest_queued_records_what_it_sent():
    job = _queue("alerts", "send-digest", "--on", "2026-12-01")
    assert job.kind == "alerts-digest" and job.status == "succeeded"
    assert job.params["until"].startswith("2026-12-01T23:59:59")
    assert set(job.counts) == {"until", "expired", "subscriptions", "emails", "items", "failed"}


@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_the_job_waits_for_the_worker(admin, settings):
    settings.TASKS = DATABASE_QUEUE
    continuing()
    job = _queue("standards", "alerts", "--on", "2028-01-01")
    assert job.status == "queued"
    assert DBTaskResult.objects.get(pk=job.task_id).queue_name == "alerts"
    page = admin.get(reverse("job", args=[job.pk])).text
    assert "Waiting to start" in page and 'http-equiv="refresh"' in page
    assert admin.get(reverse("job-progress", args=[job.pk])).json()["finished"] is False
    run_worker()
    job.refresh_from_db()
    assert job.status == "succeeded" and job.counts["raised"] == 2
    page = admin.get(reverse("job", args=[job.pk])).text
    assert "Alerts raised" in page and 'http-equiv="refresh"' not in page
    assert admin.get(reverse("job-progress", args=[job.pk])).json()["finished"] is True


@pytest.mark.django_db(transaction=True)
def test_a_job_whose_worker_died_is_marked_failed(admin, settings):
    settings.TASKS = DATABASE_QUEUE
    job = _queue("alerts", "send-digest")
    JobRun.objects.filter(pk=job.pk).update(status="running")
    started = datetime.now(UTC) - timedelta(hours=2)
    DBTaskResult.objects.filter(pk=job.task_id).update(status="RUNNING", started_at=started)
    page = admin.get(reverse("job", args=[job.pk])).text
    assert "The worker stopped before this job finished" in page
    call_command("jobs", "mark-stale", stdout=StringIO())
    job.refresh_from_db()
    assert job.status == "failed" and "worker stopped" in job.message


def test_the_page_lists_jobs_and_starts_a_daily_run(admin):
    continuing()
    response = admin.post(reverse("jobs"), {"kind": "standards-alerts"})
    job = JobRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("job", args=[job.pk])
    assert job.status == "succeeded" and job.user is not None
    listing = admin.get(reverse("jobs")).text
    assert "Monitoring alerts for contracts kept outsourced" in listing
    assert "Alerts raised: " in listing and "Finished" in listing


def test_the_page_refuses_a_run_it_does_not_know(admin):
    response = admin.post(reverse("jobs"), {"kind": "everything"})
    assert response.status_code == 400 and "Choose the job to run" in response.text
    assert admin.post(reverse("jobs"), {}).status_code == 400
    assert not JobRun.objects.exists()


def test_only_site_administrators_see_the_jobs(client, officer_login):
    officer_login(client, UserFactory())
    assert client.get(reverse("jobs")).status_code == 403
    assert client.post(reverse("jobs"), {"kind": "alerts-digest"}).status_code == 403
    assert not JobRun.objects.exists()


def test_the_pages_name_each_job_its_queue_and_who_asked_in_words(client, officer_login):
    """No code on the pages: the kind, the queue and who asked for it in words."""
    admin = UserFactory(is_superuser=True, is_staff=True, first_name="Ceri", last_name="Jones")
    at = datetime(2026, 12, 1, 9, tzinfo=UTC)
    JobRun.objects.create(
        kind="alerts-digest", queue="alerts", by="system:alerts-send-digest", at=at
    )
    mine = JobRun.objects.create(
        kind="audit-report-pdf", queue="pdf", by=admin.get_username(), user=admin, at=at
    )
    officer_login(client, admin)
    listing = visible_text(client.get(reverse("jobs")).text)
    assert "Daily email to followers" in listing and "Scheduled daily email" in listing
    assert "Queue: Alerts and emails" in listing and "Queue: Documents" in listing
    assert "Ceri Jones" in listing and admin.get_username() not in listing
    page = visible_text(client.get(reverse("job", args=[mine.pk])).text)
    assert "by Ceri Jones" in page and "Queue: Documents" in page
    for code in ("alerts-digest", "audit-report-pdf", "system:", "Queue: pdf", "Queue: alerts"):
        assert code not in listing and code not in page
