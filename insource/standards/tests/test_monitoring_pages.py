"""The monitoring pages: a contract's standards matrix and calendar, recording a check (the form
keeps what was typed), the authority's list, the audit committee's view, scoping by role; and
`insource standards alerts`."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from insource.authorities.models import Role
from insource.standards.models import MonitoringAlert, MonitoringRecord
from insource.testing.monitoring import continuing
from insource.testing.workflow import council, team

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    return continuing()


def _url(name, authority, **kwargs):
    return reverse(f"standards:{name}", kwargs={"code": authority.code, **kwargs})


def _audit_url(authority):
    return reverse("oversight:audit", kwargs={"code": authority.code})


def test_the_contract_page_shows_the_matrix_and_the_calendar(client, officer_login, setting):
    authority, people, contract, _ = setting
    officer_login(client, people[Role.COUNCILLOR])
    page = client.get(_url("contract", authority, pk=contract.pk)).content.decode()
    assert 'id="standards-matrix"' in page and 'id="calendar"' in page
    assert 'id="row-MS13"' in page and "Needs a change in the law" in page
    assert "s.186" in page and "no blacklisting" in page
    assert "Annual payroll return" in page and "Term limit" in page
    assert 'id="record-link"' not in page  # councillors read, they do not record


def test_a_contract_no_decision_keeps_outsourced_says_so(client, officer_login, setting):
    from insource.testing.workflow import refuse_contract

    authority, people, _, _ = setting
    other = refuse_contract(authority, title="Grounds maintenance")
    officer_login(client, people[Role.CONTRACT_MANAGER])
    page = client.get(_url("contract", authority, pk=other.pk)).content.decode()
    assert 'id="not-continuing"' in page


def test_recording_a_check_keeps_the_form_on_error_and_saves_when_right(
    client, officer_login, setting
):
    authority, people, contract, _ = setting
    officer_login(client, people[Role.CONTRACT_MANAGER])
    url = _url("record", authority, pk=contract.pk)
    typed = {
        "kind": "standard_check",
        "checked_on": "2026-11-23",
        "standard": "MS6",
        "status": "due_at_award",
        "evidence": "Clause 14 of the signed contract",
    }
    response = client.post(url, typed)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose the status" in page and "Clause 14 of the signed contract" in page
    assert not MonitoringRecord.objects.exists()
    response = client.post(url, typed | {"status": "met"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Clause 14 of the signed contract" in page
    assert MonitoringRecord.objects.get().standard == "MS6"


def test_a_bad_date_is_a_message_not_an_error_page(client, officer_login, setting):
    authority, people, contract, _ = setting
    officer_login(client, people[Role.CONTRACT_MANAGER])
    response = client.post(
        _url("record", authority, pk=contract.pk),
        {"kind": "kpi_assessment", "checked_on": "31/02/2026", "evidence": "x"},
    )
    assert response.status_code == 400 and "Enter a valid date" in response.content.decode()


def test_only_contract_managers_record_and_other_authorities_see_nothing(
    client, officer_login, setting
):
    authority, people, contract, _ = setting
    officer_login(client, people[Role.AUDITOR])
    assert client.get(_url("record", authority, pk=contract.pk)).status_code == 403
    assert client.get(_audit_url(authority)).status_code == 200
    stranger = team(council(code="STR"))[Role.CONTRACT_MANAGER]
    officer_login(client, stranger)
    assert client.get(_url("contract", authority, pk=contract.pk)).status_code == 404
    assert client.get(_url("authority", authority)).status_code == 404


def test_the_authority_list_and_the_audit_view(client, officer_login, setting):
    authority, people, contract, _ = setting
    officer_login(client, people[Role.AUDITOR])
    listing = client.get(_url("authority", authority)).content.decode()
    assert "1 continuing contract" in listing and contract.title in listing
    audit = client.get(_audit_url(authority)).content.decode()
    for anchor in ("late-reviews", "blocked", "breaches", "overdue-items", "late-requests"):
        assert f'id="count-{anchor}"' in audit


def test_the_alerts_command_raises_once(setting):
    authority, _, contract, _ = setting
    out = StringIO()
    call_command("standards", "alerts", "--on", "2028-01-01", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert {a["item"] for a in data["raised"]} == {"gender-pay-audit", "kpi-assessment"}
    assert data["notified"] == 1
    again = StringIO()
    call_command("standards", "alerts", "--on", "2028-01-01", "--authority", "mon", stdout=again)
    assert "0 alerts raised, 2 already raised" in again.getvalue()
    assert MonitoringAlert.objects.filter(contract=contract).count() == 2


def test_the_alerts_command_names_a_bad_authority_or_date(setting):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no authority has that code"):
        call_command("standards", "alerts", "--authority", "ZZZ")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("standards", "alerts", "--on", "tomorrow")


def test_the_public_sees_the_standards_only_once_the_decision_is_published(client, setting):
    from insource.core.audit import Actor
    from insource.reviews.decisions.pack import pack_render
    from insource.reviews.services.decisions import decision_publish
    from insource.testing.workflow import NOW, TODAY

    _, people, contract, decision = setting
    url = reverse("portal:contract", kwargs={"pk": contract.pk})
    assert 'id="public-standards"' not in client.get(url).content.decode()
    legal = people[Role.LEGAL_OFFICER]
    html, pdf = pack_render(decision, publisher_name="Lee Legal", published_on=TODAY)
    decision_publish(
        decision=decision,
        user=legal,
        redaction_note="No personal data",
        has_confidential_annex=False,
        pack_html=html,
        pack_pdf=pdf,
        on=TODAY,
        by=Actor.for_user(legal),
        at=NOW,
    )
    page = client.get(url).content.decode()
    assert 'id="public-standards"' in page and "Needs a change in the law" in page
    assert 'id="public-calendar"' in page and "/standards/" not in page
