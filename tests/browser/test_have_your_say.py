"""A say before the decision (issue 18; ADR 0036) end to end, in headless Chromium against the
live server.

A resident, signed out, finds the comment banner on a contract's public page, reads the draft
with its explanation, sends a comment with mistakes (every error shown at once, what was typed
kept), corrects it, confirms it from the emailed link; an officer moderates it through the
comments page; it appears on the draft without the resident's name or email. The decision-maker
reads every comment and the summary. Axe on every page (no serious or critical violation);
screenshots into var/screenshots/say-NN-*.png.
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
def draft(settings):
    """A council's refuse contract under review, its draft open for comments since today."""
    from django.utils import timezone

    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.services.opening import review_open
    from insource.testing import say
    from insource.testing.workflow import DECIDED_FACTS, answer, council, refuse_contract, team

    settings.INSOURCE_REQUEST_MIN_FILL_SECONDS = 0
    authority = council(code="RSD", name="Residentshire County Council", nice_name="Residentshire")
    people = team(authority)
    contract = refuse_contract(authority, end_on=timezone.localdate() + timedelta(days=400))
    now = timezone.now()
    review = review_open(contract=contract, on=timezone.localdate(), by=Actor.system("t"), at=now)
    for slug, values in DECIDED_FACTS.items():
        answer(review, slug, values, people[Role.REVIEW_OFFICER])
    review.refresh_from_db()
    window = say.window_open(review, people[Role.REVIEW_OFFICER], on=timezone.localdate(), at=now)
    return authority, people, contract, review, window


def check(page, name: str) -> None:
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, name)


def test_a_resident_comments_on_a_draft_and_the_decision_maker_reads_it(page, live_server, draft):
    from insource.authorities.models import Role

    authority, people, contract, review, window = draft
    page.goto(f"{live_server.url}/public/contracts/{contract.pk}/")
    closes = f"{window.closes_on.day} {window.closes_on:%B %Y}"
    assert closes in page.locator("#say-window").inner_text()
    check(page, "say-01-contract-banner")

    page.locator("#say-window-link").click()
    page.wait_for_url(f"**/public/comments/{window.pk}/")
    assert "brought in house" in page.locator("#draft-outcome").inner_text()
    check(page, "say-02-draft")

    page.get_by_label("Your comment").fill(f"I am {NAME}. <b>Keep</b> the crews on council pay.")
    page.get_by_label("Your email address").fill("rosa at example")
    page.locator("#send-comment").click()
    errors = page.locator("#error-list").inner_text()
    assert "correct format" in errors
    assert page.get_by_label("Your comment").input_value().startswith(f"I am {NAME}.")
    check(page, "say-03-errors")

    page.get_by_label("Your name (optional)").fill(NAME)
    page.get_by_label("Your email address").fill(EMAIL)
    page.locator("#send-comment").click()
    page.wait_for_url(f"**/public/comments/{window.pk}/sent/")
    check(page, "say-04-check-email")

    (message,) = [m for m in mail.outbox if EMAIL in m.to]
    link = re.search(r"https?://\S+/public/comments/confirm/\S+/", message.body).group(0)
    page.goto(live_server.url + link[link.index("/public/") :])
    check(page, "say-05-confirm")
    page.locator("#confirm").click()
    page.wait_for_url(f"**/public/comments/{window.pk}/")
    assert "confirmed" in page.locator(".govuk-notification-banner").first.inner_text()

    sign_in_as(page, live_server, people[Role.REVIEW_OFFICER])
    page.goto(f"{live_server.url}/reviews/{authority.code}/{review.pk}/public-comments/")
    assert page.locator("#comments-received").inner_text() == "1"
    check(page, "say-06-officer-comments")
    page.get_by_role("link", name=re.compile("Moderate")).first.click()
    page.get_by_label("Publish it").check()
    page.get_by_label("Supports the draft").check()
    page.get_by_label("Theme (optional)").fill("pay")
    check(page, "say-07-moderate")
    page.locator("#save-moderation").click()
    page.wait_for_url(f"**/reviews/{authority.code}/{review.pk}/public-comments/")
    assert "Supports the draft: 1" in page.locator("#comments-by-stance").inner_text()
    page.get_by_role("button", name="Sign out").click()

    page.goto(f"{live_server.url}/public/comments/{window.pk}/")
    body = page.content()
    assert "&lt;b&gt;Keep&lt;/b&gt; the crews on council pay." in body
    assert EMAIL not in body.lower() and NAME.lower() not in body.lower()
    check(page, "say-08-comment-published")
    page.goto(f"{live_server.url}/public/comments/")
    check(page, "say-09-open-drafts")
