"""`insource feeds pull find-a-tender` on real Find a Tender pages (and real-shaped ones made
from them): every notice type, incremental pulls, a bad page, the lock."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from conftest import TEST_NOW
from insource.register.feeds.pull import pull_lock
from insource.register.models import (
    Contract,
    ContractEvent,
    FeedPull,
    FeedRelease,
    FeedSource,
    PlannedProcurement,
)
from insource.register.selectors.pipeline import planned_procurements
from insource.testing.factories import empty_register
from insource.testing.feed_pages import (
    FIND_A_TENDER,
    package,
    pull_dir,
    real_release,
    write_pages,
)

pytestmark = pytest.mark.django_db

# Real notices: a UK6 contract award (Bradford) and its UK7 contract details the next day; a UK3
# planned procurement (Lewisham) and its UK4 tender; a UK1 pipeline notice (Westmorland and
# Furness) and its UK12 procurement termination; UK10 contract changes and a UK11 termination
# whose award notices were published before the two days.
UK6, UK7 = "075915-2026", "076140-2026"
UK3, UK4 = "075911-2026", "076324-2026"
UK1, UK12 = "076268-2026", "076272-2026"
UK10_DATES, UK10_SUPPLIER, UK11 = "076048-2026", "075600-2026", "075918-2026"
UK7_WITH_KPIS = "075827-2026"


@pytest.fixture(autouse=True)
def seeded(system_actor, settings, tmp_path):
    from insource.authorities.services.authorities import authorities_seed

    settings.INSOURCE_FEED_LOCK_DIR = tmp_path / "locks"
    authorities_seed(by=system_actor, at=TEST_NOW)
    empty_register()  # a session fixture may have loaded the demo register


def awarded_earlier(notice_id: str) -> dict:
    """The real UK7 contract details notice, as if published for `notice_id`'s ocid before it
    (the change and termination notices' own award notices predate the recorded days)."""
    ocid = real_release(notice_id)["ocid"]
    return real_release(UK7, ocid=ocid, id=f"{ocid}-award", date="2026-06-01T09:00:00+01:00")


def test_two_real_days_then_again_nothing_twice():
    first = pull_dir(FIND_A_TENDER)
    assert first["status"] == "succeeded", first["errors"][:3]
    assert (first["pages"], first["releases"], first["duplicates_skipped"]) == (10, 955, 0)
    assert first["notice_types"] == {
        "UK1": 21,
        "UK2": 73,
        "UK3": 15,
        "UK4": 154,
        "UK5": 17,
        "UK6": 110,
        "UK7": 403,
        "UK9": 2,
        "UK10": 2,
        "UK11": 7,
        "UK12": 13,
        "UK13": 3,
        "none": 135,
    }
    assert first["created"] > 700 and first["planned"] > 250 and first["errors"] == []
    assert set(first) >= {
        "pages",
        "releases",
        "created",
        "updated",
        "unchanged",
        "duplicates_skipped",
        "terminated",
        "reviews_opened",
        "warnings",
        "errors",
    }
    contracts, events = Contract.objects.count(), ContractEvent.objects.count()
    assert contracts == first["created"]
    ocids = Contract.objects.values_list("ocid", flat=True)
    assert all(ocid.startswith("ocds-h6vhtk-") for ocid in ocids)  # prefixes as published

    again = pull_dir(FIND_A_TENDER)
    assert (again["releases"], again["duplicates_skipped"]) == (955, 955)
    assert again["created"] == again["updated"] == again["planned"] == 0
    assert (Contract.objects.count(), ContractEvent.objects.count()) == (contracts, events)
    assert FeedRelease.objects.count() == 955
    assert list(FeedPull.objects.values_list("status", flat=True)) == ["succeeded"] * 2


def test_award_then_contract_details_complete_one_contract(tmp_path):
    day1 = pull_dir(write_pages(tmp_path / "a", package(real_release(UK6))))
    assert day1["created"] == 1
    contract = Contract.objects.get()
    assert contract.source_key == "ocds:ocds-h6vhtk-06e099:1"
    day2 = pull_dir(write_pages(tmp_path / "b", package(real_release(UK7))))
    assert (day2["created"], day2["updated"]) == (0, 1)
    contract = Contract.objects.get()  # still one contract, completed by the UK7
    assert contract.source_key == "ocds:ocds-h6vhtk-06e099:1:1"
    assert contract.buyer_name == "City of Bradford Metropolitan District Council"
    assert (contract.start_on, contract.end_on, contract.max_end_on) == (
        date(2026, 6, 20),
        date(2027, 7, 12),
        date(2028, 7, 12),
    )


def test_contract_details_keep_published_kpis(tmp_path):
    pull_dir(write_pages(tmp_path, package(real_release(UK7_WITH_KPIS))))
    contract = Contract.objects.get()
    published = real_release(UK7_WITH_KPIS)["contracts"][0]["agreedMetrics"]
    assert contract.published_kpis == published and len(published) == 3


def test_change_notice_moves_the_end_date_with_history(tmp_path):
    pull_dir(write_pages(tmp_path / "a", package(awarded_earlier(UK10_DATES))))
    contract = Contract.objects.get()
    assert contract.end_on == date(2027, 7, 12)
    summary = pull_dir(write_pages(tmp_path / "b", package(real_release(UK10_DATES))))
    assert summary["updated"] == 1 and summary["errors"] == []
    contract.refresh_from_db()
    assert (contract.end_on, contract.max_end_on) == (date(2027, 5, 31), date(2027, 8, 31))
    event = contract.events.get(release_id=UK10_DATES)
    assert event.changes["end_on"] == ["2027-07-12", "2027-05-31"]
    assert event.changes["max_end_on"] == ["2028-07-12", "2027-08-31"]


def test_change_notice_changes_the_supplier(tmp_path):
    pull_dir(write_pages(tmp_path / "a", package(awarded_earlier(UK10_SUPPLIER))))
    summary = pull_dir(write_pages(tmp_path / "b", package(real_release(UK10_SUPPLIER))))
    assert summary["updated"] == 1
    contract = Contract.objects.get()
    assert contract.supplier_names == "MYCAKE LIMITED"
    assert [s.name for s in contract.suppliers.all()] == ["MYCAKE LIMITED"]
    event = contract.events.get(release_id=UK10_SUPPLIER)
    assert "transferred the Contract" in event.reason
    assert event.changes["supplier_names"][1] == "MYCAKE LIMITED"


def test_change_notice_keeps_an_officers_correction(tmp_path):
    pull_dir(write_pages(tmp_path / "a", package(awarded_earlier(UK10_DATES))))
    Contract.objects.update(overrides={"end_on": "2027-12-31"}, end_on=date(2027, 12, 31))
    pull_dir(write_pages(tmp_path / "b", package(real_release(UK10_DATES))))
    contract = Contract.objects.get()
    assert contract.end_on == date(2027, 12, 31)
    assert contract.source_values["end_on"] == "2027-05-31"


def test_termination_keeps_an_officers_status(tmp_path, system_actor):
    from insource.register.services.corrections import contract_correct

    pull_dir(write_pages(tmp_path / "a", package(awarded_earlier(UK11))))
    contract = Contract.objects.get()
    active = {"status": "active", "terminated_on": None}
    contract_correct(
        contract=contract, field="status", value=active, reason="x", by=system_actor, at=TEST_NOW
    )
    pull_dir(write_pages(tmp_path / "b", package(real_release(UK11))))
    contract.refresh_from_db()
    assert contract.status == "active" and not contract.is_terminated
    assert contract.source_values["is_terminated"] is True
    assert contract.source_values["terminated_on"] == "2026-06-30"


def test_termination_marks_the_contract_terminated(tmp_path):
    pull_dir(write_pages(tmp_path / "a", package(awarded_earlier(UK11))))
    summary = pull_dir(write_pages(tmp_path / "b", package(real_release(UK11))))
    assert summary["terminated"] == 1
    contract = Contract.objects.get()
    assert contract.is_terminated and contract.status == "terminated"
    assert contract.terminated_on == date(2026, 6, 30)
    assert contract.termination_reason == "contractCompleted"
    assert contract.events.filter(release_id=UK11).exists()


def test_termination_of_a_contract_the_register_lacks_is_a_warning(tmp_path):
    summary = pull_dir(write_pages(tmp_path, package(real_release(UK11))))
    assert summary["status"] == "succeeded" and summary["terminated"] == 0
    assert "holds no contract" in summary["warnings"][0]["message"]
    assert not Contract.objects.exists()


def test_planned_then_tender_is_one_planned_procurement(tmp_path):
    pull_dir(write_pages(tmp_path / "a", package(real_release(UK3))))
    assert PlannedProcurement.objects.get().buyer_name == "London Borough of Lewisham"
    pull_dir(write_pages(tmp_path / "b", package(real_release(UK4))))
    planned = PlannedProcurement.objects.get()
    assert planned.ocid == "ocds-h6vhtk-06b607" and planned.stage == "tender"


def test_the_real_uk3_then_uk4_edge_case(tmp_path):
    summary = pull_dir(FIND_A_TENDER / "edge-cases")
    assert summary["pages"] == 0  # no page-*.json there: the edge cases are not pages
    edge = json.loads((FIND_A_TENDER / "edge-cases" / "uk3-then-uk4-one-ocid.json").read_text())
    summary = pull_dir(write_pages(tmp_path, edge))
    assert summary["notice_types"] == {"UK3": 1, "UK4": 1}
    assert PlannedProcurement.objects.get().ocid == "ocds-h6vhtk-069311"


def test_pipeline_notice_feeds_the_pipeline_and_procurement_termination_closes_it(tmp_path):
    pull_dir(write_pages(tmp_path / "a", package(real_release(UK1))))
    planned = PlannedProcurement.objects.get()
    assert planned.buyer_name == "Westmorland and Furness Council" and planned.closed_on is None
    summary = pull_dir(write_pages(tmp_path / "b", package(real_release(UK12))))
    assert summary["closed"] == 1 and summary["created"] == 0
    planned.refresh_from_db()
    assert planned.stage == "closed" and planned.closed_on is not None
    assert not Contract.objects.exists()  # a cancelled award is no contract
    assert planned not in planned_procurements(on=date(2020, 1, 1), within_months=240)


def test_a_bad_page_changes_nothing_and_stops_the_pull(tmp_path):
    broken = real_release(UK7)
    del broken["ocid"]
    folder = write_pages(
        tmp_path,
        package(real_release(UK3)),
        package(real_release(UK6), broken),
        package(real_release(UK1)),
    )
    summary = pull_dir(folder)
    assert summary["status"] == "failed" and summary["pages"] == 1
    assert "missing ocid" in summary["errors"][0]["message"]
    assert not Contract.objects.exists()  # the UK6 on the bad page was not written
    assert PlannedProcurement.objects.count() == 1  # page 1 stays; page 3 was never read
    assert FeedRelease.objects.count() == 1
    with pytest.raises(CommandError, match="the failed page changed nothing"):
        call_command("feeds", "pull", "find-a-tender", "--from-dir", str(folder), stdout=StringIO())


def test_a_page_that_is_not_json_changes_nothing(tmp_path):
    (tmp_path / "page-001.json").write_text("<html>Service unavailable</html>")
    summary = pull_dir(tmp_path)
    assert summary["status"] == "failed" and "is not JSON" in summary["errors"][0]["message"]
    assert FeedPull.objects.get().status == "failed"


def test_a_release_repeated_on_a_later_page_is_applied_once(tmp_path):
    folder = write_pages(
        tmp_path,
        package(real_release(UK6), real_release(UK3)),
        package(real_release(UK3), real_release(UK1)),
    )
    summary = pull_dir(folder)
    assert (summary["releases"], summary["duplicates_skipped"]) == (4, 1)
    assert PlannedProcurement.objects.count() == 2


def test_the_real_empty_page(tmp_path):
    empty = json.loads((FIND_A_TENDER / "edge-cases" / "empty-page.json").read_text())
    summary = pull_dir(write_pages(tmp_path, empty))
    assert (summary["status"], summary["pages"], summary["releases"]) == ("succeeded", 1, 0)


def test_reading_saved_pages_does_not_move_where_the_source_got_to(tmp_path):
    pull_dir(write_pages(tmp_path, package(real_release(UK3))))
    assert FeedSource.objects.get(name="find-a-tender").reached is None


def test_two_pulls_never_overlap(tmp_path, settings):
    with pull_lock(settings.INSOURCE_FEED_LOCK_DIR, "find-a-tender"):
        with pytest.raises(CommandError, match="another pull of feed-find-a-tender is running"):
            call_command(
                "feeds", "pull", "find-a-tender", "--from-dir", str(tmp_path), stdout=StringIO()
            )
    assert not FeedPull.objects.exists()


@override_settings(INSOURCE_FIND_A_TENDER_URL="http://127.0.0.1:9/nowhere")
def test_bad_dates_are_refused():
    with pytest.raises(CommandError, match="is not a date-time"):
        call_command("feeds", "pull", "find-a-tender", "--until", "tomorrow", stdout=StringIO())
    with pytest.raises(CommandError, match="must be before"):
        call_command(
            "feeds",
            "pull",
            "find-a-tender",
            "--updated-from",
            "2026-08-11T00:00:00",
            "--until",
            "2026-08-10T00:00:00",
            stdout=StringIO(),
        )


def test_a_fault_in_insource_is_reported_and_the_pull_not_left_running(tmp_path, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("insource.register.feeds.pull.feed_page_apply", broken)
    summary = pull_dir(write_pages(tmp_path, package(real_release(UK3))))
    assert summary["status"] == "failed"
    assert "fault in Insource (boom)" in summary["errors"][0]["message"]
    assert FeedPull.objects.get().status == "failed"


def test_a_later_notice_on_the_ocid_keeps_the_contract_terminated(tmp_path):
    award = awarded_earlier(UK11)
    pull_dir(write_pages(tmp_path / "a", package(award, real_release(UK11))))
    contract = Contract.objects.get()
    assert contract.is_terminated and contract.terminated_on == date(2026, 6, 30)
    later = {**award, "id": "later-details", "date": "2026-08-20T09:00:00+01:00"}
    pull_dir(write_pages(tmp_path / "b", package(later)))
    contract.refresh_from_db()
    assert contract.is_terminated and contract.status == "terminated"
