"""A termination notice from Find a Tender opens the review at once for an adopting authority
(the register sends `contract_terminated`; reviews receives it in its AppConfig.ready)."""

from __future__ import annotations

import pytest

from conftest import TEST_NOW
from insource.authorities.models import Authority
from insource.register.models import Contract
from insource.reviews.models import Review
from insource.testing.factories import empty_register
from insource.testing.feed_pages import package, pull_dir, real_release, write_pages

pytestmark = pytest.mark.django_db

UK7, UK11 = "076140-2026", "075918-2026"


@pytest.fixture(autouse=True)
def seeded(system_actor, settings, tmp_path):
    from insource.authorities.services.authorities import authorities_seed

    settings.INSOURCE_FEED_LOCK_DIR = tmp_path / "locks"
    authorities_seed(by=system_actor, at=TEST_NOW)
    empty_register()  # a session fixture may have loaded the demo register


def _awarded_then_terminated(tmp_path, *, adopt: bool) -> dict:
    ocid = real_release(UK11)["ocid"]
    award = real_release(UK7, ocid=ocid, id="award", date="2026-06-01T09:00:00+01:00")
    pull_dir(write_pages(tmp_path / "a", package(award)))
    contract = Contract.objects.get()
    assert contract.reviewing_authority.name == "City of Bradford Metropolitan District Council"
    if adopt:
        Authority.objects.filter(pk=contract.reviewing_authority_id).update(
            policy_preset="labour-2019-local", policy_adopted_on="2026-04-01"
        )
    return pull_dir(write_pages(tmp_path / "b", package(real_release(UK11))))


def test_termination_opens_a_review_for_an_adopter(tmp_path):
    summary = _awarded_then_terminated(tmp_path, adopt=True)
    assert (summary["terminated"], summary["reviews_opened"]) == (1, 1)
    review = Review.objects.get(contract=Contract.objects.get())
    assert review.trigger == "termination"


def test_no_review_where_the_policy_is_not_adopted(tmp_path):
    summary = _awarded_then_terminated(tmp_path, adopt=False)
    assert (summary["terminated"], summary["reviews_opened"]) == (1, 0)
    assert not Review.objects.filter(contract=Contract.objects.get()).exists()
