"""The national view of refuse collection (CPV group 905) against a world counted by hand
(`testing/national.HAND_COUNT`): the selector, the page, its CSV and the API agree."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from insource.national.catalogue import group_key, service_get
from insource.national.presenters import view as presenters
from insource.national.selectors import view as selectors
from insource.testing import TEST_TODAY
from insource.testing.national import HAND_COUNT, refuse_world

pytestmark = pytest.mark.django_db


def test_the_service_is_named_in_words_with_the_products_category_and_unit():
    refuse = service_get("905")
    assert refuse.name == "Refuse and waste related services"
    assert str(refuse.category) == "Refuse and recycling collection"
    assert str(refuse.unit.unit) == "per household"
    assert service_get("90").unit is None  # a division mixes units
    assert [service_get(k) for k in ("900", "9", "9051", "ab", "99", "")] == [None] * 6
    assert (group_key("90511000"), group_key("90000000"), group_key("")) == ("905", "90", "")


def test_refuse_collection_across_the_country_matches_the_hand_count():
    world = refuse_world()
    view = selectors.national_view(service_get("905"), on=TEST_TODAY)
    data = presenters.view_data(view)
    assert data["reviews"] == {
        "coming_up": HAND_COUNT["coming_up"],
        "lead_months": 18,
        "open": HAND_COUNT["open"],
        "late": HAND_COUNT["late"],
        "due_soon": HAND_COUNT["due_soon"],
        "warn_months": 12,
    }
    assert data["outcomes"] == {k: HAND_COUNT[k] for k in selectors.KINDS}
    assert [(w["outcome"], w["count"]) for w in data["outsourced_why"]] == [
        ("OUTSOURCE_GOOD_REASON_CAPACITY", 1)
    ]
    assert data["outsourced_why"][0]["words"] == "Good reason: the council cannot run it yet"
    assert data["departures"] == HAND_COUNT["departures"]
    assert len(data["brought_home"]) == HAND_COUNT["brought_home"]
    rows = {r["authority_code"]: r for r in data["authorities"]}
    assert sorted(rows) == HAND_COUNT["authorities"]  # CCC has not adopted
    assert {k: r["num_contracts"] for k, r in rows.items()} == HAND_COUNT["contracts"]
    assert (rows["AAA"]["reviews_late"], rows["BBB"]["reviews_due_soon"]) == (1, 1)
    assert (rows["AAA"]["decisions_in_house"], rows["BBB"]["decisions_outsourced"]) == (1, 1)
    assert data["num_adopters"] == 2
    # the unit cost: the last contract's price a year over AAA's households (236,000 / 2.36)
    [cost] = data["unit_costs"]
    assert cost["source"] == "contract" and cost["count"] == Decimal(100_000)
    price = world.service.contract_price_per_year_gbp
    assert cost["per_unit"] == (price / 100_000).quantize(Decimal("0.01"))
    assert "Families and households" in cost["citation"] and cost["is_estimate"]
    assert data["spread"] is None  # the contract's price is the "before", not a spread point


def test_the_page_shows_the_counts_in_words_with_charts_and_tables(client):
    refuse_world()
    page = client.get(reverse("national:service", args=["905"]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="open-count">2<' in html and 'id="late-count">1<' in html
    assert "Good reason: the council cannot run it yet: 1" in html
    for part in ('id="outcomes-picture"', '<title id="outcomes-title">', 'id="outcomes-table"'):
        assert part in html
    assert 'id="costs-picture"' in html and 'id="costs-table"' in html
    assert "OUTSOURCE_" not in html and "INSOURCE_" not in html
    assert client.get(reverse("national:service", args=["900"])).status_code == 404


def test_the_csv_by_authority_has_a_bom_and_the_pages_figures(client):
    refuse_world()
    response = client.get(reverse("national:service-csv", args=["905"]))
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert tuple(rows[0]) == presenters.AUTHORITY_FIELDS
    by_code = {r["authority_code"]: r for r in rows}
    assert by_code["AAA"]["reviews_late"] == "1" and by_code["BBB"]["decisions_outsourced"] == "1"


def test_the_api_gives_the_same_figures(client):
    refuse_world()
    data = client.get(reverse("api-public:service-detail", args=["905"])).json()
    assert data["reviews"]["open"] == 2 and data["outcomes"]["in_house"] == 1
    assert [a["authority_code"] for a in data["authorities"]] == ["AAA", "BBB"]
    assert data["service"]["unit"] == "per household"
    assert client.get("/api/public/v1/services/900/").status_code == 404
    assert client.get("/api/public/v1/services/905/?x=1").status_code == 400


def test_the_services_list_names_each_service_with_a_published_decision(client):
    refuse_world()
    assert selectors.services_with_decisions() == [("905", 2)]
    html = client.get(reverse("national:services")).content.decode()
    assert "Refuse and waste related services" in html and "2 published decisions" in html


def test_the_view_counts_the_shared_work_of_the_services_division(client):
    from insource.sharing.models import SharedTemplate
    from insource.testing.sharing import reused, shared_appraisal

    _, _, template = shared_appraisal()
    SharedTemplate.objects.filter(pk=template.pk).update(cpv_division="90")  # refuse's division
    reused(template)
    refuse = service_get("905")
    data = presenters.view_data(selectors.national_view(refuse, on=TEST_TODAY))
    assert data["shared_work"] == {"division": "90", "templates": 1, "reuses": 1}
    other = presenters.view_data(selectors.national_view(service_get("79"), on=TEST_TODAY))
    assert other["shared_work"] == {"division": "79", "templates": 0, "reuses": 0}
    page = client.get(reverse("national:service", args=["905"])).content.decode()
    assert "1 options appraisal or clause shared as a template" in page
    assert "started from 1 time." in page
