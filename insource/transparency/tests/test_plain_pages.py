"""No engine code on any public page (issue 18; ADR 0034): every kind of public page, rendered
for a demo-like world with decisions of several outcomes published, shows in its visible text
no outcome, status or flag code, no "T1:" or "MS1" without its title, no import key or ocid and
no ISO date; contracts are named by title or by service, authority and supplier; the packs
give the supplier, the authority's full name and the threshold in words. No feed source key or
system actor's code either (`core/names.py`)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from insource.oversight.suppliers.identity import identity_of
from insource.testing.plain_words import codes_in
from insource.testing.public_pages import build_public_world, visible_text


@pytest.fixture
def world(db):
    return build_public_world()


def _pages(world) -> dict[str, str]:
    authority = world.authority
    pages = {
        "home": reverse("home"),
        "authorities": reverse("portal:authorities"),
        "authority": reverse("portal:authority", kwargs={"slug": authority.code.lower()}),
        "register search": reverse("portal:contracts"),
        "requests": reverse("requests:list"),
        "brought home": reverse("brought-home:list"),
        "policy adoptions": reverse("public:adoptions"),
        "open data": reverse("portal:open-data"),
        "national services": reverse("national:services"),
        "shared work": reverse("shared-work:library"),
    }
    for name, contract in world.contracts.items():
        pages[f"contract {name}"] = reverse("portal:contract", kwargs={"pk": contract.pk})
        pages[f"follow {name}"] = reverse("alerts:follow", args=["contract", contract.pk])
        for supplier in contract.suppliers.all():
            pages[f"supplier of {name}"] = reverse("supplier", args=[identity_of(supplier)])
    pages["follow the authority"] = reverse(
        "alerts:follow", args=["authority", authority.public_slug]
    )
    for name, decision in world.decisions.items():
        pages[f"decision {name}"] = reverse("public:decision", kwargs={"pk": decision.pk})
        pages[f"check {name}"] = reverse("public:decision-check", kwargs={"pk": decision.pk})
    return pages


def test_no_public_page_shows_an_engine_code(client, world):
    found = {}
    for name, url in _pages(world).items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        codes = codes_in(visible_text(response.content.decode()))
        if codes:
            found[name] = sorted(set(codes))
    assert found == {}, found


def test_contracts_without_a_title_are_named_by_service_authority_and_supplier(client, world):
    page = visible_text(client.get(reverse("portal:contracts")).content.decode())
    assert "Propane and butane for Leicestershire County Council, with Calor Gas Ltd" in page
    assert "cf-flat:" not in page


def test_the_pack_names_the_supplier_the_council_and_the_threshold_in_words(client, world):
    url = reverse("public:decision", kwargs={"pk": world.decisions["in-house"].pk})
    page = visible_text(client.get(url).content.decode())
    assert "Leicestershire County Council" in page
    assert "Biffa Ltd" in page
    assert "the limit for contracts for services" in page
    assert "supplies services" not in page and "supplies_services" not in page


def test_the_pack_lists_the_public_interest_test_by_name_when_claimed(client, world):
    url = reverse("public:decision", kwargs={"pk": world.decisions["capacity"].pk})
    page = visible_text(client.get(url).content.decode())
    assert "Each test, in the order the policy applies them" in page
    assert "What did not apply, and why" in page
    assert "The council must look at it again by: 30 September 2028" in page


def test_the_contract_says_what_its_cpv_codes_mean_and_the_authority_its_preset(client, world):
    url = reverse("portal:contract", kwargs={"pk": world.contracts["refuse"].pk})
    assert "90511000 Refuse collection services" in visible_text(client.get(url).text)
    slug = world.authority.code.lower()
    page = visible_text(client.get(reverse("portal:authority", kwargs={"slug": slug})).text)
    assert "(Labour 2019 local insourcing) from 1 April 2026" in page
    adoptions = visible_text(client.get(reverse("public:adoptions")).text)
    assert "Labour 2019 local insourcing" in adoptions
