"""The place pages: officers with MAKE_PLACES save a place (errors all at once, what was typed
kept); anyone reads its public page (plain words, no codes, the estimate marked) and its CSV
(with a byte-order mark); hostile query strings and unknown slugs never give a 500."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.places.models import Place
from insource.places.services import place_create
from insource.register.exporters.csv import BOM
from insource.testing import TEST_NOW
from insource.testing.fuzzing import FUZZ, HOSTILE_TEXT
from insource.testing.places import staffordshire
from insource.testing.plain_words import codes_in
from insource.testing.public_pages import visible_text
from insource.testing.workflow import team

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    found = staffordshire()
    found["place"] = place_create(
        authority=found["bodies"]["sts"],
        name="Staffordshire",
        kind="county",
        key="STS",
        by=Actor.system("tests"),
        at=TEST_NOW,
    )
    return found


def test_the_public_page_shows_every_body_and_why_in_plain_words(client, world):
    response = client.get(reverse("places-public:place", args=["staffordshire"]))
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    for words in (
        "Staffordshire Police",
        "A police force named after Staffordshire: its force area covers the place",
        "Central government: only its contracts whose title or description names Stafford",
        "Biffa Municipal Ltd",
        "Between £24,545 and £100,488 over 5 years (an estimate)",
        "Greater Manchester pilot",
        "Tamworth",
    ):
        assert words in text
    assert text.count("Estimate") >= 2
    assert "Derbyshire Constabulary" not in text
    assert codes_in(text) == []
    assert "STS" not in text.split() and "2027-03-31" not in text


def test_the_csv_has_a_bom_and_the_estimate_marked(client, world):
    response = client.get(reverse("places-public:csv", args=["staffordshire"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith(BOM)
    rows = list(csv.reader(io.StringIO(body.removeprefix(BOM))))
    assert rows[0][:3] == ["Figure", "Public body", "Kind of body"]
    low, high = rows[-2], rows[-1]
    assert (low[0], low[7], high[0], high[7]) == (
        "Savings estimate, low", "24545", "Savings estimate, high", "100488"
    )  # fmt: skip
    assert "An estimate" in low[8]
    police = [r for r in rows if r[1] == "Staffordshire Police"]
    assert police and police[0][2] == "Police" and police[0][7] == "300000.00"


def test_an_unknown_place_is_not_found(client, db):
    assert client.get(reverse("places-public:place", args=["nowhere"])).status_code == 404
    assert client.get(reverse("places-public:csv", args=["nowhere"])).status_code == 404


# A lone surrogate cannot be put in a URL at all (the test client refuses to encode it).
TEXT = (HOSTILE_TEXT | st.text(max_size=40)).filter(lambda v: "\ud800" not in v)


@given(value=TEXT.filter(lambda v: not any(0xD800 <= ord(c) <= 0xDFFF for c in v)))
@FUZZ
def test_hostile_query_strings_never_give_a_500(client, world, value):
    for name in ("places-public:place", "places-public:csv"):
        url = reverse(name, args=["staffordshire"])
        # 400 only for what the site refuses everywhere (a NUL byte: core/middleware.py)
        assert client.get(url, {"window": value, "x": value}).status_code in (200, 400)
    assert client.get(reverse("places-public:list"), {"q": value}).status_code in (200, 400)


def test_a_review_officer_saves_a_county_place(client, officer_login, world):
    people = team(world["bodies"]["taw"])
    officer_login(client, people[Role.REVIEW_OFFICER])
    url = reverse("places:new", args=["TAW"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Staffordshire", "kind": "county", "county": "STS"})
    place = Place.objects.get(slug="staffordshire-2")
    assert response.status_code == 302 and response["Location"].endswith("/staffordshire-2/")
    assert place.area_codes[0] == "STS" and len(place.area_codes) == 9
    assert place.made_by_authority == world["bodies"]["taw"]
    listed = client.get(reverse("places:authority", args=["TAW"])).content.decode()
    assert "/public/places/staffordshire-2/" in listed


def test_errors_are_shown_all_at_once_and_what_was_typed_is_kept(client, officer_login, world):
    people = team(world["bodies"]["taw"])
    officer_login(client, people[Role.REVIEW_OFFICER])
    response = client.post(
        reverse("places:new", args=["TAW"]),
        {"name": "", "kind": "custom", "codes": "TAW, XYZ, QQQ"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Enter a name for the place" in page
    assert "&#x27;XYZ&#x27; is not the code of a current local authority" in page
    assert "&#x27;QQQ&#x27;" in page
    assert 'value="TAW, XYZ, QQQ"' in page
    assert not Place.objects.filter(made_by_authority=world["bodies"]["taw"]).exists()


def test_a_councillor_reads_the_places_but_may_not_make_one(client, officer_login, world):
    people = team(world["bodies"]["taw"])
    officer_login(client, people[Role.COUNCILLOR])
    assert client.get(reverse("places:authority", args=["TAW"])).status_code == 200
    assert client.get(reverse("places:new", args=["TAW"])).status_code == 403
