"""Status (overdue, very overdue), statistics, the public selectors (published only, never the
requester) and the officers' reminders."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta

import pytest

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.testing.information_requests import (
    EMAIL,
    NAME,
    NOW,
    OFFICER,
    at_day,
    confirmed,
    council,
    fresh,
    person,
    submit,
)
from insource.transparency.deadlines import working_days_late
from insource.transparency.models import RequestState
from insource.transparency.requests import public_selectors as public
from insource.transparency.requests import selectors
from insource.transparency.requests import services as svc

pytestmark = pytest.mark.django_db
S = RequestState
DUE = date(2026, 12, 22)  # of a request received on 23 November 2026 (FOIA)


@pytest.fixture
def ir():
    return confirmed(council())


def test_status_before_on_and_after_the_due_date(ir):
    assert selectors.request_status(ir, DUE).code == S.AWAITING_RESPONSE
    overdue = selectors.request_status(ir, DUE + timedelta(days=1))
    assert overdue.code == "overdue" and overdue.working_days_late == 1 and overdue.is_overdue


def test_very_overdue_is_more_than_20_working_days_past_the_due_date(ir):
    day = DUE
    while working_days_late(DUE, day, regime="foia") < 20:
        day += timedelta(days=1)
    assert selectors.request_status(ir, day).code == "overdue"
    while working_days_late(DUE, day, regime="foia") == 20:
        day += timedelta(days=1)
    status = selectors.request_status(ir, day)
    assert status.code == "very-overdue" and status.working_days_late == 21


def test_waiting_for_a_clarification_is_never_overdue(ir):
    svc.request_clarification_ask(request=ir, public_text="Which?", by=OFFICER, at=NOW)
    assert selectors.request_status(fresh(ir), date(2027, 6, 1)).code == S.CLARIFICATION_REQUESTED


def test_an_overdue_internal_review_is_overdue(ir):
    svc.request_not_held(request=ir, public_text="x", by=OFFICER, at=NOW)
    svc.request_review_request(request=ir, public_text="y", by=svc.REQUESTER, at=NOW)
    assert selectors.request_status(fresh(ir), date(2027, 3, 1)).is_overdue


def test_statistics_per_authority():
    authority = council()
    on_time = confirmed(authority, email="a@example.net")
    late = confirmed(authority, email="b@example.net")
    refused = confirmed(authority, email="c@example.net")
    confirmed(authority, email="d@example.net")  # still open, overdue on the day
    submit(authority, email="e@example.net")  # unconfirmed: not counted
    confirmed(council(), email="f@example.net")  # another authority
    svc.request_answer(request=on_time, in_full=True, public_text="x", by=OFFICER, at=NOW)
    svc.request_answer(
        request=late,
        in_full=False,
        exemptions=["s.21"],
        public_text="x",
        by=OFFICER,
        at=at_day(date(2027, 1, 4)),
    )
    svc.request_refuse(request=refused, ground="vexatious", public_text="x", by=OFFICER, at=NOW)
    stats = selectors.request_stats(authority=authority, on=date(2027, 2, 1))
    assert stats == {
        "received": 4,
        "answered": 3,
        "answered_on_time": 2,
        "late": 1,
        "open_overdue": 1,
        "open_very_overdue": 1,
        "outcomes": {"awaiting-response": 1, "answered-full": 1, "answered-part": 1, "refused": 1},
        "on_time_percent": 67,
    }
    assert (
        selectors.request_stats(authority=authority, on=NOW.date(), since=date(2027, 1, 1))[
            "received"
        ]
        == 0
    )


def test_public_selectors_return_published_requests_without_the_requester(ir):
    unconfirmed = submit(council(), email="x@example.net").request
    rows = list(public.requests_public(on=NOW.date()))
    assert [r["reference"] for r in rows] == [ir.reference]
    assert unconfirmed.reference not in str(rows)
    for row in rows:
        assert not {"requester_name", "requester_email", "ip_hash", "text"} & set(row)
        assert NAME not in str(row) and EMAIL not in str(row)
    found = public.request_public_get(ir.reference)
    names = {f.name for f in fields(found)}
    assert not {"requester_name", "requester_email", "ip_hash", "token_hash"} & names
    assert NAME not in repr(found) and EMAIL not in repr(found)
    assert public.request_public_get(unconfirmed.reference) is None


def test_public_list_filters(ir):
    other = confirmed(council(), email="z@example.net")
    svc.request_answer(request=other, in_full=True, public_text="x", by=OFFICER, at=NOW)
    late_day = date(2027, 1, 4)
    assert [r["reference"] for r in public.requests_public(on=late_day, overdue="overdue")] == [
        ir.reference
    ]
    assert list(public.requests_public(on=late_day, overdue="very-overdue")) == []
    answered = public.requests_public(on=late_day, state=S.ANSWERED_FULL)
    assert [r["reference"] for r in answered] == [other.reference]
    mine = public.requests_public(on=late_day, authority=ir.authority)
    assert [r["reference"] for r in mine] == [ir.reference]


def test_the_queue_puts_the_soonest_due_first_and_is_scoped(ir):
    authority = ir.authority
    later = confirmed(authority, email="later@example.net", at=NOW + timedelta(days=3))
    unconfirmed = submit(authority, email="u@example.net").request
    queue = list(selectors.requests_queue(authority=authority, on=NOW.date()))
    assert queue == [ir, later]
    pending = selectors.requests_queue(
        authority=authority, on=NOW.date(), show="awaiting-confirmation"
    )
    assert list(pending) == [unconfirmed]
    assert selectors.request_get(authority=council(), reference=ir.reference) is None
    overdue = selectors.requests_queue(authority=authority, on=date(2026, 12, 23), show="overdue")
    assert list(overdue) == [ir]


def test_reminders_go_to_review_and_legal_officers_once_a_day(
    ir, mailoutbox, django_capture_on_commit_callbacks
):
    authority = ir.authority
    officer = person(authority, Role.REVIEW_OFFICER, username="rev")
    legal = person(authority, Role.LEGAL_OFFICER, Role.REVIEW_OFFICER, username="legal")
    person(authority, Role.COUNCILLOR, username="cllr")
    confirmed(authority, email="later@example.net", at=NOW + timedelta(days=14))  # not yet
    system = Actor.system("requests-remind")
    soon = date(2026, 12, 16)  # 4 working days before the due date
    with django_capture_on_commit_callbacks(execute=True):
        result = svc.requests_remind(on=soon, by=system, at=at_day(soon, 6))
    assert (result.num_requests, result.num_officers) == (1, 2)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([officer.email, legal.email])
    assert ir.reference in mailoutbox[0].body and "/requests/" in mailoutbox[0].body
    assert AuditEvent.objects.filter(action="transparency.requests_remind").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        again = svc.requests_remind(on=soon, by=system, at=at_day(soon, 7))
    assert again.num_requests == 0 and len(mailoutbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        svc.requests_remind(on=date(2027, 1, 5), by=system, at=at_day(date(2027, 1, 5)))
    assert "OVERDUE" in mailoutbox[-1].body


def test_no_reminder_long_before_the_due_date(ir):
    result = svc.requests_remind(on=NOW.date(), by=Actor.system("t"), at=NOW)
    assert result.num_requests == 0
