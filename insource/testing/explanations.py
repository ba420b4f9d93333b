"""Engine results for every outcome kind (the POLICY.md §6 golden cases, plus the outcomes the
golden table does not reach), for the plain-words tests of explanations (issue 18)."""

from __future__ import annotations

from insource.policy import evaluate
from insource.policy.presets import preset_from_dict
from insource.testing.policy import (
    CASES,
    COMPLIANT_TERMS,
    PIT_PASS,
    evaluate_case,
    load_case,
    refuse,
)
from insource.testing.policy import base_facts as _base_facts

SEPARATION_ON = {
    "name": "custom",
    "base": "labour-2019-local",
    "overrides": [
        {"parameter": "tracks.separation", "value": "true", "reason": "Cabinet minute 2026/4"}
    ],
}


def _ppn(value: str, **contract) -> dict:
    contract = {"is_direct_award": False, "is_health_psr": False, "is_delivered_outside_uk": False}
    facts = _base_facts(cpv=["90511000"], value_inc_vat=value, **contract)
    facts["authority"]["procurement_category"] = "central"
    return facts


def extra_scenarios() -> dict[str, dict]:
    """Results for the outcomes no golden case reaches, by name."""
    separation = refuse(
        good_reasons={"separation": {"claimed": True, "evidence": ["note.pdf"]}},
        proposed_terms=COMPLIANT_TERMS,
    )
    return {
        "legal-requirement": evaluate(refuse(contract={"can_be_contracted_out": False})),
        "specialist-care": evaluate(
            refuse(contract={"is_specialist_social_care": True, "cpv": ["85311000"]})
        ),
        "separation": evaluate(separation, preset=preset_from_dict(SEPARATION_ON, "test")),
        "pit-partly-failed": evaluate(
            refuse(public_interest_test=PIT_PASS | {"T4": False, "T10": None, "claimed": True})
        ),
        "ppn-consider": evaluate(_ppn("2000000"), preset="ppn-024-consider"),
        "ppn-not-in-scope": evaluate(_ppn("900000"), preset="ppn-024-consider"),
    }


def every_scenario() -> dict[str, dict]:
    """Every scenario's engine result (`to_dict()`), by name: the golden cases, then the rest."""
    found = {p.stem: evaluate_case(load_case(p), p.name).to_dict() for p in CASES}
    return found | {name: d.to_dict() for name, d in extra_scenarios().items()}
