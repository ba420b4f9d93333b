"""An officer's first page (issue 18), by role: a review officer's reviews due or late, a
decision-maker's reviews awaiting their signature, a legal officer's decisions ready to publish,
the information requests due this week, the transition milestones due; the signed-in person
shown; every list limited to the person's own authorities; the public sees the start page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.home.selectors import officer_work
from insource.reviews.models import Review
from insource.reviews.services.opening import reviews_open_due
from insource.testing.factories import UserFactory
from insource.testing.information_requests import InformationRequestFactory
from insource.testing.transition import decided_in_house
from insource.testing.workflow import NOW, council, decided_review, refuse_contract, team

pytestmark = pytest.mark.django_db
HOME = reverse("home")


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def opened(today):
    """A council whose refuse contract ends in 20 days: its review is open, owned by the
    council's review officer, and at risk of lateness."""
    authority = council(code="HMA", name="Homeshire County Council")
    people = team(authority)
    contract = refuse_contract(authority, end_on=today + timedelta(days=20), max_end_on=None)
    reviews_open_due(on=today, by=Actor.system("tests"), at=NOW, authority=authority)
    review = Review.objects.get(contract=contract)
    review.owner = people[Role.REVIEW_OFFICER]
    review.save(update_fields=["owner"])
    return authority, people, review


def test_a_review_officer_sees_their_reviews_due_and_who_they_are(client, officer_login, opened):
    authority, people, review = opened
    officer = people[Role.REVIEW_OFFICER]
    officer.first_name, officer.last_name = "Rhian", "Officer"
    officer.save()
    officer_login(client, officer)
    page = client.get(HOME)
    text = page.content.decode()
    assert "Signed in as Rhian Officer" in text
    assert "Your work" in text and "Homeshire County Council" in text
    section = page.context["officer"]["sections"][0]
    assert [i["url"] for i in section["reviews_due"]] == [
        reverse("reviews:review", args=[authority.code, review.pk])
    ]
    assert section["reviews_due"][0]["tag"]["label"] == "At risk of lateness"
    assert section["awaiting_signature"] is None  # a review officer signs nothing
    assert section["ready_to_publish"] is None
    assert section["requests_due"] == []


def test_reviews_late_are_tagged_late(opened, today):
    authority, people, review = opened
    later = today + timedelta(days=30)
    work = officer_work(people[Role.REVIEW_OFFICER], on=later)
    assert work.authorities[0].reviews_due == [review]
    assert officer_work(people[Role.COUNCILLOR], on=later).authorities[0].reviews_due is None


def test_a_decision_maker_sees_what_awaits_their_signature(client, officer_login, opened, today):
    authority, people, review = opened
    # sent for decision (the workflow's own tests walk the answers that allow it)
    Review.objects.filter(pk=review.pk).update(
        state="awaiting-decision", decision_maker=people[Role.DECISION_MAKER]
    )
    officer_login(client, people[Role.DECISION_MAKER])
    section = client.get(HOME).context["officer"]["sections"][0]
    assert [i["url"] for i in section["awaiting_signature"]] == [
        reverse("reviews:review", args=[authority.code, review.pk])
    ]
    assert section["reviews_due"] is None
    other_maker = team(council(code="HMB", name="Elsewhere Council"))[Role.DECISION_MAKER]
    assert officer_work(other_maker, on=today).authorities[0].awaiting_signature == []


def test_a_legal_officer_sees_what_is_ready_to_publish(client, officer_login):
    authority = council(code="HMC", name="Publishshire Council")
    people = team(authority)
    decision = decided_review(authority, people, refuse_contract(authority))
    officer_login(client, people[Role.LEGAL_OFFICER])
    section = client.get(HOME).context["officer"]["sections"][0]
    assert [i["url"] for i in section["ready_to_publish"]] == [
        reverse("reviews:review", args=[authority.code, decision.review_id])
    ]
    assert 'data-list="ready-to-publish"' in client.get(HOME).content.decode()
    councillor = officer_work(people[Role.COUNCILLOR], on=timezone.localdate())
    assert councillor.authorities[0].ready_to_publish is None


def test_requests_due_this_week_and_only_the_person_s_authorities(client, officer_login, today):
    authority = council(code="HMD", name="Requestshire Council")
    people = team(authority)
    due = InformationRequestFactory(authority=authority, title="Bin collection figures")
    due.due_on = today + timedelta(days=3)
    due.save(update_fields=["due_on"])
    later = InformationRequestFactory(authority=authority, title="Later request")
    later.due_on = today + timedelta(days=30)
    later.save(update_fields=["due_on"])
    elsewhere = council(code="HME", name="Elsewhere Borough Council")
    other = InformationRequestFactory(authority=elsewhere, title="Not yours")
    other.due_on = today
    other.save(update_fields=["due_on"])
    officer_login(client, people[Role.LEGAL_OFFICER])
    page = client.get(HOME)
    sections = page.context["officer"]["sections"]
    assert [s["authority"] for s in sections] == [authority]
    assert [i["name"] for i in sections[0]["requests_due"]] == ["Bin collection figures"]
    assert "Not yours" not in page.content.decode()


def test_transition_milestones_due_for_managers_and_owners(client, officer_login, today):
    authority, people, decision, plan = decided_in_house("HMF")
    milestone = plan.milestones.order_by("due_on").first()
    milestone.due_on = today + timedelta(days=5)
    milestone.owner = people[Role.HR_OFFICER]
    milestone.save(update_fields=["due_on", "owner"])
    officer_login(client, people[Role.HR_OFFICER])
    section = client.get(HOME).context["officer"]["sections"][0]
    assert milestone.title in [i["name"].split(" (")[0] for i in section["milestones_due"]]
    assert any(i["yours"] for i in section["milestones_due"])
    union = officer_work(people[Role.UNION_REPRESENTATIVE], on=today).authorities[0]
    assert union.milestones_due is None  # a union representative owns none and manages none


def test_the_public_and_a_person_without_authorities_get_the_start_page(client, officer_login):
    page = client.get(HOME)
    assert page.status_code == 200 and "officer" not in page.context
    assert "Your work" not in page.content.decode()
    officer_login(client, UserFactory())
    text = client.get(HOME).content.decode()
    assert "You are not a member of any authority yet" in text
