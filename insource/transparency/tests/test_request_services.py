"""The officers' steps: the state machine, the clock rules (clarification restarts it, one
extension after the due date in force, none in Scotland, EIR complex 40 in total, the internal
review's own clock), withdrawal, referral, advice, the law changed, redaction; each step is
one history event and one audit event. Responses are in test_request_responses."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from insource.core.models import AuditEvent
from insource.testing.information_requests import (
    EMAIL,
    NOW,
    OFFICER,
    PDF,
    at_day,
    audits,
    confirmed,
    council,
    fresh,
    refuse_contract,
    submit,
)
from insource.transparency.deadlines import due_on
from insource.transparency.models import (
    REDACTED,
    EventKind,
    Redaction,
    RequestEvent,
    RequestState,
)
from insource.transparency.requests import services as svc
from insource.transparency.requests.services import AttachmentUpload, RequestActionRefused

pytestmark = pytest.mark.django_db
S = RequestState
RECEIVED = date(2026, 11, 23)


@pytest.fixture
def ir():
    return confirmed(council())


def test_every_step_records_one_event_and_one_audit_event(ir, tmp_path, settings):
    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    steps = [
        lambda: svc.request_acknowledge(request=ir, by=OFFICER, at=NOW),
        lambda: svc.request_advice_record(request=ir, public_text="Narrow it", by=OFFICER, at=NOW),
        lambda: svc.request_clarification_ask(request=ir, public_text="Which?", by=OFFICER, at=NOW),
        lambda: svc.request_clarification_received(
            request=ir, public_text="2025 only", by=svc.REQUESTER, at=NOW
        ),
        lambda: svc.request_answer(
            request=ir, in_full=True, public_text="Attached.", by=OFFICER, at=NOW
        ),
        lambda: svc.request_review_request(
            request=ir, public_text="Missing months", by=svc.REQUESTER, at=NOW
        ),
        lambda: svc.request_review_decide(
            request=ir,
            outcome="upheld",
            result=S.ANSWERED_FULL,
            public_text="Upheld",
            by=OFFICER,
            at=NOW,
        ),
        lambda: svc.request_refer(request=ir, by=OFFICER, at=NOW),
        lambda: svc.request_redact(
            request=ir, target="text", span="monthly", what="a word", why="test", by=OFFICER, at=NOW
        ),
        lambda: svc.request_attachment_add(
            request=ir,
            upload=AttachmentUpload("KPIs", SimpleUploadedFile("k.pdf", PDF)),
            by=OFFICER,
            at=NOW,
        ),
    ]
    for step in steps:
        audits_before, events_before = AuditEvent.objects.count(), RequestEvent.objects.count()
        step()
        assert AuditEvent.objects.count() == audits_before + 1
        assert RequestEvent.objects.count() == events_before + 1
    assert fresh(ir).state == S.REFERRED


def test_acknowledgement_is_sent_once(ir, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = svc.request_acknowledge(request=ir, by=OFFICER, at=NOW)
    assert "22 December 2026" in event.public_text
    assert mailoutbox[-1].to == [EMAIL] and ir.reference in mailoutbox[-1].subject
    with pytest.raises(RequestActionRefused, match="already been acknowledged"):
        svc.request_acknowledge(request=ir, by=OFFICER, at=NOW)


def test_a_clarification_restarts_the_clock_from_its_receipt(ir):
    svc.request_clarification_ask(request=ir, public_text="Which years?", by=OFFICER, at=NOW)
    assert fresh(ir).due_on is None and fresh(ir).state == S.CLARIFICATION_REQUESTED
    arrived = date(2026, 12, 10)
    event = svc.request_clarification_received(
        request=ir, public_text="2025 and 2026", by=svc.REQUESTER, at=at_day(arrived)
    )
    ir = fresh(ir)
    assert ir.state == S.AWAITING_RESPONSE and ir.clock_started_on == arrived
    assert ir.received_on == RECEIVED  # the original receipt is kept
    assert ir.due_on == event.due_on_after == due_on(arrived, regime="foia")
    assert ir.due_on == date(2027, 1, 13)  # Christmas, Boxing Day, 1 and 4 January skipped


def test_a_public_interest_extension_adds_working_days_after_the_due_date_in_force(ir):
    old_due = ir.due_on
    event = svc.request_extend(
        request=ir,
        kind="public-interest",
        exemptions=["s.43(2)"],
        public_text="Weighing the public interest",
        by=OFFICER,
        at=NOW,
    )
    ir = fresh(ir)
    assert ir.state == S.EXTENDED
    assert ir.due_on == due_on(old_due, regime="foia", working_days=20) == date(2027, 1, 25)
    assert event.statutory_basis.startswith("FOIA s.10(3)")
    assert event.details["previous_due_on"] == old_due.isoformat()
    with pytest.raises(RequestActionRefused, match="already been extended"):
        svc.request_extend(
            request=ir,
            kind="public-interest",
            exemptions=["s.43(2)"],
            public_text="x",
            by=OFFICER,
            at=NOW,
        )


def test_a_shorter_public_interest_extension(ir):
    svc.request_extend(
        request=ir,
        kind="public-interest",
        working_days=5,
        exemptions=["s.36"],
        public_text="Five more days",
        by=OFFICER,
        at=NOW,
    )
    assert fresh(ir).due_on == due_on(date(2026, 12, 22), regime="foia", working_days=5)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"working_days": 21, "exemptions": ["s.43(2)"]}, "between 1 and 20"),
        ({"exemptions": []}, "qualified exemption"),
        ({"exemptions": ["s.40(2)"]}, "qualified exemption"),  # absolute: no public interest
    ],
)
def test_public_interest_extension_rules(ir, kwargs, message):
    with pytest.raises(RequestActionRefused, match=message):
        svc.request_extend(
            request=ir, kind="public-interest", public_text="x", by=OFFICER, at=NOW, **kwargs
        )
    assert fresh(ir).state == S.AWAITING_RESPONSE


def test_an_extension_must_be_claimed_by_the_due_date(ir):
    with pytest.raises(RequestActionRefused, match="has passed"):
        svc.request_extend(
            request=ir,
            kind="public-interest",
            exemptions=["s.43(2)"],
            public_text="x",
            by=OFFICER,
            at=at_day(date(2026, 12, 23)),
        )


def test_scottish_requests_cannot_be_extended_for_the_public_interest():
    foisa = confirmed(council(nation="Scotland"))
    for kind, message in (("public-interest", "Scottish law"), ("complex", "environmental")):
        with pytest.raises(RequestActionRefused, match=message):
            svc.request_extend(
                request=foisa,
                kind=kind,
                exemptions=["s.33(1)(b)"],
                public_text="x",
                by=OFFICER,
                at=NOW,
            )
    assert fresh(foisa).due_on == due_on(RECEIVED, regime="foisa")  # St Andrew's Day counts
    assert audits(foisa, "request_extended") == 0


def test_eir_complex_and_voluminous_is_40_working_days_in_total():
    authority = council()
    eir = confirmed(authority, contract=refuse_contract(authority))
    assert eir.regime == "eir"
    with pytest.raises(RequestActionRefused, match="EIR allow no public-interest"):
        svc.request_extend(request=eir, kind="public-interest", public_text="x", by=OFFICER, at=NOW)
    svc.request_extend(request=eir, kind="complex", public_text="Volume", by=OFFICER, at=NOW)
    assert fresh(eir).due_on == due_on(RECEIVED, regime="eir", working_days=40)


def test_eisr_complex_extension_uses_the_scottish_calendar():
    authority = council(nation="Scotland")
    eisr = confirmed(authority, contract=refuse_contract(authority))
    svc.request_extend(request=eisr, kind="complex", public_text="Volume", by=OFFICER, at=NOW)
    assert fresh(eisr).due_on == due_on(RECEIVED, regime="eisr", working_days=40)


def test_the_requester_withdraws(ir):
    svc.request_withdraw(request=ir, by=svc.REQUESTER, at=NOW)
    ir = fresh(ir)
    assert ir.state == S.WITHDRAWN and ir.due_on is None
    assert ir.events.last().party == "requester"
    with pytest.raises(RequestActionRefused, match="withdrawn"):
        svc.request_answer(request=ir, in_full=True, public_text="x", by=OFFICER, at=NOW)
    with pytest.raises(RequestActionRefused):
        svc.request_withdraw(request=ir, by=svc.REQUESTER, at=NOW)


def test_an_internal_review_has_its_own_clock(ir):
    svc.request_refuse(
        request=ir, ground="exemption", exemptions=["s.21"], public_text="x", by=OFFICER, at=NOW
    )
    asked = date(2026, 12, 2)
    svc.request_review_request(
        request=ir, public_text="Not published", by=svc.REQUESTER, at=at_day(asked)
    )
    ir = fresh(ir)
    assert ir.state == S.INTERNAL_REVIEW and ir.review_requested_on == asked
    assert ir.due_on == due_on(asked, regime="foia", working_days=20)
    with pytest.raises(RequestActionRefused, match="Choose the exemption"):
        svc.request_review_decide(
            request=ir, outcome="changed", result=S.REFUSED, public_text="x", by=OFFICER, at=NOW
        )
    event = svc.request_review_decide(
        request=ir,
        outcome="changed",
        result=S.ANSWERED_FULL,
        public_text="Released",
        by=OFFICER,
        at=at_day(date(2026, 12, 10)),
    )
    assert fresh(ir).state == S.ANSWERED_FULL and event.details == {
        "outcome": "changed",
        "is_late": False,
    }
    with pytest.raises(RequestActionRefused, match="already been asked"):
        svc.request_review_request(request=ir, public_text="Again", by=svc.REQUESTER, at=NOW)


def test_an_eir_reconsideration_has_40_working_days():
    authority = council()
    eir = confirmed(authority, contract=refuse_contract(authority))
    svc.request_not_held(request=eir, public_text="Not held", by=OFFICER, at=NOW)
    svc.request_review_request(request=eir, public_text="It is", by=svc.REQUESTER, at=NOW)
    assert fresh(eir).due_on == due_on(RECEIVED, regime="eir", working_days=40)


def test_a_review_can_be_asked_for_when_no_response_came_in_time(ir):
    with pytest.raises(RequestActionRefused, match="overdue"):
        svc.request_review_request(request=ir, public_text="x", by=svc.REQUESTER, at=NOW)
    svc.request_review_request(
        request=ir, public_text="No reply", by=svc.REQUESTER, at=at_day(date(2026, 12, 23))
    )
    assert fresh(ir).state == S.INTERNAL_REVIEW


def test_referral_goes_to_the_scottish_information_commissioner_under_foisa():
    foisa = confirmed(council(nation="Scotland"))
    svc.request_not_held(request=foisa, public_text="Not held", by=OFFICER, at=NOW)
    event = svc.request_refer(request=foisa, commissioner_reference="SIC-1", by=OFFICER, at=NOW)
    assert fresh(foisa).state == S.REFERRED
    assert event.statutory_basis == "FOISA s.47"
    assert event.details["commissioner"] == "the Scottish Information Commissioner"


def test_advice_and_assistance_is_recorded_with_its_basis(ir):
    event = svc.request_advice_record(
        request=ir, public_text="Narrow it to 2025", by=OFFICER, at=NOW
    )
    assert fresh(ir).has_advice and event.statutory_basis == "FOIA s.16"
    assert fresh(ir).state == S.AWAITING_RESPONSE


def test_changing_the_law_recomputes_the_due_date_from_the_clock_start(ir):
    event = svc.request_regime_change(
        request=ir, regime="eir", reason="Waste data is environmental", by=OFFICER, at=NOW
    )
    assert fresh(ir).regime == "eir" and event.details == {"from": "foia", "to": "eir"}
    assert event.private_note == "Waste data is environmental"
    svc.request_regime_change(request=ir, regime="foisa", reason="Scottish", by=OFFICER, at=NOW)
    assert fresh(ir).due_on == due_on(RECEIVED, regime="foisa")
    svc.request_answer(request=fresh(ir), in_full=True, public_text="x", by=OFFICER, at=NOW)
    with pytest.raises(RequestActionRefused, match="before any extension or response"):
        svc.request_regime_change(request=fresh(ir), regime="foia", reason="x", by=OFFICER, at=NOW)


def test_redaction_replaces_the_words_and_records_who_what_why(ir):
    event = svc.request_acknowledge(
        request=ir, public_text="Call Bob Smith on 07700 900123", by=OFFICER, at=NOW
    )
    redaction = svc.request_redact(
        request=ir,
        target="event",
        event=event,
        span="07700 900123",
        what="An officer's mobile number",
        why="Personal data",
        by=OFFICER,
        at=NOW,
    )
    stored = RequestEvent.objects.get(pk=event.pk)
    assert stored.public_text == f"Call Bob Smith on {REDACTED}"
    assert redaction.by_label == "foi-officer" and redaction.num_replaced == 1
    assert redaction.what == "An officer's mobile number" and redaction.why == "Personal data"
    assert "07700" not in str(Redaction.objects.values()) and len(redaction.removed_sha256) == 64
    svc.request_redact(
        request=ir, target="text", span="refuse collection", what="x", why="y", by=OFFICER, at=NOW
    )
    assert REDACTED in fresh(ir).public_text and "refuse collection" in fresh(ir).text
    with pytest.raises(RequestActionRefused, match="copy them exactly"):
        svc.request_redact(
            request=ir, target="title", span="absent", what="x", why="y", by=OFFICER, at=NOW
        )
    assert fresh(ir).events.filter(kind=EventKind.REDACTED, is_public=False).count() == 2


def test_events_are_append_only(ir):
    event = ir.events.first()
    event.public_text = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        RequestEvent.objects.filter(pk=event.pk).update(public_text="changed")
    with pytest.raises(PermissionError):
        RequestEvent.objects.filter(pk=event.pk).delete()


def test_nothing_can_be_done_before_an_unconfirmed_request_is_received(settings):
    settings.INSOURCE_PORTAL_IS_AUTHORITY_OWN = False
    made = submit(council())
    with pytest.raises(RequestActionRefused, match="not confirmed"):
        svc.request_answer(request=made.request, in_full=True, public_text="x", by=OFFICER, at=NOW)


def test_an_unconfirmed_request_on_the_own_portal_can_be_answered():
    made = submit(council())
    svc.request_answer(request=made.request, in_full=True, public_text="x", by=OFFICER, at=NOW)
    assert fresh(made.request).state == S.ANSWERED_FULL
    svc.request_confirm(token=made.token, at=NOW + timedelta(hours=1))
    assert fresh(made.request).state == S.ANSWERED_FULL and fresh(made.request).is_published
