"""Authority services: seeding, successors, adoption, confirming buyer names."""

from datetime import date

import pytest

from conftest import TEST_NOW, TEST_TODAY
from insource.authorities.models import Authority, AuthorityKind, BuyerName
from insource.authorities.selectors import authority_get, authority_reviewing_on
from insource.authorities.services.authorities import authorities_seed, authority_adopt_policy
from insource.core.models import AuditEvent
from insource.register.models import Contract
from insource.register.services.buyer_names import buyer_name_confirm
from insource.register.services.imports import register_import
from insource.testing.ocds_samples import package, release

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(system_actor):
    return authorities_seed(by=system_actor, at=TEST_NOW)


def test_seed_is_idempotent(seeded, system_actor):
    assert seeded["total"] == 470 and seeded["updated"] == 0
    assert Authority.objects.filter(kind=AuthorityKind.LOCAL_AUTHORITY).count() == 470
    assert authorities_seed(by=system_actor, at=TEST_NOW)["created"] == 0
    haringey = authority_get("HRY")
    assert haringey.gss_code == "E09000014" and haringey.nation == "England"
    assert authority_get("E09000014") == haringey == authority_get("la:HRY")


def test_successors_follow_reorganisation(seeded):
    aylesbury = authority_get("AYL")
    assert authority_reviewing_on(aylesbury, date(2019, 1, 1)) == aylesbury
    assert authority_reviewing_on(aylesbury, TEST_TODAY).code == "BUC"
    assert authority_reviewing_on(authority_get("CMA"), TEST_TODAY) is None  # split in 2023


def test_adoption_is_audited(seeded, system_actor):
    bristol = authority_get("BST")
    authority_adopt_policy(
        authority=bristol,
        preset="labour-2019-local",
        adopted_on=date(2026, 4, 1),
        by=system_actor,
        at=TEST_NOW,
    )
    bristol.refresh_from_db()
    assert bristol.policy_adopted_on == date(2026, 4, 1) and bristol.has_adopted_policy
    events = AuditEvent.objects.filter(action="authorities.adopt_policy", object_id=bristol.pk)
    assert events.get().after == {"preset": "labour-2019-local", "adopted_on": "2026-04-01"}


def test_officer_confirms_a_weak_match(seeded, system_actor, tmp_path):
    path = tmp_path / "a.json"
    weak = release(**{"buyer.name": "Stockton Borough Council"})
    path.write_text(package(weak))
    register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    contract = Contract.objects.get(ocid="ocds-b5fd17-test-0001")
    assert contract.buyer.kind != AuthorityKind.LOCAL_AUTHORITY
    assert any(f["code"] == "BUYER_NEEDS_CONFIRMATION" for f in contract.quality_flags)
    name = BuyerName.objects.get(name="Stockton Borough Council")
    assert name.needs_confirmation and name.candidate.code == "STT"
    moved = buyer_name_confirm(
        buyer_name=name, authority=name.candidate, on=TEST_TODAY, by=system_actor, at=TEST_NOW
    )
    contract.refresh_from_db()
    assert (
        moved >= 1 and contract.buyer.code == "STT" and contract.reviewing_authority.code == "STT"
    )
    assert not any(f["code"] == "BUYER_NEEDS_CONFIRMATION" for f in contract.quality_flags)
    again = register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert again.status == "succeeded"
    contract.refresh_from_db()
    assert contract.buyer.code == "STT"


def test_a_name_the_old_rules_left_out_enters_the_queue_on_the_next_import(
    seeded, system_actor, tmp_path
):
    """Issue 17: an unconfirmed name stored by an earlier import takes the new answer; a
    confirmed one keeps the officer's."""
    BuyerName.objects.create(
        name="Leidos Supply", method="none", confidence=0, needs_confirmation=False
    )
    confirmed = BuyerName.objects.create(
        name="Bristol CC",
        authority=authority_get("MAN"),
        method="none",
        confidence=0,
        confirmed_by="an officer",
        confirmed_at=TEST_NOW,
    )
    path = tmp_path / "b.json"
    releases = [
        release(ocid="ocds-b5fd17-test-0001", **{"buyer.name": "Leidos Supply"}),
        release(ocid="ocds-b5fd17-test-0002", **{"buyer.name": "Bristol CC"}),
    ]
    path.write_text(package(*releases))
    register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    unknown = BuyerName.objects.get(name="Leidos Supply")
    assert unknown.needs_confirmation and unknown.method == "none"
    confirmed.refresh_from_db()
    assert not confirmed.needs_confirmation and confirmed.authority.code == "MAN"
    assert Contract.objects.get(ocid="ocds-b5fd17-test-0002").buyer.code == "MAN"


def test_split_authority_contract_asks_who_reviews(seeded, system_actor, tmp_path):
    path = tmp_path / "a.json"
    old = release(
        **{"buyer.name": "Cumbria County Council", "awards.0.date": "2019-01-10T00:00:00Z"}
    )
    path.write_text(package(old))
    register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    contract = Contract.objects.get(ocid="ocds-b5fd17-test-0001")
    assert contract.buyer == Authority.objects.get(key="la:CMA")
    assert any(f["code"] == "REVIEWER_TO_CHOOSE" for f in contract.quality_flags)
