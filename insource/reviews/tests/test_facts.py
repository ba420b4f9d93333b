"""The facts mapping: pure functions from register rows to facts JSON version 1."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from insource.policy.facts import parse_facts
from insource.reviews import facts as mapping

ON = date(2026, 11, 23)
AUTHORITY = {"procurement_category": "sub-central", "nation": "England"}


def row(**changes) -> dict:
    base = {
        "nature": "services",
        "is_framework": False,
        "cpv_codes": ["85312000-9", "85311000"],
        "main_cpv": "85312000",
        "value_inc_vat": Decimal("240000.00"),
        "end_on": date(2027, 3, 31),
    }
    return base | changes


def facts_of(contract: dict, authority: dict = AUTHORITY, party=None) -> dict:
    return mapping.contract_facts(
        contract, authority, on=ON, preset="labour-2019-local", counterparty=party
    )


def test_a_full_row_maps_to_valid_facts():
    facts = facts_of(row())
    assert facts["contract"] == {
        "nature": "services",
        "cpv": ["85312000", "85311000"],
        "ends_on": "2027-03-31",
        "value_inc_vat": "240000.00",
        "value_vat_basis": "inc",
    }
    assert facts["at_risk"] == {"significant_contact": True}
    assert facts["decision_on"] == "2026-11-23"
    parse_facts(facts)


def test_what_the_register_does_not_know_is_left_out():
    facts = facts_of(
        row(nature="mixed", cpv_codes=[], main_cpv="", value_inc_vat=None, end_on=None),
        {"procurement_category": "central", "nation": ""},
    )
    assert facts["contract"] == {}
    assert facts["authority"] == {"procurement_category": "central"}
    assert "at_risk" not in facts
    parse_facts(facts)


def test_frameworks_and_natures():
    assert mapping.nature_of("services", True) == "framework"
    assert mapping.nature_of("", True) == "framework"
    assert mapping.nature_of("goods", True) == "goods"
    assert mapping.nature_of("mixed", False) is None
    assert mapping.nature_of("works", False) == "works"


def test_cpv_main_code_first_without_check_digits_or_junk():
    assert mapping.cpv_codes("90511000", ["77313000-7", "90511000-2", "n/a"]) == [
        "90511000",
        "77313000",
    ]


def test_provisional_at_risk_limbs_come_from_the_table_and_are_never_false():
    assert mapping.provisional_at_risk(["98351000"]) == {"coercive_powers": True}
    assert mapping.provisional_at_risk(["75231210"]) == {
        "coercive_powers": True,
        "significant_contact": True,
    }
    assert mapping.provisional_at_risk(["90511000"]) == {}
    assert all(e["why"] and e["limbs"] for e in mapping.at_risk_table())


def test_counterparty_only_when_every_supplier_is_known_and_agrees():
    public = frozenset({"kent county council"})
    council = {"name": "KENT COUNTY COUNCIL", "is_vcse": None}
    charity = {"name": "Age UK", "charity_number": "1128267"}
    company = {"name": "Serco Ltd", "identifier_scheme": "GB-COH", "is_vcse": False}
    kinds = [mapping.supplier_kind(s, public) for s in (council, charity, company)]
    assert kinds == ["public-authority", "vcse", None]
    assert mapping.counterparty_of(["public-authority"]) == "public-authority"
    assert mapping.counterparty_of(["vcse", "vcse"]) == "vcse"
    assert mapping.counterparty_of(["vcse", None]) is None
    assert mapping.counterparty_of(["vcse", "public-authority"]) is None
    assert mapping.counterparty_of([]) is None
    assert facts_of(row(), party="vcse")["contract"]["counterparty"] == "vcse"
