"""The appraisal in the decision pack (HTML and PDF) and the published CSV."""

import csv
import io
import shutil
import subprocess

import pytest

from insource.core.audit import Actor
from insource.testing import appraisal as b
from insource.testing.workflow import NOW, TODAY

pytestmark = pytest.mark.django_db


def signed(with_run=True):
    from insource.reviews.services.decisions import decision_sign
    from insource.reviews.services.editing import review_submit

    _a, people, review = b.reviewed()
    officer, maker = b.officer_of(people), people["decision-maker"]
    run = b.run(b.appraisal_with_sample(review, officer), officer) if with_run else None
    review.refresh_from_db()
    review_submit(
        review=review,
        decision_maker=maker,
        version=review.version,
        on=TODAY,
        by=Actor.system("tests"),
        at=NOW,
    )
    review.refresh_from_db()
    decision = decision_sign(
        review=review,
        signer=maker,
        outcome="INSOURCE_STATUTORY_PRESUMPTION",
        reason="",
        version=review.version,
        on=TODAY,
        by=Actor.for_user(maker),
        at=NOW,
    )
    return decision, run, people


def publish(decision, people):
    from insource.reviews.decisions.pack import pack_render
    from insource.reviews.services.decisions import decision_publish

    legal = people["legal-officer"]
    html, pdf = pack_render(decision, publisher_name="Lee Legal", published_on=TODAY)
    decision_publish(
        decision=decision,
        user=legal,
        redaction_note="No personal data",
        has_confidential_annex=False,
        pack_html=html,
        pack_pdf=pdf,
        on=TODAY,
        by=Actor.for_user(legal),
        at=NOW,
    )
    return html, pdf


def test_the_pack_has_the_comparator_with_its_figures_and_charts():
    decision, run, people = signed()
    html, pdf = publish(decision, people)
    assert "The in-house comparator: options appraisal" in html
    assert f"{run.results['p_inhouse_cheaper']:.1%} probability that in-house costs less" in html
    assert f"£{run.results['options']['inhouse']:,.0f}" in html
    assert html.count("<svg") == 2 and 'id="pack-hist-title"' in html
    assert "Criterion T4 (better whole-life value for money): not met" in html
    assert run.sha256 in html
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "options appraisal" in text
    assert "probability that in-house costs less" in text
    assert f"£{run.results['options']['outsourced']:,.0f}" in text
    assert "What matters most" in text and "P90" in text


def test_a_decision_without_an_appraisal_has_no_comparator():
    decision, _run, people = signed(with_run=False)
    html, _pdf = publish(decision, people)
    assert "options appraisal" not in html


def test_the_published_decision_page_offers_the_csv(client):
    decision, run, people = signed()
    url = f"/public/decisions/{decision.pk}/appraisal.csv"
    assert client.get(url).status_code == 404  # not published yet
    publish(decision, people)
    page = client.get(f"/public/decisions/{decision.pk}/").content.decode()
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["run", "", "sha256", "", run.sha256, "", ""] in rows
    assert any(r[0] == "cash_flow" and r[1] == "inhouse" and r[3] == "8" for r in rows)
    assert any(r[0] == "parameter" and r[2] == "appraisal.discount_rate" for r in rows)


def test_a_changed_run_hash_is_not_trusted():
    from insource.appraisal.selectors import run_for_decision
    from insource.reviews.models import Decision

    decision, _run, _p = signed()
    facts = decision.facts
    facts["public_interest_test"]["appraisal"]["run_sha256"] = "0" * 64
    assert run_for_decision(Decision(review_id=decision.review_id, facts=facts)) is None
