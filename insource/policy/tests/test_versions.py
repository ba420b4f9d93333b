"""Policy versions: a decision reproduces under its stored policy version, whatever was released
after it (issue 15, docs/adr/0018-policy-versions-and-verification.md)."""

from __future__ import annotations

import copy

import pytest

from insource.policy import evaluate
from insource.policy.errors import PolicyError
from insource.policy.presets import get_preset, preset_from_dict
from insource.policy.versions import differences, preset_of, reproduce, snapshot, trace_hash
from insource.testing.policy import NOT_AT_RISK, base_facts, new_release

THRESHOLD = "thresholds/procurement_act_2023/uk/sub_central/supplies_services.yaml"


def _cleaning(value="900000") -> dict:
    facts = base_facts(service="office cleaning", cpv=["90910000"], value_inc_vat=value)
    facts["at_risk"] = NOT_AT_RISK
    return facts


def _decide(facts, preset=None):
    preset = preset or get_preset(None)
    decision = evaluate(facts, preset=preset).to_dict()
    return decision, snapshot(preset)


def test_a_decision_reproduces_from_its_snapshot():
    facts = _cleaning()
    stored, snap = _decide(facts)
    assert snap["hash"] == stored["policy_version"]["hash"]
    again = reproduce(facts, stored["policy_version"], snap).to_dict()
    assert differences(stored, again) == {}
    assert again["policy_version"] == stored["policy_version"]


def test_a_new_release_changes_new_decisions_but_not_old_ones(tmp_path):
    facts = _cleaning()
    stored, snap = _decide(facts)
    assert stored["outcome"] == "INSOURCE_STATUTORY_PRESUMPTION"
    with new_release(tmp_path, THRESHOLD, 'value: "207720"', 'value: "950000"'):
        now = evaluate(facts).to_dict()
        assert now["outcome"] == "EXEMPT_BELOW_THRESHOLD"
        assert [o["value"] for o in now["threshold"]["options"]] == ["950000"]
        assert now["policy_version"]["hash"] != stored["policy_version"]["hash"]
        again = reproduce(facts, stored["policy_version"], snap).to_dict()
        assert differences(stored, again) == {}
        assert [o["value"] for o in again["threshold"]["options"]] == ["207720"]


def test_a_tampered_result_is_reported_with_what_differs():
    facts = _cleaning()
    stored, snap = _decide(facts)
    tampered = copy.deepcopy(stored) | {"outcome": "OUTSOURCE_GOOD_REASON_CAPACITY"}
    tampered["trace"][0]["result"] = "holds"
    found = differences(tampered, reproduce(facts, stored["policy_version"], snap).to_dict())
    assert found["outcome"] == {
        "stored": "OUTSOURCE_GOOD_REASON_CAPACITY",
        "reproduced": "INSOURCE_STATUTORY_PRESUMPTION",
    }
    assert found["trace_hash"]["rules"] == [stored["trace"][0]["id"]]
    assert set(found) == {"outcome", "trace_hash"}


def test_a_tampered_snapshot_is_refused():
    facts = _cleaning()
    stored, snap = _decide(facts)
    path = THRESHOLD
    snap["parameters"][path] = snap["parameters"][path].replace("207720", "950000")
    with pytest.raises(PolicyError, match="does not match its hash"):
        reproduce(facts, stored["policy_version"], snap)


def test_an_older_rule_set_reproduces_its_own_outcome():
    facts = _cleaning("100000")
    facts["contract"] |= {"can_be_contracted_out": False, "counterparty": None}
    preset = get_preset(None)
    old = evaluate(facts, preset=preset, ruleset="2026.1").to_dict()
    assert old["policy_version"]["version"] == "insource-policy 2026.1"
    assert old["outcome"] == "EXEMPT_BELOW_THRESHOLD"
    again = reproduce(facts, old["policy_version"], snapshot(preset)).to_dict()
    assert differences(old, again) == {}
    assert evaluate(facts).outcome == "INSOURCE_LEGAL_REQUIREMENT"


def test_a_custom_preset_with_overrides_and_rules_round_trips():
    preset = preset_from_dict(
        {
            "name": "custom",
            "base": "labour-2019-local",
            "overrides": [
                {
                    "parameter": "capacity.max_months",
                    "value": "24",
                    "reason": "Cabinet 2026/9",
                    "from": "2026-01-01",
                }
            ],
            "rules": [
                {
                    "id": "custom.cleaning_in_house",
                    "label": "Cleaning is in house",
                    "since": "2026-01-01",
                    "citation": "Cabinet 2026/10",
                    "condition": {"fact": "contract.cpv", "starts_with": "909"},
                    "outcome": "INSOURCE_STATUTORY_PRESUMPTION",
                    "step": "3b",
                    "priority": 1,
                }
            ],
        },
        "authority",
    )
    facts = _cleaning() | {"preset": "custom"}
    stored, snap = _decide(facts, preset)
    rebuilt = preset_of(snap)
    assert rebuilt.overrides == preset.overrides and rebuilt.hash == preset.hash
    assert differences(stored, reproduce(facts, stored["policy_version"], snap).to_dict()) == {}


def test_the_trace_hash_ignores_wording_but_not_results():
    stored, _ = _decide(_cleaning())
    reworded = copy.deepcopy(stored["trace"])
    reworded[0]["label"], reworded[0]["held"] = "A clearer label", ["clearer words"]
    assert trace_hash(reworded) == trace_hash(stored["trace"])
    reworded[0]["result"] = "unknown"
    assert trace_hash(reworded) != trace_hash(stored["trace"])


def test_every_shipped_snapshot_loads_under_its_own_hash():
    from insource.policy.versions import SHIPPED, shipped_snapshot

    paths = sorted(SHIPPED.glob("*.json"))
    assert paths, "a release ships its snapshots (insource policy freeze)"
    for path in paths:
        snap = shipped_snapshot("sha256:" + path.stem)
        preset = preset_of(snap)
        assert preset.hash == path.stem
        facts = _cleaning() | {"preset": preset.name}
        if preset.name == "ppn-024-consider":
            facts["decision_on"] = facts["procurement_start_on"] = "2026-06-01"
        assert evaluate(facts, preset=preset).policy_version["hash"] == snap["hash"]


def test_a_snapshots_parameters_are_checked_once_and_a_changed_text_again(monkeypatch):
    import insource.policy.param_texts as param_texts

    texts = param_texts.parameter_texts()
    first = param_texts.load_texts(texts)
    calls = []
    real = param_texts.load_text
    monkeypatch.setattr(param_texts, "load_text", lambda *a: calls.append(a[1]) or real(*a))
    again = param_texts.load_texts(dict(reversed(texts.items())))  # same texts, any order
    assert calls == [] and again == first and again is not first
    changed = dict(texts)
    changed[THRESHOLD] = changed[THRESHOLD].replace("description:", "description: Changed.", 1)
    reloaded = param_texts.load_texts(changed)
    assert len(calls) == len(texts)
    name = "thresholds.procurement_act_2023.uk.sub_central.supplies_services"
    assert reloaded[name].description.startswith("Changed.")
    assert first[name].description != reloaded[name].description
