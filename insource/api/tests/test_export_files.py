"""The whole-register downloads are files (ADR 0047): rebuilt in the background after the
changes that alter them, once for a burst; written atomically; served with their own ETag,
Last-Modified, 304 and byte ranges; byte for byte what the export builder gives."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend

from insource.core.audit import audit_record
from insource.register.services.corrections import contract_correct
from insource.testing.open_data import SYSTEM
from insource.testing.tasks import DUMMY_QUEUE
from insource.transparency.exports import files, schedule
from insource.transparency.exports.files import KINDS, export_chunks, export_path, export_write
from insource.transparency.exports.tasks import exports_build

pytestmark = pytest.mark.django_db
BASE = "/api/public/v1"
URLS = {kind: f"{BASE}/{k.path}" for kind, k in KINDS.items()}
QUEUE = DUMMY_QUEUE
BUILT_AT = datetime(2026, 12, 1, 15, 42, 10, tzinfo=UTC)


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def correct(world, title: str) -> None:
    contract_correct(
        contract=world.contracts["refuse"],
        field="title",
        value=title,
        reason="Typo",
        by=SYSTEM,
        at=timezone.now(),
    )


@pytest.fixture
def queue(settings):
    """Tasks wait (and are counted) instead of running; rebuilds follow changes."""
    settings.TASKS = QUEUE
    settings.INSOURCE_EXPORTS_AFTER_CHANGES = True
    settings.INSOURCE_EXPORTS_DEBOUNCE_SECONDS = 30
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def test_a_burst_of_changes_queues_one_rebuild_after_the_debounce(
    world, queue, django_capture_on_commit_callbacks
):
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        correct(world, "Refuse (1)")
    with django_capture_on_commit_callbacks(execute=True):
        correct(world, "Refuse (2)")
    with django_capture_on_commit_callbacks(execute=True):
        audit_record(by=SYSTEM, at=timezone.now(), action="reviews.decision_publish")
    [queued] = queue.results
    assert queued.task.name == exports_build.name
    assert sorted(queued.args[0]) == sorted(KINDS)
    assert queued.task.run_after >= before + timedelta(seconds=30)

    # The build runs (the worker): the marks go, so the next change queues the next build.
    built = exports_build.call(*queued.args)
    assert set(built) == set(KINDS) and all(export_path(k).exists() for k in KINDS)
    with django_capture_on_commit_callbacks(execute=True):
        audit_record(by=SYSTEM, at=timezone.now(), action="reviews.decision_publish")
    assert len(queue.results) == 2 and queue.results[1].args[0] == ["decisions"]


def test_changes_that_alter_no_download_queue_nothing(
    world, queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        audit_record(by=SYSTEM, at=timezone.now(), action="reviews.answer")
        audit_record(by=SYSTEM, at=timezone.now(), action="register.upload_check")
    assert queue.results == []
    assert schedule.kinds_changed_by("register.import") == tuple(KINDS)
    assert schedule.kinds_changed_by("register.feed_pull") == tuple(KINDS)
    assert schedule.kinds_changed_by("reviews.decision_publish") == ("decisions",)


def test_a_change_rolled_back_queues_nothing(world, queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            from django.db import transaction

            with transaction.atomic():
                correct(world, "Refuse (never)")
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == [] and queue.results == []


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_served_file_is_what_the_builder_gives(client, world, settings, kind):
    export_write(kind, now=BUILT_AT)
    expected = b"".join(
        c if isinstance(c, bytes) else c.encode()
        for c in export_chunks(kind, base_url=settings.INSOURCE_BASE_URL, now=BUILT_AT)
    )
    assert export_path(kind).read_bytes() == expected
    response = client.get(URLS[kind])
    assert response.status_code == 200 and body(response) == expected
    assert response["Content-Length"] == str(len(expected))
    assert response["Last-Modified"] == "Tue, 01 Dec 2026 15:42:10 GMT"
    assert response["Content-Type"] == KINDS[kind].content_type
    assert f'filename="{kind}-all.' in response["Content-Disposition"]
    if kind.startswith("ocds"):
        assert json.loads(expected)["publishedDate"] == "2026-12-01T15:42:10Z"
    else:
        assert expected.startswith(b"\xef\xbb\xbf")


def test_the_command_builds_the_files_the_api_serves(client, world, tmp_path):
    call_command("export", "files", "--only", "contracts", "--only", "decisions")
    assert export_path("contracts").exists() and export_path("decisions").exists()
    assert not export_path("ocds-releases").exists()
    served = body(client.get(URLS["contracts"]))
    assert served == export_path("contracts").read_bytes()


def test_etag_304_and_a_new_file_after_a_rebuild(client, world):
    export_write("contracts", now=BUILT_AT)
    first = client.get(URLS["contracts"])
    etag = first["ETag"]
    assert etag.startswith('"') and first["Accept-Ranges"] == "bytes"
    again = client.get(URLS["contracts"], HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    dated = client.get(URLS["contracts"], HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert dated.status_code == 304
    correct(world, "Refuse (renamed)")
    export_write("contracts", now=BUILT_AT + timedelta(minutes=1))
    fresh = client.get(URLS["contracts"], HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    assert b"Refuse (renamed)" in body(fresh)


def test_byte_ranges(client, world):
    export_write("decisions", now=BUILT_AT)
    whole = export_path("decisions").read_bytes()
    size = len(whole)
    part = client.get(URLS["decisions"], HTTP_RANGE="bytes=3-9")
    assert part.status_code == 206 and body(part) == whole[3:10]
    assert part["Content-Range"] == f"bytes 3-9/{size}" and part["Content-Length"] == "7"
    tail = client.get(URLS["decisions"], HTTP_RANGE="bytes=-5")
    assert tail.status_code == 206 and body(tail) == whole[-5:]
    rest = client.get(URLS["decisions"], HTTP_RANGE=f"bytes={size - 2}-")
    assert body(rest) == whole[-2:]
    beyond = client.get(URLS["decisions"], HTTP_RANGE=f"bytes={size}-")
    assert beyond.status_code == 416 and beyond["Content-Range"] == f"bytes */{size}"
    etag = part["ETag"]
    same = client.get(URLS["decisions"], HTTP_RANGE="bytes=0-1", HTTP_IF_RANGE=etag)
    assert same.status_code == 206
    changed = client.get(URLS["decisions"], HTTP_RANGE="bytes=0-1", HTTP_IF_RANGE='"old"')
    assert changed.status_code == 200 and body(changed) == whole
    for odd in ("bytes=0-1,4-5", "items=0-1", "bytes=9-3", "bytes=x-", "bytes=" + "9" * 200):
        response = client.get(URLS["decisions"], HTTP_RANGE=odd)
        assert response.status_code in (200, 416) and response.status_code != 500, odd


def test_a_failed_build_leaves_the_old_file_whole(world, monkeypatch):
    export_write("contracts", now=BUILT_AT)
    old = export_path("contracts").read_bytes()

    def broken(*args, **kwargs):
        yield "half a row,"
        raise RuntimeError("the database went away")

    monkeypatch.setattr(files, "export_chunks", broken)
    with pytest.raises(RuntimeError):
        export_write("contracts", now=BUILT_AT + timedelta(minutes=1))
    assert export_path("contracts").read_bytes() == old
    assert [p.name for p in export_path("contracts").parent.iterdir()] == ["contracts.csv"]


def test_the_first_request_builds_the_file_once(client, world, monkeypatch):
    assert not export_path("ocds-releases").exists()
    first = client.get(URLS["ocds-releases"])
    assert first.status_code == 200 and json.loads(body(first))["releases"]
    calls = []
    monkeypatch.setattr(schedule, "export_write", lambda *a, **k: calls.append(a))
    assert client.get(URLS["ocds-releases"]).status_code == 200 and calls == []


def test_while_another_request_builds_it_the_download_is_being_prepared(client, world):
    cache.add(schedule.BUILDING.format("ocds-records"), "someone else", 60)
    response = client.get(URLS["ocds-records"])
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response["Content-Type"] == "application/problem+json"
    assert "being prepared" in response.json()["detail"]
    assert not export_path("ocds-records").exists()


def test_the_open_data_page_shows_when_each_file_was_built(client, world):
    page = client.get("/public/open-data/").content.decode()
    assert page.count("Being prepared") == 4
    export_write("contracts", now=BUILT_AT)
    page = client.get("/public/open-data/").content.decode()
    assert "Built at 3:42pm on 1 December 2026" in page and page.count("Being prepared") == 3
    assert f'href="{URLS["contracts"]}"' in page


def test_the_open_data_page_links_every_other_public_download_and_each_answers(client, world):
    page = client.get("/public/open-data/").content.decode()
    for name in ("national:outcome-kpis-csv", "national:kpi-assessments-csv"):
        assert f'href="{reverse(name)}"' in page
    assert f'href="{reverse("shared-work:library-csv")}"' in page
    assert f'href="{reverse("national:services")}"' in page
    for name in (
        "national:outcome-kpis-csv",
        "national:kpi-assessments-csv",
        "shared-work:library-csv",
    ):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert response["Content-Type"].startswith("text/csv"), name
