"""The local area setting: each change a new version, audited with before, after and reason,
the history showing what was added and removed; refusals that change nothing and name the bad
entry. A contract's recorded figures: audited, checked, kept to the authority's contracts."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from conftest import TEST_NOW
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.demo.local_areas import DEMO_LOCAL_AREAS, local_areas_seed_demo
from insource.testing.factories import ContractFactory
from insource.testing.workflow import council
from insource.wealth.models import ContractWealth, LocalAreaVersion
from insource.wealth.selectors import local_area_current, local_area_history
from insource.wealth.services import WealthFigures, contract_wealth_record, local_area_set

pytestmark = pytest.mark.django_db
BY = Actor("alice", None)


def test_each_change_is_a_version_audited_with_before_after_and_reason():
    authority = council(code="LAH", key="la:LAH")
    local_area_set(authority=authority, text="ST16 ST17", reason="first", by=BY, at=TEST_NOW)
    later = TEST_NOW + timedelta(days=1)
    local_area_set(authority=authority, text="st17, ST18 WS", reason="checked", by=BY, at=later)
    assert local_area_current(authority).entries == ["ST17", "ST18", "WS"]
    events = AuditEvent.objects.filter(action="wealth.local_area_set", authority=authority)
    events = events.order_by("at", "id")
    assert [(e.before, e.after["entries"], e.reason) for e in events] == [
        ({"entries": []}, ["ST16", "ST17"], "first"),
        ({"entries": ["ST16", "ST17"]}, ["ST17", "ST18", "WS"], "checked"),
    ]
    assert events[1].actor_label == "alice" and events[1].authority == authority
    newest, first = local_area_history(authority)
    assert (newest.added, newest.removed) == (("ST18", "WS"), ("ST16",))
    assert (first.added, first.removed, first.version.reason) == (("ST16", "ST17"), (), "first")


@pytest.mark.parametrize(
    ("text", "reason", "field", "says"),
    [
        ("ST16 XY1", "why", "entries", "“XY1”: XY is not a UK postcode area"),
        ("", "why", "entries", "Enter at least one postcode district or area"),
        ("ST16", "  ", "reason", "Enter the reason for the change"),
    ],
)
def test_a_refused_change_names_the_problem_and_changes_nothing(text, reason, field, says):
    authority = council(code="LAR", key="la:LAR")
    local_area_set(authority=authority, text="ST16", reason="first", by=BY, at=TEST_NOW)
    with pytest.raises(ValidationError) as error:
        local_area_set(authority=authority, text=text, reason=reason, by=BY, at=TEST_NOW)
    assert error.value.message_dict[field][0].startswith(says)
    assert LocalAreaVersion.objects.filter(authority=authority).count() == 1
    audited = AuditEvent.objects.filter(action="wealth.local_area_set", authority=authority)
    assert audited.count() == 1


def test_the_demo_councils_are_seeded_by_hand_once_and_say_so():
    for code in DEMO_LOCAL_AREAS:
        council(code=code, key=f"la:{code}")
    # the real register (if a session loaded it) was seeded already: start afresh here
    LocalAreaVersion.objects.filter(authority__code__in=DEMO_LOCAL_AREAS).delete()
    assert local_areas_seed_demo(by=BY, at=TEST_NOW) == ["LEC", "STS", "SFK", "WAR"]
    assert local_areas_seed_demo(by=BY, at=TEST_NOW) == []
    sts = LocalAreaVersion.objects.get(authority__code="STS")
    assert sts.is_seeded_by_hand and "officers should check" in sts.reason
    assert {"ST16", "WS11", "DE14", "B79"} <= set(sts.entries)
    assert not {"ST1", "ST2", "ST3", "ST6"} & set(sts.entries)  # Stoke-on-Trent


def test_a_contracts_figures_are_recorded_audited_and_replaced():
    authority = council(code="CWR", key="la:CWR")
    contract = ContractFactory(buyer=authority)
    first = WealthFigures(num_jobs=12, num_local_jobs=9)
    contract_wealth_record(
        authority=authority, contract=contract, figures=first, by=BY, at=TEST_NOW
    )
    second = WealthFigures(
        num_jobs=12,
        num_local_jobs=10,
        supplier_local_share=Decimal("0.55"),
        source_note="supplier survey, 2027",
    )
    contract_wealth_record(
        authority=authority, contract=contract, figures=second, by=BY, at=TEST_NOW
    )
    record = ContractWealth.objects.get(contract=contract)
    assert (record.num_local_jobs, record.supplier_local_share) == (10, Decimal("0.5500"))
    events = list(
        AuditEvent.objects.filter(action="wealth.contract_record", authority=authority).order_by(
            "id"
        )
    )
    assert events[0].before is None and events[0].after["num_local_jobs"] == 9
    assert (
        events[1].before["num_local_jobs"] == 9
        and events[1].after["supplier_local_share"] == "0.55"
    )


@pytest.mark.parametrize(
    ("figures", "field"),
    [
        (WealthFigures(num_jobs=5, num_local_jobs=6), "num_local_jobs"),
        (
            WealthFigures(supplier_local_share=Decimal("1.2"), source_note="x"),
            "supplier_local_share",
        ),
        (WealthFigures(respend_local_share=Decimal("0.3")), "source_note"),
    ],
)
def test_a_contracts_figures_are_checked(figures, field):
    authority = council(code="CWC", key="la:CWC")
    contract = ContractFactory(buyer=authority)
    with pytest.raises(ValidationError) as error:
        contract_wealth_record(
            authority=authority, contract=contract, figures=figures, by=BY, at=TEST_NOW
        )
    assert field in error.value.message_dict
    assert not ContractWealth.objects.exists()


def test_only_the_authoritys_own_contracts():
    authority, other = council(code="CWO", key="la:CWO"), council(code="CWP", key="la:CWP")
    contract = ContractFactory(buyer=other)
    with pytest.raises(ValidationError):
        contract_wealth_record(
            authority=authority,
            contract=contract,
            figures=WealthFigures(num_jobs=1),
            by=BY,
            at=TEST_NOW,
        )
