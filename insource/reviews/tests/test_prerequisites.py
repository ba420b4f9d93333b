"""One list of prerequisites: the panel, "Send for decision" and signing check the same thing
against the same date (the planned decision date before signing, the signing date at signing),
so they can never disagree; the panel says when signing on another day changes the answer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.models import Decision, Review, ReviewState
from insource.reviews.presenters import prerequisites_panel
from insource.reviews.services.decisions import SignatureRefused, decision_sign
from insource.reviews.services.editing import review_submit
from insource.reviews.services.opening import reviews_open_due
from insource.reviews.workflow.prerequisites import check_date
from insource.testing.workflow import (
    NOT_AT_RISK,
    NOW,
    TODAY,
    answer,
    council,
    refuse_contract,
    team,
)

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")
PLANNED = date(2027, 2, 1)
NOTICE = "key-decision notice at least 28 clear days"


def _review(notice_on: date, planned_on: date = PLANNED):
    authority = council()
    people = team(authority)
    contract = refuse_contract(authority)
    reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=authority)
    review = Review.objects.get(contract=contract)
    officer = people[Role.REVIEW_OFFICER]
    answer(review, "at-risk", NOT_AT_RISK, officer)
    answer(review, "contract", {"contract.counterparty": "private"}, officer)
    answer(
        review,
        "prerequisites",
        {
            "decision_on": planned_on.isoformat(),
            "consultation_done": True,
            "equality_impact_assessment_done": True,
            "is_key_decision": True,
            "key_decision_notice_on": notice_on.isoformat(),
        },
        officer,
    )
    review.refresh_from_db()
    return review, people


def _send(review, people):
    review.refresh_from_db()
    return review_submit(
        review=review,
        decision_maker=people[Role.DECISION_MAKER],
        version=review.version,
        on=TODAY,
        by=SYSTEM,
        at=NOW,
    )


def _sign(review, people, on):
    review.refresh_from_db()
    maker = people[Role.DECISION_MAKER]
    return decision_sign(
        review=review,
        signer=maker,
        outcome="INSOURCE_STATUTORY_PRESUMPTION",
        reason="",
        version=review.version,
        on=on,
        by=Actor.for_user(maker),
        at=NOW,
    )


def _panel_reasons(review, on=TODAY):
    review.refresh_from_db()
    panel = prerequisites_panel(review, on)
    return [i["reason"] for i in panel["items"] if i["fact"] != "decision_maker"], panel


def test_notice_61_days_before_the_planned_date_agrees_everywhere_and_signs():
    review, people = _review(notice_on=PLANNED - timedelta(days=61))
    reasons, panel = _panel_reasons(review)
    assert reasons == [] and panel["check"].checked_on == PLANNED
    assert panel["check"].basis == "planned"
    _send(review, people)
    review.refresh_from_db()
    assert review.state == ReviewState.AWAITING_DECISION
    _, panel = _panel_reasons(review)
    assert panel["items"] == []  # the decision-maker is named now
    decision = _sign(review, people, on=PLANNED)
    assert decision.decided_on == PLANNED


def test_notice_10_days_before_is_refused_in_the_panel_at_send_and_at_signing():
    review, people = _review(notice_on=PLANNED - timedelta(days=10))
    reasons, _ = _panel_reasons(review)
    assert len(reasons) == 1 and NOTICE in reasons[0]
    with pytest.raises(PermissionError, match=NOTICE):
        _send(review, people)
    review.refresh_from_db()
    assert review.state == ReviewState.OPEN
    # had it been sent (before the notice moved, say), signing refuses it on the same ground
    Review.objects.filter(pk=review.pk).update(
        state=ReviewState.AWAITING_DECISION, decision_maker=people[Role.DECISION_MAKER]
    )
    with pytest.raises(SignatureRefused, match=NOTICE):
        _sign(review, people, on=PLANNED)
    assert not Decision.objects.filter(review=review).exists()


def test_panel_says_when_signing_today_instead_of_the_planned_date_changes_the_answer():
    notice = TODAY - timedelta(days=5)  # 61 days before the planned date, 5 before today
    review, people = _review(notice_on=notice, planned_on=notice + timedelta(days=61))
    reasons, panel = _panel_reasons(review)
    assert reasons == []
    today = panel["signing_today"]
    assert today is not None and today.checked_on == TODAY
    assert any(NOTICE in i["reason"] for i in today.items)
    _send(review, people)
    with pytest.raises(SignatureRefused, match=NOTICE):
        _sign(review, people, on=TODAY)
    assert _sign(review, people, on=notice + timedelta(days=61)).pk


def test_a_planned_date_that_has_passed_is_checked_against_today():
    review, _ = _review(notice_on=TODAY - timedelta(days=10), planned_on=TODAY - timedelta(1))
    reasons, panel = _panel_reasons(review)
    check = panel["check"]
    assert check.checked_on == TODAY and check.planned_passed
    assert len(reasons) == 1 and NOTICE in reasons[0]


def test_the_date_checked():
    assert check_date(on=TODAY, planned_on=PLANNED, signing=False) == (PLANNED, "planned")
    assert check_date(on=TODAY, planned_on=PLANNED, signing=True) == (TODAY, "signing")
    assert check_date(on=TODAY, planned_on=None, signing=False) == (TODAY, "today")
    past = TODAY - timedelta(days=1)
    assert check_date(on=TODAY, planned_on=past, signing=False) == (TODAY, "today")
