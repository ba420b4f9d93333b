"""Following a contract (issue 18, ADR 0037), in headless Chromium against the live server.

A resident, signed out, opens a contract with a published decision, chooses "Get emails about
this", gives an address (after one mistake, named in GOV.UK words), confirms it from the link
they are sent, and lands on the follow page with its news and feeds. Axe on each page (no
serious or critical violation); screenshots into var/screenshots/follow-NN-*.png.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail

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

EMAIL = "rosa.follower@example.org"


@pytest.fixture
def published():
    """A council with a published decision on its refuse contract (two news items)."""
    from insource.testing.alerts import decide, followed_council, publish

    authority, people, contract = followed_council(
        code="RSD", name="Residentshire County Council", nice_name="Residentshire"
    )
    publish(decide(authority, people, contract), people)
    return authority, contract


def check(page, name: str) -> None:
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, name)


def test_a_resident_follows_a_contract_by_email(page, live_server, published):
    from insource.alerts.models import Subscription

    _authority, contract = published
    page.goto(f"{live_server.url}/public/contracts/{contract.pk}/")
    follow = page.locator("#follow")
    assert "Atom feed" in follow.inner_text() and "Add to calendar" in follow.inner_text()
    check(page, "follow-01-contract")
    page.locator("#follow-email").click()
    page.wait_for_url(f"**/public/follow/contract/{contract.pk}/")
    assert (
        "Decision published: Refuse and recycling collection" in page.locator("#news").inner_text()
    )
    page.get_by_label("Your email address").fill("rosa at example")
    page.locator("#subscribe").click()
    summary = page.locator(".govuk-error-summary")
    assert "Enter an email address in the correct format" in summary.inner_text()
    check(page, "follow-02-error")
    page.get_by_label("Your email address").fill(EMAIL)
    assert page.get_by_label("Once a day, a summary (a daily digest)").is_checked()
    page.locator("#subscribe").click()
    page.wait_for_url("**/public/follow/check-your-email/")
    check(page, "follow-03-check-email")

    (message,) = [m for m in mail.outbox if EMAIL in m.to]
    link = re.search(r"https?://\S+(/public/follow/confirm/\S+/)", message.body).group(1)
    page.goto(live_server.url + link)
    check(page, "follow-04-confirm")
    page.locator("#confirm").click()
    page.wait_for_url(f"**/public/follow/contract/{contract.pk}/")
    assert "You will get emails about" in page.content()
    assert EMAIL not in page.content()
    check(page, "follow-05-following")
    assert Subscription.objects.get().confirmed_at is not None
