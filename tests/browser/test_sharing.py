"""Issue 20 in Chromium, "a reused appraisal": a review officer of council A shares its
appraisal as a template (the form's error first, then one line's notes confirmed); a review
officer of council B starts its own appraisal from it and sees the credit; the public library
shows one reuse. axe on every page, the library reflowed at 375 px; screenshots."""

from __future__ import annotations

import pytest

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


def test_a_reused_appraisal(browser, page, live_server):
    from insource.sharing.models import SharedTemplate, TemplateReuse
    from insource.testing import appraisal as builders

    source, people, review = builders.reviewed("AAA")
    officer = builders.officer_of(people)
    builders.appraisal_with_sample(review, officer)
    sign_in_as(page, live_server, officer)
    page.goto(f"{live_server.url}/appraisal/AAA/{review.pk}/")
    page.locator("#share-appraisal").click()
    page.locator("#share").click()
    assert "Enter a title for the template" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Title of the template").fill("Household waste collection, 5 years")
    page.locator("input[name=confirmed]").first.check()
    page.locator("#share").click()
    page.wait_for_url("**/public/shared-work/*/")
    assert page.locator("#num-reuses").inner_text() == "0"
    assert page.locator("#withheld li").count() > 0  # the notes not confirmed were held back
    assert_accessible(page)
    screenshot(page, "sharing-template")

    other = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    theirs = other.new_page()
    borrower, their_people, their_review = builders.reviewed("BBB")
    sign_in_as(theirs, live_server, builders.officer_of(their_people))
    theirs.goto(f"{live_server.url}/appraisal/BBB/{their_review.pk}/")
    theirs.locator("#start-from-template").click()
    theirs.locator("#start").click()
    assert "Choose a template" in theirs.locator(".govuk-error-summary").inner_text()
    assert_accessible(theirs)
    theirs.get_by_label("Household waste collection, 5 years", exact=False).check()
    theirs.locator("#start").click()
    theirs.wait_for_url(f"**/appraisal/BBB/{their_review.pk}/")
    credit = theirs.locator("#template-credit").inner_text()
    assert "Household waste collection, 5 years" in credit and source.name in credit
    assert theirs.locator("#lines-inhouse").is_visible()
    assert_accessible(theirs)
    screenshot(theirs, "sharing-reused-appraisal")
    other.close()

    template = SharedTemplate.objects.get()
    assert TemplateReuse.objects.get().authority == borrower
    page.goto(f"{live_server.url}/public/shared-work/")
    row = page.locator(f"#template-{template.pk}")
    assert row.locator("[data-reuses]").inner_text() == "1"
    assert "Sewage, refuse, cleaning and environmental services" in page.inner_text("main")
    assert_accessible(page)
    screenshot(page, "sharing-library")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "sharing-library-375")
