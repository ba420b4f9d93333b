"""The public portal: no sign-in, every page answers, decisions appear only once published."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.services.decisions import decision_publish
from insource.testing.public_pages import visible_text
from insource.testing.workflow import (
    NOW,
    TODAY,
    council,
    decided_review,
    refuse_contract,
    team,
)

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")
_decided = decided_review


@pytest.fixture
def world():
    authority = council(code="PTL", name="Portalshire County Council")
    people = team(authority)
    contract = refuse_contract(authority)
    decision = _decided(authority, people, contract)
    return authority, people, contract, decision


def test_portal_pages_answer_without_sign_in(client, world):
    authority, _, contract, _ = world
    for url in (
        "/",
        reverse("portal:contracts") + "?q=Refuse",
        reverse("portal:authorities") + "?q=Portalshire",
        reverse("portal:authority", kwargs={"slug": "ptl"}),
        reverse("portal:contract", kwargs={"pk": contract.pk}),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    listing = client.get(reverse("portal:authorities") + "?q=Portalshire").content.decode()
    assert "Portalshire County Council" in listing


def test_unpublished_decision_is_not_shown(client, world):
    _, _, contract, decision = world
    page = client.get(reverse("portal:contract", kwargs={"pk": contract.pk})).content.decode()
    assert "brought in house, because of the presumption" not in page
    assert f"/public/decisions/{decision.pk}/" not in page
    assert "Ask for information about this contract" in page


def test_published_decision_with_explanation_standards_and_ask(client, world):
    authority, people, contract, decision = world
    decision_publish(
        decision=decision,
        user=people[Role.LEGAL_OFFICER],
        redaction_note="None needed",
        has_confidential_annex=False,
        pack_html="<p>pack</p>",
        pack_pdf=b"%PDF-1.7",
        on=TODAY,
        by=SYSTEM,
        at=NOW + timedelta(minutes=1),
    )
    page = client.get(reverse("portal:contract", kwargs={"pk": contract.pk})).content.decode()
    assert "The service should be brought in house, because of the presumption" in page
    assert "What did not apply, and why" in page  # the structured explanation (ADR 0034)
    assert "INSOURCE_STATUTORY_PRESUMPTION" not in visible_text(page)  # only in data-outcome
    assert f"/public/decisions/{decision.pk}/trace.json" in page
    assert f"/public/requests/new/?decision={decision.pk}" in page
    authority_page = client.get(reverse("portal:authority", kwargs={"slug": "ptl"}))
    assert "published decisions" in authority_page.content.decode()
    assert authority_page.context["decisions"][0]["decision"] == decision


def test_unknown_authority_and_contract_are_404(client, db):
    assert client.get(reverse("portal:authority", kwargs={"slug": "nowhere"})).status_code == 404
    assert client.get(reverse("portal:contract", kwargs={"pk": 999999999})).status_code == 404


def test_search_keeps_a_shareable_link(client, world):
    _, _, contract, _ = world
    response = client.get(reverse("portal:contracts") + "?q=Refuse+and+recycling")
    assert contract in response.context["page_obj"].object_list
    assert 'value="Refuse and recycling"' in response.content.decode()


def test_authority_page_shows_request_statistics(client, world):
    page = client.get(reverse("portal:authority", kwargs={"slug": "ptl"}))
    assert page.context["request_stats"]["received"] == 0
    assert "requests received" in page.content.decode()


def test_remind_command_runs_daily(db):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("requests", "remind", "--on", "2026-11-23", "--json", stdout=out)
    assert '"num_requests": 0' in out.getvalue()
