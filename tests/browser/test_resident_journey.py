"""The resident's journey of issue 18, whole, in English at desktop width and in Welsh at 375 px,
in headless Chromium against the live server: find the council from the home page, open a
contract and its published decision, follow the contract by email, comment on another contract's
draft recommendation, and ask for the information behind the decision.

On every page: the language the resident chose (`<html lang>`), axe clean (no serious or critical
violation), no engine code or import key in the visible text, and, at 375 px, no sideways scroll.
Screenshots: var/screenshots/journey-<lang>-NN-*.png (looked at)."""

from __future__ import annotations

import re
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

# What a resident must never read: engine outcome codes (INSOURCE_STATUTORY_PRESUMPTION), the
# public interest test's bare criteria ("T3: passes"), import keys (cf-flat:…, ocds-test-…/award-1)
ENGINE_CODE = re.compile(r"\b[A-Z]{3,}(?:_[A-Z0-9]+){1,}\b|\bT\d{1,2}:|\bcf-flat:|/award-\d")


@pytest.fixture
def council_with_news(settings):
    """A council with a published decision on its refuse contract and, on its street cleansing
    contract, a draft recommendation open for comments."""
    from django.utils import timezone

    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.services.decisions import decision_publish
    from insource.reviews.services.opening import review_open
    from insource.testing import say
    from insource.testing.workflow import (
        DECIDED_FACTS,
        NOW,
        TODAY,
        answer,
        council,
        decided_review,
        refuse_contract,
        team,
    )

    settings.INSOURCE_REQUEST_MIN_FILL_SECONDS = 0
    authority = council(code="JRN", name="Journeyshire County Council", nice_name="Journeyshire")
    people = team(authority)
    decided = refuse_contract(authority)
    decision = decided_review(authority, people, decided)
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
    drafted = refuse_contract(
        authority,
        title="Street cleansing",
        end_on=timezone.localdate() + timedelta(days=400),
        max_end_on=None,
    )
    now = timezone.now()
    review = review_open(contract=drafted, on=timezone.localdate(), by=Actor.system("t"), at=now)
    for slug, values in DECIDED_FACTS.items():
        answer(review, slug, values, people[Role.REVIEW_OFFICER])
    review.refresh_from_db()
    window = say.window_open(review, people[Role.REVIEW_OFFICER], on=timezone.localdate(), at=now)
    return authority, decided, decision, drafted, window


def seen(page, name: str, *, lang: str, narrow: bool) -> None:
    """The checks every page of the journey passes, then its screenshot."""
    assert page.locator("html").get_attribute("lang") == lang, name
    text = page.locator("body").inner_text()
    assert ENGINE_CODE.findall(text) == [], f"{name}: engine codes shown to a resident"
    if narrow:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{name}: {width} px wide at 375"
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, name)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_residents_journey(browser, live_server, council_with_news, language):
    authority, decided, decision, drafted, window = council_with_news
    narrow = language == "cy"
    lang = "cy" if narrow else "en-gb"
    # the Welsh reader's browser asks for Welsh (Accept-Language: cy), on a phone
    context = browser.new_context(
        viewport={"width": 375 if narrow else 1280, "height": 900},
        locale="cy" if narrow else "en-GB",
    )
    page = context.new_page()
    try:
        name = f"journey-{language}"
        page.goto(f"{live_server.url}/")
        other = page.get_by_role("button", name="English" if narrow else "Cymraeg")
        if narrow:  # on a phone the switcher is in the service navigation's menu
            page.locator(".govuk-service-navigation__toggle").click()
        assert other.is_visible()
        seen(page, f"{name}-01-home", lang=lang, narrow=narrow)

        # find the council
        page.locator("#find-authority").fill("Journeyshire")
        page.locator("#find-authority").press("Enter")
        page.get_by_role("link", name="Journeyshire").first.click()
        page.wait_for_url(f"**/public/authorities/{authority.public_slug}/")
        seen(page, f"{name}-02-authority", lang=lang, narrow=narrow)

        # a contract and its published decision
        page.goto(f"{live_server.url}/public/contracts/{decided.pk}/")
        seen(page, f"{name}-03-contract", lang=lang, narrow=narrow)
        page.goto(f"{live_server.url}/public/decisions/{decision.pk}/")
        seen(page, f"{name}-04-decision", lang=lang, narrow=narrow)

        # follow the contract
        page.goto(f"{live_server.url}/public/contracts/{decided.pk}/")
        page.locator("#follow-email").click()
        page.wait_for_url(f"**/public/follow/contract/{decided.pk}/")
        seen(page, f"{name}-05-follow", lang=lang, narrow=narrow)
        page.locator("input[name=email]").fill(f"rosa.{language}@example.org")
        page.locator("#subscribe").click()
        page.wait_for_url("**/public/follow/check-your-email/")
        seen(page, f"{name}-06-follow-sent", lang=lang, narrow=narrow)

        # comment on the other contract's draft
        page.goto(f"{live_server.url}/public/contracts/{drafted.pk}/")
        page.locator("#say-window-link").click()
        page.wait_for_url(f"**/public/comments/{window.pk}/")
        seen(page, f"{name}-07-draft", lang=lang, narrow=narrow)
        page.locator("textarea[name=text]").fill("Keep the crews on council pay.")
        page.locator("input[name=email]").fill(f"rosa.{language}@example.org")
        page.locator("#send-comment").click()
        page.wait_for_url(f"**/public/comments/{window.pk}/sent/")
        seen(page, f"{name}-08-comment-sent", lang=lang, narrow=narrow)

        # ask for the information behind the decision
        page.goto(f"{live_server.url}/public/contracts/{decided.pk}/")
        page.locator("#ask").click()
        page.wait_for_url("**/public/requests/new/**")
        seen(page, f"{name}-09-request-form", lang=lang, narrow=narrow)
        page.locator("input[name=title]").fill("KPI reports behind the decision")
        page.locator("textarea[name=text]").fill("The last two years' KPI reports.")
        page.locator("input[name=name]").fill("Rosa Resident")
        page.locator("input[name=email]").fill(f"rosa.{language}@example.org")
        page.locator("#send").click()
        page.wait_for_url("**/public/requests/sent/**")
        seen(page, f"{name}-10-request-sent", lang=lang, narrow=narrow)
    finally:
        context.close()
