"""The contractor's information (issue 19, ADR 0039): a part of a request forwarded to the
contractor that holds it for the council (FOIA s.3(2)(b)) on its 10-working-day clock (the
request's own calendar), a reminder and the late flag from the daily run, the reply or the
failure attached to the request, the counts per contract and per supplier, and the MS6 finding
that raises its standards alert once."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.standards.models import MonitoringAlert, MonitoringRecord
from insource.standards.monitoring.services import monitoring_alerts_raise
from insource.testing.contractors import CONTRACTOR_EMAIL, continuing_request, forward
from insource.testing.information_requests import (
    NOW,
    OFFICER,
    at_day,
    audits,
    confirmed,
    council,
    fresh,
)
from insource.testing.workflow import refuse_contract
from insource.transparency.models import ContractorRequest, RequestState
from insource.transparency.requests import services as svc
from insource.transparency.requests.contractors import selectors as contractors
from insource.transparency.requests.services import RequestActionRefused

pytestmark = pytest.mark.django_db
DUE = date(2026, 12, 8)  # 10 working days after Monday 23 November 2026 (30 Nov: St Andrew's)


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        built = continuing_request()
    mail.outbox.clear()
    return built


def _remind(day: date, callbacks):
    with callbacks(execute=True):
        return svc.contractor_reminders(on=day, by=Actor.system("tests"), at=at_day(day))


def test_forwarding_starts_the_contractors_clock_and_emails_it(
    world, django_capture_on_commit_callbacks
):
    authority, _people, contract, request = world
    due_before = request.due_on
    with django_capture_on_commit_callbacks(execute=True):
        event = forward(request)
    found = ContractorRequest.objects.get()
    assert (found.due_on, found.contract, found.supplier.name) == (
        DUE,
        contract,
        "Clean Streets Ltd",
    )
    assert event.kind == "contractor-asked" and "s.3(2)(b)" in event.public_text
    assert event.private_note == "The monthly KPI reports for 2025"
    assert (fresh(request).state, fresh(request).due_on) == (
        RequestState.AWAITING_RESPONSE,
        due_before,
    )
    assert mail.outbox[-1].to == [CONTRACTOR_EMAIL]
    assert "8 December 2026" in mail.outbox[-1].body and "KPI reports" in mail.outbox[-1].body
    assert audits(request, "request_contractor_asked") == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"asked": "  "}, "Say what the contractor must provide"),
        ({"contractor_email": "not an address"}, "in the correct format"),
        ({"supplier": 999999}, "Choose one of the contract's suppliers"),
    ],
)
def test_a_bad_forward_is_refused_in_plain_words(world, overrides, message):
    with pytest.raises(RequestActionRefused, match=message):
        forward(world[3], **overrides)
    assert not ContractorRequest.objects.exists()


def test_only_an_open_request_about_a_contract_is_forwarded(world):
    general = confirmed(council())
    with pytest.raises(RequestActionRefused, match="not about a contract"):
        forward(general)
    request = world[3]
    svc.request_not_held(request=request, public_text="Not held", by=OFFICER, at=NOW)
    with pytest.raises(RequestActionRefused, match="only while it is open"):
        forward(fresh(request))


def test_a_reply_on_time_is_attached_and_counted(world):
    _authority, _people, contract, request = world
    forward(request)
    event = svc.request_contractor_reply(
        request=request,
        outcome="replied",
        reply="Attached: the 2025 reports",
        received_on=date(2026, 12, 4),
        by=OFFICER,
        at=at_day(date(2026, 12, 4)),
    )
    assert event.private_note == "Attached: the 2025 reports"
    assert event.public_text == "The contractor replied on 4 December 2026."
    counts = contractors.contract_counts(contract=contract, on=date(2027, 1, 1))
    assert (counts.num_asked, counts.num_on_time, counts.num_late) == (1, 1, 0)
    assert not MonitoringRecord.objects.filter(standard="MS6").exists()
    with pytest.raises(RequestActionRefused, match="No part of this request is waiting"):
        svc.request_contractor_reply(
            request=request, outcome="no-reply", by=OFFICER, at=at_day(date(2026, 12, 5))
        )


def test_the_reply_date_is_checked(world):
    request = world[3]
    forward(request)
    for day, message in (
        (date(2026, 12, 9), "today or in the past"),
        (date(2026, 11, 1), "on or after 23 November 2026"),  # forwarded on that day
    ):
        with pytest.raises(RequestActionRefused, match=message):
            svc.request_contractor_reply(
                request=request,
                outcome="replied",
                reply="x",
                received_on=day,
                by=OFFICER,
                at=at_day(date(2026, 12, 8)),
            )


def test_the_daily_run_reminds_then_flags_late_and_records_one_ms6_finding(
    world, django_capture_on_commit_callbacks
):
    authority, people, contract, request = world
    forward(request)
    assert _remind(date(2026, 12, 2), django_capture_on_commit_callbacks).num_reminded == 0
    soon = _remind(date(2026, 12, 3), django_capture_on_commit_callbacks)  # 3 working days before
    assert (soon.num_reminded, soon.num_late) == (1, 0)
    assert mail.outbox[-1].to == [CONTRACTOR_EMAIL] and "Reminder" in mail.outbox[-1].subject
    assert _remind(date(2026, 12, 4), django_capture_on_commit_callbacks).num_reminded == 0
    assert _remind(DUE, django_capture_on_commit_callbacks).num_late == 0  # due today: not late
    mail.outbox.clear()
    late = _remind(date(2026, 12, 9), django_capture_on_commit_callbacks)
    assert (late.num_late, late.num_breaches) == (1, 1)
    found = ContractorRequest.objects.get()
    assert found.is_late and found.late_flagged_on == date(2026, 12, 9)
    told = {tuple(m.to) for m in mail.outbox}
    assert (CONTRACTOR_EMAIL,) in told and (people[Role.REVIEW_OFFICER].email,) in told
    assert contractors.forwards_late(authority=authority, on=date(2026, 12, 9)) == [found]
    again = _remind(date(2026, 12, 10), django_capture_on_commit_callbacks)
    assert (again.num_late, again.num_breaches) == (0, 0)
    ms6 = MonitoringRecord.objects.get(standard="MS6")
    assert ms6.status == "unmet" and ms6.recorded_by is None and request.reference in ms6.evidence
    run = monitoring_alerts_raise(
        on=date(2026, 12, 10),
        by=Actor.system("tests"),
        at=at_day(date(2026, 12, 10)),
        authorities=[authority],
    )
    assert [a.standard for a in run.raised] == ["MS6"]
    again = monitoring_alerts_raise(
        on=date(2026, 12, 11),
        by=Actor.system("tests"),
        at=at_day(date(2026, 12, 11)),
        authorities=[authority],
    )
    assert again.raised == [] and MonitoringAlert.objects.filter(standard="MS6").count() == 1


def test_a_late_reply_or_no_reply_is_late_and_a_breach_once(world):
    _authority, _people, contract, request = world
    forward(request)
    svc.request_contractor_reply(
        request=request,
        outcome="replied",
        reply="Sorry for the delay",
        received_on=date(2026, 12, 10),
        by=OFFICER,
        at=at_day(date(2026, 12, 10)),
    )
    forward(fresh(request), at=at_day(date(2026, 12, 10)))
    event = svc.request_contractor_reply(
        request=fresh(request), outcome="no-reply", by=OFFICER, at=at_day(date(2026, 12, 11))
    )
    assert "did not supply" in event.public_text
    counts = contractors.contract_counts(contract=contract, on=date(2026, 12, 11))
    assert (counts.num_asked, counts.num_on_time, counts.num_late) == (2, 0, 2)
    assert MonitoringRecord.objects.filter(standard="MS6").count() == 2  # one per forward


def test_counts_per_supplier_span_councils(world):
    _authority, _people, contract, request = world
    supplier = contract.suppliers.get()
    forward(request)
    other = council(code="OTH", name="Other County Council")
    theirs = refuse_contract(other, suppliers=[supplier])
    forward(confirmed(other, contract=theirs, email="someone@example.net"))
    counts = contractors.supplier_counts(supplier=supplier, on=date(2026, 12, 31))
    assert (counts.num_asked, counts.num_late, counts.num_awaiting) == (2, 2, 0)
    assert contractors.contract_counts(contract=theirs, on=date(2026, 11, 24)).num_awaiting == 1


def test_the_remind_command_reports_the_contractors(world):
    forward(world[3])
    out = StringIO()
    call_command("requests", "remind", "--on", "2026-12-09", stdout=out)
    assert "Contractors: 0 reminded, 1 newly late, 1 MS6 findings." in out.getvalue()
