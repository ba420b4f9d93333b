"""robots.txt and sitemap.xml: crawlers may read the public site and are told where its map is;
the map lists the public pages with absolute URLs on the request's host (issue 18)."""

from __future__ import annotations

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.services.decisions import decision_publish
from insource.testing.workflow import NOW, TODAY, council, decided_review, refuse_contract, team
from insource.transparency.portal import sitemaps

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def host(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "register.example.org"]


@pytest.fixture
def world():
    authority = council(code="STM", name="Sitemapshire County Council")
    people = team(authority)
    published = refuse_contract(authority)
    decision = decided_review(authority, people, published)
    decision_publish(
        decision=decision,
        user=people[Role.LEGAL_OFFICER],
        redaction_note="None needed",
        has_confidential_annex=False,
        pack_html="<p>pack</p>",
        pack_pdf=b"%PDF-1.7",
        on=TODAY,
        by=SYSTEM,
        at=NOW + timedelta(minutes=1),
    )
    undecided = refuse_contract(authority, title="Grounds maintenance")
    return authority, published, decision, undecided


def locations(response) -> list[str]:
    body = b"".join(response) if response.streaming else response.content
    root = ElementTree.fromstring(body)  # noqa: S314 (our own response)
    return [e.text for e in root.iterfind(".//s:loc", NS)]


def test_robots_allows_the_public_site_and_names_the_sitemap(client):
    response = client.get("/robots.txt", HTTP_HOST="register.example.org")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /public/" in lines
    for path in ("/register/", "/reviews/", "/admin/", "/api/public/v1/exports/", "/api/v1/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://register.example.org/sitemap.xml" in lines


def test_the_sitemap_lists_the_public_pages_with_absolute_urls(client, world):
    authority, published, decision, undecided = world
    response = client.get("/sitemap.xml", HTTP_HOST="register.example.org")
    assert response.status_code == 200
    found = locations(response)
    base = "http://register.example.org"
    assert f"{base}/public/authorities/stm/" in found
    assert f"{base}{reverse('portal:contract', args=[published.pk])}" in found
    assert f"{base}{reverse('portal:contract', args=[undecided.pk])}" not in found
    assert f"{base}{reverse('public:decision', args=[decision.pk])}" in found
    assert f"{base}{reverse('portal:contracts')}" in found
    assert all(url.startswith(f"{base}/") for url in found)
    assert not any("/register/" in url or "/reviews/" in url for url in found)
    for url in found:  # every listed page answers
        assert (
            client.get(url.removeprefix(base), HTTP_HOST="register.example.org").status_code == 200
        )


def test_over_50000_urls_the_sitemap_is_an_index_of_its_sections(client, world, monkeypatch):
    monkeypatch.setattr(sitemaps, "MAX_URLS", 3)
    monkeypatch.setattr(sitemaps.DecisionPages, "limit", 1, raising=False)
    response = client.get("/sitemap.xml", HTTP_HOST="register.example.org")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    sections = locations(response)
    assert "http://register.example.org/sitemap-decisions.xml" in sections
    part = client.get("/sitemap-decisions.xml", HTTP_HOST="register.example.org")
    assert locations(part) == [
        f"http://register.example.org{reverse('public:decision', args=[world[2].pk])}"
    ]
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-decisions.xml?p=abc").status_code == 404


def test_the_footer_and_each_authority_page_link_to_the_open_data(client, world):
    authority, *_ = world
    home = client.get(reverse("portal:contracts")).content.decode()
    for name in ("docs", "export-contracts-csv", "export-ocds-releases", "export-decisions-csv"):
        assert f'href="{reverse(f"api-public:{name}")}"' in home
    page = client.get(reverse("portal:authority", args=["stm"])).content.decode()
    links = [
        f"{reverse(f'api-public:{name}')}?authority=STM"
        for name in ("export-contracts-csv", "export-ocds-releases", "export-decisions-csv")
    ]
    for link in links:
        assert f'href="{link}"' in page
        response = client.get(link)
        assert response.status_code == 200 and b"".join(response.streaming_content)
