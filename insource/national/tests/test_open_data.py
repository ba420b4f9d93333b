"""Social outcomes for all: the KPI ratings as CSV, in the API and as OCDS implementation
metrics that validate against the UK profile; hostile query strings never answer 500."""

from __future__ import annotations

import csv
import io

import orjson
import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from insource.national.presenters import open_data as presenters
from insource.register.exporters import ocds
from insource.register.models import Contract
from insource.standards.notices.metrics import implementation_metrics
from insource.testing.fuzzing import FUZZ, HOSTILE_TEXT
from insource.testing.national import refuse_world
from insource.testing.ocds_export import errors_of, meta

pytestmark = pytest.mark.django_db


def _csv(client, query=""):
    response = client.get(reverse("national:outcome-kpis-csv") + query)
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_every_rating_is_a_row_of_the_csv_by_authority_and_service(client):
    world = refuse_world()
    [row] = _csv(client)
    assert tuple(row) == presenters.OUTCOME_KPI_FIELDS
    assert row["authority_code"] == "AAA" and row["kpi_name"] == world.kpi.name
    assert (row["value"], row["target"], row["unit"]) == ("97", "95", "%")
    assert row["service_group"] == "Refuse and waste related services"
    assert row["rating_words"] == "Good" and row["delivered_by"] == "contractor"
    assert _csv(client, "?authority=bbb") == []
    assert len(_csv(client, "?service=905&kind=performance")) == 1
    assert _csv(client, "?service=555") == []
    for bad in ("?authority=nowhere", "?service=900", "?kind=x"):
        assert client.get(reverse("national:outcome-kpis-csv") + bad).status_code == 400


def test_the_api_lists_the_same_rows_and_refuses_what_is_outside_its_schema(client):
    refuse_world()
    data = client.get(reverse("api-public:outcome-kpi-list")).json()
    assert data["count"] == 1
    [row] = data["results"]
    assert row["kpi_kind"] == "performance" and row["value"] == "97"
    assert client.get(reverse("api-public:outcome-kpi-list") + "?authority=aaa").json()["count"]
    bad = client.get(reverse("api-public:outcome-kpi-list") + "?kind=x&service=9&colour=red")
    assert bad.status_code == 400
    assert bad["Content-Type"] == "application/problem+json"
    assert set(bad.json()["errors"]) == {"kind", "service", "colour"}


def test_kpi_assessments_of_contracts_kept_with_a_contractor_are_open_data_as_counts(client):
    world = refuse_world()
    response = client.get(reverse("national:kpi-assessments-csv"))
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    [row] = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert tuple(row) == presenters.KPI_ASSESSMENT_FIELDS
    assert (row["authority_code"], row["num_kpis"], row["num_kpis_met"]) == ("BBB", "3", "2")
    assert row["contract_id"] == str(world.outsourced.contract_id)
    assert "Quarterly" not in body.decode("utf-8-sig")  # the evidence stays with the authority
    api = client.get(reverse("api-public:kpi-assessment-list") + "?service=905").json()
    assert api["count"] == 1 and api["results"][0]["num_kpis_met"] == 2
    assert (
        client.get(reverse("api-public:kpi-assessment-list") + "?service=555").json()["count"] == 0
    )


def test_the_ocds_export_carries_the_ratings_as_implementation_metrics_and_validates():
    world = refuse_world()
    measured = implementation_metrics()
    assert list(measured) == [world.in_house.contract_id]
    contracts = Contract.objects.order_by("ocid", "id")
    package = orjson.loads(
        b"".join(ocds.release_package(contracts, meta(implementations=measured)))
    )
    assert errors_of("release", package) == []
    assert ocds.METRICS_EXTENSION_URL in package["extensions"]
    [release] = [r for r in package["releases"] if r["tag"] == ["implementation"]]
    [metric] = release["contracts"][0]["implementation"]["metrics"]
    [seen] = metric["observations"]
    assert metric["title"] == world.kpi.name
    assert seen["measure"] == "97" and seen["measureClassification"]["id"] == "met"
    records = orjson.loads(b"".join(ocds.record_package(contracts, meta(implementations=measured))))
    assert errors_of("record", records) == []
    plain = orjson.loads(b"".join(ocds.release_package(contracts, meta())))
    assert ocds.METRICS_EXTENSION_URL not in plain["extensions"]


def test_the_public_export_includes_the_metrics(client):
    refuse_world()
    response = client.get(reverse("api-public:export-ocds-releases"))
    package = orjson.loads(b"".join(response.streaming_content))
    assert any(r["tag"] == ["implementation"] for r in package["releases"])


NAMES = st.sampled_from(["authority", "service", "kind", "page", "page_size", "x", "on"])


@FUZZ
@given(params=st.lists(st.tuples(NAMES, HOSTILE_TEXT | st.text(max_size=30)), max_size=4))
def test_hostile_query_strings_never_answer_500(client, params):
    from urllib.parse import urlencode

    query = "?" + urlencode(params)
    for url in (
        reverse("national:services"),
        reverse("national:service", args=["905"]),
        reverse("national:service-csv", args=["905"]),
        reverse("national:outcome-kpis-csv"),
        reverse("national:kpi-assessments-csv"),
        reverse("api-public:outcome-kpi-list"),
        reverse("api-public:kpi-assessment-list"),
        reverse("api-public:service-detail", args=["905"]),
    ):
        assert client.get(url + query).status_code < 500, url + query


@FUZZ
@given(key=HOSTILE_TEXT | st.text(max_size=12))
def test_hostile_service_codes_never_answer_500(client, key):
    from urllib.parse import quote

    for prefix in ("/public/services/", "/api/public/v1/services/"):
        assert client.get(prefix + quote(key, safe="") + "/").status_code < 500


def test_a_saved_places_bodies_filter_the_outcome_kpis(client):
    """`?place=` keeps the ratings and assessments of the place's public bodies: AAA's rating
    is in a place of AAA and not in a place of BBB; an unknown place is refused (400 / 404)."""
    from insource.authorities.models import Authority
    from insource.places.models import Place
    from insource.testing.workflow import NOW

    refuse_world()
    for slug, code in (("aaa-area", "AAA"), ("bbb-area", "BBB")):
        authority = Authority.objects.get(code=code)
        Place.objects.create(
            slug=slug,
            name=f"{code} area",
            kind="custom",
            key=code,
            area_codes=[code],
            made_by_authority=authority,
            made_by="tests",
            made_at=NOW,
        )
    assert len(_csv(client, "?place=aaa-area")) == 1
    assert _csv(client, "?place=bbb-area") == []
    assert client.get(reverse("national:outcome-kpis-csv") + "?place=nowhere").status_code == 400
    url = reverse("api-public:outcome-kpi-list")
    assert client.get(url + "?place=aaa-area").json()["count"] == 1
    assert client.get(url + "?place=bbb-area").json()["count"] == 0
    assert client.get(url + "?place=nowhere").status_code == 404
    assessments = reverse("api-public:kpi-assessment-list")
    assert client.get(assessments + "?place=nowhere").status_code == 404
    by_bbb = client.get(assessments + "?authority=bbb").json()["count"]
    assert by_bbb and client.get(assessments + "?place=bbb-area").json()["count"] == by_bbb
    assert client.get(assessments + "?place=aaa-area").json()["count"] == 0
