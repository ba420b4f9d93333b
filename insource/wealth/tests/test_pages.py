"""The pages by role: officers' pages need a membership (another authority's is 404, signed-out
visitors are sent to sign in); only administrators change the local area and only the roles
that may record do so (403 otherwise); bad input gets a message naming it, keeps what was
typed and is never a 500; the pictures carry their text alternatives; the public page shows
register figures only."""

from __future__ import annotations

import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from insource.authorities.models import Role
from insource.authorities.roles import CAPABILITIES, Capability
from insource.core.audit import Actor
from insource.reviews.models import Review
from insource.reviews.services.opening import reviews_open_due
from insource.testing.factories import empty_register
from insource.testing.wealth import wealthshire
from insource.testing.workflow import NOW, TODAY, council, team
from insource.wealth.models import ContractWealth, LocalAreaVersion
from insource.wealth.services import WealthFigures, contract_wealth_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def shire():
    empty_register()
    authority, contracts = wealthshire()
    return authority, contracts, team(authority)


def _as(client, officer_login, people, role):
    officer_login(client, people[role])
    return client


def test_signed_out_visitors_are_sent_to_sign_in(client, shire):
    for url in (reverse("wealth:authority", args=["WLT"]), reverse("wealth:mine")):
        assert client.get(url).status_code == 302


def test_every_member_reads_and_others_get_404(client, officer_login, shire):
    authority, c, people = shire
    urls = [
        reverse("wealth:authority", args=["WLT"]),
        reverse("wealth:local-area", args=["WLT"]),
        reverse("wealth:contract", args=["WLT", c["care"].pk]),
    ]
    for role in Role:
        _as(client, officer_login, people, role)
        # A trade union representative is a member for the transition plans only.
        expected = 200 if role in CAPABILITIES[Capability.READ] else 403
        assert [client.get(u).status_code for u in urls] == [expected] * 3, role
    stranger = team(council(code="STR", key="la:STR"))[Role.AUTHORITY_ADMIN]
    officer_login(client, stranger)
    assert [client.get(u).status_code for u in urls] == [404, 404, 404]
    # a contract of another authority under this one's code is not found either
    officer_login(client, people[Role.REVIEW_OFFICER])
    other = c["care"].__class__.objects.get(title="Another council's")
    assert client.get(reverse("wealth:contract", args=["WLT", other.pk])).status_code == 404


@pytest.mark.parametrize("role", list(Role))
def test_who_may_write_by_role(client, officer_login, shire, role):
    """Every role against both capabilities: allowed roles save (302), the others get 403."""
    authority, c, people = shire
    _as(client, officer_login, people, role)
    area = client.post(
        reverse("wealth:local-area", args=["WLT"]),
        {"entries": "ST16 ST18", "reason": "checked against the gazetteer"},
    )
    figures = client.post(
        reverse("wealth:contract", args=["WLT", c["refuse"].pk]),
        {"num_jobs": "40", "num_local_jobs": "30"},
    )
    may_edit = role in CAPABILITIES[Capability.EDIT_LOCAL_AREA]
    may_record = role in CAPABILITIES[Capability.RECORD_COMMUNITY_WEALTH]
    assert (area.status_code, figures.status_code) == (
        302 if may_edit else 403,
        302 if may_record else 403,
    )
    newest = LocalAreaVersion.objects.filter(authority=authority).order_by("-at", "-id").first()
    assert (newest.entries == ["ST16", "ST18"]) is may_edit
    assert ContractWealth.objects.filter(contract=c["refuse"]).exists() is may_record


def test_the_local_area_page_shows_the_change_and_its_reason(client, officer_login, shire):
    _, _, people = shire
    _as(client, officer_login, people, Role.AUTHORITY_ADMIN)
    url = reverse("wealth:local-area", args=["WLT"])
    data = {"entries": "ST16 ST18", "reason": "checked against the gazetteer"}
    assert client.post(url, data).status_code == 302
    page = client.get(url).content.decode()
    assert "checked against the gazetteer" in page and "ST18" in page


def test_a_bad_list_is_refused_naming_the_entry_and_keeping_the_text(client, officer_login, shire):
    _, _, people = shire
    _as(client, officer_login, people, Role.AUTHORITY_ADMIN)
    url = reverse("wealth:local-area", args=["WLT"])
    response = client.post(url, {"entries": "ST16 XY1 ST16 2AB", "reason": "typo"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "“XY1”: XY is not a UK postcode area" in page
    assert "“2AB” looks like the second half of a full postcode" in page
    assert "ST16 XY1 ST16 2AB</textarea>" in page and "govuk-error-summary" in page
    assert client.post(url, {"entries": "", "reason": ""}).status_code == 400


def test_recorded_jobs_show_on_the_contracts_page(client, officer_login, shire):
    _, c, people = shire
    url = reverse("wealth:contract", args=["WLT", c["refuse"].pk])
    _as(client, officer_login, people, Role.CONTRACT_MANAGER)
    assert client.post(url, {"num_jobs": "40", "num_local_jobs": "30"}).status_code == 302
    assert ContractWealth.objects.get(contract=c["refuse"]).num_local_jobs == 30
    assert "30 of 40 jobs" in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({"num_jobs": "ten"}, "Enter a whole number"),
        ({"num_jobs": "5", "num_local_jobs": "6"}, "Local jobs must be no more than the jobs"),
        ({"supplier_local_share": "140"}, "less than or equal to 100"),
        ({"respend_local_share": "40"}, "Say where the measured shares come from"),
    ],
)
def test_bad_figures_are_refused_with_a_message(client, officer_login, shire, data, says):
    _, c, people = shire
    _as(client, officer_login, people, Role.REVIEW_OFFICER)
    response = client.post(reverse("wealth:contract", args=["WLT", c["refuse"].pk]), data)
    assert response.status_code == 400 and says in response.content.decode()


def _svgs(page: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", page, re.S)


def test_the_pictures_have_text_alternatives(client, officer_login, shire):
    _, _, people = shire
    _as(client, officer_login, people, Role.COUNCILLOR)
    page = client.get(reverse("wealth:authority", args=["WLT"])).content.decode()
    svgs = _svgs(page)
    assert len(svgs) == 2
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    desc = html.unescape(svgs[0])
    assert "Supplier's location: In the area 64%, Elsewhere 12%, Location unknown 24%" in desc
    assert 'id="shares-table"' in page and 'id="services-table"' in page
    assert "£1,600,000" in page and "64%" in page
    assert "1 framework is left out (£5,000,000)" in page
    assert "2.05" in page and "between 1.92 and 2.07" in page


def test_the_review_page_shows_the_contracts_panel(client, officer_login, shire):
    authority, c, people = shire
    reviews_open_due(on=TODAY, by=Actor.system("t"), at=NOW, authority=authority)
    review = Review.objects.get(contract=c["refuse"])
    _as(client, officer_login, people, Role.REVIEW_OFFICER)
    page = client.get(reverse("reviews:review", args=["WLT", review.pk])).content.decode()
    assert 'id="wealth-panel"' in page and "ST16 2AB" in page
    assert "Record local jobs and measured LM3 shares" in page
    _as(client, officer_login, people, Role.COUNCILLOR)
    page = client.get(reverse("reviews:review", args=["WLT", review.pk])).content.decode()
    assert 'id="wealth-panel"' in page and "Record local jobs" not in page


def test_the_public_page_shows_register_figures_only(client, shire):
    authority, c, _ = shire
    figures = WealthFigures(
        num_jobs=77,
        num_local_jobs=55,
        supplier_local_share=Decimal("0.9"),
        source_note="confidential supplier survey",
    )
    contract_wealth_record(
        authority=authority, contract=c["care"], figures=figures, by=Actor.system("t"), at=NOW
    )
    page = client.get("/public/authorities/wlt/").content.decode()
    assert 'id="community-wealth"' in page and len(_svgs(page)) == 2
    assert "64%" in page and "seeded by hand" not in page
    # the LM3 estimate with the cited defaults (2.05); the officer's survey gives 2.19
    assert "<strong>2.05</strong>" in page and "2.19" not in page
    assert "confidential supplier survey" not in page and "Local jobs" not in page
    other = client.get("/public/authorities/wlx/").content.decode()
    assert "has not set its local area" in other
