"""Properties over generated facts (POLICY.md §6 "Also test"). Kept small: well under 60 s."""

from __future__ import annotations

import json
import os
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insource.policy import evaluate
from insource.policy.facts import Facts, parse_facts
from insource.policy.facts_fields import FIELDS
from insource.policy.presets import get_preset
from insource.testing.policy_strategies import NOT_UNKNOWN, domain, facts_documents

# INSOURCE_PROPERTY_EXAMPLES=2000 for a thorough run; the default keeps the suite fast.
EXAMPLES = int(os.environ.get("INSOURCE_PROPERTY_EXAMPLES", "50"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXCEPTION_RULES = (
    "gateway.",
    "legal.",
    "track.risk",
    "track.capacity",
    "track.separation",
    "track.specialist",
    "track.public",
    "ppn024.excluded",
    "ppn024.at_or",
)


def result(decision) -> tuple:
    unmet = sorted(
        k for k, v in decision.standards.items() if v["mandatory"] and v["status"] == "unmet"
    )
    return decision.outcome, tuple(unmet)


def decide(facts: Facts):
    return evaluate(facts, preset=get_preset(facts.values["preset"]))


@FAST
@given(facts_documents())
def test_shipped_presets_never_conflict(doc):
    decision = evaluate(doc)
    assert decision.outcome is not None and decision.status != "conflict"


@FAST
@given(facts_documents())
def test_grounds_staff_transfer_and_determinism(doc):
    decision = evaluate(doc)
    if decision.outcome.startswith("OUTSOURCE_"):
        assert decision.grounds and decision.grounds[0]["ground"] == decision.outcome
        held = {e["id"]: e["result"] for e in decision.trace}
        assert all(held[g["rule"]] == "holds" for g in decision.grounds)
    if decision.outcome.startswith("INSOURCE_") and doc["contract"].get("has_assigned_workforce"):
        assert "STAFF_TRANSFER" in {f["code"] for f in decision.flags}
    again = evaluate(json.loads(json.dumps(doc)))
    assert again.to_json() == decision.to_json()


def _disputable(facts: Facts) -> list[str]:
    paths = [
        f.path
        for f in FIELDS
        if f.path not in NOT_UNKNOWN
        and facts.get(f.path) is not None
        and f.kind not in ("str", "strlist")
    ]
    return [p for p in paths if p != "contract.nature" or not facts.get("contract.cpv")]


@FAST
@given(facts_documents(), st.randoms(use_true_random=False))
def test_unknown_never_establishes_an_exception(doc, rnd):
    facts = parse_facts(doc)
    known = _disputable(facts)
    less = dict(doc, disputed=rnd.sample(known, min(len(known), rnd.randint(1, 3))))
    before = {e["id"]: e["result"] for e in evaluate(doc).trace}
    for entry in evaluate(less).trace:
        if entry["id"].startswith(EXCEPTION_RULES) and entry["result"] == "holds":
            assert before.get(entry["id"], "holds") == "holds", entry["id"]


def _unknown_paths(facts: Facts) -> list[str]:
    paths = [
        f.path
        for f in FIELDS
        if f.path not in NOT_UNKNOWN
        and facts.get(f.path) is None
        and f.kind not in ("str", "strlist", "paths")
    ]
    if facts.get("contract.cpv"):
        paths = [p for p in paths if p != "contract.nature"]
    pit = [f"public_interest_test.T{n}" for n in range(1, 11)]
    if not facts.get("public_interest_test.claimed") and all(facts.get(p) is None for p in pit):
        paths = [p for p in paths if p not in pit]
    return paths


def _complete(facts: Facts, paths, rnd: random.Random, pick=None) -> Facts:
    values = {p: (pick(p) if pick else rnd.choice(domain(p))) for p in paths}
    return facts.replace(**{p.replace(".", "__"): v for p, v in values.items()})


def _typed(facts: Facts) -> Facts:
    return parse_facts(_document(facts))


def _document(facts: Facts) -> dict:
    doc: dict = {}
    for path, value in facts.values.items():
        if value is None or path in ("disputed",):
            continue
        node = doc
        *groups, name = path.split(".")
        for g in groups:
            node = node.setdefault(g, {})
        node[name] = list(value) if isinstance(value, tuple) else value
    return json.loads(json.dumps(doc, default=str))


STRUCTURED = (
    lambda p: domain(p)[0],
    lambda p: domain(p)[-1],
    lambda p: False if p.startswith("at_risk.") else domain(p)[0],
)


def _tries(facts: Facts, listed: list[str]):
    """Completions of the listed unknowns: structured ones, each value of each fact, random."""
    rnd = random.Random(len(listed))
    for pick in STRUCTURED:
        yield _complete(facts, listed, rnd, pick)
    for path in listed:
        for value in domain(path):
            for pick in STRUCTURED:
                yield _complete(
                    facts, listed, rnd, lambda p, v=value, q=path, k=pick: v if p == q else k(p)
                )
    for _ in range(30):
        yield _complete(facts, listed, rnd)


@FAST
@given(facts_documents(), st.integers(0, 2**16))
def test_missing_evidence_is_exactly_what_could_change_the_outcome(doc, seed):
    facts, rnd = parse_facts(doc), random.Random(seed)
    decision = decide(facts)
    listed = decision.missing_evidence
    others = [p for p in _unknown_paths(facts) if p not in listed]
    for _ in range(4):
        completed = decide(_typed(_complete(facts, others, rnd)))
        assert result(completed) == result(decision), (listed, others)
    if listed:
        assert any(result(decide(_typed(t))) != result(decision) for t in _tries(facts, listed)), (
            listed
        )
