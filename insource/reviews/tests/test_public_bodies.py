"""Any public body can adopt a preset (issue 17, ADR 0029): a government department adopts
ppn-024-consider (its default) and its at-risk review runs: screening, opening a review and
evaluating it for one of its contracts."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from insource.authorities.models import AuthorityKind, ProcurementCategory, Role
from insource.authorities.services.memberships import membership_grant
from insource.core.audit import Actor
from insource.reviews.models import Review, Screening
from insource.reviews.services.evaluation import review_evaluate
from insource.reviews.services.opening import review_open
from insource.reviews.services.screening import contracts_screen
from insource.testing.factories import AuthorityFactory, UserFactory
from insource.testing.workflow import NOW, TODAY, refuse_contract

pytestmark = pytest.mark.django_db


def _adopt(*args) -> dict:
    out = StringIO()
    call_command("authorities", "adopt", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def _department():
    return AuthorityFactory(
        key="buyer:ministry-of-justice",
        code="",
        name="Ministry of Justice",
        kind=AuthorityKind.CENTRAL_GOVERNMENT,
        procurement_category=ProcurementCategory.CENTRAL,
        nation="",
    )


def test_a_government_department_adopts_ppn_024_and_its_review_runs():
    moj = _department()
    adopted = _adopt("buyer:ministry-of-justice", "--from", "2026-04-01")
    assert adopted["preset"] == "ppn-024-consider" and adopted["kind"] == "central-government"
    assert adopted["code"] == "MOJ"  # a code for its officers' pages, from its initials
    moj.refresh_from_db()
    assert (moj.policy_preset, str(moj.policy_adopted_on)) == ("ppn-024-consider", "2026-04-01")
    contract = refuse_contract(
        moj, title="Prisoner escort and custody services", main_cpv="75231240"
    )
    actor = Actor.system("tests")
    contracts_screen(on=TODAY, by=actor, at=NOW, authority=moj)
    screening = Screening.objects.get(contract=contract)
    assert screening.authority == moj and screening.is_policy_adopted and screening.outcome
    review = review_open(contract=contract, on=TODAY, by=actor, at=NOW)
    assert Review.objects.filter(contract=contract).count() == 1
    result = review_evaluate(review, on=TODAY, at=NOW)
    assert result["status"] != "error" and review.evaluation["facts"]


@pytest.mark.parametrize(
    "kind",
    [AuthorityKind.NHS, AuthorityKind.POLICE, AuthorityKind.FIRE, AuthorityKind.COMBINED],
)
def test_other_public_bodies_adopt_a_named_preset(kind):
    AuthorityFactory(key=f"buyer:{kind}-body", code="", name=f"A {kind} body", kind=kind)
    adopted = _adopt(f"buyer:{kind}-body", "--preset", "labour-2019-local", "--from", "2026-04-01")
    assert adopted["preset"] == "labour-2019-local"
    with pytest.raises(CommandError, match="Name the preset"):
        AuthorityFactory(key=f"buyer:{kind}-other", code="", name="Another", kind=kind)
        _adopt(f"buyer:{kind}-other", "--from", "2026-04-01")


@pytest.mark.parametrize("kind", [AuthorityKind.COMPANY, AuthorityKind.HOUSING])
def test_bodies_that_are_not_public_bodies_are_refused(kind):
    AuthorityFactory(key="buyer:acme", code="", name="Acme Services Ltd", kind=kind)
    with pytest.raises(CommandError, match="not a public body that adopts the policy"):
        _adopt("buyer:acme", "--preset", "ppn-024-consider", "--from", "2026-04-01")


def test_a_department_officer_reaches_its_pages_by_its_code(client, officer_login):
    moj = _department()
    _adopt("buyer:ministry-of-justice", "--from", "2026-04-01")
    officer = UserFactory(username="moj-officer")
    membership_grant(
        user=officer, authority=moj, role=Role.REVIEW_OFFICER, by=Actor.system("t"), at=NOW
    )
    officer_login(client, officer)
    moj.refresh_from_db()
    assert moj.code == "MOJ"
    mine = client.get(reverse("reviews:mine"))  # one authority: straight to its page
    assert mine.status_code == 302 and mine.url == reverse("reviews:authority", args=["MOJ"])
    page = client.get(reverse("reviews:authority", args=[moj.code]))
    assert page.status_code == 200 and "Ministry of Justice" in page.content.decode()
    adopt_page = client.get(reverse("reviews:adopt", args=[moj.code]))
    assert adopt_page.status_code == 200
    assert adopt_page.context["form"].initial["preset"] == "ppn-024-consider"
