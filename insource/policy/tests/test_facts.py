"""Facts JSON version 1: defaults, disputes, errors naming the field, and the JSON Schema."""

import json

import jsonschema
import pytest

from insource.policy import FactsError, evaluate
from insource.policy.facts import parse_facts
from insource.policy.facts_schema import PATH, schema_text
from insource.testing.policy import CASES, base_facts, load_case


def test_defaults_of_policy_inputs():
    facts = parse_facts({"decision_on": "2026-06-01"})
    assert facts.get("authority.procurement_category") == "sub-central"
    assert facts.get("authority.nation") == "England"
    assert facts.get("contract.is_light_touch") is False
    assert facts.get("contract.can_be_contracted_out") is True
    assert facts.get("contract.value_vat_basis") == "inc"
    assert facts.get("good_reasons.capacity.claimed") is False
    assert facts.get("contract.counterparty") is None


def test_disputed_fact_reads_as_unknown_and_is_listed():
    doc = base_facts(cpv=["90511000"], value_inc_vat="100000")
    doc["disputed"] = ["contract.value_inc_vat"]
    decision = evaluate(doc)
    assert decision.disputed == ["contract.value_inc_vat"]
    assert "contract.value_inc_vat" in decision.missing_evidence
    assert decision.outcome != "EXEMPT_BELOW_THRESHOLD"


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        ({"decision_on": "2026-02-30"}, "decision_on"),
        ({"decision_on": "1 June 2026"}, "decision_on"),
        (
            {"decision_on": "2026-06-01", "contract": {"value_inc_vat": 12.5}},
            "contract.value_inc_vat",
        ),
        (
            {"decision_on": "2026-06-01", "contract": {"value_inc_vat": "lots"}},
            "contract.value_inc_vat",
        ),
        ({"decision_on": "2026-06-01", "contract": {"nature": "gadgets"}}, "contract.nature"),
        ({"decision_on": "2026-06-01", "contract": {"colour": "red"}}, "contract.colour"),
        (
            {"decision_on": "2026-06-01", "at_risk": {"coercive_powers": "yes"}},
            "at_risk.coercive_powers",
        ),
        ({"decision_on": "2026-06-01", "contract": "big"}, "contract"),
        ({"decision_on": "2026-06-01", "disputed": ["contract.nope"]}, "disputed"),
        ({"decision_on": "2026-06-01", "version": 2}, "version"),
        ({"contract": {}}, "decision_on"),
        (
            {"decision_on": "2026-06-01", "proposed_terms": {"num_kpis": -1}},
            "proposed_terms.num_kpis",
        ),
        ({"decision_on": "2026-06-01", "contract": {"cpv": ["905"]}}, "contract.cpv"),
    ],
)
def test_malformed_facts_name_the_field(doc, field):
    with pytest.raises(FactsError) as err:
        evaluate(doc)
    assert err.value.field == field
    assert str(err.value).startswith(field)


def test_published_schema_is_current():
    assert PATH.read_text(encoding="utf-8") == schema_text()


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden_facts_validate_against_schema(path):
    facts = json.loads(json.dumps(load_case(path)["facts"], default=str))
    jsonschema.validate(facts, json.loads(PATH.read_text(encoding="utf-8")))
