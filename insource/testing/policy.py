"""Helpers shared by the policy tests: loading golden cases, building facts."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

from ruamel.yaml import YAML

import insource.policy.params as params
import insource.policy.presets as presets
from insource.policy import evaluate
from insource.policy.presets import preset_from_dict

HERE = Path(__file__).resolve().parents[1] / "policy" / "tests"  # the cases and golden files
CASES = sorted((HERE / "cases").glob("*.yaml"))
GOLDEN = HERE / "golden"

COMPLIANT_TERMS = {
    "fair_wage_rate_gbp": "13.45",
    "has_best_value_justification": True,
    "gender_pay_audit": True,
    "max_term_months": 30,
    "has_no_fault_break": True,
    "foi_clause": True,
    "hra_clause": True,
    "num_kpis": 3,
    "prompt_payment_days": 30,
    "provider_excluded": False,
    "union_recognition_clause": False,
}
NOT_AT_RISK = {"significant_contact": False, "coercive_powers": False, "rights_risk": False}


def load_case(path: Path) -> dict:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def evaluate_case(case: dict, name: str = "case"):
    preset = preset_from_dict(case["preset"], name) if case.get("preset") else None
    return evaluate(case["facts"], preset=preset)


def base_facts(**contract) -> dict:
    """The §6 defaults: England, sub-central, private, decision 2026-06-01, start 2026-05-01."""
    return {
        "decision_on": "2026-06-01",
        "procurement_start_on": "2026-05-01",
        "authority": {"procurement_category": "sub-central", "nation": "England"},
        "contract": {
            "counterparty": "private",
            "delivers_authority_function": True,
            "can_be_contracted_out": True,
            "has_assigned_workforce": True,
            **contract,
        },
    }


@contextmanager
def new_release(tmp_path, rel: str, old: str, new: str):
    """Simulate shipping a new release whose parameter file `rel` has `old` replaced by `new`:
    inside the block a changed copy of parameters/ is the shipped parameter set."""
    root = tmp_path / "parameters"
    shutil.copytree(params.ROOT, root)
    text = (root / rel).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {rel}"
    (root / rel).write_text(text.replace(old, new, 1), encoding="utf-8")
    saved = params.ROOT
    params.ROOT = root
    params.load_all.cache_clear()
    presets._shipped.cache_clear()
    try:
        yield root
    finally:
        params.ROOT = saved
        params.load_all.cache_clear()
        presets._shipped.cache_clear()


PIT_PASS = {f"T{n}": True for n in range(1, 11)}


def refuse(**extra):
    facts = base_facts(
        service="refuse", cpv=["90511000"], nature="services", value_inc_vat="12000000"
    )
    facts["at_risk"] = NOT_AT_RISK
    for key, value in extra.items():
        facts[key] = value if not isinstance(value, dict) else facts.get(key, {}) | value
    return facts
