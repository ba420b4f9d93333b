"""A pull of the national feed as a background job (ADR 0054): started from the feeds page or
`--queue`, recorded at once, run by the worker with the time it was asked for, its progress on
the page; a pull whose worker died is shown stopped and marked failed, and so is a pull run by
the command itself whose process died or whose time is up. Pages come from a local opener given
to the feed client (never the network)."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from conftest import TEST_NOW
from insource.register.feeds import jobs
from insource.register.feeds.pages import FeedClient
from insource.register.models import FeedPull, FeedSource, PlannedProcurement
from insource.testing.factories import UserFactory, empty_register
from insource.testing.feed_pages import package, real_release
from insource.testing.tasks import DATABASE_QUEUE, run_worker

UK3, UK1 = "075911-2026", "076268-2026"
BASE = "https://feed.test/api/1.0"


class Opener:
    """Answers each request with the next page; records the URLs asked for."""

    def __init__(self, *pages: dict):
        self.pages, self.urls = list(pages), []

    def __call__(self, request, timeout):
        self.urls.append(request.full_url)
        return io.BytesIO(json.dumps(self.pages.pop(0)).encode())


@pytest.fixture
def opener(monkeypatch, settings, tmp_path, system_actor):
    from insource.authorities.services.authorities import authorities_seed

    authorities_seed(by=system_actor, at=TEST_NOW)
    empty_register()  # a session fixture may have loaded the demo register
    settings.INSOURCE_FEED_LOCK_DIR = tmp_path
    settings.INSOURCE_FIND_A_TENDER_URL = BASE
    pages = Opener(
        package(real_release(UK3), next_url=f"{BASE}/ocdsReleasePackages?cursor=Mg=="),
        package(real_release(UK1)),
    )
    client = FeedClient(timeout=5, retries=0, opener=pages, sleep=pytest.fail)
    monkeypatch.setattr(jobs, "feed_client", lambda: client)
    return pages


@pytest.fixture
def admin(client, officer_login):
    officer_login(client, UserFactory(is_superuser=True, is_staff=True, first_name="Ada"))
    return client


@pytest.mark.django_db
def test_the_page_starts_a_pull_up_to_when_it_was_asked_for(admin, opener):
    response = admin.post(reverse("register:feed-pulls"), {"source": "find-a-tender"})
    assert response.status_code == 302
    pull = FeedPull.objects.get()
    assert pull.status == "succeeded" and pull.user is not None
    assert pull.counts["pages"] == 2 and pull.counts["releases"] == 2
    assert PlannedProcurement.objects.count() == 2
    # The first pull reads the day before it was asked for, up to that moment.
    assert pull.updated_to == pull.started_at.replace(microsecond=0)
    assert pull.updated_from == pull.updated_to - timedelta(days=1)
    assert FeedSource.objects.get().reached == pull.updated_to
    page = admin.get(reverse("register:feed-pulls")).text
    assert "Succeeded" in page and "Pull the feed now" in page


@pytest.mark.django_db
def test_the_page_refuses_a_post_that_names_no_feed(admin, opener):
    response = admin.post(reverse("register:feed-pulls"), {})
    assert response.status_code == 400 and "Choose the feed to pull" in response.text
    assert not FeedPull.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_queued_the_page_shows_progress_until_the_worker_runs_it(admin, opener, settings):
    settings.TASKS = DATABASE_QUEUE
    admin.post(reverse("register:feed-pulls"), {"source": "find-a-tender"})
    pull = FeedPull.objects.get()
    assert pull.status == "queued" and pull.task_id
    assert DBTaskResult.objects.get(pk=pull.task_id).queue_name == "feeds"
    page = admin.get(reverse("register:feed-pulls")).text
    assert "Waiting to start" in page and 'http-equiv="refresh"' in page
    progress_url = reverse("register:feed-pull-progress", args=[pull.pk])
    assert admin.get(progress_url).json()["finished"] is False
    run_worker()
    answer = admin.get(progress_url).json()
    assert answer["finished"] is True and answer["status"] == "succeeded" and answer["done"] == 2
    page = admin.get(reverse("register:feed-pulls")).text
    assert 'http-equiv="refresh"' not in page and "Pull the feed now" in page


@pytest.mark.django_db(transaction=True)
def test_a_pull_whose_worker_died_is_shown_stopped_then_marked_failed(admin, opener, settings):
    settings.TASKS = DATABASE_QUEUE
    out = StringIO()
    call_command("feeds", "pull", "find-a-tender", "--queue", "--json", stdout=out)
    pull = FeedPull.objects.get(pk=json.loads(out.getvalue())["pull_id"])
    # A worker claimed it four hours ago and was killed: the task stays "running".
    FeedPull.objects.filter(pk=pull.pk).update(status="running")
    started = datetime.now(UTC) - timedelta(hours=4)
    DBTaskResult.objects.filter(pk=pull.task_id).update(status="RUNNING", started_at=started)
    progress_url = reverse("register:feed-pull-progress", args=[pull.pk])
    assert admin.get(progress_url).json()["finished"] is True  # the page stops waiting
    out = StringIO()
    call_command("jobs", "mark-stale", "--json", stdout=out)
    assert json.loads(out.getvalue()) == {"tasks": 1, "rows": 1}
    pull.refresh_from_db()
    assert pull.status == "failed" and "worker stopped" in pull.errors[-1]["message"]
    assert DBTaskResult.objects.get(pk=pull.task_id).status == "FAILED"
    call_command("jobs", "mark-stale", "--json", stdout=(again := StringIO()))
    assert json.loads(again.getvalue()) == {"tasks": 0, "rows": 0}


@pytest.mark.django_db(transaction=True)
def test_a_pull_within_its_time_limit_is_still_running(admin, opener, settings):
    settings.TASKS = DATABASE_QUEUE
    call_command("feeds", "pull", "find-a-tender", "--queue", stdout=StringIO())
    pull = FeedPull.objects.get()
    FeedPull.objects.filter(pk=pull.pk).update(status="running")
    started = datetime.now(UTC) - timedelta(minutes=10)
    DBTaskResult.objects.filter(pk=pull.task_id).update(status="RUNNING", started_at=started)
    progress_url = reverse("register:feed-pull-progress", args=[pull.pk])
    assert admin.get(progress_url).json()["finished"] is False
    call_command("jobs", "mark-stale", stdout=StringIO())
    assert FeedPull.objects.get().status == "running"


@pytest.mark.django_db
def test_queue_takes_no_range(opener):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="give no range"):
        call_command("feeds", "pull", "find-a-tender", "--queue", "--until", "2026-08-11")


@pytest.mark.django_db
def test_other_officers_cannot_start_a_pull(client, officer_login, opener):
    officer_login(client, UserFactory())
    response = client.post(reverse("register:feed-pulls"), {"source": "find-a-tender"})
    assert response.status_code == 403 and not FeedPull.objects.exists()


def _command_pull(*, pid: int, host: str, minutes_ago: int) -> FeedPull:
    """A pull the command runs itself (no task), "running" since `minutes_ago`."""
    started = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    source = FeedSource.objects.get_or_create(name="find-a-tender")[0]
    return FeedPull.objects.create(
        source=source, started_at=started, by="system:feeds", status="running", pid=pid, host=host
    )


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])  # noqa: S603 (our own interpreter)
    child.wait()
    return child.pid


@pytest.mark.django_db
def test_a_pull_run_by_the_command_records_its_process_and_machine(opener):
    call_command("feeds", "pull", "find-a-tender", "--json", stdout=StringIO())
    pull = FeedPull.objects.get()
    assert pull.status == "succeeded" and pull.task_id == ""
    assert (pull.pid, pull.host) == (os.getpid(), socket.gethostname())


@pytest.mark.django_db
def test_a_command_pull_whose_process_died_is_shown_stopped_then_marked_failed(admin, opener):
    pull = _command_pull(pid=_dead_pid(), host=socket.gethostname(), minutes_ago=1)
    progress_url = reverse("register:feed-pull-progress", args=[pull.pk])
    assert admin.get(progress_url).json()["finished"] is True  # the page stops waiting
    assert "Pull the feed now" in admin.get(reverse("register:feed-pulls")).text
    out = StringIO()
    call_command("jobs", "mark-stale", "--json", stdout=out)
    assert json.loads(out.getvalue()) == {"tasks": 0, "rows": 1}
    pull.refresh_from_db()
    assert pull.status == "failed" and "worker stopped" in pull.errors[-1]["message"]
    call_command("jobs", "mark-stale", "--json", stdout=(again := StringIO()))
    assert json.loads(again.getvalue()) == {"tasks": 0, "rows": 0}


@pytest.mark.django_db
def test_a_command_pull_is_left_running_while_its_process_lives_and_its_time_lasts(admin, opener):
    here = _command_pull(pid=os.getpid(), host=socket.gethostname(), minutes_ago=10)
    elsewhere = _command_pull(pid=1, host="another-machine", minutes_ago=10)
    late = _command_pull(pid=1, host="another-machine", minutes_ago=4 * 60)  # feeds: 3 hours
    progress_url = reverse("register:feed-pull-progress", args=[here.pk])
    assert admin.get(progress_url).json()["finished"] is False
    call_command("jobs", "mark-stale", stdout=StringIO())
    statuses = dict(FeedPull.objects.values_list("pk", "status"))
    assert statuses == {here.pk: "running", elsewhere.pk: "running", late.pk: "failed"}
