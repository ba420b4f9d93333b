"""While a review awaits a decision its answers, evidence and appraisal are locked (the services
refuse, the pages say so: one function); the decision-maker can return it to the officer with
reasons, audited and emailed, and it opens again."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from insource.appraisal.services import AppraisalRefused, appraisal_start
from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.reviews.models import Review, ReviewState
from insource.reviews.services.editing import ReviewClosed, evidence_add, review_submit
from insource.reviews.services.opening import reviews_open_due
from insource.reviews.services.returning import ReturnRefused, review_return
from insource.reviews.workflow.questions import BY_SLUG
from insource.testing.workflow import (
    NOT_AT_RISK,
    NOW,
    PREREQUISITES,
    TODAY,
    answer,
    council,
    refuse_contract,
    team,
)

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")
LOCKED = "awaits a decision"


@pytest.fixture
def sent():
    authority = council()
    people = team(authority)
    refuse_contract(authority)
    reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=authority)
    review = Review.objects.get(authority=authority)
    officer = people[Role.REVIEW_OFFICER]
    answer(review, "at-risk", NOT_AT_RISK, officer)
    answer(review, "prerequisites", PREREQUISITES, officer)
    answer(review, "contract", {"contract.counterparty": "private"}, officer)
    review.refresh_from_db()
    review_submit(
        review=review,
        decision_maker=people[Role.DECISION_MAKER],
        version=review.version,
        on=TODAY,
        by=Actor.for_user(officer),
        at=NOW,
    )
    review.refresh_from_db()
    return people, review


def _return(review, user, reasons="The capacity evidence is missing"):
    review.refresh_from_db()
    return review_return(
        review=review,
        user=user,
        reasons=reasons,
        version=review.version,
        by=Actor.for_user(user),
        at=NOW,
    )


def test_answers_evidence_and_appraisal_are_locked_while_awaiting_a_decision(sent):
    people, review = sent
    officer = people[Role.REVIEW_OFFICER]
    with pytest.raises(ReviewClosed, match=LOCKED):
        answer(review, "workforce", {"workflow.workforce.headcount": 41}, officer)
    review.refresh_from_db()
    with pytest.raises(ReviewClosed, match=LOCKED):
        evidence_add(
            review=review,
            topic=BY_SLUG["workforce"],
            path="workflow.workforce.headcount",
            title="Staff list",
            version=review.version,
            on=TODAY,
            by=SYSTEM,
            user=officer,
            at=NOW,
            url="https://example.org/staff",
        )
    with pytest.raises(AppraisalRefused, match=LOCKED):
        appraisal_start(review=review, term_years=7, by=SYSTEM, at=NOW)
    assert not review.answers.filter(path="workflow.workforce.headcount").exists()
    assert not review.evidence.exists()


def test_the_pages_show_the_lock_and_offer_no_form(client, officer_login, sent):
    people, review = sent
    officer_login(client, people[Role.REVIEW_OFFICER])
    kwargs = {"code": review.authority.code, "pk": review.pk}
    page = client.get(reverse("reviews:topic", kwargs=kwargs | {"slug": "workforce"}))
    assert b'id="review-locked"' in page.content and b'id="topic-form"' not in page.content
    assert LOCKED.encode() in page.content
    refused = client.post(
        reverse("reviews:topic", kwargs=kwargs | {"slug": "workforce"}),
        {"version": review.version, "workflow.workforce.headcount": "41"},
    )
    assert refused.status_code == 400 and LOCKED.encode() in refused.content
    assert b'id="review-locked"' in client.get(reverse("reviews:review", kwargs=kwargs)).content


def test_only_the_named_decision_maker_returns_it_with_reasons(sent):
    people, review = sent
    with pytest.raises(ReturnRefused, match="decision-maker named"):
        _return(review, people[Role.LEGAL_OFFICER])
    with pytest.raises(ReturnRefused, match="Enter the reasons"):
        _return(review, people[Role.DECISION_MAKER], reasons="  ")
    review.refresh_from_db()
    assert review.state == ReviewState.AWAITING_DECISION


def test_returning_opens_it_again_audited_and_emailed(sent, django_capture_on_commit_callbacks):
    people, review = sent
    maker, officer = people[Role.DECISION_MAKER], people[Role.REVIEW_OFFICER]
    with django_capture_on_commit_callbacks(execute=True):
        _return(review, maker)
    review.refresh_from_db()
    assert review.state == ReviewState.OPEN and review.decision_maker is None
    assert review.statuses.last().note.endswith("The capacity evidence is missing")
    event = AuditEvent.objects.get(action="reviews.return")
    assert event.reason == "The capacity evidence is missing" and event.actor_user_id == maker.pk
    (email,) = [m for m in mail.outbox if "returned" in m.subject]
    assert email.to == [officer.email] and "The capacity evidence is missing" in email.body
    answer(review, "workforce", {"workflow.workforce.headcount": 41}, officer)
    assert review.answers.get(path="workflow.workforce.headcount").value == 41
    with pytest.raises(ReturnRefused, match="awaiting a decision"):
        _return(review, maker)


def test_return_page_keeps_what_was_typed_and_names_the_error(client, officer_login, sent):
    people, review = sent
    officer_login(client, people[Role.DECISION_MAKER])
    url = reverse("reviews:return", kwargs={"code": review.authority.code, "pk": review.pk})
    assert client.get(url).status_code == 200
    empty = client.post(url, {"version": review.version, "reasons": ""})
    assert empty.status_code == 400
    assert b"Enter the reasons for returning the review to the officer" in empty.content
    done = client.post(url, {"version": review.version, "reasons": "Check the value"})
    assert done.status_code == 302
    review.refresh_from_db()
    assert review.state == ReviewState.OPEN
    officer_login(client, people[Role.REVIEW_OFFICER])
    assert client.post(url, {"version": review.version, "reasons": "x"}).status_code == 403
