"""Issue 5 end to end, in headless Chromium against the live server.

A resident, signed out, finds an authority from the home page, opens a contract with a
published decision, asks for the information behind it, confirms their email from the link
they are sent; an officer answers from the requests queue; the answer appears on the public
request page, and no public page shows the resident's name or email. Axe on every portal page
(no serious or critical violation); screenshots into var/screenshots/portal-NN-*.png.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail

from tests.browser.conftest import (
    BROWSER_REQUIRED,
    CHROMIUM,
    NO_CHROMIUM,
    assert_accessible,
    screenshot,
    sign_in_as,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists() and not BROWSER_REQUIRED, reason=NO_CHROMIUM),
]

NAME = "Rosa Resident"
EMAIL = "rosa.resident@example.org"


@pytest.fixture
def published(settings):
    """A council with a published decision on its refuse contract, and its people."""
    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.services.decisions import decision_publish
    from insource.testing.workflow import NOW, TODAY, council, refuse_contract, team
    from insource.testing.workflow import decided_review as _decided

    settings.INSOURCE_REQUEST_MIN_FILL_SECONDS = 0
    authority = council(code="RSD", name="Residentshire County Council", nice_name="Residentshire")
    people = team(authority)
    contract = refuse_contract(authority)
    decision = _decided(authority, people, contract)
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
    for user in people.values():
        user.set_password(f"insource-demo-{user.username}")
        user.save()
    return authority, people, contract


def check(page, name: str) -> None:
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, name)


def test_resident_asks_officer_answers_publicly_without_identity(page, live_server, published):
    from insource.authorities.models import Role

    authority, people, contract = published
    page.goto(f"{live_server.url}/")
    check(page, "portal-01-home")
    page.get_by_label("Find an authority").fill("Residentshire")
    page.get_by_role("button", name="Find the authority").click()
    page.get_by_role("link", name="Residentshire").click()
    page.wait_for_url("**/public/authorities/rsd/")
    check(page, "portal-02-authority")
    page.locator("#decisions").locator("xpath=following-sibling::h3[1]").get_by_role("link").click()
    page.wait_for_url(f"**/public/contracts/{contract.pk}/")
    assert (
        "brought in house, because of the presumption"
        in page.locator("#decision ~ *").first.inner_text()
    )
    check(page, "portal-03-contract-decision")

    page.locator("#ask").click()
    page.wait_for_url("**/public/requests/new/**")
    page.get_by_label("A short title for your request").fill("KPI reports behind the decision")
    page.get_by_label("What information do you want?").fill(
        f"I am {NAME}. Please send the monthly KPI reports and the in-house cost comparison."
    )
    page.get_by_label("Your name").fill(NAME)
    page.get_by_label("Your email address").fill(EMAIL)
    check(page, "portal-04-request-form")
    page.locator("#send").click()
    page.wait_for_url("**/public/requests/sent/**")
    check(page, "portal-05-check-email")

    (message,) = [m for m in mail.outbox if EMAIL in m.to]
    link = re.search(r"https?://\S+/public/requests/confirm/\S+/", message.body).group(0)
    page.goto(live_server.url + link[link.index("/public/") :])
    page.locator("#confirm").click()
    page.wait_for_url("**/public/requests/IR-*/**")
    reference = re.search(r"IR-\d{4}-\d{6}", page.url).group(0)
    check(page, "portal-06-request-published")

    sign_in_as(page, live_server, people[Role.LEGAL_OFFICER])
    page.goto(f"{live_server.url}/requests/{authority.code}/")
    check(page, "portal-07-officer-queue")
    page.get_by_role("link", name=re.compile("KPI reports behind the decision")).first.click()
    page.locator("#action-answer").click()
    page.get_by_label("Answered in full").check()
    page.get_by_label("The response (published)").fill(
        f"Dear {NAME}, the KPI reports are attached to the contract page; the comparison is "
        "in the decision pack."
    )
    check(page, "portal-08-officer-answer")
    page.locator("#save").click()
    page.wait_for_url(f"**/requests/{authority.code}/{reference}/**")
    page.get_by_role("button", name="Sign out").click()

    page.goto(f"{live_server.url}/public/requests/{reference}/")
    body = page.content()
    assert "the KPI reports are attached" in body
    assert EMAIL not in body.lower() and NAME.lower() not in body.lower()
    check(page, "portal-09-request-answered")
    for url in (
        f"/public/contracts/{contract.pk}/",
        "/public/requests/",
        f"/public/authorities/{authority.public_slug}/",
    ):
        page.goto(live_server.url + url)
        assert_accessible(page)
        assert EMAIL not in page.content().lower() and NAME.lower() not in page.content().lower()
