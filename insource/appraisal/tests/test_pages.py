"""The appraisal pages: who may see and change them, forms that keep what was typed with
GOV.UK errors, a run from the page, the charts with their text alternatives, downloads."""

import csv
import io
import json

import pytest

from insource.appraisal.models import CostLine
from insource.testing import appraisal as b

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client, officer_login):
    authority, people, review = b.reviewed()
    officer = b.officer_of(people)
    officer_login(client, officer)
    base = f"/appraisal/{authority.code}/{review.pk}/"
    return client, review, officer, base, people


def test_the_review_page_links_to_the_appraisal(setup):
    client, review, _o, base, _p = setup
    page = client.get(f"/reviews/{review.authority.code}/{review.pk}/").content.decode()
    assert f'href="{base}"' in page


def test_start_add_a_line_and_see_it(setup):
    client, review, _o, base, _p = setup
    assert "Start the appraisal" in client.get(base).content.decode()
    assert client.post(base + "start/").status_code == 302
    form = {
        "version": review.appraisal.version,
        "label": "Crew pay",
        "category": "staff_pay",
        "kind": "amount",
        "amount_min": "2250000",
        "amount_ml": "2385000",
        "amount_max": "2550000",
        "distribution": "pert",
        "timing": "annual",
        "optimism_bias": "none",
        "source": "TUPE list, NJC pay spine 2026-27",
    }
    response = client.post(base + "lines/add/inhouse/", form)
    assert response.status_code == 302, response.content.decode()[-3000:]
    line = CostLine.objects.get(label="Crew pay")
    assert line.spec["amount_gbp"] == {
        "min": 2250000,
        "most_likely": 2385000,
        "max": 2550000,
        "distribution": "pert",
    }
    page = client.get(base).content.decode()
    assert "Crew pay" in page and "£2,250,000 to £2,550,000, most likely £2,385,000" in page


def test_a_bad_line_keeps_what_was_typed_and_says_what_to_fix(setup):
    client, review, officer, base, _p = setup
    appraisal = b.appraisal_with_sample(review, officer)
    form = {
        "version": appraisal.version,
        "label": "Fuel",
        "category": "other",
        "kind": "amount",
        "amount_min": "700",
        "amount_ml": "600",
        "amount_max": "900",
        "timing": "annual",
        "optimism_bias": "none",
        "source": "",
    }
    response = client.post(base + "lines/add/inhouse/", form)
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "The minimum must be no more than the most likely" in page
    assert "Enter where the figure comes from" in page
    assert 'value="700"' in page and 'value="Fuel"' in page


def test_run_from_the_page_shows_the_distribution_and_the_tornado(setup):
    client, review, officer, base, _p = setup
    b.appraisal_with_sample(review, officer)
    response = client.post(base + "run/", {"draws": "20000", "seed": "7"})
    assert response.status_code == 302
    page = client.get(base).content.decode()
    run = review.appraisal.runs.get()
    assert f"{run.results['p_inhouse_cheaper']:.1%} probability that in-house costs less" in page
    assert "<svg" in page and 'aria-labelledby="distribution' not in page
    assert 'id="hist-title"' in page and 'id="tornado-desc"' in page
    assert "<figcaption" in page and 'id="tornado-table"' in page and 'id="bins"' in page
    assert "appraisal.discount_rate" in page and "Green Book" in page


def test_run_problems_are_shown_not_raised(setup):
    client, review, officer, base, _p = setup
    client.post(base + "start/")
    response = client.post(base + "run/", {"draws": "20000", "seed": "7"})
    assert response.status_code == 400
    assert (
        "the in-house and the outsourced options each need a cost line" in response.content.decode()
    )


def test_load_a_bad_file_names_the_field(setup):
    client, review, _o, base, _p = setup
    client.post(base + "start/")
    doc = b.sample()
    doc["term_years"] = "eight"
    upload = io.BytesIO(json.dumps(doc).encode())
    upload.name = "bad.json"
    response = client.post(base + "load/", {"version": review.appraisal.version, "file": upload})
    page = response.content.decode()
    assert response.status_code == 400 and "term_years: &#x27;eight&#x27; is not of type" in page


def test_the_officer_csv_and_json(setup):
    client, review, officer, base, _p = setup
    run = b.run(b.appraisal_with_sample(review, officer), officer)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"{base}runs/{run.pk}/appraisal.csv").content.decode("utf-8-sig")
            )
        )
    )
    assert rows[0] == ["section", "option", "item", "year", "value", "unit", "source"]
    assert [
        "summary",
        "",
        "probability that in-house costs less",
        "",
        str(run.results["p_inhouse_cheaper"]),
        "probability",
        "",
    ] in rows
    doc = json.loads(client.get(f"{base}runs/{run.pk}/appraisal.json").content)
    assert doc == run.document


def test_a_councillor_reads_but_cannot_change(client, officer_login):
    authority, people, review = b.reviewed()
    b.appraisal_with_sample(review, b.officer_of(people))
    officer_login(client, people["councillor"])
    base = f"/appraisal/{authority.code}/{review.pk}/"
    page = client.get(base).content.decode()
    assert "Crew pay" in page and "Run the appraisal" not in page
    assert client.post(base + "run/", {"draws": "1000", "seed": "1"}).status_code == 403


def test_another_authoritys_officer_gets_404(client, officer_login):
    authority, _people, review = b.reviewed()
    _other, others, _r = b.reviewed(code="OTH")
    officer_login(client, b.officer_of(others))
    assert client.get(f"/appraisal/{authority.code}/{review.pk}/").status_code == 404


def test_settings_keep_what_was_typed_and_save(setup):
    client, review, officer, base, _p = setup
    appraisal = b.appraisal_with_sample(review, officer)
    bad = {
        "version": appraisal.version,
        "title": "",
        "term_years": "8",
        "price_base": "x",
        "deflator_min": "1.5",
        "deflator_ml": "2",
        "deflator_max": "",
    }
    page = client.post(base + "settings/", bad).content.decode()
    assert "Enter a title" in page and "Enter both the minimum and the maximum" in page
    assert 'value="1.5"' in page
    good = bad | {"title": "Refuse options", "deflator_max": "2.8", "distribution": "triangular"}
    assert client.post(base + "settings/", good).status_code == 302
    appraisal.refresh_from_db()
    assert appraisal.gdp_deflator_pct == {
        "min": 1.5,
        "most_likely": 2,
        "max": 2.8,
        "distribution": "triangular",
    }


def test_the_headline_names_the_cheapest_option_and_t4_is_only_in_house_against_outsourced(setup):
    """The worked sample: in-house beats re-procurement in ~98% of draws, but the shared service
    has the lowest central cost; the page, the CSV and the command say so."""
    client, review, officer, base, _p = setup
    b.appraisal_with_sample(review, officer)
    client.post(base + "run/", {"draws": "20000", "seed": "7"})
    run = review.appraisal.runs.get()
    r = run.results
    assert r["cheapest_p50"] == "shared" and r["p_inhouse_cheaper"] > 0.9
    page = client.get(base).content.decode()
    headline = page[page.index('id="headline"') : page.index('id="probability"')]
    assert "Lowest central cost: Shared service, £" in headline
    assert f"Shared service {r['p_cheapest']['shared']:.1%}" in headline
    assert "Council-owned company 0.0%" in headline
    assert "probability that in-house costs less" not in headline
    assert "re-procuring the contract only" in page
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"{base}runs/{run.pk}/appraisal.csv").content.decode("utf-8-sig")
            )
        )
    )
    assert ["summary", "shared", "lowest central (P50) net present cost", "", "", "", ""] in rows
    chances = [r for r in rows if r[2] == "probability of being the cheapest option"]
    assert {r[1] for r in chances} == {"inhouse", "outsourced", "shared", "company", "community"}
