"""Procurement Act 2023 notices drafted from the register (issue 19): every kind validates
against the shipped UK profile schema, lists what the register lacks instead of inventing it,
and reads the register's own facts (KPIs and their ratings, a correction, a real termination)."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from insource.core.audit import Actor
from insource.register.models import Contract
from insource.register.services.corrections import contract_correct
from insource.standards.notices.drafts import NoticeError, notice_draft
from insource.standards.notices.pipeline import estimated_spend
from insource.testing import TEST_NOW
from insource.testing.factories import (
    AuthorityFactory,
    ContractFactory,
    PlannedProcurementFactory,
    SupplierFactory,
    empty_register,
)
from insource.testing.feed_pages import package, pull_dir, real_release, write_pages
from insource.testing.inhouse import decided_inhouse, kpi, rating

pytestmark = pytest.mark.django_db
OFFICER = Actor.system("tests")
UK7, UK11 = "076140-2026", "075918-2026"  # real notices: contract details; a termination


def contract(**fields) -> Contract:
    supplier = SupplierFactory(name="Greenway Environmental Ltd")
    return ContractFactory(suppliers=[supplier], **({"awarded_on": date(2024, 3, 1)} | fields))


def draft(kind, c=None, *, authority=None, at=TEST_NOW):
    return notice_draft(kind, authority=authority or c.reviewing_authority, contract=c, at=at)


def the_contract(d) -> dict:
    return d.package["releases"][0]["contracts"][0]


def test_contract_details_validate_with_the_contracts_own_kpis():
    c = contract(value_amount=Decimal("6000000"))
    for name in ("Bins collected on the scheduled day", "Missed bins put right", "Complaints"):
        kpi(c.reviewing_authority, contract=c, name=name)

    d = draft("uk7", c)

    assert d.schema_errors == []
    assert d.missing == []
    release = d.package["releases"][0]
    assert release["tag"] == ["contract"]
    assert [m["title"] for m in the_contract(d)["agreedMetrics"]] == [
        "Bins collected on the scheduled day",
        "Missed bins put right",
        "Complaints",
    ]
    notice = the_contract(d)["documents"][-1]
    assert (notice["noticeType"], notice["documentType"]) == ("UK7", "contractNotice")
    assert release["tender"]["legalBasis"]["id"] == "2023/54"


def test_contract_details_list_what_the_register_lacks_and_invent_nothing():
    c = contract(value_amount=None, value_inc_vat=None, start_on=None, awarded_on=None)
    c.awarded_on = None
    c.save()

    d = draft("uk7", c)

    assert d.schema_errors == []
    missing = " | ".join(str(m) for m in d.missing)
    assert "value" in missing and "start date" in missing and "entered into" in missing
    assert "value" not in the_contract(d) and "dateSigned" not in the_contract(d)


def test_a_contract_over_five_million_with_too_few_kpis_says_so():
    c = contract(value_amount=Decimal("6000000"))
    kpi(c.reviewing_authority, contract=c)

    missing = [str(m) for m in draft("uk7", c).missing]

    assert any("At least 3 key performance indicators" in m for m in missing)


def test_performance_notice_rates_each_kpi_for_the_latest_period():
    c = contract()
    bins, complaints = (
        kpi(c.reviewing_authority, contract=c, name=n) for n in ("Bins collected", "Complaints")
    )
    rating(bins, date(2026, 4, 1), "96")
    rating(bins, date(2026, 7, 1), "93")
    rating(complaints, date(2026, 7, 1), "99")

    d = draft("uk9", c)

    assert d.schema_errors == []
    metrics = the_contract(d)["implementation"]["metrics"]
    by_title = {m["title"]: m["observations"][0] for m in metrics}
    assert set(by_title) == {"Bins collected", "Complaints"}
    assert by_title["Bins collected"]["period"]["startDate"].startswith("2026-07-01")
    assert by_title["Bins collected"]["measureClassification"]["id"] == "slightlyBelow"
    assert by_title["Complaints"]["measureClassification"]["id"] == "met"
    assert d.package["releases"][0]["tag"] == ["implementation"]


def test_performance_notice_without_ratings_lists_them_as_missing():
    d = draft("uk9", contract())

    assert d.schema_errors == []
    assert "implementation" not in the_contract(d)
    assert "rating" in str(d.missing[0])


def test_change_notice_carries_the_correction_and_its_reason():
    c = contract(end_on=date(2027, 3, 31))
    contract_correct(
        contract=c,
        field="end_on",
        value="2028-03-31",
        reason="Extended by one year under clause 4.2",
        by=OFFICER,
        at=TEST_NOW,
    )

    d = draft("uk10", c)

    assert d.schema_errors == [] and d.missing == []
    amendment = the_contract(d)["amendments"][0]
    assert amendment["rationale"] == "Extended by one year under clause 4.2"
    assert amendment["description"] == "End date: 2027-03-31 → 2028-03-31"
    assert the_contract(d)["period"]["endDate"].startswith("2028-03-31")


def test_change_notice_without_a_change_lists_it_as_missing():
    d = draft("uk10", contract())
    assert d.schema_errors == [] and "change" in str(d.missing[0])


def test_termination_notice_for_a_contract_terminated_in_the_register(tmp_path, settings):
    """A real Find a Tender award then its real UK11 termination, pulled through the feed; the
    register's terminated contract gives a valid termination notice."""
    from insource.authorities.services.authorities import authorities_seed

    settings.INSOURCE_FEED_LOCK_DIR = tmp_path / "locks"
    authorities_seed(by=OFFICER, at=TEST_NOW)
    empty_register()
    ocid = real_release(UK11)["ocid"]
    award = real_release(UK7, ocid=ocid, id=f"{ocid}-award", date="2026-06-01T09:00:00+01:00")
    pull_dir(write_pages(tmp_path / "a", package(award)))
    pull_dir(write_pages(tmp_path / "b", package(real_release(UK11))))
    c = Contract.objects.get(ocid=ocid)
    assert c.is_terminated

    d = notice_draft("uk11", authority=c.buyer, contract=c, at=TEST_NOW)

    assert d.schema_errors == []
    item = the_contract(d)
    assert item["status"] == "terminated"
    assert item["implementation"]["endDate"].startswith("2026-06-30")
    assert item["terminationRationaleClassifications"] == [{"id": "contractCompleted"}]
    assert d.package["releases"][0]["ocid"] == ocid  # the contract's own, as published
    assert any("final value" in str(m) for m in d.missing)


def test_termination_notice_for_a_running_contract_says_it_is_not_terminated():
    d = draft("uk11", contract())
    assert d.schema_errors == [] and "not show this contract as terminated" in str(d.missing[0])


def test_pipeline_notice_lists_contracts_over_two_million_in_the_window():
    authority, _people, insourced, _decision = decided_inhouse(code="PIP")
    ContractFactory(
        buyer=authority,
        title="Highways maintenance",
        value_amount=Decimal(4_500_000),
        end_on=date(2027, 6, 30),
        max_end_on=date(2027, 6, 30),
    )
    ContractFactory(
        buyer=authority, title="Grounds", value_amount=Decimal(900_000), end_on=date(2027, 1, 31)
    )
    ContractFactory(
        buyer=authority, title="Too late", value_amount=Decimal(9_000_000), end_on=date(2029, 1, 31)
    )
    PlannedProcurementFactory(
        buyer=authority,
        title="Home care framework",
        value_amount=Decimal(30_000_000),
        start_on=date(2027, 2, 1),
    )

    d = draft("uk1", authority=authority)

    assert d.schema_errors == []
    titles = [r["tender"]["title"] for r in d.package["releases"]]
    assert titles == ["Home care framework", "Highways maintenance"]
    assert d.pipeline.brought_home == 1  # the refuse contract decided in house: not procured
    assert d.pipeline.year_start == date(2026, 4, 1) and d.pipeline.until == date(2027, 10, 1)
    notice = d.package["releases"][0]["planning"]["documents"][0]
    assert notice["noticeType"] == "UK1"
    assert insourced.title not in titles


def test_estimated_spend_spreads_each_contract_over_its_term():
    authority = AuthorityFactory()
    ContractFactory(
        buyer=authority,
        value_amount=Decimal(731_000),
        start_on=date(2026, 4, 1),
        end_on=date(2028, 3, 31),
    )  # two years, 731 days (29 February 2028): 365 of them in 2026-27
    ContractFactory(
        buyer=authority,
        value_amount=Decimal(1_000_000),
        start_on=date(2020, 1, 1),
        end_on=date(2025, 12, 31),
    )  # ended before

    assert estimated_spend(authority, date(2026, 4, 1)) == Decimal(365_000)


def test_an_unknown_kind_or_a_contract_notice_without_a_contract_is_refused():
    authority = AuthorityFactory()
    with pytest.raises(NoticeError, match="uk1, uk7, uk9, uk10, uk11"):
        notice_draft("uk99", authority=authority, at=TEST_NOW)
    with pytest.raises(NoticeError, match="--contract"):
        notice_draft("uk7", authority=authority, at=TEST_NOW)


def test_the_command_writes_the_package_and_lists_what_is_missing(tmp_path):
    c = contract(start_on=None)
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "uk7.json"
    call_command(
        "notices",
        "draft",
        "UK7",
        "--authority",
        c.reviewing_authority.code,
        "--contract",
        str(c.pk),
        "--on",
        "2026-12-07",
        "--output",
        str(target),
        stdout=out,
        stderr=err,
    )
    written = json.loads(target.read_text())
    assert written["releases"][0]["contracts"][0]["documents"][-1]["noticeType"] == "UK7"
    assert written["publishedDate"].startswith("2026-12-07")
    assert "missing: The contract's start date" in err.getvalue()
    assert "schema:" not in err.getvalue()


def test_the_command_refuses_another_authoritys_contract_and_a_bad_date():
    c = contract()
    other = AuthorityFactory()
    with pytest.raises(CommandError, match="reviews no contract"):
        call_command("notices", "draft", "uk7", "--authority", other.code, "--contract", str(c.pk))
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("notices", "draft", "uk1", "--authority", other.code, "--on", "7/12/2026")


def test_dates_of_the_draft_come_from_the_day_asked():
    c = contract()
    d = draft("uk7", c, at=datetime(2027, 1, 5, 12, 0, tzinfo=TEST_NOW.tzinfo))
    assert d.package["publishedDate"].startswith("2027-01-05")


def test_an_officer_reads_the_draft_and_downloads_it(client, officer_login):
    from django.urls import reverse

    from insource.authorities.models import Role
    from insource.testing.workflow import council, refuse_contract, team

    authority = council(code="NTC", name="Noticeshire County Council")
    people = team(authority)
    c = refuse_contract(authority, start_on=None)
    officer_login(client, people[Role.CONTRACT_MANAGER])
    url = reverse("standards:notice", kwargs={"code": "NTC", "pk": c.pk, "kind": "uk7"})

    page = client.get(url).content.decode()

    assert "Draft Contract details notice" in page
    assert 'id="missing-facts"' in page and "start date" in page
    assert "Refuse and recycling collection" in page and "s.53" in page
    download = client.get(url + "?format=json")
    assert download["Content-Disposition"].endswith(f'uk7-contract-{c.pk}.json"')
    package = json.loads(download.content)
    assert package["releases"][0]["contracts"][0]["documents"][-1]["noticeType"] == "UK7"
    kinds = client.get(reverse("standards:notices", kwargs={"code": "NTC", "pk": c.pk}))
    assert kinds.content.decode().count("/notices/uk") == 4
    pipeline = client.get(reverse("standards:pipeline-notice", kwargs={"code": "NTC"}))
    assert pipeline.status_code == 200 and "a pipeline notice is required above" in (
        pipeline.content.decode()
    )
    assert client.get(url.replace("uk7", "uk1")).status_code == 404  # not a contract notice


def test_another_authoritys_officer_cannot_draft_its_notices(client, officer_login):
    from django.urls import reverse

    from insource.authorities.models import Role
    from insource.testing.workflow import council, refuse_contract, team

    ours, theirs = council(code="OUR"), council(code="THR")
    c = refuse_contract(theirs)
    officer_login(client, team(ours)[Role.CONTRACT_MANAGER])

    mine = reverse("standards:notice", kwargs={"code": "OUR", "pk": c.pk, "kind": "uk7"})
    yours = reverse("standards:notice", kwargs={"code": "THR", "pk": c.pk, "kind": "uk7"})
    assert client.get(mine).status_code == 404
    assert client.get(yours).status_code == 404
