"""Making and confirming a request: received_on vs confirmed_at, the spam guard (honeypot,
too fast, forged or stale form, rate limit: refused with a message, nothing stored), field
checks, the law chosen, and the requester's identity kept out of the published text."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from insource.testing.information_requests import (
    EMAIL,
    NAME,
    NOW,
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
    InformationRequest,
    Redaction,
    RequestState,
)
from insource.transparency.requests.services import (
    RequestActionRefused,
    RequestInvalid,
    SubmissionRefused,
    form_token_sign,
    request_confirm,
)

pytestmark = pytest.mark.django_db
IP = "203.0.113.9"


def test_a_request_on_the_authoritys_own_portal_is_received_when_submitted(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        made = submit(council())
    ir = fresh(made.request)
    assert re.fullmatch(r"IR-2026-\d{6}", ir.reference)
    assert ir.state == RequestState.AWAITING_CONFIRMATION and not ir.is_published
    assert ir.submitted_at == NOW and ir.confirmed_at is None
    assert ir.received_on == ir.clock_started_on == date(2026, 11, 23)
    # The 20th working day after Monday 23 November: St Andrew's Day (30 November, a Scottish
    # bank holiday) is not a working day under FOIA s.10(6).
    assert ir.due_on == date(2026, 12, 22)
    assert made.token not in ir.token_hash and len(ir.token_hash) == 64
    assert audits(ir, "request_submitted") == 1
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [EMAIL]
    assert f"/public/requests/confirm/{made.token}/" in mailoutbox[0].body
    assert f"/public/requests/{ir.reference}/private/" in mailoutbox[0].body


def test_confirming_later_keeps_the_date_of_receipt_and_records_both_moments():
    made = submit(council(), at=datetime(2026, 11, 20, 16, 0, tzinfo=UTC))
    request_confirm(token=made.token, at=NOW)
    ir = fresh(made.request)
    assert ir.received_on == date(2026, 11, 20) and ir.confirmed_at == NOW
    assert ir.due_on == due_on(date(2026, 11, 20), regime="foia")
    assert ir.state == RequestState.AWAITING_RESPONSE and ir.is_published


def test_on_another_portal_the_request_is_received_when_confirmed(settings):
    settings.INSOURCE_PORTAL_IS_AUTHORITY_OWN = False
    made = submit(council(), at=datetime(2026, 11, 20, 16, 0, tzinfo=UTC))
    assert made.request.received_on is None and made.request.due_on is None
    request_confirm(token=made.token, at=NOW)
    ir = fresh(made.request)
    assert ir.submitted_at.date() == date(2026, 11, 20)
    assert ir.received_on == date(2026, 11, 23) and ir.due_on == date(2026, 12, 22)


def test_the_date_of_receipt_is_the_date_in_london():
    late_evening_utc = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)  # 00:30 on 1 July in London
    made = submit(council(), at=late_evening_utc)
    assert made.request.received_on == date(2026, 7, 1)


def test_confirmation_is_idempotent():
    made = submit(council())
    request_confirm(token=made.token, at=NOW)
    request_confirm(token=made.token, at=NOW + timedelta(days=1))
    ir = fresh(made.request)
    assert ir.confirmed_at == NOW
    assert ir.events.filter(kind=EventKind.CONFIRMED).count() == 1
    assert audits(ir, "request_confirmed") == 1


def test_an_unknown_confirmation_token_is_refused():
    with pytest.raises(RequestActionRefused, match="not valid"):
        request_confirm(token="not-a-token", at=NOW)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"honeypot": "http://spam.example"}, "looks automated"),
        ({"form_token": form_token_sign(NOW - timedelta(seconds=1))}, "too quickly"),
        ({"form_token": form_token_sign(NOW - timedelta(days=2))}, "expired"),
        ({"form_token": "forged"}, "expired or is not valid"),
        ({"form_token": form_token_sign(NOW + timedelta(minutes=5))}, "not valid"),
    ],
)
def test_the_spam_guard_refuses_with_a_message_and_stores_nothing(
    overrides, message, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(SubmissionRefused, match=message):
            submit(council(), **overrides)
    assert InformationRequest.objects.count() == 0 and mailoutbox == []


def test_five_requests_an_hour_per_email_address(settings):
    settings.INSOURCE_REQUESTS_PER_HOUR = 5
    authority = council()
    for minute in range(5):
        submit(authority, at=NOW + timedelta(minutes=minute), ip=f"198.51.100.{minute}")
    with pytest.raises(SubmissionRefused, match="5 requests in the last hour"):
        submit(authority, at=NOW + timedelta(minutes=10), ip="198.51.100.99")
    assert InformationRequest.objects.count() == 5
    submit(authority, at=NOW + timedelta(minutes=61), ip="198.51.100.99")
    assert InformationRequest.objects.count() == 6


def test_five_requests_an_hour_per_address(settings):
    settings.INSOURCE_REQUESTS_PER_HOUR = 5
    authority = council()
    for n in range(5):
        submit(authority, email=f"person{n}@example.net", ip=IP, at=NOW + timedelta(minutes=n))
    with pytest.raises(SubmissionRefused, match="try again in an hour"):
        submit(authority, email="another@example.net", ip=IP, at=NOW + timedelta(minutes=9))
    stored = InformationRequest.objects.values_list("ip_hash", flat=True)
    assert IP not in "".join(stored) and len(set(stored)) == 1


def test_fields_are_checked_with_govuk_messages():
    with pytest.raises(RequestInvalid) as refused:
        submit(council(), name=" ", email="not-an-email", title="", text="x")
    assert refused.value.errors == {
        "name": "Enter your name",
        "email": "Enter an email address in the correct format, like name@example.com",
        "title": "Enter a short title for your request",
    }
    assert InformationRequest.objects.count() == 0


def test_the_requesters_name_and_email_never_reach_the_published_text():
    text = f"Please send the KPIs.\n\nThanks, {NAME.upper()} ({EMAIL})"
    made = submit(council(), text=text, title=f"KPIs – {NAME}")
    ir = fresh(made.request)
    assert ir.text == text  # the officers keep what was sent
    assert NAME.lower() not in ir.public_text.lower() and EMAIL not in ir.public_text
    assert NAME not in ir.public_title and ir.public_text.count(REDACTED) == 2
    redactions = Redaction.objects.filter(request=ir)
    assert {r.target for r in redactions} == {"title", "text"}
    assert all(r.by_label == "system:request_submit" and r.why for r in redactions)


@pytest.mark.parametrize(
    ("cpv", "nation", "regime"),
    [
        ("90511000", "England", "eir"),  # refuse collection
        ("90500000", "Wales", "eir"),
        ("77314000", "England", "eir"),  # grounds maintenance
        ("77310000", "Northern Ireland", "eir"),
        ("45233140", "England", "eir"),  # road works
        ("79100000", "England", "foia"),  # legal services
        ("85312000", "Scotland", "foisa"),
        ("90511000", "Scotland", "eisr"),
    ],
)
def test_the_law_follows_the_contracts_cpv_and_the_authoritys_nation(cpv, nation, regime):
    authority = council(nation=nation)
    contract = refuse_contract(authority, main_cpv=cpv)
    assert submit(authority, contract=contract).request.regime == regime


def test_a_general_request_is_foia_or_foisa():
    assert submit(council()).request.regime == "foia"
    assert confirmed(council(nation="Scotland"), email="b@example.net").regime == "foisa"
