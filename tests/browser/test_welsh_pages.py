"""A resident's pages in Welsh (issue 18, ADR 0035), in headless Chromium against the live
server: the header's "Cymraeg" switches the page it is on; home, finding an authority, a
contract, its bilingual decision and the information request form are then in Welsh with
`lang="cy"` on the page, English left in it (register data) marked `lang="en"`, and axe finds
no serious or critical violation. Screenshots: var/screenshots/welsh-NN-*.png.
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

TEXTS = {
    "title_cy": "Dod â chasglu sbwriel yn ôl yn fewnol",
    "summary_cy": "Bydd y cyngor yn casglu sbwriel ac ailgylchu ei hun o fis Hydref 2027.",
    "title_en": "Bringing refuse collection back in house",
    "summary_en": "The council will collect refuse and recycling itself from October 2027.",
}


@pytest.fixture
def welsh_council():
    """A council in Wales with a decision on its refuse contract published in both languages."""
    from insource.authorities.models import Role
    from insource.core.audit import Actor
    from insource.reviews.decisions.pack import pack_html
    from insource.reviews.services.decisions import decision_publish
    from insource.testing.workflow import NOW, TODAY, council, decided_review, refuse_contract, team

    authority = council(
        code="DEN", name="Denbighshire County Council", nice_name="Denbighshire", nation="Wales"
    )
    people = team(authority)
    contract = refuse_contract(authority)
    decision = decided_review(authority, people, contract)
    html = pack_html(decision, publisher_name="Lee Legal", published_on=TODAY, texts=TEXTS)
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
        texts=TEXTS,
    )
    return authority, contract, decision


def check(page, name: str) -> None:
    assert page.locator("html").get_attribute("lang") == "cy"
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, name)


def test_a_resident_reads_the_public_pages_in_welsh(page, live_server, welsh_council):
    authority, contract, decision = welsh_council
    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "en-gb"
    page.get_by_role("button", name="Cymraeg").click()
    page.wait_for_load_state()
    check(page, "welsh-01-home")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Dod â gwasanaethau cyhoeddus yn ôl yn fewnol"
    )

    page.get_by_label("Dod o hyd i awdurdod").fill("Denbighshire")
    page.get_by_role("button", name="Dod o hyd i’r awdurdod").click()
    page.get_by_role("link", name="Denbighshire").click()
    page.wait_for_url(f"**/public/authorities/{authority.public_slug}/")
    check(page, "welsh-02-authority")
    assert "Penderfyniadau" in page.content()

    page.goto(f"{live_server.url}/public/contracts/{contract.pk}/")
    check(page, "welsh-03-contract")
    title = page.locator("[lang='en']", has_text="Refuse and recycling collection").first
    assert title.count() == 1  # the register's English title, marked as English

    page.goto(f"{live_server.url}/public/decisions/{decision.pk}/")
    check(page, "welsh-04-decision")
    assert page.locator("section[lang='cy']").get_by_text(TEXTS["title_cy"]).count() == 1
    assert page.locator("section[lang='en']").get_by_text(TEXTS["title_en"]).count() == 1

    page.goto(f"{live_server.url}/public/requests/new/?contract={contract.pk}")
    check(page, "welsh-05-request-form")
    assert page.get_by_label("Eich enw").count() == 1

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en-gb"
    assert page.get_by_label("Your name").count() == 1  # back in English, on the same page
