"""Officer pages: sign-in required, filters, pagination, the contract page and the pipeline."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from insource.testing.factories import (
    PASSWORD,
    AuthorityFactory,
    ContractEventFactory,
    ContractFactory,
    PlannedProcurementFactory,
    SupplierFactory,
    UserFactory,
    empty_register,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _only_this_tests_rows(db):
    """The test sees only the rows it makes, whatever register the session loaded."""
    empty_register()


LIST = reverse("register:contract-list")
PIPELINE = reverse("register:pipeline")


@pytest.fixture
def officer(client, officer_login):
    user = UserFactory()
    officer_login(client, user)
    return user


def titles(response) -> list[str]:
    return [c.title for c in response.context["page_obj"].object_list]


@pytest.mark.parametrize("url", [LIST, PIPELINE, reverse("register:contract-detail", args=[1])])
def test_officer_pages_need_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login") + "?next=")


def test_home_is_public_and_counts_the_register(client):
    ContractFactory.create_batch(3)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert response.context["summary"]["num_contracts"] == 3
    assert b"Demonstration data" in response.content


def test_sign_in_with_bad_password_shows_error_summary(client):
    UserFactory(username="officer")
    response = client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert b"Enter a correct username and password" in response.content


def test_sign_in_lands_on_the_officers_own_work_not_the_register(client):
    UserFactory(username="officer")
    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD})
    assert response.status_code == 302
    code_page = urlparse(response.url)  # the authenticator code comes first
    assert code_page.path == reverse("otp-verify")
    assert parse_qs(code_page.query)["next"] == [reverse("home")]


def test_every_page_says_it_shows_demonstration_data(client, officer, settings):
    settings.INSOURCE_DEMO = True
    contract = ContractFactory()
    for url in [LIST, PIPELINE, reverse("register:contract-detail", args=[contract.pk])]:
        content = client.get(url).content.decode()
        assert "Demonstration data" in content
        assert "uk_local_authority_names_and_codes" in content


def test_demo_notice_hidden_outside_demo(client, settings):
    settings.INSOURCE_DEMO = False
    assert b"Demonstration data" not in client.get(reverse("home")).content


def test_register_lists_contracts_with_value_estimate(client, officer):
    ContractFactory(title="Street cleaning", value_inc_vat=Decimal("120000"))
    ContractFactory(title="School meals", is_value_inc_vat_estimate=True)
    response = client.get(LIST)
    assert response.status_code == 200
    assert set(titles(response)) == {"Street cleaning", "School meals"}
    content = response.content.decode()
    assert "£120,000" in content
    assert "(estimate)" in content
    assert "2 contracts" in content


def test_register_filters_by_authority_key(client, officer):
    haringey = AuthorityFactory(key="la:ZZHRY", name="London Borough of Haringey")
    ContractFactory(title="Haringey parks", buyer=haringey)
    ContractFactory(title="Elsewhere")
    response = client.get(LIST, {"authority": "la:ZZHRY"})
    assert titles(response) == ["Haringey parks"]


def test_register_filters_by_cpv_prefix_on_main_or_any_code(client, officer):
    ContractFactory(title="Refuse", main_cpv="90500000")
    ContractFactory(title="Catering too", main_cpv="79000000", cpv_codes=["79000000", "55500000"])
    ContractFactory(title="Works", main_cpv="45000000")
    assert titles(client.get(LIST, {"cpv": "905"})) == ["Refuse"]
    assert titles(client.get(LIST, {"cpv": "555"})) == ["Catering too"]


def test_register_filters_by_supplier_text_value_and_end_date(client, officer):
    veolia = SupplierFactory(name="Veolia ES Ltd")
    ContractFactory(title="Waste collection", suppliers=[veolia], value_inc_vat=Decimal("5e6"))
    ContractFactory(title="Bins and waste", value_inc_vat=Decimal("50000"), end_on=date(2030, 1, 1))
    ContractFactory(title="Libraries", value_inc_vat=Decimal("900000"))
    assert titles(client.get(LIST, {"supplier": "veolia"})) == ["Waste collection"]
    assert sorted(titles(client.get(LIST, {"q": "waste"}))) == [
        "Bins and waste",
        "Waste collection",
    ]
    assert titles(client.get(LIST, {"q": "veolia collection"})) == ["Waste collection"]
    assert titles(client.get(LIST, {"value_min": "100000", "value_max": "1000000"})) == [
        "Libraries"
    ]
    assert titles(client.get(LIST, {"end_after": "1/1/2029"})) == ["Bins and waste"]
    assert "Bins and waste" not in titles(client.get(LIST, {"end_before": "2029-12-31"}))


def test_register_sorts(client, officer):
    ContractFactory(title="Small", value_inc_vat=Decimal("10"))
    ContractFactory(title="Large", value_inc_vat=Decimal("1000"))
    assert titles(client.get(LIST, {"sort": "-value"})) == ["Large", "Small"]


def test_pagination_is_50_a_page_and_keeps_filters(client, officer):
    ContractFactory.create_batch(55, title="Cleaning")
    ContractFactory(title="Other")
    response = client.get(LIST, {"q": "cleaning"})
    page = response.context["page_obj"]
    assert len(page.object_list) == 50
    assert page.paginator.count == 55
    content = response.content.decode()
    assert "55 contracts" in content
    next_link = response.context["page_obj"].next_page_number()
    assert next_link == 2
    href = content.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0]
    query = parse_qs(urlparse(href.replace("&amp;", "&")).query)
    assert query == {"q": ["cleaning"], "page": ["2"]}
    second = client.get(LIST, {"q": "cleaning", "page": "2"})
    assert len(second.context["page_obj"].object_list) == 5


def test_register_has_no_n_plus_one(client, officer, django_assert_max_num_queries):
    suppliers = SupplierFactory.create_batch(3)
    ContractFactory.create_batch(60, suppliers=suppliers)
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"value_min": "lots"}, "Enter an amount in pounds, like 250000"),
        ({"value_max": "-5"}, "Enter an amount in pounds, like 250000"),
        ({"value_min": "1e400"}, "Enter an amount in pounds, like 250000"),
        ({"value_min": "100", "value_max": "10"}, "Maximum value must be at least the minimum"),
        ({"end_after": "31/2/2027"}, "Enter a real date, like 31/3/2027"),
        ({"end_after": "2028-01-01", "end_before": "2027-01-01"}, "must be on or after"),
        ({"authority": "la:NOPE"}, "No authority with contracts in the register matches"),
        ({"cpv": "abc"}, "Enter the start of a CPV code"),
        ({"sort": "drop table"}, "Select how to sort the contracts"),
    ],
)
def test_bad_filter_values_give_an_error_summary_not_a_500(client, officer, params, message):
    ContractFactory()
    response = client.get(LIST, params)
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert message in content
    assert content.count("<title>Error:") == 1


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999", "1.5", "%00"])
def test_bad_page_numbers_are_not_errors(client, officer, page):
    ContractFactory()
    assert client.get(LIST, {"page": page}).status_code == 200


def test_contract_page_shows_fields_history_override_and_provenance(client, officer):
    old = AuthorityFactory(name="North Yorkshire County Council")
    new = AuthorityFactory(name="North Yorkshire Council")
    contract = ContractFactory(
        buyer=old,
        reviewing_authority=new,
        title="Highways maintenance",
        end_on=date(2028, 3, 31),
        overrides={"end_on": "2028-03-31"},
        source_values={"end_on": "2027-03-31"},
        provenance={"title": {"import": 7, "source": "awards.csv", "release": "ocds-b5fd17-1-rel"}},
        quality_flags=[{"code": "VALUE_UNDER_1000", "message": "value £500 is under £1,000"}],
        suppliers=[SupplierFactory(name="Ringway Ltd", company_number="00123456", is_sme=False)],
    )
    ContractEventFactory(contract=contract, changes={"title": [None, "Highways maintenance"]})
    ContractEventFactory(
        contract=contract,
        kind="corrected",
        at=timezone.now(),
        by="officer@example.org",
        reason="Extension agreed by cabinet",
        changes={"end_on": ["2027-03-31", "2028-03-31"]},
    )
    response = client.get(reverse("register:contract-detail", args=[contract.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Highways maintenance" in content
    assert "Differs from source" in content
    assert "Source value: 31 March 2027" in content
    assert "ocds-b5fd17-1-rel" in content and "Import 7" in content
    assert "Value £500 is under £1,000" in content
    assert "Ringway Ltd" in content and "00123456" in content
    assert "North Yorkshire Council reviews this contract as its successor" in content
    history = [item["event"].kind for item in response.context["history"]]
    assert history == ["corrected", "imported"]
    assert content.index("Extension agreed by cabinet") < content.index("Imported,")


def test_missing_contract_is_a_404_with_the_site_template(client, officer):
    response = client.get(reverse("register:contract-detail", args=[999999]))
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"govuk-template__body" in response.content


def test_pipeline_lists_soonest_first_within_the_window(client, officer):
    today = timezone.localdate()
    ContractFactory(title="Later", end_on=today + timedelta(days=300))
    ContractFactory(title="Sooner", end_on=today + timedelta(days=20))
    ContractFactory(
        title="Extended", end_on=today + timedelta(days=5), max_end_on=today + timedelta(days=100)
    )
    ContractFactory(title="Too late", end_on=today + timedelta(days=800))
    ContractFactory(title="Already ended", end_on=today - timedelta(days=1))
    response = client.get(PIPELINE)
    assert response.status_code == 200
    assert titles(response) == ["Sooner", "Extended", "Later"]
    assert titles(client.get(PIPELINE, {"within": "36"}))[-1] == "Too late"
    assert titles(client.get(PIPELINE, {"within": "6"})) == ["Sooner", "Extended"]


def test_pipeline_filters_by_authority_and_shows_planned_and_timeline(client, officer):
    today = timezone.localdate()
    camden = AuthorityFactory(key="la:ZZCMD", name="Camden")
    ContractFactory(title="Camden cleaning", buyer=camden, end_on=today + timedelta(days=40))
    ContractFactory(title="Other cleaning", end_on=today + timedelta(days=40))
    PlannedProcurementFactory(
        title="Camden meals", buyer=camden, start_on=today + timedelta(days=90)
    )
    response = client.get(PIPELINE, {"authority": "la:ZZCMD"})
    assert titles(response) == ["Camden cleaning"]
    content = response.content.decode()
    assert "Camden meals" in content and "Planned" in content
    assert 'role="img"' in content and "<title id=" in content
    assert "app-timeline__bar--planned" in content


@pytest.mark.parametrize("params", [{"within": "7"}, {"within": "x"}, {"authority": "la:NOPE"}])
def test_pipeline_bad_params_give_an_error_and_the_default_window(client, officer, params):
    response = client.get(PIPELINE, params)
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert response.context["pipeline"].within_months == 18
