"""Legal support referrals (issue 19, ADR 0039): an officer refers a matter about a continuing
contract with its question and a document; the legal support team — one person serving two
councils — sees it in its queue, takes it and advises; the officer records the outcome. The
target is a dated parameter in working days; a referral not advised by then is late and shows
on the audit committee's page. Pages through the test client, GOV.UK errors kept on the form."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.legal import clock, selectors, services
from insource.legal.models import Referral
from insource.testing.monitoring import continuing
from insource.testing.workflow import NOW, council, person

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TODAY = NOW.date()


@pytest.fixture
def world(settings, tmp_path):
    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    authority, people, contract, decision = continuing()
    other = council(code="NBR", name="Neighbour Borough Council")
    adviser = person(authority, Role.LEGAL_SUPPORT, username="shared-legal")
    person(other, Role.LEGAL_SUPPORT, username="shared-legal-too")  # another, to check scope
    adviser.memberships.create(authority=other, role=Role.LEGAL_SUPPORT)
    return authority, people, contract, decision, adviser, other


def _refer(world, on=TODAY, **overrides):
    authority, people, contract, _decision, _adviser, _other = world
    manager = people[Role.CONTRACT_MANAGER]
    fields = {
        "kind": "dispute",
        "question": "May we deduct for missed collections?",
        "uploads": [services.Upload("Default notice", SimpleUploadedFile("n.pdf", PDF))],
    }
    return services.referral_make(
        authority=authority,
        contract=contract,
        user=manager,
        by=Actor.for_user(manager),
        at=NOW,
        on=on,
        **(fields | overrides),
    )


def test_the_target_is_a_dated_parameter_in_working_days():
    assert clock.target_working_days(date(2026, 11, 23)) == 10
    # 30 November (St Andrew's Day) is not a working day on the UK-wide calendar
    assert clock.target_for(date(2026, 11, 23)) == date(2026, 12, 8)
    assert clock.is_late(
        status="referred", target_on=date(2026, 12, 8), advised_on=None, on=date(2026, 12, 9)
    )
    assert not clock.is_late(
        status="referred", target_on=date(2026, 12, 8), advised_on=None, on=date(2026, 12, 8)
    )
    assert clock.is_late(
        status="closed",
        target_on=date(2026, 12, 8),
        advised_on=date(2026, 12, 10),
        on=date(2027, 1, 1),
    )


def test_a_referral_goes_to_the_teams_queue_across_councils_then_advice_then_outcome(
    world, django_capture_on_commit_callbacks
):
    authority, people, contract, _d, adviser, other = world
    with django_capture_on_commit_callbacks(execute=True):
        referral = _refer(world)
    assert referral.target_on == date(2026, 12, 8) and referral.documents.count() == 1
    assert (
        mail.outbox[-1].to == [adviser.email] and "due by 8 December 2026" in mail.outbox[-1].body
    )
    theirs = Referral.objects.create(
        authority=other,
        contract=referral.contract,
        kind="review",
        question="?",
        referred_by=people[Role.REVIEW_OFFICER],
        referred_at=NOW,
        referred_on=TODAY,
        target_on=TODAY + timedelta(days=14),
    )
    assert set(selectors.legal_support_queue(user=adviser)) == {referral, theirs}
    assert list(selectors.legal_support_queue(user=people[Role.LEGAL_OFFICER])) == []
    taken = services.referral_accept(
        referral=referral, version=1, user=adviser, by=Actor.for_user(adviser), at=NOW
    )
    assert taken.status == "accepted" and taken.adviser == adviser
    with pytest.raises(ValidationError, match="Someone else changed"):
        services.referral_advise(
            referral=taken,
            version=1,
            advice="x",
            user=adviser,
            by=Actor.for_user(adviser),
            at=NOW,
            on=TODAY,
        )
    with django_capture_on_commit_callbacks(execute=True):
        advised = services.referral_advise(
            referral=taken,
            version=2,
            advice="Yes, under clause 12.",
            user=adviser,
            by=Actor.for_user(adviser),
            at=NOW,
            on=date(2026, 12, 4),
        )
    assert mail.outbox[-1].to == [people[Role.CONTRACT_MANAGER].email]
    assert not clock.referral_late(advised, date(2027, 1, 1))  # advised in time
    assert list(selectors.legal_support_queue(user=adviser)) == [theirs]
    closed = services.referral_close(
        referral=advised,
        version=3,
        outcome="Deducted £4,000",
        by=Actor.system("tests"),
        at=NOW,
        on=date(2026, 12, 10),
    )
    assert closed.status == "closed"
    actions = set(
        AuditEvent.objects.filter(action__startswith="legal.").values_list("action", flat=True)
    )
    assert actions == {"legal.refer", "legal.accept", "legal.advise", "legal.close"}


def test_bad_referrals_are_refused_by_field(world):
    with pytest.raises(ValidationError) as error:
        _refer(world, kind="gossip", question="  ", uploads=[])
    assert error.value.message_dict == {
        "kind": ["Choose what the referral is about"],
        "question": ["Enter the question for legal support"],
    }
    assert not Referral.objects.exists()


def test_a_late_referral_shows_on_the_audit_committee_view(client, officer_login, world):
    authority, people, *_ = world
    referral = _refer(world, on=date(2026, 1, 5))  # due long ago, never advised
    assert selectors.referrals_late(authority=authority, on=TODAY) == [referral]
    officer_login(client, people[Role.AUDITOR])
    audit = client.get(reverse("oversight:audit", args=[authority.code])).content.decode()
    assert '<strong id="count-late-referrals">1</strong>' in audit
    assert reverse("legal:referral", args=[authority.code, referral.pk]) in audit


def test_the_pages_refer_advise_and_keep_what_was_typed(client, officer_login, world):
    authority, people, contract, _d, adviser, _other = world
    officer_login(client, people[Role.CONTRACT_MANAGER])
    detail = client.get(reverse("register:contract-detail", args=[contract.pk])).content.decode()
    refer = reverse("legal:refer", args=[authority.code, contract.pk])
    assert refer in detail
    bad = client.post(refer, {"question": "Can we terminate?"})
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "Choose what the referral is about" in html and "Can we terminate?" in html
    done = client.post(refer, {"kind": "termination", "question": "Can we terminate?"})
    assert done.status_code == 302
    referral = Referral.objects.get()
    page = reverse("legal:referral", args=[authority.code, referral.pk])
    assert 'id="advise"' not in client.get(page).content.decode()  # not legal support
    client.logout()
    officer_login(client, adviser)
    queue = client.get(reverse("legal:queue")).content.decode()
    assert page in queue
    empty = client.post(
        reverse("legal:advise", args=[authority.code, referral.pk]),
        {"version": referral.version, "advice": ""},
    )
    assert empty.status_code == 400 and "Enter the advice" in empty.content.decode()
    advised = client.post(
        reverse("legal:advise", args=[authority.code, referral.pk]),
        {"version": referral.version, "advice": "You may, on 30 days' notice."},
    )
    assert advised.status_code == 302
    assert "30 days" in client.get(page).content.decode()
