"""The public header marks the section a page belongs to: the search is "Contracts", not
"Authorities"; the open-data page belongs to neither."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def current_items(html: str) -> list[str]:
    return re.findall(r'aria-current="page"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+?)\s*<', html)


def test_the_search_is_marked_as_contracts(client):
    html = client.get(reverse("portal:contracts")).content.decode()
    assert current_items(html) == ["Contracts"]


def test_the_authorities_list_is_marked_as_authorities(client):
    html = client.get(reverse("portal:authorities")).content.decode()
    assert current_items(html) == ["Authorities"]


def test_the_open_data_page_marks_no_section(client):
    assert current_items(client.get("/public/open-data/").content.decode()) == []
