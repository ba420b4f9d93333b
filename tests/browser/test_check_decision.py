"""Issue 15 end to end: a resident opens a published decision and checks it — "Check this
decision" evaluates it again under its policy version and says, in plain words, that it
reproduces; a tampered decision is reported as not reproducing, with what differs. Axe on both;
screenshots check-01-*, check-02-*."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.browser.conftest import (
    BROWSER_REQUIRED,
    CHROMIUM,
    NO_CHROMIUM,
    assert_accessible,
    screenshot,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists() and not BROWSER_REQUIRED, reason=NO_CHROMIUM),
]


@pytest.fixture
def published():
    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.services.decisions import decision_publish
    from insource.testing.workflow import NOW, TODAY, council, refuse_contract, team
    from insource.testing.workflow import decided_review as _decided

    authority = council(code="CHK", name="Checkshire County Council", nice_name="Checkshire")
    people = team(authority)
    decision = _decided(authority, people, refuse_contract(authority))
    decision_publish(
        decision=decision,
        user=people[Role.LEGAL_OFFICER],
        redaction_note="No personal data",
        has_confidential_annex=False,
        pack_html="<p>The decision pack.</p>",
        pack_pdf=b"%PDF-1.7\n%%EOF\n",
        on=TODAY,
        by=Actor.system("tests"),
        at=NOW + timedelta(minutes=1),
    )
    return decision


def test_a_resident_checks_a_published_decision(page, live_server, published):
    from django.db.models import QuerySet

    from insource.reviews.models import Decision

    page.goto(f"{live_server.url}/public/decisions/{published.pk}/")
    page.get_by_role("link", name="Check this decision").click()
    page.wait_for_url(f"**/public/decisions/{published.pk}/check/")
    assert page.locator("#check-result").get_attribute("data-reproduced") == "true"
    assert "The decision reproduces" in page.inner_text("#check-result")
    assert_accessible(page)
    screenshot(page, "check-01-reproduces")

    result = published.result | {"outcome": "OUTSOURCE_GOOD_REASON_CAPACITY"}
    QuerySet(Decision).filter(pk=published.pk).update(result=result)
    page.reload()
    assert page.locator("#check-result").get_attribute("data-reproduced") == "false"
    table = page.inner_text("#check-differences")
    assert "The outcome the policy gives" in table
    assert "The service may stay outsourced for a limited time" in table
    assert "OUTSOURCE_" not in page.inner_text("main")
    assert_accessible(page)
    screenshot(page, "check-02-does-not-reproduce")
