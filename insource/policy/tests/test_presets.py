"""Each preset, authority overrides within §3's limits, and custom declarative rules."""

from datetime import date

import pytest

from insource.policy import PresetError, evaluate
from insource.policy.presets import get_preset, load_preset, preset_from_dict
from insource.testing.policy import COMPLIANT_TERMS, NOT_AT_RISK, base_facts

PPN = "ppn-024-consider"
THRESHOLD = "thresholds.procurement_act_2023.uk.sub_central.supplies_services"


def ppn_facts(value="2000000", **contract):
    contract = {
        "is_direct_award": False,
        "is_health_psr": False,
        "is_delivered_outside_uk": False,
    } | contract
    facts = base_facts(cpv=["90511000"], value_inc_vat=value, **contract)
    facts["authority"]["procurement_category"] = "central"
    return facts


def test_default_preset_is_labour_2019_local():
    decision = evaluate(base_facts(cpv=["90511000"], value_inc_vat="1000000"))
    assert decision.policy_version["preset"] == "labour-2019-local"
    assert decision.policy_version["hash"].startswith("sha256:")


@pytest.mark.parametrize(
    ("value", "outcome"),
    [
        ("1000000", "NOT_IN_SCOPE"),
        ("1000000.01", "CONSIDER_INSOURCING"),
    ],
)
def test_ppn_threshold(value, outcome):
    decision = evaluate(ppn_facts(value), preset=PPN)
    assert (decision.outcome, decision.status) == (outcome, "decided")


@pytest.mark.parametrize(
    "exclusion", ["is_direct_award", "is_health_psr", "is_delivered_outside_uk"]
)
def test_ppn_exclusions(exclusion):
    assert evaluate(ppn_facts(**{exclusion: True}), preset=PPN).outcome == "NOT_IN_SCOPE"


def test_ppn_unknown_exclusion_is_incomplete():
    facts = ppn_facts()
    del facts["contract"]["is_health_psr"]
    decision = evaluate(facts, preset=PPN)
    assert decision.missing_evidence == ["contract.is_health_psr"]


def test_ppn_legal_requirement_still_applies():
    decision = evaluate(ppn_facts(can_be_contracted_out=False), preset=PPN)
    assert decision.outcome == "INSOURCE_LEGAL_REQUIREMENT"


def test_ppn_gateways_are_not_in_scope():
    assert evaluate(ppn_facts(nature="goods"), preset=PPN).outcome == "NOT_IN_SCOPE"
    assert (
        evaluate(ppn_facts(counterparty="public-authority"), preset=PPN).outcome == "NOT_IN_SCOPE"
    )


def test_authority_may_lower_a_law_threshold_with_reason():
    preset = preset_from_dict(
        {
            "name": "custom",
            "base": "labour-2019-local",
            "overrides": [
                {"parameter": THRESHOLD, "value": "100000", "reason": "Cabinet 2026/3: review more"}
            ],
        },
        "test",
    )
    facts = base_facts(cpv=["90910000"], value_inc_vat="150000")
    facts["at_risk"] = NOT_AT_RISK
    assert evaluate(facts, preset=preset).outcome == "INSOURCE_STATUTORY_PRESUMPTION"
    assert evaluate(facts).outcome == "EXEMPT_BELOW_THRESHOLD"


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"parameter": THRESHOLD, "value": "300000", "reason": "fewer reviews"}, "stricter"),
        ({"parameter": "vat.standard_rate", "value": "0.1", "reason": "x"}, "never"),
        ({"parameter": THRESHOLD, "value": "100000"}, "reason"),
        ({"parameter": "no.such", "value": "1", "reason": "x"}, "not a parameter"),
    ],
)
def test_override_limits(override, message):
    with pytest.raises(PresetError, match=message):
        preset_from_dict({"name": "custom", "overrides": [override]}, "test")


def test_design_parameter_may_be_overridden_either_way():
    preset = preset_from_dict(
        {
            "name": "custom",
            "overrides": [
                {"parameter": "capacity.max_months", "value": "48", "reason": "longer depots lead"}
            ],
        },
        "t",
    )
    read = preset.parameters.read("capacity.max_months", date(2026, 1, 1))
    assert (read.value, read.override_reason) == (48, "longer depots lead")


def test_custom_rule_applies_when_alone():
    preset = preset_from_dict(
        {
            "name": "custom",
            "rules": [
                {
                    "id": "custom.big_contracts",
                    "since": "2026-01-01",
                    "citation": "Council 2026/1",
                    "condition": {
                        "all": [
                            {"fact": "contract.value_inc_vat", "gte": "10000000"},
                            {"not": {"fact": "contract.is_light_touch", "is": True}},
                        ]
                    },
                    "outcome": "INSOURCE_STATUTORY_PRESUMPTION",
                    "step": "3b",
                    "priority": 1,
                }
            ],
        },
        "t",
    )
    facts = base_facts(cpv=["92610000"], value_inc_vat="12000000")
    facts |= {
        "at_risk": NOT_AT_RISK,
        "proposed_terms": COMPLIANT_TERMS,
        "public_interest_test": {f"T{n}": True for n in range(1, 11)},
    }
    assert evaluate(facts).outcome == "OUTSOURCE_PUBLIC_INTEREST_TEST_MET"
    decision = evaluate(facts, preset=preset)
    assert (decision.outcome, decision.status) == ("INSOURCE_STATUTORY_PRESUMPTION", "decided")


def test_custom_rule_with_unknown_fact_never_applies_and_is_missing():
    preset = preset_from_dict(
        {
            "name": "custom",
            "rules": [
                {
                    "id": "custom.x",
                    "since": "2026-01-01",
                    "citation": "c",
                    "outcome": "EXEMPT_PUBLIC_PUBLIC",
                    "condition": {"fact": "contract.is_vertical_control", "is": True},
                    "step": "1",
                    "priority": 1,
                }
            ],
        },
        "t",
    )
    facts = base_facts(cpv=["90511000"], value_inc_vat="900000")
    facts["at_risk"] = NOT_AT_RISK
    decision = evaluate(facts, preset=preset)
    assert decision.outcome == "INSOURCE_STATUTORY_PRESUMPTION"
    assert decision.missing_evidence == ["contract.is_vertical_control"]


@pytest.mark.parametrize(
    "rule",
    [
        {
            "id": "c",
            "since": "2026-01-01",
            "citation": "c",
            "condition": {"fact": "nope", "is": True},
            "outcome": "INSOURCE_STATUTORY_PRESUMPTION",
            "step": "3b",
            "priority": 1,
        },
        {
            "id": "c",
            "since": "2026-01-01",
            "citation": "c",
            "outcome": "MAYBE",
            "step": "3b",
            "condition": {"fact": "contract.is_london", "is": True},
            "priority": 1,
        },
        {
            "id": "c",
            "since": "2026-01-01",
            "citation": "c",
            "outcome": "INSOURCE_STATUTORY_PRESUMPTION",
            "condition": {"fact": "contract.is_london", "is": True},
            "step": "3b",
            "priority": 1,
            "code": "import os",
        },
    ],
)
def test_bad_custom_rules_are_refused(rule):
    with pytest.raises(PresetError):
        preset_from_dict({"name": "custom", "rules": [rule]}, "t")


def test_only_custom_preset_adds_rules_and_unknown_preset_is_named():
    with pytest.raises(PresetError, match="only the custom"):
        load_preset("name: labour-2019-local\nrules:\n  - {id: a}\n")
    with pytest.raises(PresetError, match="no preset 'nope'"):
        get_preset("nope")
