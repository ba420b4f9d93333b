"""Responses: answers in full and in part with documents, refusals with their exemptions,
public interest reasons and statutory basis (s.14, the s.12 cost limit, the EIR's manifestly
unreasonable), information not held; first response on time or late."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from insource.testing.information_requests import (
    NOW,
    OFFICER,
    PDF,
    at_day,
    confirmed,
    council,
    fresh,
    refuse_contract,
)
from insource.transparency.models import (
    RequestAttachment,
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


def test_an_answer_in_full_with_a_document(
    ir, tmp_path, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    upload = AttachmentUpload("KPI report", SimpleUploadedFile("kpis.pdf", PDF))
    with django_capture_on_commit_callbacks(execute=True):
        event = svc.request_answer(
            request=ir,
            in_full=True,
            public_text="Attached.",
            uploads=[upload],
            by=OFFICER,
            at=at_day(date(2026, 12, 1)),
        )
    ir = fresh(ir)
    assert ir.state == S.ANSWERED_FULL and ir.due_on is None
    assert ir.first_response_on == date(2026, 12, 1) and ir.is_first_response_late is False
    document = RequestAttachment.objects.get(request=ir)
    assert document.event == event and document.is_public and document.content_type.endswith("pdf")
    assert "has a response" in mailoutbox[-1].subject


def test_a_refused_upload_stores_nothing(ir, tmp_path, settings):
    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    upload = AttachmentUpload("KPIs", SimpleUploadedFile("kpis.pdf", PDF))
    svc.request_answer(request=ir, in_full=True, public_text="Done", by=OFFICER, at=NOW)
    with pytest.raises(RequestActionRefused):
        svc.request_answer(
            request=ir, in_full=True, public_text="Again", uploads=[upload], by=OFFICER, at=NOW
        )
    assert not [p for p in tmp_path.rglob("*.pdf")]


def test_a_late_answer_is_recorded_as_late(ir):
    svc.request_answer(
        request=ir, in_full=True, public_text="Sorry", by=OFFICER, at=at_day(date(2027, 1, 5))
    )
    assert fresh(ir).is_first_response_late is True


def test_an_answer_in_part_names_the_exemptions_and_the_public_interest(ir):
    with pytest.raises(RequestActionRefused, match="Choose the exemption"):
        svc.request_answer(request=ir, in_full=False, public_text="Part", by=OFFICER, at=NOW)
    with pytest.raises(RequestActionRefused, match="public interest"):
        svc.request_answer(
            request=ir,
            in_full=False,
            public_text="Part",
            exemptions=["s.43(2)"],
            by=OFFICER,
            at=NOW,
        )
    event = svc.request_answer(
        request=ir,
        in_full=False,
        public_text="Part",
        exemptions=["s.43(2)", "s.40(2)"],
        public_interest="Commercial harm outweighs",
        by=OFFICER,
        at=NOW,
    )
    assert event.exemptions == ["s.43(2)", "s.40(2)"]
    assert "s.43(2) Commercial interests" in event.statutory_basis
    assert event.statutory_basis.endswith("refusal notice FOIA s.17")


def test_a_refusal_under_an_absolute_exemption_needs_no_public_interest_test(ir):
    event = svc.request_refuse(
        request=ir,
        ground="exemption",
        exemptions=["s.21"],
        public_text="Already published",
        by=OFFICER,
        at=NOW,
    )
    assert fresh(ir).state == S.REFUSED and event.exemptions == ["s.21"]


def test_exemptions_must_belong_to_the_law(ir):
    with pytest.raises(RequestActionRefused, match="from the list"):
        svc.request_refuse(
            request=ir,
            ground="exemption",
            exemptions=["12(5)(e)"],
            public_interest="x",
            public_text="No",
            by=OFFICER,
            at=NOW,
        )


@pytest.mark.parametrize(
    ("ground", "flag", "basis"),
    [("vexatious", "is_vexatious", "FOIA s.14(1)"), ("repeated", "is_repeated", "FOIA s.14(2)")],
)
def test_vexatious_and_repeated_requests_are_recorded_with_their_basis(ir, ground, flag, basis):
    event = svc.request_refuse(request=ir, ground=ground, public_text="Refused", by=OFFICER, at=NOW)
    assert getattr(fresh(ir), flag) is True
    assert event.statutory_basis.startswith(basis) and "s.17" in event.statutory_basis


def test_the_cost_limit_is_450_pounds_for_a_council(ir):
    with pytest.raises(RequestActionRefused, match="within the appropriate limit of £450"):
        svc.request_refuse(
            request=ir,
            ground="cost-limit",
            cost_estimate_gbp=Decimal("450.00"),
            public_text="Too costly",
            by=OFFICER,
            at=NOW,
        )
    event = svc.request_refuse(
        request=ir,
        ground="cost-limit",
        cost_estimate_gbp=Decimal("612.50"),
        public_text="Too costly",
        by=OFFICER,
        at=NOW,
    )
    assert fresh(ir).exceeds_cost_limit is True
    assert event.details["cost_limit_gbp"] == "450.00"
    assert event.statutory_basis.startswith("FOIA s.12")


def test_the_cost_limit_is_600_pounds_for_central_government():
    central = confirmed(council(procurement_category="central"))
    with pytest.raises(RequestActionRefused, match="£600"):
        svc.request_refuse(
            request=central,
            ground="cost-limit",
            cost_estimate_gbp=Decimal("500"),
            public_text="x",
            by=OFFICER,
            at=NOW,
        )


def test_manifestly_unreasonable_under_the_eir_needs_the_public_interest_test():
    authority = council()
    eir = confirmed(authority, contract=refuse_contract(authority))
    with pytest.raises(RequestActionRefused, match="public interest"):
        svc.request_refuse(request=eir, ground="vexatious", public_text="x", by=OFFICER, at=NOW)
    event = svc.request_refuse(
        request=eir,
        ground="cost-limit",
        cost_estimate_gbp=Decimal("5000"),
        public_interest="Burden outweighs",
        public_text="x",
        by=OFFICER,
        at=NOW,
    )
    assert event.statutory_basis.startswith("EIR reg 12(4)(b)")


def test_information_not_held(ir):
    event = svc.request_not_held(
        request=ir, public_text="The contractor holds it", by=OFFICER, at=NOW
    )
    assert fresh(ir).state == S.NOT_HELD and event.statutory_basis == "FOIA s.1(1)(a)"
