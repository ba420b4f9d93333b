"""Services of the review workflow: opening, answering, signing, publishing; each audited."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.reviews.models import Decision, ImmutableError, Review, ReviewState
from insource.reviews.services.decisions import SignatureRefused, decision_publish, decision_sign
from insource.reviews.services.departures import DepartureRefused
from insource.reviews.services.editing import (
    StaleReview,
    evidence_add,
    review_answer,
    review_comment,
    review_submit,
)
from insource.reviews.services.opening import reviews_open_due
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


@pytest.fixture
def setting():
    authority = council()
    people = team(authority)
    contract = refuse_contract(authority)
    return authority, people, contract


def test_open_due_opens_within_lead_time_and_is_idempotent(
    setting, django_capture_on_commit_callbacks
):
    authority, people, contract = setting
    far = refuse_contract(authority, end_on=date(2029, 3, 31), max_end_on=date(2029, 3, 31))
    no_end = refuse_contract(authority, end_on=None, max_end_on=None)
    with django_capture_on_commit_callbacks(execute=True):
        first = reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=setting[0])
    assert first == {"opened": 1, "already_open": 0, "skipped_no_end_date": 1, "not_due": 1}
    review = Review.objects.get(authority=authority)
    assert (review.contract, review.decision_point_on) == (contract, date(2027, 9, 30))
    assert review.owner == people[Role.REVIEW_OFFICER]
    assert reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=setting[0])["already_open"] == 1
    assert Review.objects.filter(authority=authority).count() == 1
    assert not Review.objects.filter(contract__in=[far, no_end]).exists()
    assert AuditEvent.objects.filter(action="reviews.open", authority=authority).count() == 1
    assert len(mail.outbox) == 1 and "opened for you" in mail.outbox[0].subject


def test_open_due_skips_unadopted_and_ended_before_adoption(setting):
    authority, _, _ = setting
    other = council(policy_preset="", policy_adopted_on=None)
    refuse_contract(other)
    refuse_contract(authority, end_on=date(2026, 3, 1), max_end_on=date(2026, 3, 1))
    assert reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=other)["opened"] == 0
    summary = reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=authority)
    assert summary["opened"] == 1  # not the one that ended before the adoption


def test_extension_option_is_the_next_decision_point(setting):
    authority, _, _ = setting
    refuse_contract(authority, end_on=date(2027, 1, 31), max_end_on=date(2029, 1, 31))
    reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=setting[0])
    points = set(
        Review.objects.filter(authority=authority).values_list("decision_point_on", "trigger")
    )
    assert (date(2027, 1, 31), "extension-option") in points


def test_terminated_contract_opens_at_once(setting):
    authority, _, _ = setting
    refuse_contract(
        authority, end_on=date(2030, 1, 1), max_end_on=date(2030, 1, 1), is_terminated=True
    )
    reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=setting[0])
    assert Review.objects.filter(trigger="termination", authority=authority).count() == 1


def _opened(setting):
    reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=setting[0])
    return Review.objects.get(contract=setting[2])


def test_answer_is_audited_and_reevaluates(setting):
    _, people, _ = setting
    review = _opened(setting)
    officer = people[Role.REVIEW_OFFICER]
    result = answer(review, "at-risk", NOT_AT_RISK, officer)
    assert result["outcome"] == "INSOURCE_STATUTORY_PRESUMPTION"
    event = AuditEvent.objects.filter(action="reviews.answer").get()
    assert event.after["at_risk.significant_contact"]["value"] is False
    assert event.before["at_risk.significant_contact"] is None
    review.refresh_from_db()
    assert review.evaluation["result"]["outcome"] == "INSOURCE_STATUTORY_PRESUMPTION"


def test_disputed_fact_counts_as_unknown(setting):
    _, people, _ = setting
    review = _opened(setting)
    result = answer(
        review,
        "at-risk",
        NOT_AT_RISK,
        people[Role.REVIEW_OFFICER],
        disputed={"at_risk.coercive_powers": "Unison says enforcement is involved"},
    )
    assert result["disputed"] == ["at_risk.coercive_powers"]
    assert result["precautionary_at_risk"] is True


def test_second_save_from_the_same_version_is_refused(setting):
    _, people, _ = setting
    review = _opened(setting)
    stale = review.version
    answer(review, "at-risk", NOT_AT_RISK, people[Role.REVIEW_OFFICER])
    with pytest.raises(StaleReview):
        review_answer(
            review=review,
            topic=BY_SLUG["workforce"],
            values={"workflow.workforce.headcount": 40},
            disputed={},
            version=stale,
            on=TODAY,
            by=SYSTEM,
            user=people[Role.LEGAL_OFFICER],
            at=NOW,
        )
    assert not review.answers.filter(path="workflow.workforce.headcount").exists()


def _ready(setting):
    _, people, _ = setting
    review = _opened(setting)
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
        by=SYSTEM,
        at=NOW,
    )
    review.refresh_from_db()
    return review


def _sign(review, user, outcome="INSOURCE_STATUTORY_PRESUMPTION", reason="", replaces=None):
    review.refresh_from_db()
    return decision_sign(
        review=review,
        signer=user,
        outcome=outcome,
        reason=reason,
        version=review.version,
        on=TODAY,
        by=Actor.for_user(user),
        at=NOW,
        replaces=replaces,
    )


def test_sign_stores_an_immutable_decision(setting, django_capture_on_commit_callbacks):
    _, people, _ = setting
    with django_capture_on_commit_callbacks(execute=True):
        review = _ready(setting)
    assert any("awaits your signature" in m.subject for m in mail.outbox)
    decision = _sign(review, people[Role.DECISION_MAKER])
    assert decision.outcome == decision.recommended_outcome == "INSOURCE_STATUTORY_PRESUMPTION"
    assert decision.facts["decision_maker"] and decision.result["trace"]
    assert decision.policy_version["preset"] == "labour-2019-local"
    decision.reason = "changed"
    with pytest.raises(ImmutableError):
        decision.save()
    with pytest.raises(ImmutableError):
        Decision.objects.filter(pk=decision.pk).update(reason="changed")
    assert Decision.objects.get(pk=decision.pk).reason == ""
    assert AuditEvent.objects.filter(action="reviews.decision_sign").count() == 1


def test_departure_needs_a_reason(setting):
    _, people, _ = setting
    review = _ready(setting)
    maker = people[Role.DECISION_MAKER]
    with pytest.raises(DepartureRefused, match="reasons for departing"):
        _sign(review, maker, outcome="EXEMPT_BELOW_THRESHOLD")
    assert not Decision.objects.filter(review=review).exists()
    decision = _sign(
        review, maker, outcome="EXEMPT_BELOW_THRESHOLD", reason="The value is under review"
    )
    assert decision.departs is True and decision.departure_kind == "other"


def test_drafter_cannot_sign(setting):
    _, people, _ = setting
    review = _ready(setting)
    maker = people[Role.DECISION_MAKER]
    answer_by_maker = {"workflow.workforce.headcount": 41}
    review.refresh_from_db()
    Review.objects.filter(pk=review.pk).update(state=ReviewState.OPEN)
    answer(review, "workforce", answer_by_maker, maker)
    Review.objects.filter(pk=review.pk).update(state=ReviewState.AWAITING_DECISION)
    with pytest.raises(SignatureRefused, match="drafted"):
        _sign(review, maker)


def test_prerequisites_block_sending_and_signature(setting):
    _, people, _ = setting
    review = _opened(setting)
    answer(review, "at-risk", NOT_AT_RISK, people[Role.REVIEW_OFFICER])
    answer(review, "contract", {"contract.counterparty": "private"}, people[Role.REVIEW_OFFICER])
    review.refresh_from_db()
    with pytest.raises(PermissionError, match="consultation"):
        review_submit(
            review=review,
            decision_maker=people[Role.DECISION_MAKER],
            version=review.version,
            on=TODAY,
            by=SYSTEM,
            at=NOW,
        )
    Review.objects.filter(pk=review.pk).update(
        state=ReviewState.AWAITING_DECISION, decision_maker=people[Role.DECISION_MAKER]
    )
    with pytest.raises(SignatureRefused, match="consultation"):
        _sign(review, people[Role.DECISION_MAKER])


def test_correction_is_a_new_decision(setting):
    _, people, _ = setting
    review = _ready(setting)
    maker = people[Role.DECISION_MAKER]
    first = _sign(review, maker)
    second = _sign(review, maker, reason="Typo in the reasons", replaces=first)
    assert second.replaces == first and Decision.objects.filter(review=review).count() == 2


def test_publish_is_its_own_step(setting):
    _, people, _ = setting
    review = _ready(setting)
    decision = _sign(review, people[Role.DECISION_MAKER])
    legal = people[Role.LEGAL_OFFICER]
    with pytest.raises(SignatureRefused):
        decision_publish(
            decision=decision,
            user=legal,
            redaction_note=" ",
            has_confidential_annex=False,
            pack_html="<p>x</p>",
            pack_pdf=b"%PDF-",
            on=TODAY,
            by=SYSTEM,
            at=NOW,
        )
    publication = decision_publish(
        decision=decision,
        user=legal,
        redaction_note="Names of staff removed",
        has_confidential_annex=False,
        pack_html="<p>x</p>",
        pack_pdf=b"%PDF-1.7",
        on=TODAY,
        by=SYSTEM,
        at=NOW + timedelta(minutes=5),
    )
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED and publication.pack_sha256
    assert AuditEvent.objects.filter(action="reviews.decision_publish").count() == 1


def test_an_incomplete_review_is_not_sent_for_decision(setting):
    _, people, _ = setting
    review = _opened(setting)
    review.refresh_from_db()
    with pytest.raises(PermissionError, match="not complete"):
        review_submit(
            review=review,
            decision_maker=people[Role.DECISION_MAKER],
            version=review.version,
            on=TODAY,
            by=SYSTEM,
            at=NOW,
        )
    review.refresh_from_db()
    assert review.state == ReviewState.OPEN and review.decision_maker is None


def test_every_write_service_records_its_audit_event(setting):
    _, people, _ = setting
    review = _opened(setting)
    officer = people[Role.REVIEW_OFFICER]
    review.refresh_from_db()
    evidence_add(
        review=review,
        topic=BY_SLUG["capacity"],
        path="good_reasons.capacity.evidence",
        title="Depot survey",
        url="https://example.org/survey",
        version=review.version,
        on=TODAY,
        by=Actor.for_user(officer),
        user=officer,
        at=NOW,
    )
    review_comment(
        review=review,
        text="Unison asks for the staff list",
        by=Actor.for_user(people[Role.COUNCILLOR]),
        user=people[Role.COUNCILLOR],
        at=NOW,
    )
    actions = set(
        AuditEvent.objects.filter(authority=review.authority).values_list("action", flat=True)
    )
    assert {"reviews.open", "reviews.evidence_add", "reviews.comment"} <= actions
    event = AuditEvent.objects.get(action="reviews.evidence_add", authority=review.authority)
    assert event.actor_label == officer.get_username()
    assert event.after["url"] == "https://example.org/survey"
