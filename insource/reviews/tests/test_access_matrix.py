"""Who may do what: every review page and action, for every role, on the person's own
authority and on another one. Allowed means the view does its work (200, 302 or 400 for an
empty form); a role without the capability gets 403; another authority's data is 404 (its
existence is not revealed); signed-out visitors are sent to sign in."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from insource.authorities.models import Role
from insource.authorities.roles import CAPABILITIES, Capability
from insource.core.audit import Actor
from insource.reviews.models import Review
from insource.reviews.services.decisions import decision_sign
from insource.reviews.services.editing import evidence_add, review_answer, review_submit
from insource.reviews.services.opening import reviews_open_due
from insource.reviews.uploads import check_evidence_file, evidence_store
from insource.reviews.workflow.questions import BY_SLUG
from insource.testing.workflow import NOW, TODAY, council, refuse_contract, team

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SYSTEM = Actor.system("tests")

# (url name, method, capability needed, extra url kwargs key)
ACTIONS = [
    ("reviews:authority", "get", Capability.READ),
    ("reviews:adopt", "get", Capability.READ),
    ("reviews:adopt", "post", Capability.ADOPT_POLICY),
    ("reviews:open", "post", Capability.OPEN_REVIEW),
    ("reviews:review", "get", Capability.READ),
    ("reviews:topic", "get", Capability.READ),
    ("reviews:topic", "post", Capability.EDIT_REVIEW),
    ("reviews:evidence-upload", "post", Capability.EDIT_REVIEW),
    ("reviews:evidence-download", "get", Capability.READ_EVIDENCE),
    ("reviews:comment", "post", Capability.COMMENT),
    ("reviews:history", "get", Capability.READ),
    ("reviews:submit", "get", Capability.SUBMIT_FOR_DECISION),
    ("reviews:submit", "post", Capability.SUBMIT_FOR_DECISION),
    ("reviews:sign", "get", Capability.SIGN_DECISION),
    ("reviews:sign", "post", Capability.SIGN_DECISION),
    ("reviews:publish", "get", Capability.PUBLISH_DECISION),
    ("reviews:publish", "post", Capability.PUBLISH_DECISION),
    ("reviews:return", "get", Capability.SIGN_DECISION),
    ("reviews:return", "post", Capability.SIGN_DECISION),
    ("reviews:advice", "get", Capability.ADVISE_ON_DEPARTURE),
    ("reviews:advice", "post", Capability.ADVISE_ON_DEPARTURE),
    ("reviews:say", "get", Capability.READ),
    ("reviews:say-open", "post", Capability.MODERATE_COMMENTS),
]


def _decided_review(authority, people, tmp_path, settings):
    """A review with an answer, a stored evidence file and a signed decision."""
    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    contract = refuse_contract(authority)
    reviews_open_due(on=TODAY, by=SYSTEM, at=NOW, authority=authority)
    review = Review.objects.get(contract=contract)
    officer = people[Role.REVIEW_OFFICER]
    values = {
        "at_risk.significant_contact": True,
        "at_risk.coercive_powers": False,
        "at_risk.rights_risk": False,
    }
    prereq = {
        "consultation_done": True,
        "equality_impact_assessment_done": True,
        "is_key_decision": False,
        "decision_on": "2026-12-01",
    }
    party = {"contract.counterparty": "private"}
    for slug, answers in (("at-risk", values), ("prerequisites", prereq), ("contract", party)):
        review.refresh_from_db()
        review_answer(
            review=review,
            topic=BY_SLUG[slug],
            values=answers,
            disputed={},
            version=review.version,
            on=TODAY,
            by=SYSTEM,
            user=officer,
            at=NOW,
        )
    upload = SimpleUploadedFile("survey.pdf", PDF)
    checked = check_evidence_file(upload)
    review.refresh_from_db()
    evidence = evidence_add(
        review=review,
        topic=BY_SLUG["capacity"],
        path="good_reasons.capacity.evidence",
        title="Survey",
        version=review.version,
        on=TODAY,
        by=SYSTEM,
        user=officer,
        at=NOW,
        stored=(evidence_store(checked, upload), checked),
    )
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
    decision_sign(
        review=review,
        signer=people[Role.DECISION_MAKER],
        outcome="INSOURCE_AT_RISK_GUIDANCE",
        reason="",
        version=review.version,
        on=TODAY,
        by=SYSTEM,
        at=NOW + timedelta(minutes=1),
    )
    return review, contract, evidence


@pytest.fixture
def world(tmp_path, settings):
    own, other = council(), council()
    own_people, other_people = team(own), team(other)
    review, contract, evidence = _decided_review(own, own_people, tmp_path, settings)
    return own, own_people, other_people, review, contract, evidence


def _url(name, review, contract, evidence):
    code = review.authority.code
    kwargs = {
        "reviews:authority": {"code": code},
        "reviews:adopt": {"code": code},
        "reviews:open": {"code": code, "contract_pk": contract.pk},
        "reviews:topic": {"code": code, "pk": review.pk, "slug": "capacity"},
        "reviews:evidence-upload": {"code": code, "pk": review.pk, "slug": "capacity"},
        "reviews:evidence-download": {"code": code, "pk": review.pk, "evidence_pk": evidence.pk},
    }.get(name, {"code": code, "pk": review.pk})
    return reverse(name, kwargs=kwargs)


def _status(client, method, url) -> int:
    return (client.get(url) if method == "get" else client.post(url, {})).status_code


@pytest.mark.parametrize("role", list(Role))
def test_role_matrix_own_authority(client, officer_login, world, role):
    _, people, _, review, contract, evidence = world
    officer_login(client, people[role])
    for name, method, capability in ACTIONS:
        status = _status(client, method, _url(name, review, contract, evidence))
        if role in CAPABILITIES[capability]:
            assert status in (200, 302, 400), (role, name, method, status)
        else:
            assert status == 403, (role, name, method, status)


@pytest.mark.parametrize("role", list(Role))
def test_another_authority_sees_nothing(client, officer_login, world, role):
    _, _, other_people, review, contract, evidence = world
    officer_login(client, other_people[role])
    for name, method, _ in ACTIONS:
        status = _status(client, method, _url(name, review, contract, evidence))
        assert status == 404, (role, name, method, status)


def test_signed_out_visitors_are_sent_to_sign_in(client, world):
    _, _, _, review, contract, evidence = world
    for name, method, _ in ACTIONS:
        response = (
            client.get(_url(name, review, contract, evidence))
            if method == "get"
            else client.post(_url(name, review, contract, evidence), {})
        )
        assert response.status_code == 302 and "sign-in" in response["Location"], name


def test_a_decision_maker_who_drafted_is_not_offered_or_allowed(client, officer_login, world):
    own, people, _, review, _, _ = world
    maker = people[Role.DECISION_MAKER]
    assert maker.pk not in {people[Role.REVIEW_OFFICER].pk}
    officer_login(client, people[Role.REVIEW_OFFICER])
    page = client.get(reverse("reviews:submit", kwargs={"code": own.code, "pk": review.pk}))
    assert people[Role.REVIEW_OFFICER].get_username() not in page.content.decode()


def test_every_capability_is_tested():
    tested = {capability for _, _, capability in ACTIONS}
    # Members are managed in /admin/; requests have their own matrix (insource/transparency).
    others = {Capability.MANAGE_MEMBERS, Capability.ANSWER_REQUESTS, Capability.MANAGE_CONTRACTS}
    # The model contract's pages have their own matrix (standards/tests/test_model_contract_pages).
    others |= {Capability.GENERATE_MODEL_CONTRACT, Capability.EDIT_CLAUSES}
    # Community wealth's pages have their own matrix (wealth/tests/test_pages).
    others |= {Capability.EDIT_LOCAL_AREA, Capability.RECORD_COMMUNITY_WEALTH}
    # Confirming buyer names has its own tests (register/tests/test_queue).
    others |= {Capability.CONFIRM_BUYER_NAMES}
    # Editing the register has its own tests (register/tests/test_editing).
    others |= {Capability.EDIT_REGISTER}
    # Transition plans and their workforce have their own matrix (transition/tests/test_pages).
    others |= {c for c in Capability if c.value.endswith(("-transition", "-workforce"))}
    # Legal support referrals and the audit committee are checked role by role by the route
    # matrix (insource/testing/route_matrix.py) and their own tests (legal/, oversight/).
    others |= {Capability.REFER_TO_LEGAL, Capability.ADVISE_ON_REFERRAL}
    others |= {Capability.READ_AUDIT, Capability.RECORD_AUDIT, Capability.RESPOND_TO_AUDIT}
    # Saving a place is checked role by role by the route matrix and places/tests/test_pages.
    others |= {Capability.MAKE_PLACES}
    # Sharing work: the route matrix and sharing/tests/test_pages check it role by role.
    others |= {Capability.PUBLISH_TEMPLATES}
    assert tested | others == set(Capability)
    assert all(itertools.chain(CAPABILITIES.values()))
