"""Departures from the recommendation (POLICY.md §2): any outcome may be signed, but a departure
towards outsourcing the facts do not establish needs a reason on each condition the engine
found unmet or unknown, meets the minimum standards on its proposed terms (blocked until it
does), sets a re-review date for capacity, and is published only after the monitoring
officer's advice, as what it is: on the pack, the authority's public page and the audit view."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.oversight.selectors import audit_view
from insource.policy.departure import departure_conditions
from insource.reviews.decisions.pack import pack_html
from insource.reviews.models import Decision, Publication, Review
from insource.reviews.services.decisions import (
    SignatureRefused,
    decision_publish,
    decision_sign,
    signing_facts,
)
from insource.reviews.services.departures import (
    AdviceRefused,
    DepartureRefused,
    departure_advice_record,
)
from insource.reviews.services.editing import evidence_add, review_submit
from insource.reviews.services.opening import reviews_open_due
from insource.reviews.workflow.questions import BY_SLUG
from insource.testing.workflow import (
    CAPACITY_FACTS,
    COMPLIANT_TERMS,
    NOT_AT_RISK,
    NOW,
    PREREQUISITES,
    TODAY,
    answer,
    council,
    refuse_contract,
    team,
)
from insource.transparency.portal.presenters import authority_page

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")
CAPACITY = "OUTSOURCE_GOOD_REASON_CAPACITY"
ONE_SENTENCE = "We cannot run it in house yet."
RE_REVIEW = date(2028, 9, 30)


def _sent(extra: dict | None = None, evidence: str = ""):
    """A refuse collection review the engine recommends bringing in house, sent to its
    decision-maker; `extra` answers more topics first, `evidence` links evidence to a path."""
    authority = council()
    people = team(authority)
    refuse_contract(authority)
    reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=authority)
    review = Review.objects.get(authority=authority)
    officer = people[Role.REVIEW_OFFICER]
    answers = {
        "at-risk": NOT_AT_RISK,
        "prerequisites": PREREQUISITES,
        "contract": {"contract.counterparty": "private"},
    }
    for slug, values in (answers | (extra or {})).items():
        answer(review, slug, values, officer)
    review.refresh_from_db()
    if evidence:
        evidence_add(
            review=review,
            topic=BY_SLUG["capacity"],
            path=evidence,
            title="Depot survey",
            version=review.version,
            on=TODAY,
            by=SYSTEM,
            user=officer,
            at=NOW,
            url="https://example.org/survey",
        )
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
    return authority, people, review


def _conditions(review):
    facts, _ = signing_facts(review, on=TODAY)
    return departure_conditions(facts, CAPACITY)


def _sign(review, people, outcome=CAPACITY, reason=ONE_SENTENCE, **kw):
    review.refresh_from_db()
    maker = people[Role.DECISION_MAKER]
    return decision_sign(
        review=review,
        signer=maker,
        outcome=outcome,
        reason=reason,
        version=review.version,
        on=TODAY,
        by=Actor.for_user(maker),
        at=NOW,
        **kw,
    )


def _in_full(review, people, **kw):
    reasons = {c["key"]: f"Answer on: {c['condition']}" for c in _conditions(review)}
    return _sign(review, people, condition_reasons=reasons, re_review_on=RE_REVIEW, **kw)


def test_one_sentence_is_refused_naming_every_condition():
    _, people, review = _sent()
    conditions = _conditions(review)
    assert [c["status"] for c in conditions] == ["unknown"] * 5
    assert "capacity is insufficient even after the support measures" in conditions[0]["condition"]
    with pytest.raises(DepartureRefused) as refused:
        _sign(review, people)
    errors = refused.value.errors
    assert set(errors) == {c["key"] for c in conditions} | {"re_review_on"}
    assert errors["re_review_on"].startswith("Enter the re-review date")
    assert not Decision.objects.exists()
    with pytest.raises(DepartureRefused, match="reasons for departing"):
        _sign(review, people, reason="")


def test_answered_in_full_it_signs_blocked_until_the_standards_are_met():
    _, people, review = _sent()
    decision = _in_full(review, people)
    assert decision.outcome == CAPACITY
    assert decision.recommended_outcome == "INSOURCE_STATUTORY_PRESUMPTION"
    assert decision.departs and decision.departure_kind == "towards-outsourcing"
    assert decision.status == "blocked_until_standards_met" and decision.engine_status == "decided"
    assert decision.re_review_on == RE_REVIEW
    assert len(decision.departure_reasons) == 5
    assert all(r["reason"].startswith("Answer on:") for r in decision.departure_reasons)
    assert (
        decision.standards["MS1"]["status"] == "unknown" and decision.standards["MS1"]["mandatory"]
    )
    assert decision.standards_applied is decision.standards
    event = AuditEvent.objects.get(action="reviews.decision_sign")
    assert event.after["departure_kind"] == "towards-outsourcing"
    assert len(event.after["departure_reasons"]) == 5


def test_compliant_proposed_terms_meet_the_standards():
    _, people, review = _sent({"proposed-terms": COMPLIANT_TERMS})
    decision = _in_full(review, people)
    assert decision.status == "decided"
    assert decision.standards["MS5"]["status"] == "met"  # 30 months with a no-fault break


def test_a_capacity_departure_over_36_months_fails_ms5():
    terms = COMPLIANT_TERMS | {"proposed_terms.max_term_months": 48}
    _, people, review = _sent({"proposed-terms": terms})
    decision = _in_full(review, people)
    assert decision.status == "blocked_until_standards_met"
    assert decision.standards["MS5"]["status"] == "unmet"


@pytest.mark.parametrize(
    ("re_review_on", "message"),
    [
        (TODAY + timedelta(days=365 * 3 + 5), "no later than 23 November 2029"),
        (TODAY, "after the date of the decision"),
    ],
)
def test_the_re_review_date_is_checked(re_review_on, message):
    _, people, review = _sent()
    reasons = {c["key"]: "A reason" for c in _conditions(review)}
    with pytest.raises(DepartureRefused) as refused:
        _sign(review, people, condition_reasons=reasons, re_review_on=re_review_on)
    assert list(refused.value.errors) == ["re_review_on"]
    assert message in refused.value.errors["re_review_on"]


def test_a_departure_towards_the_presumption_needs_reasons_only():
    extra = {"capacity": CAPACITY_FACTS, "proposed-terms": COMPLIANT_TERMS}
    _, people, review = _sent(extra, evidence="good_reasons.capacity.evidence")
    presumption = "INSOURCE_STATUTORY_PRESUMPTION"
    with pytest.raises(DepartureRefused, match="reasons for departing"):
        _sign(review, people, outcome=presumption, reason="")
    decision = _sign(review, people, outcome=presumption, reason="The depot is ours from 2027")
    assert decision.recommended_outcome == CAPACITY
    assert decision.departure_kind == "towards-presumption" and decision.status == "decided"
    assert decision.departure_reasons == [] and decision.standards == {}


def _publish(decision, people):
    legal = people[Role.LEGAL_OFFICER]
    return decision_publish(
        decision=decision,
        user=legal,
        redaction_note="No personal data",
        has_confidential_annex=False,
        pack_html=pack_html(decision, publisher_name="Lee Legal", published_on=TODAY),
        pack_pdf=b"%PDF-1.4",
        on=TODAY,
        by=Actor.for_user(legal),
        at=NOW,
    )


def _advise(decision, people, advice="The reasons answer each condition; MS1 is not yet met."):
    legal = people[Role.LEGAL_OFFICER]
    return departure_advice_record(
        decision=decision, user=legal, advice=advice, by=Actor.for_user(legal), at=NOW
    )


def test_publication_needs_the_monitoring_officers_advice():
    _, people, review = _sent()
    decision = _in_full(review, people)
    with pytest.raises(SignatureRefused, match="monitoring officer must record their advice"):
        _publish(decision, people)
    with pytest.raises(AdviceRefused, match="Enter the monitoring officer's advice"):
        _advise(decision, people, advice=" ")
    _advise(decision, people)
    with pytest.raises(AdviceRefused, match="is recorded"):
        _advise(decision, people)
    assert AuditEvent.objects.filter(action="reviews.departure_advice").count() == 1
    decision = Decision.objects.get(pk=decision.pk)
    assert _publish(decision, people).pk


def test_no_advice_for_a_decision_that_follows_the_recommendation():
    _, people, review = _sent()
    decision = _sign(review, people, outcome="INSOURCE_STATUTORY_PRESUMPTION", reason="")
    with pytest.raises(AdviceRefused, match="does not depart"):
        _advise(decision, people)
    assert _publish(decision, people).pk  # nothing more needed


def test_the_pack_says_it_departed_with_both_sets_of_reasons():
    _, people, review = _sent()
    decision = _in_full(review, people)
    _advise(decision, people)
    html = pack_html(Decision.objects.get(pk=decision.pk), publisher_name="L", published_on=TODAY)
    assert "The decision-maker departed from the policy’s recommendation" in html.replace(
        "&#x27;", "’"
    ).replace("'", "’")
    assert "presumption of in-house delivery" in html  # the engine's recommendation
    assert ONE_SENTENCE in html
    for reason in decision.departure_reasons:
        assert reason["reason"] in html
    assert "MS1 is not yet met" in html  # the advice
    assert "30 September 2028" in html
    assert 'data-status="blocked_until_standards_met"' in html
    assert 'id="standards-matrix"' in html  # the standards on the proposed terms


def test_the_public_page_and_the_audit_view_count_departures():
    authority, people, review = _sent()
    decision = _in_full(review, people)
    audit = audit_view(authority=authority, on=TODAY)
    assert audit.counts["departures"] == 1
    assert audit.blocked_departures == [decision] and audit.counts["blocked"] == 1
    assert audit.departure_counts == {
        "all": 1,
        "towards_outsourcing": 1,
        "blocked": 1,
        "awaiting_advice": 1,
    }
    assert authority_page(authority, on=TODAY)["departures"]["all"] == 0  # not yet published
    _advise(decision, people)
    _publish(Decision.objects.get(pk=decision.pk), people)
    public = authority_page(authority, on=TODAY)
    assert public["departures"]["all"] == 1 and public["departures"]["towards_outsourcing"] == 1
    assert public["decisions"][0]["departure"]["kind"] == "towards-outsourcing"
    assert Publication.objects.count() == 1


def test_sign_page_lists_the_conditions_and_keeps_what_was_typed(client, officer_login):
    _, people, review = _sent()
    officer_login(client, people[Role.DECISION_MAKER])
    url = reverse("reviews:sign", kwargs={"code": review.authority.code, "pk": review.pk})
    page = client.get(url)
    assert page.status_code == 200
    conditions = _conditions(review)
    for c in conditions:
        assert f'name="why-{CAPACITY}-{c["key"]}"'.encode() in page.content
    data = {"version": review.version, "outcome": CAPACITY, "reason": ONE_SENTENCE, "confirm": "on"}
    refused = client.post(url, data)
    assert refused.status_code == 400
    body = refused.content.decode()
    assert body.count("Give your reason on this condition") >= 2 * len(conditions)  # summary
    assert "Enter the re-review date" in body and ONE_SENTENCE in body
    data |= {f"why-{CAPACITY}-{c['key']}": f"Because {n}" for n, c in enumerate(conditions)}
    data |= {"re_review_on_0": "30", "re_review_on_1": "9", "re_review_on_2": "2028"}
    typed = client.post(url, data | {f"why-{CAPACITY}-{conditions[0]['key']}": ""})
    assert typed.status_code == 400 and "Because 1" in typed.content.decode()
    assert client.post(url, data).status_code == 302
    decision = Decision.objects.get()
    assert decision.re_review_on == RE_REVIEW and decision.departure_reasons[0]["reason"] == (
        "Because 0"
    )
