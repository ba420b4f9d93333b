"""The request pages through the test client: the public form (typed values kept on error, the
spam guard's message), confirmation, the public request page and list (never the requester's
name or email), the requester's private page, and the officers' queue and steps (roles: act,
read, 403; another authority: 404; signed out: sign in)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from insource.authorities.models import Role
from insource.testing.information_requests import (
    EMAIL,
    NAME,
    NOW,
    OFFICER,
    PDF,
    confirmed,
    council,
    fresh,
    refuse_contract,
    submit,
)
from insource.testing.public_pages import visible_text
from insource.testing.workflow import team
from insource.transparency.models import InformationRequest, RequestState
from insource.transparency.requests import services as svc
from insource.transparency.requests.services import form_token_sign
from insource.transparency.requests.tokens import private_token

pytestmark = pytest.mark.django_db
S = RequestState


def _form(**overrides) -> dict:
    data = {
        "title": "Bin collection performance",
        "text": "Please send the KPI reports for 2025.",
        "name": NAME,
        "email": EMAIL,
        "website": "",
        "started": form_token_sign(timezone.now() - timedelta(minutes=2)),
    }
    return data | overrides


def _private(ir) -> str:
    return reverse("requests:private", args=[ir.reference, private_token(ir)])


def _assert_anonymous(html: str) -> None:
    assert NAME not in html and EMAIL not in html
    assert NAME.split()[1] not in html  # not even the surname


def test_the_form_starts_from_a_contract_a_decision_or_an_authority(client):
    authority = council()
    contract = refuse_contract(authority)
    page = client.get(reverse("requests:new"), {"contract": contract.pk})
    assert page.status_code == 200
    html = page.content.decode()
    assert contract.title in html and "Environmental Information Regulations" in html
    assert 'name="started"' in html and 'name="website"' in html
    by_code = client.get(reverse("requests:new"), {"authority": authority.code.lower()})
    assert by_code.status_code == 200 and authority.name in by_code.content.decode()
    assert client.get(reverse("requests:new"), {"contract": 999999}).status_code == 404
    assert client.get(reverse("requests:new"), {"decision": 999999}).status_code == 404
    assert client.get(reverse("requests:new")).status_code == 200  # how to start


def test_sending_the_form_then_confirming_publishes_the_request(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    authority = council()
    contract = refuse_contract(authority)
    url = reverse("requests:new") + f"?contract={contract.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _form())
    assert response.status_code == 302 and response["Location"] == reverse("requests:sent")
    _assert_anonymous(client.get(response["Location"]).content.decode())
    ir = InformationRequest.objects.get()
    assert ir.contract == contract and ir.regime == "eir" and ir.requester_email == EMAIL
    assert client.get(reverse("requests:detail", args=[ir.reference])).status_code == 404
    link = re.search(r"http://\S+/public/requests/confirm/(\S+)/", mailoutbox[0].body)
    confirm_url = reverse("requests:confirm", args=[link.group(1)])
    assert "Confirm and publish" in client.get(confirm_url).content.decode()
    assert fresh(ir).confirmed_at is None  # a GET (a mail scanner) confirms nothing
    response = client.post(confirm_url, follow=True)
    assert response.status_code == 200 and fresh(ir).is_published
    html = response.content.decode()
    assert "Bin collection performance" in html and "Awaiting response" in html
    assert "Information Commissioner" in html
    _assert_anonymous(html)


def test_an_error_keeps_what_was_typed(client):
    url = reverse("requests:new") + f"?authority={council().code}"
    response = client.post(url, _form(email="not an email", text="My careful request text"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and "like name@example.com" in html
    assert "My careful request text" in html and 'value="Bin collection performance"' in html
    assert InformationRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website": "http://spam.example"}, "looks automated"),
        ({"started": "now"}, "too quickly"),
    ],
)
def test_the_spam_guard_answers_with_a_message(client, overrides, message):
    url = reverse("requests:new") + f"?authority={council().code}"
    if overrides.get("started") == "now":
        overrides = {"started": form_token_sign(timezone.now())}
    response = client.post(url, _form(**overrides))
    assert response.status_code == 400 and message in response.content.decode()
    assert InformationRequest.objects.count() == 0


def test_the_rate_limit_answers_with_a_message(client, settings):
    settings.INSOURCE_REQUESTS_PER_HOUR = 2
    url = reverse("requests:new") + f"?authority={council().code}"
    for n in range(2):
        assert client.post(url, _form(email=f"p{n}@example.net")).status_code == 302
    response = client.post(url, _form(email="p9@example.net"))
    assert (
        response.status_code == 400 and "2 requests in the last hour" in response.content.decode()
    )
    assert InformationRequest.objects.count() == 2


def test_the_public_page_shows_the_timeline_and_documents_but_never_the_requester(
    client, tmp_path, settings
):
    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    ir = confirmed(council(), text=f"Please send it. Regards, {NAME}")
    svc.request_answer(
        request=ir,
        in_full=False,
        exemptions=["s.40(2)"],
        public_text="Names withheld.",
        uploads=[svc.AttachmentUpload("KPI report", SimpleUploadedFile("kpi.pdf", PDF))],
        by=OFFICER,
        at=NOW,
    )
    secret = svc.AttachmentUpload("Unredacted", SimpleUploadedFile("raw.pdf", PDF + b" "), False)
    svc.request_attachment_add(request=ir, upload=secret, by=OFFICER, at=NOW)
    html = client.get(reverse("requests:detail", args=[ir.reference])).content.decode()
    assert "Answered in part" in html and "s.40(2) Personal data" in html
    assert "Names withheld." in html and "KPI report" in html and "Unredacted" not in html
    _assert_anonymous(html)
    public, private = ir.attachments.order_by("pk")
    download = client.get(reverse("requests:document", args=[ir.reference, public.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    hidden = client.get(reverse("requests:document", args=[ir.reference, private.pk]))
    assert hidden.status_code == 404


def test_overdue_and_very_overdue_labels(client):
    ir = confirmed(council())
    ir.due_on = timezone.localdate() - timedelta(days=60)
    ir.save(update_fields=["due_on"])
    html = client.get(reverse("requests:detail", args=[ir.reference])).content.decode()
    assert 'data-status="very-overdue"' in html and "more than 20 working days late" in html
    listed = client.get(reverse("requests:list"), {"overdue": "very-overdue"}).content.decode()
    assert ir.reference in listed
    _assert_anonymous(listed)


def test_the_list_filters_by_authority_and_state(client):
    a, b = council(), council()
    first, second = confirmed(a), confirmed(b, email="x@example.net")
    svc.request_not_held(request=second, public_text="x", by=OFFICER, at=NOW)
    html = client.get(reverse("requests:list"), {"authority": a.code}).content.decode()
    assert first.reference in html and second.reference not in html
    html = client.get(reverse("requests:list"), {"state": S.NOT_HELD}).content.decode()
    assert second.reference in html and first.reference not in html
    unknown = client.get(reverse("requests:list"), {"authority": "nowhere"}).content.decode()
    assert "No requests match" in unknown


def test_the_list_takes_the_authority_by_name_and_shows_its_name_not_its_code(client):
    """A person names the authority (suggested as they type); a link carries its address name;
    either way the box shows its name and no field asks for a code."""
    a = council(code="NMD", name="Namedshire County Council", nice_name="Namedshire")
    refuse_contract(a)  # the box suggests authorities with contracts in the register
    first, other = confirmed(a), confirmed(council(), email="x@example.net")
    for named in ("Namedshire", "nmd"):
        html = client.get(reverse("requests:list"), {"authority": named}).content.decode()
        assert first.reference in html and other.reference not in html
        assert 'value="Namedshire"' in html and 'data-module="app-authority-autocomplete"' in html
        assert "Authority code" not in visible_text(html)


def test_the_requesters_private_page(client):
    ir = confirmed(council())
    assert client.get(_private(ir)).status_code == 200
    bad = reverse("requests:private", args=[ir.reference, "0" * 64])
    assert client.get(bad).status_code == 404
    svc.request_clarification_ask(request=ir, public_text="Which year?", by=OFFICER, at=NOW)
    response = client.post(_private(ir), {"action": "clarify", "text": ""})
    assert response.status_code == 400 and "Enter the clarification" in response.content.decode()
    response = client.post(_private(ir), {"action": "clarify", "text": f"2025. {NAME}"})
    assert response.status_code == 302 and fresh(ir).state == S.AWAITING_RESPONSE
    assert NAME not in fresh(ir).events.last().public_text
    client.post(_private(ir), {"action": "withdraw", "text": ""})
    assert fresh(ir).state == S.WITHDRAWN


# Officers ---------------------------------------------------------------------------------


@pytest.fixture
def people():
    authority = council()
    return authority, team(authority)


def test_the_queue_lists_due_soonest_first(client, officer_login, people):
    authority, staff = people
    later = confirmed(authority, email="later@example.net", at=NOW + timedelta(days=2))
    first = confirmed(authority)
    officer_login(client, staff[Role.REVIEW_OFFICER])
    response = client.get(reverse("requests:queue", args=[authority.code]))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(first.reference) < html.index(later.reference)
    assert 'id="count-open">2<' in html
    assert client.get(reverse("requests:mine")).status_code == 302


def test_another_authoritys_requests_are_not_found(client, officer_login, people):
    authority, staff = people
    theirs = confirmed(council())
    officer_login(client, staff[Role.REVIEW_OFFICER])
    other = theirs.authority.code
    assert client.get(reverse("requests:queue", args=[other])).status_code == 404
    url = reverse("requests:officer", args=[authority.code, theirs.reference])
    assert client.get(url).status_code == 404
    action = reverse("requests:action", args=[other, theirs.reference, "answer"])
    assert client.post(action, {"outcome": "full", "public_text": "x"}).status_code == 404
    assert fresh(theirs).state == S.AWAITING_RESPONSE


def test_signed_out_visitors_are_sent_to_sign_in(client, people):
    authority, _staff = people
    response = client.get(reverse("requests:queue", args=[authority.code]))
    assert response.status_code == 302 and "sign-in" in response["Location"]


@pytest.mark.parametrize(
    ("role", "can_act"),
    [
        (Role.REVIEW_OFFICER, True),
        (Role.LEGAL_OFFICER, True),
        (Role.AUTHORITY_ADMIN, True),
        (Role.COUNCILLOR, False),
        (Role.AUDITOR, False),
        (Role.DECISION_MAKER, False),
        (Role.CONTRACT_MANAGER, False),
    ],
)
def test_who_may_act_and_who_sees_the_requester(client, officer_login, people, role, can_act):
    authority, staff = people
    ir = confirmed(authority)
    officer_login(client, staff[role])
    assert client.get(reverse("requests:queue", args=[authority.code])).status_code == 200
    page = client.get(reverse("requests:officer", args=[authority.code, ir.reference]))
    assert page.status_code == 200
    assert (EMAIL in page.content.decode()) is can_act
    action = reverse("requests:action", args=[authority.code, ir.reference, "acknowledge"])
    assert client.get(action).status_code == (200 if can_act else 403)
    response = client.post(action, {"public_text": ""})
    assert response.status_code == (302 if can_act else 403)
    assert fresh(ir).events.filter(kind="acknowledged").exists() is can_act


def test_an_officer_extends_then_answers_with_a_document(
    client, officer_login, people, tmp_path, settings
):
    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    authority, staff = people
    ir = confirmed(authority)
    officer_login(client, staff[Role.LEGAL_OFFICER])
    url = lambda step: reverse("requests:action", args=[authority.code, ir.reference, step])  # noqa: E731
    refused = client.post(url("extend"), {"kind": "public-interest", "public_text": "Time"})
    assert refused.status_code == 400 and "qualified exemption" in refused.content.decode()
    ok = client.post(
        url("extend"),
        {"kind": "public-interest", "exemptions": ["s.43(2)"], "public_text": "Weighing it"},
    )
    assert ok.status_code == 302 and fresh(ir).state == S.EXTENDED
    upload = SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf")
    response = client.post(
        url("answer"),
        {"outcome": "full", "public_text": "Here it is", "file": upload, "file_title": "Report"},
    )
    assert response.status_code == 302 and fresh(ir).state == S.ANSWERED_FULL
    document = ir.attachments.get()
    officer_copy = client.get(
        reverse("requests:officer-document", args=[authority.code, ir.reference, document.pk])
    )
    assert officer_copy.status_code == 200 and officer_copy["Cache-Control"] == "private, no-store"


def test_a_bad_file_is_refused_on_the_form(client, officer_login, people, tmp_path, settings):
    settings.INSOURCE_EVIDENCE_DIR = tmp_path
    authority, staff = people
    ir = confirmed(authority)
    officer_login(client, staff[Role.REVIEW_OFFICER])
    url = reverse("requests:action", args=[authority.code, ir.reference, "attach"])
    bad = SimpleUploadedFile("notes.pdf", b"not a pdf at all")
    response = client.post(url, {"title": "Notes", "file": bad, "is_public": "on"})
    assert response.status_code == 400 and "is not a PDF" in response.content.decode()
    assert not ir.attachments.exists()


def test_an_officer_redacts_an_event(client, officer_login, people):
    authority, staff = people
    ir = confirmed(authority)
    event = svc.request_acknowledge(
        request=ir, public_text="Ask Sam Jones on 07700 900123", by=OFFICER, at=NOW
    )
    officer_login(client, staff[Role.LEGAL_OFFICER])
    url = reverse("requests:action", args=[authority.code, ir.reference, "redact"])
    response = client.post(
        url,
        {
            "target": f"event-{event.pk}",
            "span": "07700 900123",
            "what": "A phone number",
            "why": "Personal data of an officer",
        },
    )
    assert response.status_code == 302
    html = client.get(reverse("requests:detail", args=[ir.reference])).content.decode()
    assert "07700 900123" not in html and "[redacted: personal data]" in html
    officer_page = client.get(reverse("requests:officer", args=[authority.code, ir.reference]))
    assert "Personal data of an officer" in officer_page.content.decode()


def test_unknown_steps_are_not_found(client, officer_login, people):
    authority, staff = people
    ir = confirmed(authority)
    officer_login(client, staff[Role.REVIEW_OFFICER])
    url = reverse("requests:action", args=[authority.code, ir.reference, "delete"])
    assert client.get(url).status_code == 404


def test_unconfirmed_requests_wait_in_their_own_list(client, officer_login, people):
    authority, staff = people
    pending = submit(authority).request
    officer_login(client, staff[Role.REVIEW_OFFICER])
    queue = reverse("requests:queue", args=[authority.code])
    assert pending.reference not in client.get(queue).content.decode()
    listed = client.get(queue, {"show": "awaiting-confirmation"}).content.decode()
    assert pending.reference in listed
