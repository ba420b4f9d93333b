"""The review pages through the test client: the whole flow, errors kept, uploads checked."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.models import Decision, Evidence, Publication, Review
from insource.reviews.services.opening import reviews_open_due
from insource.testing.workflow import NOW, TODAY, council, refuse_contract, team

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened():
    authority = council()
    people = team(authority)
    refuse_contract(authority)
    reviews_open_due(on=TODAY, by=Actor.system("tests"), at=NOW, authority=authority)
    return authority, people, Review.objects.get(authority=authority)


def _url(name, review, **kwargs):
    return reverse(name, kwargs={"code": review.authority.code, "pk": review.pk, **kwargs})


def _post_topic(client, review, slug, data):
    review.refresh_from_db()
    return client.post(
        _url("reviews:topic", review, slug=slug), {"version": review.version, **data}
    )


def test_officer_walks_a_review_to_a_published_decision(client, officer_login, opened):
    authority, people, review = opened
    officer_login(client, people[Role.REVIEW_OFFICER])
    page = client.get(reverse("reviews:authority", kwargs={"code": authority.code}))
    assert page.status_code == 200 and b"Refuse and recycling" in page.content
    assert client.get(_url("reviews:review", review)).status_code == 200
    for slug in (
        "contract",
        "exemptions",
        "at-risk",
        "public-interest-test",
        "risk-mitigation",
        "capacity",
        "proposed-terms",
        "workforce",
        "right-to-challenge",
        "prerequisites",
    ):
        assert client.get(_url("reviews:topic", review, slug=slug)).status_code == 200, slug
    response = _post_topic(
        client,
        review,
        "at-risk",
        {
            "at_risk.significant_contact": "false",
            "at_risk.coercive_powers": "false",
            "at_risk.rights_risk": "false",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    _post_topic(
        client,
        review,
        "contract",
        {
            "contract.counterparty": "private",
            "contract.value_inc_vat": "12000000",
            "contract.value_vat_basis": "inc",
            "contract.nature": "services",
            "contract.cpv": "90511000",
        },
    )
    response = _post_topic(
        client,
        review,
        "prerequisites",
        {
            "decision_on_0": "20",
            "decision_on_1": "12",
            "decision_on_2": "2026",
            "consultation_done": "true",
            "equality_impact_assessment_done": "true",
            "is_key_decision": "true",
            "key_decision_notice_on_0": "1",
            "key_decision_notice_on_1": "10",
            "key_decision_notice_on_2": "2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    review.refresh_from_db()
    assert review.evaluation["result"]["outcome"] == "INSOURCE_STATUTORY_PRESUMPTION"
    response = client.post(
        _url("reviews:submit", review),
        {"version": review.version, "decision_maker": people[Role.DECISION_MAKER].pk},
    )
    assert response.status_code == 302
    officer_login(client, people[Role.DECISION_MAKER])
    review.refresh_from_db()
    response = client.post(
        _url("reviews:sign", review),
        {
            "version": review.version,
            "outcome": "INSOURCE_STATUTORY_PRESUMPTION",
            "reason": "",
            "confirm": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    decision = Decision.objects.get(authority=authority)
    officer_login(client, people[Role.LEGAL_OFFICER])
    response = client.post(
        _url("reviews:publish", review),
        {"redaction_note": "No personal data in the pack", "confirm": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    publication = Publication.objects.get(decision=decision)
    assert bytes(publication.pack_pdf).startswith(b"%PDF-")
    client.logout()
    public = client.get(reverse("public:decision", kwargs={"pk": decision.pk}))
    assert public.status_code == 200 and b"brought in house" in public.content
    pdf = client.get(reverse("public:decision-pdf", kwargs={"pk": decision.pk}))
    assert pdf["Content-Type"] == "application/pdf"


def test_stale_save_keeps_what_was_typed(client, officer_login, opened):
    _, people, review = opened
    officer_login(client, people[Role.REVIEW_OFFICER])
    stale = review.version
    _post_topic(client, review, "workforce", {"workflow.workforce.headcount": "40"})
    response = client.post(
        _url("reviews:topic", review, slug="workforce"),
        {"version": stale, "workflow.workforce.headcount": "55"},
    )
    assert response.status_code == 400
    assert b"Someone else saved this review" in response.content
    assert b'value="55"' in response.content
    assert review.answers.get(path="workflow.workforce.headcount").value == 40


def test_departure_without_reason_is_refused_and_kept(client, officer_login, opened):
    _, people, review = opened
    officer_login(client, people[Role.DECISION_MAKER])
    Review.objects.filter(pk=review.pk).update(
        state="awaiting-decision", decision_maker=people[Role.DECISION_MAKER]
    )
    review.refresh_from_db()
    response = client.post(
        _url("reviews:sign", review),
        {
            "version": review.version,
            "outcome": "OUTSOURCE_GOOD_REASON_CAPACITY",
            "reason": "",
            "confirm": "on",
        },
    )
    assert response.status_code == 400 and not Decision.objects.filter(review=review).exists()


def test_upload_checks_content_and_stores_nothing_when_refused(
    client, officer_login, opened, settings, tmp_path
):
    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    _, people, review = opened
    officer_login(client, people[Role.REVIEW_OFFICER])
    url = _url("reviews:evidence-upload", review, slug="capacity")
    fake = SimpleUploadedFile("survey.pdf", b"this is not a pdf", content_type="application/pdf")
    response = client.post(
        url,
        {
            "version": review.version,
            "path": "good_reasons.capacity.evidence",
            "title": "Depot survey",
            "file": fake,
        },
    )
    assert response.status_code == 400 and b"not a PDF" in response.content
    assert not Evidence.objects.filter(review=review).exists() and not any(tmp_path.rglob("*.*"))
    settings.INSOURCE_EVIDENCE_MAX_BYTES = 10
    big = SimpleUploadedFile("survey.pdf", b"%PDF-1.4\n" + b"0" * 100)
    response = client.post(
        url,
        {
            "version": review.version,
            "path": "good_reasons.capacity.evidence",
            "title": "Depot survey",
            "file": big,
        },
    )
    assert response.status_code == 400 and not any(tmp_path.rglob("*.*"))
    assert not Evidence.objects.filter(review=review).exists()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_upload_refused_as_stale_leaves_no_file(client, officer_login, opened, settings, tmp_path):
    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    _, people, review = opened
    officer_login(client, people[Role.REVIEW_OFFICER])
    url = _url("reviews:evidence-upload", review, slug="capacity")
    stale = review.version
    _post_topic(client, review, "workforce", {"workflow.workforce.headcount": "40"})
    response = client.post(
        url,
        {
            "version": stale,
            "path": "good_reasons.capacity.evidence",
            "title": "Depot survey",
            "file": SimpleUploadedFile("survey.pdf", PDF),
        },
    )
    assert response.status_code == 400 and b"Someone else saved" in response.content
    assert not any(p.is_file() for p in tmp_path.rglob("*"))
    review.refresh_from_db()
    response = client.post(
        url,
        {
            "version": review.version,
            "path": "good_reasons.capacity.evidence",
            "title": "Depot survey",
            "file": SimpleUploadedFile("survey.pdf", PDF),
        },
    )
    assert response.status_code == 302
    assert sum(p.is_file() for p in tmp_path.rglob("*")) == 1
    review.refresh_from_db()
    assert review.evaluation["facts"]["good_reasons"]["capacity"]["evidence"] == [
        f"evidence:{review.evidence.get().pk}"
    ]
