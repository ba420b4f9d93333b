"""Details and downloads carry ETag and Last-Modified and answer 304 to a conditional request;
a whole-register download is a built file with its own validators, one authority's takes its
validator from the data's version, so a 304 builds nothing (ADR 0017, 0047)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import parse_http_date

from insource.api.public import views
from insource.register.services.corrections import contract_correct
from insource.testing.open_data import SYSTEM
from insource.transparency.exports import schedule

pytestmark = pytest.mark.django_db
BASE = "/api/public/v1"


def details(world) -> list[str]:
    return [
        f"/contracts/{world.contracts['refuse'].pk}/",
        f"/decisions/{world.decision.pk}/",
        "/authorities/ZZA/",
    ]


DOWNLOADS = [
    "/exports/ocds/releases.json",
    "/exports/ocds/records.json",
    "/exports/contracts.csv",
    "/exports/decisions.csv",
]


def test_brought_home_detail_ids_out_of_range_are_404(client, world):
    for pk in ("9" * 30, "0"):
        response = client.get(f"{BASE}/brought-home/{pk}/")
        assert (
            response.status_code == 404 and response["Content-Type"] == "application/problem+json"
        )


def test_details_answer_304_to_their_etag_and_date(client, world):
    for path in details(world):
        first = client.get(f"{BASE}{path}")
        assert first.status_code == 200 and first["ETag"].startswith('"')
        assert first["Last-Modified"]
        again = client.get(f"{BASE}{path}", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again.content == b""
        assert again["ETag"] == first["ETag"] and again["RateLimit-Remaining"]
        dated = client.get(f"{BASE}{path}", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert dated.status_code == 304
        stale = client.get(f"{BASE}{path}", HTTP_IF_NONE_MATCH='"something-else"')
        assert stale.status_code == 200 and stale.json() == first.json()


def test_a_change_gives_a_new_etag_and_a_200(client, world):
    path = f"{BASE}/contracts/{world.contracts['refuse'].pk}/"
    first = client.get(path)
    later = timezone.now() + timedelta(seconds=5)
    contract_correct(
        contract=world.contracts["refuse"],
        field="title",
        value="Refuse collection (corrected)",
        reason="Typo in the notice",
        by=SYSTEM,
        at=later,
    )
    changed = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert changed.json()["title"] == "Refuse collection (corrected)"


def test_last_modified_is_never_in_the_future(client, world):
    contract_correct(
        contract=world.contracts["care"],
        field="title",
        value="Care",
        reason="Tidy",
        by=SYSTEM,
        at=timezone.now() + timedelta(days=30),
    )
    response = client.get(f"{BASE}/authorities/ZZA/")
    sent = parse_http_date(response["Last-Modified"])
    assert sent <= timezone.now().timestamp() + 1


@pytest.mark.parametrize("path", DOWNLOADS)
@pytest.mark.parametrize("query", [{}, {"authority": "ZZA"}])
def test_downloads_answer_304_without_building_the_file(client, world, monkeypatch, path, query):
    first = client.get(f"{BASE}{path}", query)
    # The whole register's is a built file (its own, strong validator: ADR 0047); one
    # authority's is streamed, validated by the data's version.
    assert first.status_code == 200 and first["ETag"].startswith('"' if not query else 'W/"')
    b"".join(first.streaming_content)

    def must_not_build(*args, **kwargs):
        raise AssertionError("the download was built for a 304")

    monkeypatch.setattr(views, "export_chunks", must_not_build)
    monkeypatch.setattr(schedule, "export_write", must_not_build)
    again = client.get(f"{BASE}{path}", query, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    assert (
        client.get(
            f"{BASE}{path}", query, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
        ).status_code
        == 304
    )


def test_a_downloads_etag_changes_with_the_data_and_the_authority(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.INSOURCE_EXPORTS_AFTER_CHANGES = True  # the file is rebuilt after the change
    path = f"{BASE}/exports/contracts.csv"
    whole = client.get(path)["ETag"]
    one = client.get(path, {"authority": "ZZA"})["ETag"]
    assert one != whole
    with django_capture_on_commit_callbacks(execute=True):
        contract_correct(
            contract=world.contracts["refuse"],
            field="title",
            value="Refuse (corrected)",
            reason="Typo",
            by=SYSTEM,
            at=timezone.now() + timedelta(seconds=2),
        )
    assert client.get(path)["ETag"] != whole
    assert client.get(path, HTTP_IF_NONE_MATCH=whole).status_code == 200
    assert client.get(path, {"authority": "ZZA"})["ETag"] != one
