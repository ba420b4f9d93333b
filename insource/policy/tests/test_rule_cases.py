"""OpenFisca-style cases for every rule id (issue 15): rules/<rule id>.yaml gives facts and the
trace entry the rule must write for them, with cases that make it hold, fail and stay unknown.
A kind a rule can never give is declared under `never` with the reason, and checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insource.policy import evaluate
from insource.policy.errors import PolicyError
from insource.policy.presets import preset_from_dict
from insource.policy.rules import REGISTRY
from insource.testing.policy import load_case
from insource.testing.policy_strategies import facts_documents

RULES = Path(__file__).parent / "rules"
KINDS = {"holds": "holds", "does_not_hold": "does not hold", "unknown": "unknown"}
FILES = sorted(RULES.glob("*.yaml"))
CASES = [
    (path, kind, i)
    for path in FILES
    for kind in KINDS
    for i in range(len(load_case(path).get(kind) or ()))
]


def _entry(case: dict, rule_id: str) -> dict | None:
    preset = preset_from_dict(case["preset"], case["name"]) if case.get("preset") else None
    return next(
        (e for e in evaluate(case["facts"], preset=preset).trace if e["id"] == rule_id), None
    )


@pytest.mark.parametrize(
    ("path", "kind", "i"), CASES, ids=lambda v: v.stem if isinstance(v, Path) else str(v)
)
def test_rule_case(path, kind, i):
    doc = load_case(path)
    case = doc[kind][i]
    entry = _entry(case, doc["rule"])
    assert entry is not None, f"{doc['rule']} did not run for {case['name']!r}"
    assert entry["result"] == KINDS[kind] == case["trace"]["result"]
    for key in ("held", "failed", "unknown", "missing"):
        assert entry[key] == case["trace"].get(key, []), (case["name"], key)


def test_every_rule_has_a_case_for_each_result_or_says_why_not():
    by_rule = {load_case(p)["rule"]: load_case(p) for p in FILES}
    assert set(by_rule) == set(REGISTRY), "every rule id needs rules/<id>.yaml, and only those"
    gaps = [
        (rule_id, kind)
        for rule_id, doc in sorted(by_rule.items())
        for kind in KINDS
        if not doc.get(kind) and not str((doc.get("never") or {}).get(kind, "")).strip()
    ]
    assert gaps == [], "add a case, or declare under `never` why the rule cannot give it"
    both = [(r, k) for r, d in by_rule.items() for k in (d.get("never") or {}) if d.get(k)]
    assert both == [], "a kind with a case cannot also be declared impossible"


NEVER = sorted(
    (doc["rule"], KINDS[kind])
    for doc in (load_case(p) for p in FILES)
    for kind in (doc.get("never") or {})
)
PATHS = ["contract.counterparty", "contract.cpv", "contract.value_inc_vat", "contract.ends_on"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts_documents(), st.lists(st.sampled_from(PATHS), max_size=2))
def test_what_a_rule_never_gives_it_never_gives(doc, disputed):
    try:
        decision = evaluate(doc | {"disputed": sorted(set(disputed))})
    except PolicyError:
        return
    given_results = {(e["id"], e["result"]) for e in decision.trace}
    assert not given_results & set(NEVER)
