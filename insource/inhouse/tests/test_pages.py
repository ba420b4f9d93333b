"""The in-house pages: the role matrix (every role reads, only MANAGE_CONTRACTS records; another
council's officer gets 404), forms that keep what was typed and answer in GOV.UK words, the
public Brought home page and national list (no sign-in, no personal data, illustrative
labelled), the CSV's and the API's fields, and the links from the portal."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal as D

import pytest
from django.urls import reverse

from insource.authorities.models import Role
from insource.authorities.roles import CAPABILITIES, Capability
from insource.inhouse.figures import SUMMARY_FIELDS
from insource.inhouse.models import KpiRating, ServiceYear
from insource.inhouse.services import YearInput, service_year_record
from insource.testing.inhouse import (
    LATER,
    NOW,
    SYSTEM,
    decided_inhouse,
    kpi,
    live_service,
    rating,
)
from insource.testing.workflow import council, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    authority, people, contract, decision = decided_inhouse()
    before = kpi(authority, contract=contract)
    rating(before, date(2026, 8, 1), "90")
    service = live_service(decision)
    rating(before, date(2026, 12, 1), "97")
    outcome = kpi(
        authority, service=service, name="Crew members living locally", kind="social_outcome"
    )
    rating(outcome, date(2026, 12, 1), "70", rating="other", reason="New survey method")
    entry = YearInput(
        number=1,
        outturn_gbp=D("1450000"),
        evidence="Outturn 2027-28",
        headcount=90,
        num_below_fair_wage=0,
        lowest_hourly_pay_gbp=D("13.45"),
        num_living_locally=63,
        pay_uplift_pct=D("6.2"),
        is_illustrative=True,
    )
    service_year_record(service=service, entry=entry, user=None, by=SYSTEM, at=NOW, on=LATER)
    return authority, people, contract, service, before


def _officer_urls(authority, service, contract, kpi_):
    code = authority.code
    read = [
        reverse("inhouse:authority", args=[code]),
        reverse("inhouse:service", args=[code, service.pk]),
        reverse("inhouse:contract-kpis", args=[code, contract.pk]),
    ]
    write = [
        reverse("inhouse:year", args=[code, service.pk]),
        reverse("inhouse:kpi-add", args=[code, "services", service.pk]),
        reverse("inhouse:kpi-add", args=[code, "contracts", contract.pk]),
        reverse("inhouse:kpi-rate", args=[code, kpi_.pk]),
    ]
    return read, write


@pytest.mark.parametrize("role", list(Role))
def test_members_read_and_only_contract_managers_and_admins_record(
    client, officer_login, setting, role
):
    authority, people, contract, service, before = setting
    officer_login(client, people[role])
    read, write = _officer_urls(authority, service, contract, before)
    reads = role in CAPABILITIES[Capability.READ]  # not a union representative: public pages
    for url in read:
        assert client.get(url).status_code == (200 if reads else 403), url
    may = role in CAPABILITIES[Capability.MANAGE_CONTRACTS]
    for url in write:
        assert client.get(url).status_code == (200 if may else 403), url


def test_another_councils_officer_gets_404_and_strangers_sign_in(client, officer_login, setting):
    authority, _, contract, service, before = setting
    other = council(code="OTH", name="Other County Council")
    stranger = person(other, Role.CONTRACT_MANAGER, username="oth-manager")
    read, write = _officer_urls(authority, service, contract, before)
    for url in read + write:
        assert client.get(url).status_code == 302  # not signed in: to sign-in
    officer_login(client, stranger)
    for url in read + write:
        assert client.get(url).status_code == 404, url


def test_the_service_page_shows_years_kpis_and_the_law(client, officer_login, setting):
    authority, people, contract, service, _ = setting
    officer_login(client, people[Role.CONTRACT_MANAGER])
    page = client.get(reverse("inhouse:service", args=[authority.code, service.pk])).content
    page = page.decode()
    assert 'id="cost-picture"' in page and 'id="ratings-picture"' in page
    assert "£1,450,000" in page and "100.0%" in page and "70.0%" in page
    assert "Good</strong> (97)" in page and "Requires improvement</strong> (90)" in page
    assert "New survey method" in page and 'id="illustrative"' in page
    assert "Too few KPIs" in page  # £12m contract, one KPI: s.52 wants three


def test_recording_a_rating_keeps_the_form_and_saves(client, officer_login, setting):
    authority, people, _, service, before = setting
    officer_login(client, people[Role.CONTRACT_MANAGER])
    url = reverse("inhouse:kpi-rate", args=[authority.code, before.pk])
    typed = {"period_start": "2026-11-01", "value": "80", "rating": "good", "evidence": "x"}
    response = client.post(url, typed)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give the reason for a rating other than Inadequate" in page and 'value="80"' in page
    response = client.post(url, typed | {"reason": "Strike week, agreed with scrutiny"})
    assert response.status_code == 302
    saved = KpiRating.objects.get(kpi=before, period_start=date(2026, 11, 1))
    assert (saved.rating, saved.derived_rating, saved.recorded_by) == (
        "good",
        "inadequate",
        people[Role.CONTRACT_MANAGER],
    )


def test_recording_a_year_refuses_in_govuk_words(client, officer_login, setting):
    authority, people, _, service, _ = setting
    officer_login(client, people[Role.AUTHORITY_ADMIN])
    url = reverse("inhouse:year", args=[authority.code, service.pk])
    response = client.post(url, {"number": "1", "outturn_gbp": "", "headcount": "5"})
    page = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in page
    assert "Enter this staff figure too, or leave all of them empty" in page
    assert ServiceYear.objects.get().outturn_gbp == D("1450000")


def test_go_live_from_a_signed_decision(client, officer_login):
    authority, people, contract, decision = decided_inhouse(code="GOL")
    officer_login(client, people[Role.CONTRACT_MANAGER])
    listing = client.get(reverse("inhouse:authority", args=["GOL"])).content.decode()
    assert 'id="awaiting"' in listing
    url = reverse("inhouse:go-live", args=["GOL", decision.pk])
    assert client.post(url, {"started_on": "2020-01-01"}).status_code == 400
    response = client.post(url, {"started_on": "2026-12-01"})
    assert response.status_code == 302 and contract.inhouse_service.started_on == date(2026, 12, 1)
    assert client.get(url).status_code == 404  # live now: nothing awaits


def test_the_public_page_and_list_need_no_sign_in_and_show_no_person(client, setting):
    authority, _, contract, service, _ = setting
    page = client.get(reverse("brought-home:service", args=[service.pk])).content.decode()
    assert "Brought home" in page and 'id="cost-picture"' in page and "<title" in page
    assert 'id="illustrative"' in page and "illustrative" in page
    assert "record-year" not in page and "rate-" not in page  # no officer's links
    listing = client.get(reverse("brought-home:list")).content.decode()
    assert f'id="service-{service.pk}"' in listing and "0/1 → 1/1" in listing
    authority_page = client.get(reverse("portal:authority", args=[authority.public_slug]))
    assert reverse("brought-home:service", args=[service.pk]) in authority_page.content.decode()
    contract_page = client.get(reverse("portal:contract", args=[contract.pk])).content.decode()
    assert 'id="brought-home"' in contract_page
    assert client.get(reverse("brought-home:service", args=[9999])).status_code == 404


def test_the_csv_and_the_api_give_the_same_explicit_fields(client, setting):
    _, _, _, service, _ = setting
    data = client.get(reverse("brought-home:csv")).content
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    body = data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert tuple(rows[0]) == SUMMARY_FIELDS
    assert rows[0]["outturn_gbp"] == "1450000.00" and rows[0]["is_illustrative"] == "True"
    api = client.get(reverse("api-public:brought-home-list")).json()
    item = api["results"][0]
    assert set(item) == set(SUMMARY_FIELDS) | {"url"}
    assert item["share_paid_fair_wage_pct"] == "100.0" and item["kpis_good_in_house"] == 1
    detail = client.get(reverse("api-public:brought-home-detail", args=[service.pk])).json()
    assert detail["years"][0]["outturn_gbp"] == "1450000.00"
    assert [len(k["ratings"]) for k in detail["kpis"]] == [2, 1]
    assert not any(
        "recorded_by" in r or "evidence" in r for k in detail["kpis"] for r in k["ratings"]
    )
    assert client.get(reverse("api-public:brought-home-detail", args=[9999])).status_code == 404


def test_the_openapi_document_describes_the_endpoint(client):
    schema = client.get(reverse("api-public:schema"), {"format": "json"}).json()
    assert "/api/public/v1/brought-home/" in schema["paths"]


def test_an_empty_post_is_refused_field_by_field(client, officer_login, setting):
    authority, people, contract, service, before = setting
    officer_login(client, people[Role.CONTRACT_MANAGER])
    for url in _officer_urls(authority, service, contract, before)[1]:
        response = client.post(url, {})
        assert response.status_code == 400 and "There is a problem" in response.content.decode()
