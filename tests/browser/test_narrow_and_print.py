"""Finding and taking the data (issue 18), in headless Chromium against the live server:

- at 375 px wide (a small phone) no public page kind scrolls sideways
  (`document.documentElement.scrollWidth <= 375`): the register's table reflows into one block
  per contract with each cell's heading; screenshots var/screenshots/narrow-*.png;
- the authority autocomplete works with the keyboard alone (type, arrow down, enter), the form
  sends the chosen authority and the search shows only its contracts; axe finds nothing serious;
- a decision page printed (print media emulated): no header navigation, footer or buttons,
  links' addresses shown; var/screenshots/print-decision.png.
"""

from __future__ import annotations

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

NARROW = 375


@pytest.fixture
def published(register_rows):
    """The register rows and a council's refuse contract decided in house and published, with
    an information request about it answered."""
    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.decisions.pack import pack_html
    from insource.reviews.services.decisions import decision_publish
    from insource.testing.information_requests import InformationRequestFactory
    from insource.testing.workflow import NOW, TODAY, council, decided_review, refuse_contract, team

    authority = council(code="NRW", name="Narrowshire County Council", nice_name="Narrowshire")
    people = team(authority)
    contract = refuse_contract(
        authority,
        title="Household waste, recycling and bulky item collection with a long descriptive name",
        supplier_names="Biffa Municipal Limited; Veolia ES (UK) Ltd; Serco Ltd",
    )
    decision = decided_review(authority, people, contract)
    html = pack_html(decision, publisher_name="Lee Legal", published_on=TODAY)
    decision_publish(
        decision=decision,
        user=people[Role.LEGAL_OFFICER],
        redaction_note="No personal data",
        has_confidential_annex=False,
        pack_html=html,
        pack_pdf=b"%PDF-1.7\n%%EOF\n",
        on=TODAY,
        by=Actor.system("tests"),
        at=NOW,
    )
    request = InformationRequestFactory(authority=authority, title="Refuse collection KPIs")
    return authority, contract, decision, request


def public_pages(authority, contract, decision, request) -> dict[str, str]:
    """One page of every public kind, by name."""
    from insource.authorities.models import Authority

    busy = Authority.objects.get(key="la:HRY")
    return {
        "home": "/",
        "authorities": "/public/authorities/",
        "authority": f"/public/authorities/{authority.public_slug}/",
        "authority-busy": f"/public/authorities/{busy.public_slug}/",
        "search": "/public/contracts/",
        "search-filtered": "/public/contracts/?q=cleaning&sort=-value",
        "search-error": "/public/contracts/?value_min=lots&authority=Nowhere",
        "contract": f"/public/contracts/{contract.pk}/",
        "decision": f"/public/decisions/{decision.pk}/",
        "decision-check": f"/public/decisions/{decision.pk}/check/",
        "adoptions": "/public/policy-adoptions/",
        "requests": "/public/requests/",
        "request-new": f"/public/requests/new/?contract={contract.pk}",
        "brought-home": "/public/brought-home/",
        "sign-in": "/sign-in/",
        "not-found": "/public/contracts/999999/",
    }


def test_no_public_page_scrolls_sideways_at_375_px(browser, live_server, published):
    context = browser.new_context(viewport={"width": NARROW, "height": 800}, locale="en-GB")
    page = context.new_page()
    widths = {}
    for name, path in public_pages(*published).items():
        page.goto(live_server.url + path)
        widths[name] = page.evaluate("document.documentElement.scrollWidth")
        screenshot(page, f"narrow-{name}")
        if name in ("brought-home", "authority"):  # wide tables scroll in a focusable region
            assert page.locator(".app-table-scroll[role='region'][tabindex='0']").count() >= 1
            assert_accessible(page)
    context.close()
    wide = {name: width for name, width in widths.items() if width > NARROW}
    assert wide == {}, f"pages wider than {NARROW} px: {wide}"


def test_the_register_table_reflows_with_each_cell_s_heading(browser, live_server, published):
    context = browser.new_context(viewport={"width": NARROW, "height": 800}, locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/public/contracts/?q=cleaning")
    cell = page.locator("table.app-table--reflow tbody td").first
    label = cell.evaluate("c => getComputedStyle(c, '::before').content")
    assert label.strip('"') == cell.get_attribute("data-label") != ""
    assert cell.evaluate("c => getComputedStyle(c).display") == "block"
    assert_accessible(page)
    context.close()


def test_choosing_an_authority_with_the_keyboard_alone(page, live_server, published):
    page.goto(live_server.url + "/public/contracts/")
    box = page.get_by_role("combobox", name="Authority")
    box.focus()
    page.keyboard.type("hari")
    option = page.get_by_role("option", name="Haringey")
    option.wait_for()
    assert_accessible(page)
    screenshot(page, "autocomplete-open", full_page=False)
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant")
    page.keyboard.press("Enter")
    assert box.input_value() == "Haringey"
    box.press("Enter")  # the form is sent from the box, as a person would
    page.wait_for_url("**authority=Haringey**")
    rows = page.locator("table tbody tr")
    assert rows.count() > 0
    assert "Camden" not in page.locator("table tbody").inner_text()
    assert page.get_by_role("combobox", name="Authority").input_value() == "Haringey"
    assert_accessible(page)


def test_a_decision_page_prints_without_the_site_s_chrome(page, live_server, published):
    authority, contract, decision, request = published
    page.goto(f"{live_server.url}/public/decisions/{decision.pk}/")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.app-header', '.govuk-service-navigation', '.govuk-footer', '.govuk-button']
             .map(s => [...document.querySelectorAll(s)])
             .flat()
             .every(e => getComputedStyle(e).display === 'none')"""
    )
    assert hidden
    link = page.locator("main p a.govuk-link, main li a.govuk-link").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert "(" in after
    screenshot(page, "print-decision")


def test_an_officer_s_first_page(page, live_server, published):
    """A legal officer with a signed decision to publish (the published one, set back for the
    test): the start page shows who is signed in and their work, axe clean."""
    from insource.authorities.models import Membership, Role
    from insource.reviews.models import Review
    from tests.browser.conftest import sign_in_as

    authority = published[0]
    legal = Membership.objects.get(authority=authority, role=Role.LEGAL_OFFICER).user
    legal.first_name, legal.last_name = "Lee", "Legal"
    legal.save()
    Review.objects.filter(authority=authority).update(state="decided")
    sign_in_as(page, live_server, legal)
    page.goto(f"{live_server.url}/")
    assert page.locator("#signed-in-as").inner_text() == "Signed in as Lee Legal"
    assert page.locator("[data-list='ready-to-publish'] li").count() == 1
    assert_accessible(page)
    screenshot(page, "officer-home")
