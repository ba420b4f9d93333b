"""The public header marks the section each public page belongs to (`core/nav.py`): a
contract's pages are "Contracts" (the search, a contract, its decision, its supplier), an
authority's are "Authorities", an information request's are "Information requests", and a page
of no section marks none. Every public page of the route matrix that shows the header is
listed here, so a new one must say where it belongs."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from insource.testing.route_matrix import PUBLIC, ROUTES

CONTRACTS, AUTHORITIES, REQUESTS = ["Contracts"], ["Authorities"], ["Information requests"]
NONE: list[str] = []

SECTIONS = {
    "home": NONE,
    "login": NONE,
    "portal:contracts": CONTRACTS,
    "portal:contract": CONTRACTS,
    "public:decision": CONTRACTS,
    "public:decision-check": CONTRACTS,
    "supplier": CONTRACTS,
    "portal:authorities": AUTHORITIES,
    "portal:authority": AUTHORITIES,
    "audit-report": AUTHORITIES,
    "public:adoptions": AUTHORITIES,
    "places-public:list": AUTHORITIES,
    "places-public:place": AUTHORITIES,
    "shared-work:library": AUTHORITIES,
    "shared-work:template": AUTHORITIES,
    "brought-home:list": AUTHORITIES,
    "brought-home:service": AUTHORITIES,
    "national:services": AUTHORITIES,
    "national:service": AUTHORITIES,
    "alerts:follow": AUTHORITIES,  # the world follows an authority
    "alerts:confirm": AUTHORITIES,
    "alerts:stop": AUTHORITIES,
    "alerts:sent": NONE,
    "requests:list": REQUESTS,
    "requests:new": REQUESTS,
    "requests:sent": REQUESTS,
    "requests:confirm": REQUESTS,
    "requests:detail": REQUESTS,
    "requests:private": REQUESTS,
    "portal:open-data": NONE,
    "public:comments": NONE,
    "public:comments-draft": NONE,
    "public:comments-sent": NONE,
    "public:comment-confirm": NONE,
}


def current_items(html: str) -> list[str]:
    """The header items marked as the current page."""
    return re.findall(r'aria-current="page"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+?)\s*<', html)


def _url(world, key: str) -> str:
    row = ROUTES[key]
    if row.url is not None:
        return row.url(world)
    return reverse(key, args=row.args(world) if row.args else None)


def _page(client, world, key: str) -> str | None:
    """The page as an anonymous visitor sees it, or None when it shows no header."""
    response = client.get(_url(world, key))
    is_html = response.get("Content-Type", "").startswith("text/html")
    if response.status_code != 200 or not is_html:
        return None
    html = response.content.decode()
    return html if "govuk-service-navigation__list" in html else None


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(SECTIONS))
def test_each_public_page_marks_its_own_section(client, world, key):
    html = _page(client, world, key)
    assert html is not None, f"{key} did not answer with a page"
    assert current_items(html) == SECTIONS[key]


@pytest.mark.django_db
def test_every_public_page_with_the_header_is_listed(client, world):
    public = [key for key, row in ROUTES.items() if row.get == PUBLIC and not row.excluded]
    unlisted = [k for k in public if k not in SECTIONS and _page(client, world, k) is not None]
    assert not unlisted, "Say which header section these pages belong to: " + ", ".join(unlisted)
