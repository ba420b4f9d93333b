"""Every public list refuses a parameter outside its schema with a 400 problem naming it and
what it accepts: nothing is capped or ignored (ADR 0017)."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db
BASE = "/api/public/v1"
LISTS = [
    "/contracts/",
    "/decisions/",
    "/authorities/",
    "/requests/",
    "/brought-home/",
    "/outcome-kpis/",
    "/kpi-assessments/",
]


def refused(client, path, **params) -> dict:
    response = client.get(f"{BASE}{path}", params)
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "about:blank" and body["title"] == "Bad Request"
    assert body["status"] == 400
    return body["errors"]


@pytest.mark.parametrize("path", LISTS)
def test_every_list_refuses_page_sizes_and_pages_outside_the_range(client, world, path):
    assert refused(client, path, page_size=201) == {
        "page_size": ["page_size: Use a whole number from 1 to 200"]
    }
    assert "page_size" in refused(client, path, page_size=0)
    assert "page_size" in refused(client, path, page_size="ten")
    assert "page" in refused(client, path, page=0)
    assert "page" in refused(client, path, page="last")


@pytest.mark.parametrize("path", LISTS)
def test_every_list_refuses_unknown_parameter_names(client, world, path):
    errors = refused(client, path, colour="blue")
    assert list(errors) == ["colour"]
    assert "Unknown parameter 'colour': this endpoint takes" in errors["colour"][0]
    assert "page_size" in errors["colour"][0]


def test_requests_state_and_overdue_name_their_allowed_values(client, world):
    errors = refused(client, "/requests/", state="AAA", overdue="late")
    assert errors["state"][0].startswith("state: Use one of: ") and "answered" in errors["state"][0]
    assert errors["overdue"] == ["overdue: Use one of: overdue, very-overdue"]
    assert client.get(f"{BASE}/requests/", {"state": "answered-full"}).status_code == 200


@pytest.mark.parametrize(
    ("params", "name", "says"),
    [
        ({"sort": "price"}, "sort", "Use one of: end, -end, -value, title"),
        ({"cpv": "90x"}, "cpv", "matching ^[0-9]{1,8}$"),
        ({"value_min": "-1"}, "value_min", "a number from 0 to 1000000000000"),
        ({"value_max": "1e13"}, "value_max", "from 0 to"),
        ({"value_max": "NaN"}, "value_max", "a number"),
        ({"end_after": "31/3/2027"}, "end_after", "YYYY-MM-DD"),
        ({"end_before": "2027-02-30"}, "end_before", "a real date"),
        ({"q": "x" * 201}, "q", "at most 200 characters"),
        ({"supplier": "x" * 201}, "supplier", "at most 200 characters"),
        ({"authority": "x" * 121}, "authority", "at most 120 characters"),
        ({"q": "a\x00b"}, "q", "Remove the NUL character"),
    ],
)
def test_contract_filters_outside_the_schema(client, world, params, name, says):
    errors = refused(client, "/contracts/", **params)
    assert list(errors) == [name] and says in errors[name][0]


def test_decision_filters_outside_the_schema(client, world):
    errors = refused(client, "/decisions/", outcome="AAA", contract="0")
    assert "INSOURCE_STATUTORY_PRESUMPTION" in errors["outcome"][0]
    assert "from 1 to" in errors["contract"][0]
    ok = client.get(f"{BASE}/decisions/", {"outcome": "INSOURCE_STATUTORY_PRESUMPTION"})
    assert ok.status_code == 200


def test_a_parameter_given_twice_is_refused(client, world):
    response = client.get(f"{BASE}/contracts/?sort=end&sort=title")
    assert response.status_code == 400
    assert response.json()["errors"] == {"sort": ["Give sort once"]}


def test_details_and_downloads_take_only_their_own_parameters(client, world):
    pk = world.contracts["refuse"].pk
    assert "page" in refused(client, f"/contracts/{pk}/", page=1)
    assert "format" in refused(client, "/exports/contracts.csv", format="xml")
    assert "authority" in refused(client, "/exports/contracts.csv", authority="x" * 121)
    assert client.get(f"{BASE}/exports/contracts.csv", {"authority": "ZZA"}).status_code == 200


def test_the_document_declares_exactly_the_parameters_each_endpoint_takes(client, world):
    """The check and the OpenAPI document read the same declarations: compare them."""
    from insource.api.public.filters import CONTRACT_PARAMETERS, DECISION_PARAMETERS
    from insource.api.public.request_views import LIST_PARAMETERS

    document = json.loads(client.get(f"{BASE}/schema/", {"format": "json"}).content)
    paths = document["paths"]

    def query_names(path):
        return {
            p["name"]
            for p in paths[f"{BASE}{path}"]["get"].get("parameters", [])
            if p["in"] == "query"
        }

    page = {"page", "page_size"}
    assert query_names("/contracts/") == {p.name for p in CONTRACT_PARAMETERS} | page
    assert query_names("/decisions/") == {p.name for p in DECISION_PARAMETERS} | page
    assert query_names("/requests/") == {p.name for p in LIST_PARAMETERS} | page
    assert query_names("/authorities/") == page
    assert query_names("/brought-home/") == page
    assert query_names("/outcome-kpis/") == {"authority", "service", "kind", "place"} | page
    assert query_names("/services/{id}/") == set()
    assert query_names("/kpi-assessments/") == {"authority", "service", "place"} | page
    assert query_names("/contracts/{id}/") == set()
    assert query_names("/exports/contracts.csv") == {"authority"}
    size = next(
        p for p in paths[f"{BASE}/contracts/"]["get"]["parameters"] if p["name"] == "page_size"
    )
    assert size["schema"] == {"type": "integer", "minimum": 1, "maximum": 200}
