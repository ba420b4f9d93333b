"""Choosing an authority by typing (ADR 0038): the server reads a name, a code, a key or the
autocomplete's "Name (CODE)"; the autocomplete's JSON list is built once per data change and
answers 304 to a browser that has it; the register's pages carry a text box, not 1,400 options."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from insource.register.selectors import authority_choices
from insource.register.selectors.authority_choices import authority_find
from insource.testing.factories import AuthorityFactory, ContractFactory, empty_register

pytestmark = pytest.mark.django_db
CHOICES = reverse("portal:authority-choices")


@pytest.fixture(autouse=True)
def _only_this_tests_rows(db):
    empty_register()


@pytest.fixture
def authorities():
    suffolk = AuthorityFactory(key="la:SFK", code="SFK", name="Suffolk County Council")
    newport_w = AuthorityFactory(key="la:NWP", code="NWP", name="Newport City Council")
    newport_e = AuthorityFactory(key="buyer:newport", code="", name="Newport City Council")
    idle = AuthorityFactory(key="la:IDL", code="IDL", name="Idle District Council")
    ending = timezone.localdate() + timedelta(days=30)
    for authority in (suffolk, newport_w, newport_e):
        ContractFactory(buyer=authority, end_on=ending, title=f"Meals for {authority.code}")
    return suffolk, newport_w, newport_e, idle


def labels(client) -> list[str]:
    response = client.get(CHOICES)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_the_list_names_each_authority_with_contracts_and_tells_shared_names_apart(
    client, authorities
):
    assert labels(client) == [
        "Newport City Council (buyer:newport)",
        "Newport City Council (NWP)",
        "Suffolk County Council",
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Suffolk County Council", 0),
        ("  suffolk   county council ", 0),
        ("suff", 0),
        ("sfk", 0),
        ("la:SFK", 0),
        ("Newport City Council (NWP)", 1),
        ("Newport City Council (buyer:newport)", 2),
        ("nwp", 1),
    ],
)
def test_the_server_reads_a_name_a_code_a_key_or_a_label(authorities, typed, expected):
    assert authority_find(typed).authority == authorities[expected]


def test_a_shared_name_or_nothing_found_gives_candidates_or_none(authorities):
    shared = authority_find("Newport City Council")
    assert shared.authority is None
    assert shared.candidates == [
        "Newport City Council (buyer:newport)",
        "Newport City Council (NWP)",
    ]
    assert authority_find("Idle District Council") == authority_choices.Found(None, [])
    assert authority_find("council").authority is None
    assert authority_find("\x00").authority is None


def test_the_public_search_filters_by_a_typed_name_and_explains_a_shared_one(client, authorities):
    page = client.get(reverse("portal:contracts"), {"authority": "suffolk"})
    assert [c.title for c in page.context["page_obj"]] == ["Meals for SFK"]
    text = page.content.decode()
    assert 'data-module="app-authority-autocomplete"' in text
    assert 'value="suffolk"' in text
    assert "<option" not in text.split('id="id_authority"')[0][-200:]
    shared = client.get(reverse("portal:contracts"), {"authority": "Newport City Council"})
    message = shared.content.decode()
    assert "govuk-error-summary" in message
    assert "More than one authority matches" in message
    assert "Newport City Council (NWP)" in message


def test_a_link_with_a_key_shows_the_authority_s_name(client, authorities):
    page = client.get(reverse("portal:contracts"), {"authority": "la:SFK"})
    assert 'value="Suffolk County Council"' in page.content.decode()
    assert [c.title for c in page.context["page_obj"]] == ["Meals for SFK"]


def test_the_list_is_built_once_and_a_browser_that_has_it_gets_304(
    client, authorities, django_assert_max_num_queries
):
    first = client.get(CHOICES)
    with django_assert_max_num_queries(6):  # the version's maxima and the generation, no list
        again = client.get(CHOICES, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert "max-age" in first["Cache-Control"]


def test_a_new_or_renamed_authority_appears_at_once(client, authorities):
    before = labels(client)
    suffolk = authorities[0]
    suffolk.nice_name = "Suffolk"
    suffolk.save()
    assert "Suffolk" in labels(client)
    norfolk = AuthorityFactory(key="la:NFK", code="NFK", name="Norfolk County Council")
    ContractFactory(buyer=norfolk, end_on=timezone.localdate())
    after = labels(client)
    assert "Norfolk County Council" in after and "Norfolk County Council" not in before
