"""The public register search's "Download these results": CSV (with a byte-order mark) and XLSX,
honouring the search's filters and sort, with the register's columns; a bad or hostile query
gets the search page with its errors (400), never a 500."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from insource.register.columns import csv_columns
from insource.register.exporters import downloads
from insource.testing.workflow import council, refuse_contract

pytestmark = pytest.mark.django_db
BOM = b"\xef\xbb\xbf"


@pytest.fixture
def contracts():
    authority = council(code="DLD", name="Downloadshire County Council")
    refuse = refuse_contract(authority)
    café = refuse_contract(
        authority, title="Café catering — £5 meals", main_cpv="55520000", value_amount=None
    )
    formula = refuse_contract(authority, title='=HYPERLINK("x")\x07 grounds', main_cpv="77310000")
    return refuse, café, formula


def mine(contracts, **query) -> dict:
    """The query limited to the fixture's authority: the session's real register may be loaded."""
    return {"authority": contracts[0].reviewing_authority.key, **query}


def csv_rows(response) -> list[dict]:
    data = b"".join(response.streaming_content)
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list]:
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def test_the_csv_honours_the_search(client, contracts):
    _, café, _ = contracts
    response = client.get(reverse("portal:contracts-csv"), mine(contracts, q="café"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert [r["title"] for r in rows] == ["Café catering — £5 meals"]
    assert list(rows[0]) == list(csv_columns())
    assert rows[0]["id"] == str(café.pk)


def test_the_csv_honours_the_cpv_filter_and_the_sort(client, contracts):
    refuse, _, formula = contracts
    everything = csv_rows(client.get(reverse("portal:contracts-csv"), mine(contracts)))
    assert len(everything) == 3
    rows = csv_rows(client.get(reverse("portal:contracts-csv"), mine(contracts, cpv="905")))
    assert [r["id"] for r in rows] == [str(refuse.pk)]
    by_title = csv_rows(client.get(reverse("portal:contracts-csv"), mine(contracts, sort="title")))
    titles = [r["title"] for r in by_title]
    assert titles == sorted(titles, key=lambda t: t.lstrip("'"))
    protected = next(r for r in everything if r["id"] == str(formula.pk))
    assert protected["title"].startswith("'=")


def test_the_xlsx_parses_with_the_same_columns_and_filter(client, contracts):
    refuse, café, formula = contracts
    response = client.get(reverse("portal:contracts-xlsx"), mine(contracts, q="café"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = xlsx_rows(response)
    assert rows[0] == list(csv_columns())
    assert len(rows) == 2 and rows[1][0] == café.pk
    assert rows[1][rows[0].index("title")] == "Café catering — £5 meals"
    everything = xlsx_rows(client.get(reverse("portal:contracts-xlsx"), mine(contracts)))
    titles = [r[everything[0].index("title")] for r in everything[1:]]
    # A formula is written as text, and a control character XLSX cannot hold is dropped.
    assert '\'=HYPERLINK("x") grounds' in titles


def test_the_search_page_links_to_its_results(client, contracts):
    page = client.get(reverse("portal:contracts"), {"q": "café", "page": "1"}).content.decode()
    assert 'href="/public/contracts/results.csv?q=caf%C3%A9"' in page
    assert 'href="/public/contracts/results.xlsx?q=caf%C3%A9"' in page
    assert "Download these results" in page


@pytest.mark.parametrize(
    "query",
    [
        {"cpv": "abc"},
        {"value_min": "-1"},
        {"end_after": "31/2/2027"},
        {"authority": "nobody"},
        {"sort": "'; drop table"},
        {"q": "x" * 5000},
        {"q": "\x00"},
        {"value_min": "9" * 400},
    ],
)
@pytest.mark.parametrize("name", ["portal:contracts-csv", "portal:contracts-xlsx"])
def test_a_bad_or_hostile_query_gets_the_search_page_with_its_errors(
    client, contracts, name, query
):
    response = client.get(reverse(name), query)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        text = response.content.decode()
        assert "There is a problem" in text or "remove it and try again" in text


def test_too_many_results_are_refused_with_a_clear_message(client, contracts, monkeypatch):
    monkeypatch.setattr(downloads, "DOWNLOAD_MAX_ROWS", 2)
    page = client.get(reverse("portal:contracts"), mine(contracts)).content.decode()
    assert "These results have 3 contracts. A download holds at most 2" in page
    assert "results.csv" not in page
    refused = client.get(reverse("portal:contracts-xlsx"), mine(contracts))
    assert refused.status_code == 400
    assert "narrow the search" in refused.content.decode()
    assert (
        client.get(reverse("portal:contracts-csv"), mine(contracts, cpv="905")).status_code == 200
    )


def test_the_authority_page_links_to_its_contracts_search_and_downloads(client, contracts):
    other = council(code="OTH", name="Othershire County Council")
    refuse_contract(other)
    page = client.get(reverse("portal:authority", args=["dld"])).content.decode()
    key = contracts[0].reviewing_authority.key
    search = f"{reverse('portal:contracts')}?authority={key.replace(':', '%3A')}"
    assert f'href="{search}"' in page
    found = client.get(search)
    assert not found.context["form"].errors
    assert found.context["page_obj"].paginator.count == 3
    rows = csv_rows(client.get(reverse("portal:contracts-csv"), {"authority": key}))
    assert len(rows) == 3
