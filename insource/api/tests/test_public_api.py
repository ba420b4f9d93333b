"""The public API: contracts, published decisions and authorities; filters, pages, errors."""

from __future__ import annotations

import json

import pytest

from insource.api.errors import problem
from insource.reviews.models import Decision
from insource.testing.open_data import build_world

pytestmark = pytest.mark.django_db
NOT_FOUND = problem(404, "Not found.")
BASE = "/api/public/v1"


def get(client, path, status=200, **params):
    response = client.get(f"{BASE}{path}", params)
    assert response.status_code == status, response.content[:500]
    return response.json()


def test_contracts_list_with_suppliers_and_published_decisions(client, world):
    body = get(client, "/contracts/")
    assert body["count"] == 5
    refuse = next(c for c in body["results"] if c["id"] == world.contracts["refuse"].pk)
    assert refuse["decisions"] == [world.decision.pk]
    assert refuse["reviewing_authority"] == {"code": "ZZA", "name": "Testshire County Council"}
    assert refuse["suppliers"] == [
        {
            "name": "Testshire Waste Services Ltd",
            "identifier": "GB-COH-ZZ000001",
            "company_number": "ZZ000001",
            "is_sme": False,
            "is_vcse": False,
        }
    ]
    assert refuse["url"].endswith(f"{BASE}/contracts/{refuse['id']}/")


def test_contract_detail_and_missing_ones(client, world):
    pk = world.contracts["care"].pk
    assert get(client, f"/contracts/{pk}/")["title"] == "Domiciliary care: north locality"
    for missing in ("999999", "9" * 30, "-1", "abc"):
        assert get(client, f"/contracts/{missing}/", status=404) == NOT_FOUND


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"authority": "zzb"}, {"School meals catering"}),
        ({"cpv": "853"}, {"Domiciliary care: north locality"}),
        ({"supplier": "testshire waste"}, {"Refuse and recycling collection"}),
        ({"q": "care north"}, {"Domiciliary care: north locality"}),
        ({"value_min": "1100000", "value_max": "1300000"}, {"Domiciliary care: north locality"}),
        ({"end_before": "2026-11-01"}, {"Grounds maintenance (terminated)"}),
        ({"value_min": "5", "value_max": "1"}, set()),
    ],
)
def test_contract_filters(client, world, params, titles):
    body = get(client, "/contracts/", **params)
    assert {c["title"] for c in body["results"]} == titles


def test_invalid_filters_are_400_with_detail(client, world):
    body = get(client, "/contracts/", status=400, cpv="90x", value_min="lots")
    assert body["detail"].startswith("Check the query parameters")
    assert set(body["errors"]) == {"cpv", "value_min"}


def test_pages_of_50_up_to_200(client, world):
    assert get(client, "/contracts/", page_size=2)["next"].endswith("page=2&page_size=2")
    assert get(client, "/contracts/", page=99, status=404)["detail"]
    assert len(get(client, "/authorities/", page_size=200)["results"]) <= 200
    assert set(get(client, "/authorities/", page_size=201, status=400)["errors"]) == {"page_size"}


def test_only_published_decisions(client, db):
    world = build_world(with_unpublished=True)
    body = get(client, "/decisions/")
    assert [d["id"] for d in body["results"]] == [world.decision.pk]
    assert Decision.objects.count() == 2
    get(client, f"/decisions/{world.unpublished.pk}/", status=404)
    contract = get(client, f"/contracts/{world.contracts['cleaning'].pk}/")
    assert contract["decisions"] == []


def test_decision_detail_is_the_published_pack(client, world):
    body = get(client, f"/decisions/{world.decision.pk}/")
    assert body["outcome"] == "INSOURCE_STATUTORY_PRESUMPTION"
    assert body["signer_name"] and body["policy_version"]["preset"] == "labour-2019-local"
    assert body["explanation"].startswith("Outcome:")
    assert {s["id"] for s in body["standards"]} >= {"MS1", "MS13"}
    assert body["grounds"] and body["grounds"][0]["text"]
    links = body["links"]
    assert links["pack"].endswith(f"/public/decisions/{world.decision.pk}/")
    assert client.get(links["pdf"]).status_code == 200
    assert client.get(links["trace"]).status_code == 200


def test_authorities_with_counts(client, world):
    body = get(client, "/authorities/ZZA/")
    assert body["num_contracts"] == 4 and body["num_published_decisions"] == 1
    assert body["policy_preset"] == "labour-2019-local"
    assert get(client, "/authorities/zza/")["code"] == "ZZA"
    assert get(client, "/authorities/NOPE/", status=404) == NOT_FOUND
    assert get(client, "/authorities/Z%00A/", status=404) == NOT_FOUND
    assert get(client, "/exports/contracts.csv", status=400, authority="Z\x00A")["errors"]


def test_unknown_api_paths_are_json_404s(client, db):
    response = client.get(f"{BASE}/nothing/here")
    assert response.status_code == 404 and response.json() == NOT_FOUND


def test_no_email_address_anywhere(client, world):
    """Privacy: no response carries a person's email (all of the world's end @example.org)."""
    emails = {u.email for u in world.people.values()}
    assert all(e.endswith("@example.org") for e in emails)
    paths = [
        "/contracts/",
        f"/contracts/{world.contracts['refuse'].pk}/",
        "/decisions/",
        f"/decisions/{world.decision.pk}/",
        "/authorities/ZZA/",
        "/exports/decisions.csv",
        "/exports/contracts.csv",
        "/exports/ocds/releases.json",
        "/exports/ocds/records.json",
    ]
    for path in paths:
        response = client.get(f"{BASE}{path}")
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"@example.org" not in body, path


def test_schema_and_docs_are_served_without_a_cdn(client, db):
    schema = client.get(f"{BASE}/schema/", {"format": "json"})
    assert schema.status_code == 200
    document = json.loads(schema.content)
    for path, operations in document["paths"].items():
        for operation in operations.values():
            assert {"400", "404", "429"} <= set(operation["responses"]), path
    html = client.get(f"{BASE}/docs/").content.decode()
    script = client.get(f"{BASE}/docs/", {"script": ""})
    assert script["Content-Type"].startswith("application/javascript")
    assert "<script>" not in html and "<style>" not in html
    assert "http" not in html.replace('href="/', "").replace('src="/', "")


def test_ocds_packages_say_where_they_are_published_not_which_host_was_asked(
    client, world, settings
):
    settings.INSOURCE_BASE_URL = "https://contracts.example.gov.uk/"
    response = client.get(f"{BASE}/exports/ocds/records.json", {"authority": "ZZA"})
    package = json.loads(b"".join(response.streaming_content))
    site = "https://contracts.example.gov.uk/api/public/v1/exports/ocds"
    assert package["uri"] == f"{site}/records.json?authority=ZZA"
    assert package["packages"] == [f"{site}/releases.json?authority=ZZA"]
    assert all(
        link["url"].startswith(f"{site}/releases.json?authority=ZZA#")
        for record in package["records"]
        for link in record["releases"]
    )
    releases = json.loads(
        b"".join(client.get(f"{BASE}/exports/ocds/releases.json").streaming_content)
    )
    assert releases["uri"] == f"{site}/releases.json"
