"""A supplier's record across councils (issue 19): one identity across sources, its contracts by
public body, terminations, changes, KPI ratings, standards breaches; the public page, and the
panels on the public contract page and the review page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from insource.core.audit import Actor
from insource.oversight.suppliers.identity import identity_of, suppliers_of
from insource.oversight.suppliers.selectors import supplier_record
from insource.register.services.corrections import contract_correct
from insource.testing import TEST_NOW
from insource.testing.factories import AuthorityFactory, ContractFactory, SupplierFactory
from insource.testing.inhouse import kpi, rating

pytestmark = pytest.mark.django_db
ON = date(2026, 12, 7)


@pytest.fixture
def world():
    """Greenway reached through Contracts Finder (a company number) and Find a Tender (a GB-COH
    identifier), with two councils; another supplier beside it."""
    cf = SupplierFactory(name="GREENWAY ENVIRONMENTAL LTD", company_number="01234567")
    fat = SupplierFactory(
        name="Greenway Environmental Limited",
        key="GB-COH-01234567",
        identifier_scheme="GB-COH",
        identifier_id="01234567",
    )
    other = SupplierFactory(name="Other Services Ltd")
    north, south = AuthorityFactory(name="North Council"), AuthorityFactory(name="South Council")
    running = ContractFactory(
        buyer=north, title="Waste collection", suppliers=[cf], end_on=date(2028, 3, 31)
    )
    ended = ContractFactory(
        buyer=north,
        title="Street cleaning",
        suppliers=[fat],
        is_terminated=True,
        terminated_on=date(2026, 6, 30),
        status="terminated",
    )
    south_one = ContractFactory(
        buyer=south, title="Grounds", suppliers=[fat], value_amount=Decimal(250000)
    )
    ContractFactory(buyer=south, title="Not theirs", suppliers=[other])
    return {"cf": cf, "fat": fat, "running": running, "ended": ended, "south": south_one}


def test_one_supplier_across_sources(world):
    assert identity_of(world["cf"]) == identity_of(world["fat"]) == "GB-COH-01234567"
    assert set(suppliers_of("GB-COH-01234567")) == {world["cf"], world["fat"]}
    assert identity_of(SupplierFactory(name="No Number Ltd")).startswith("s")
    # a placeholder of zeros is no company number: two such suppliers stay apart
    zero_a = SupplierFactory(name="A Ltd", company_number="00000000")
    zero_b = SupplierFactory(name="B Ltd", company_number="0")
    assert identity_of(zero_a) == f"s{zero_a.pk}" and identity_of(zero_b) == f"s{zero_b.pk}"
    assert not suppliers_of("GB-COH-00000000").exists()


def test_the_record_counts_contracts_terminations_changes_and_ratings(world):
    contract_correct(
        contract=world["running"],
        field="end_on",
        value="2029-03-31",
        reason="Extended",
        by=Actor.system("tests"),
        at=TEST_NOW,
    )
    bins = kpi(world["running"].reviewing_authority, contract=world["running"], name="Bins")
    rating(bins, date(2026, 4, 1), "50")  # far below its 95% target
    rating(bins, date(2026, 7, 1), "97")

    record = supplier_record("GB-COH-01234567", on=ON)

    assert (record.num_contracts, record.num_authorities) == (3, 2)
    assert record.terminated == 1 and record.live == 2
    assert record.changes == 1
    assert record.ratings.get("good") == 1 and record.performance_failures == 1
    assert record.value_gbp == Decimal(450000)
    assert {a.authority_name: a.contracts for a in record.by_authority} == {
        "North Council": 2,
        "South Council": 1,
    }
    assert record.name in {"GREENWAY ENVIRONMENTAL LTD", "Greenway Environmental Limited"}


def test_the_public_page_and_its_refusals(client, world):
    page = client.get(reverse("supplier", args=["GB-COH-01234567"])).content.decode()

    assert 'id="supplier-record"' in page and 'id="by-authority"' in page
    assert "North Council" in page and "South Council" in page
    assert "Street cleaning" in page and "Not theirs" not in page
    assert client.get(reverse("supplier", args=["GB-COH-99999999"])).status_code == 404
    assert client.get("/public/suppliers/%3Cscript%3E/").status_code == 404
    assert client.get("/public/suppliers/s0/").status_code == 404


def test_the_public_contract_page_links_to_the_suppliers_record(client, world):
    page = client.get(reverse("portal:contract", args=[world["running"].pk])).content.decode()

    assert 'id="supplier-records"' in page
    assert reverse("supplier", args=["GB-COH-01234567"]) in page


def test_the_review_page_shows_the_incumbents_record(client, officer_login):
    from insource.authorities.models import Role
    from insource.reviews.models import Review
    from insource.reviews.services.opening import reviews_open_due
    from insource.testing.workflow import NOW, TODAY, council, refuse_contract, team

    authority = council(code="INC")
    people = team(authority)
    incumbent = SupplierFactory(name="Incumbent Ltd", company_number="07654321")
    contract = refuse_contract(authority, suppliers=[incumbent])
    ContractFactory(buyer=AuthorityFactory(), suppliers=[incumbent], is_terminated=True)
    reviews_open_due(on=TODAY, by=Actor.system("tests"), at=NOW, authority=authority)
    review = Review.objects.get(contract=contract)
    officer_login(client, people[Role.REVIEW_OFFICER])

    page = client.get(reverse("reviews:review", args=["INC", review.pk])).content.decode()

    assert 'id="incumbent-record"' in page
    assert "Incumbent Ltd: 2 contracts with 2 authorities, 1 ended early or terminated" in page


def test_the_record_counts_the_contractors_late_information():
    from datetime import timedelta

    from insource.testing.contractors import continuing_request, forward

    _authority, _people, contract, request = continuing_request()
    forward(request)
    supplier = contract.suppliers.get()

    now = supplier_record(identity_of(supplier), on=TEST_NOW.date())
    later = supplier_record(identity_of(supplier), on=TEST_NOW.date() + timedelta(days=60))

    assert (now.information.num_asked, now.information.num_late) == (1, 0)
    assert (later.information.num_asked, later.information.num_late) == (1, 1)
