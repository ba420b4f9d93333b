""" "Download these results" on the expiry pipeline (officers) and on a public authority page's
contracts coming up for review: CSV with a byte-order mark and XLSX, the page's window and
authority honoured, the public file without the screening or the review's number."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from insource.register.exporters import downloads
from insource.testing.factories import ContractFactory, UserFactory, empty_register
from insource.testing.workflow import council

pytestmark = pytest.mark.django_db
BOM = b"\xef\xbb\xbf"


@pytest.fixture(autouse=True)
def _only_this_tests_rows(db):
    empty_register()


@pytest.fixture
def ending():
    today = timezone.localdate()
    here = council(code="PLD", name="Pipelineshire County Council")
    there = council(code="OTP", name="Otherplace Borough Council")
    soon = ContractFactory(
        title="Café meals — £5", buyer=here, end_on=today + timedelta(days=20), value_amount=None
    )
    later = ContractFactory(title="Grounds", buyer=here, end_on=today + timedelta(days=300))
    far = ContractFactory(title="Far off", buyer=here, end_on=today + timedelta(days=700))
    elsewhere = ContractFactory(title="Elsewhere", buyer=there, end_on=today + timedelta(days=30))
    return here, soon, later, far, elsewhere


@pytest.fixture
def officer(client, officer_login):
    user = UserFactory()
    officer_login(client, user)
    return user


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    data = b"".join(response.streaming_content)
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list]:
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def test_the_pipeline_csv_honours_the_window_and_the_authority(client, officer, ending):
    here, soon, later, far, elsewhere = ending
    url = reverse("register:pipeline-csv")
    rows = csv_rows(client.get(url, {"within": "12", "authority": here.key}))
    assert [r["title"] for r in rows] == ["Café meals — £5", "Grounds"]
    assert rows[0]["decision_point"] == str(soon.end_on)
    assert rows[0]["reviewing_authority"] == "Pipelineshire County Council"
    assert rows[0]["provisional_screening"] == "Not screened"
    everywhere = csv_rows(client.get(url, {"within": "36"}))
    assert {r["title"] for r in everywhere} == {
        "Café meals — £5",
        "Grounds",
        "Far off",
        "Elsewhere",
    }


def test_the_pipeline_page_links_its_downloads_with_its_filters(client, officer, ending):
    here = ending[0]
    page = client.get(
        reverse("register:pipeline"), {"within": "12", "authority": here.key, "page": "1"}
    )
    text = page.content.decode()
    query = f"within=12&amp;authority={here.key.replace(':', '%3A')}"
    assert f'{reverse("register:pipeline-csv")}?{query}"' in text
    assert f'{reverse("register:pipeline-xlsx")}?{query}"' in text


def test_the_pipeline_xlsx_has_typed_cells(client, officer, ending):
    here, soon, *_ = ending
    rows = xlsx_rows(client.get(reverse("register:pipeline-xlsx"), {"authority": here.key}))
    header, first = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:3] == ["decision_point", "contract_id", "title"]
    assert first["title"] == "Café meals — £5" and first["contract_id"] == soon.pk
    assert first["decision_point"].date() == soon.end_on


def test_a_bad_pipeline_filter_gets_the_page_with_its_error(client, officer, ending):
    response = client.get(reverse("register:pipeline-csv"), {"within": "7"})
    assert response.status_code == 400
    assert b"govuk-error-summary" in response.content


def test_too_long_a_pipeline_is_refused_with_a_clear_message(client, officer, ending, monkeypatch):
    monkeypatch.setattr(downloads, "DOWNLOAD_MAX_ROWS", 1)
    page = client.get(reverse("register:pipeline"), {"authority": ending[0].key})
    assert "A download holds at most 1" in page.content.decode()
    refused = client.get(reverse("register:pipeline-xlsx"), {"authority": ending[0].key})
    assert refused.status_code == 400 and "narrow the search" in refused.content.decode()


def test_the_pipeline_downloads_need_sign_in(client, ending):
    response = client.get(reverse("register:pipeline-csv"))
    assert response.status_code == 302


def test_an_authority_page_downloads_its_contracts_coming_up(client, ending):
    here, soon, later, far, elsewhere = ending
    page = client.get(reverse("portal:authority", args=["pld"])).content.decode()
    csv_url = reverse("portal:authority-pipeline-csv", args=["pld"])
    assert f'href="{csv_url}"' in page
    rows = csv_rows(client.get(csv_url))
    assert [r["title"] for r in rows] == ["Café meals — £5", "Grounds"]
    assert "provisional_screening" not in rows[0] and "review_id" not in rows[0]
    assert rows[0]["review_state"] == ""
    book = xlsx_rows(client.get(reverse("portal:authority-pipeline-xlsx", args=["pld"])))
    assert [r[2] for r in book[1:]] == ["Café meals — £5", "Grounds"]


def test_an_unknown_authority_has_no_download(client, ending):
    assert client.get(reverse("portal:authority-pipeline-csv", args=["nope"])).status_code == 404


def test_the_pipeline_defaults_to_the_officer_s_own_authority(client, officer_login, ending):
    from insource.testing.workflow import person

    here = ending[0]
    officer_login(client, person(here, "review-officer", username="pld-officer"))
    page = client.get(reverse("register:pipeline"), {"within": "36"})
    assert [c.title for c in page.context["page_obj"]] == ["Café meals — £5", "Grounds", "Far off"]
    assert 'value="Pipelineshire County Council"' in page.content.decode()
    everywhere = client.get(reverse("register:pipeline"), {"within": "36", "authority": ""})
    assert len(everywhere.context["page_obj"].object_list) == 4
    rows = csv_rows(client.get(reverse("register:pipeline-csv"), {"within": "36"}))
    assert len(rows) == 3


def test_the_register_list_defaults_to_the_officer_s_own_authority(client, officer_login, ending):
    from insource.testing.workflow import person

    here = ending[0]
    officer_login(client, person(here, "review-officer", username="reg-officer"))
    page = client.get(reverse("register:contract-list"))
    assert sorted(c.title for c in page.context["page_obj"]) == [
        "Café meals — £5",
        "Far off",
        "Grounds",
    ]
    everywhere = client.get(reverse("register:contract-list"), {"authority": ""})
    assert "Elsewhere" in [c.title for c in everywhere.context["page_obj"]]
