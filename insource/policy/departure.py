"""A decision-maker's departure from the recommendation (POLICY.md §2, "Departures from the
recommendation"): what the facts leave unmet or unknown for the outcome chosen, and the minimum
standards the proposed terms meet.

Legal basis: public-law discretion may not be fettered, so any outcome may be signed (LAW); how a
departure is made visible is DESIGN. A departure towards an outsourcing outcome the facts do not
establish needs a reason against each condition the engine finds unmet or unknown for it; the
minimum standards apply exactly as to an established exception (status
`blocked_until_standards_met` while a mandatory standard is unmet or unknown); a capacity
departure sets a re-review date no later than `capacity.max_months` ahead. Pure: the standards
are the engine's own rules (`standards.ms*`), run on the proposed terms.
"""

from __future__ import annotations

import hashlib
import re
from copy import deepcopy
from datetime import date

from insource.policy.context import Context
from insource.policy.dates import add_months
from insource.policy.engine import evaluate
from insource.policy.facts import parse_facts
from insource.policy.outcomes import is_outsourcing
from insource.policy.presets import get_preset
from insource.policy.standards import evaluate_standards

CAPACITY = "OUTSOURCE_GOOD_REASON_CAPACITY"
TOWARDS_OUTSOURCING = "towards-outsourcing"
TOWARDS_PRESUMPTION = "towards-presumption"
OTHER = "other"
BLOCKING = ("unmet", "unknown")
# The claim that opens each good reason (and the public interest test) for the engine.
CLAIMS = {
    CAPACITY: ("good_reasons", "capacity", "claimed"),
    "OUTSOURCE_GOOD_REASON_RISK_MITIGATION": ("good_reasons", "risk_mitigation", "claimed"),
    "OUTSOURCE_GOOD_REASON_SEPARATION": ("good_reasons", "separation", "claimed"),
    "OUTSOURCE_PUBLIC_INTEREST_TEST_MET": ("public_interest_test", "claimed"),
}
NOT_CONSIDERED = (
    "the policy does not offer this outcome for this contract (it is not among the exceptions "
    "the engine considers on its track)"
)


def departure_kind(*, recommended: str | None, outcome: str, grounds: list[dict]) -> str:
    """'' when the decision follows the recommendation; `towards-outsourcing` when it chooses
    an outsourcing outcome the facts do not establish; `towards-presumption` for an in-house
    outcome; `other` for anything else (an exemption, or another established ground)."""
    if outcome == recommended:
        return ""
    established = {g["ground"] for g in grounds}
    if is_outsourcing(outcome) and outcome not in established:
        return TOWARDS_OUTSOURCING
    return TOWARDS_PRESUMPTION if outcome.startswith("INSOURCE_") else OTHER


def _claimed(facts: dict, outcome: str) -> dict:
    """The facts with the outcome's claim made, so the engine says what else it needs."""
    path = CLAIMS.get(outcome)
    if path is None:
        return facts
    doc = deepcopy(facts)
    node = doc
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node[path[-1]] = True
    return doc


def _key(text: str) -> str:
    """A stable key for a condition: its text without figures (the re-review condition names
    a date that moves with the day it is read)."""
    return "c" + hashlib.sha256(re.sub(r"\d", "", text).encode("utf-8")).hexdigest()[:10]


def _condition(text: str, status: str) -> dict:
    return {"key": _key(text), "condition": text, "status": status}


def _exception_rule(trace: list[dict], outcome: str) -> str | None:
    """The rule of the exception that would give `outcome`, as the default rules record it."""
    for entry in trace:
        for exception in entry.get("exceptions", ()):
            if exception["outcome"] == outcome:
                return exception["id"]
    return None


def departure_conditions(facts: dict, outcome: str) -> list[dict]:
    """Each condition of `outcome` the engine finds unmet (`status` "unmet") or unknown, with a
    stable `key`: the failed and unknown parts of its exception (evaluated as if it were
    claimed), and the facts still missing that could change the outcome."""
    result = evaluate(_claimed(facts, outcome)).to_dict()
    rule_id = _exception_rule(result["trace"], outcome)
    if rule_id is None:
        return [_condition(NOT_CONSIDERED, "unmet")]
    entry = next(e for e in result["trace"] if e["id"] == rule_id)
    found = [_condition(t, "unmet") for t in entry["failed"]]
    found += [_condition(t, "unknown") for t in entry["unknown"]]
    return found or [_condition(f"the engine did not establish it: {entry['note']}", "unmet")]


def departure_standards(facts: dict, outcome: str) -> dict:
    """The minimum standards MS1-MS13 on the proposed terms, as for an established `outcome`
    (capacity: the 36-month term cap and no-fault break), and the status they give:
    `blocked_until_standards_met` while a mandatory standard is unmet or unknown."""
    parsed = parse_facts(facts)
    preset = get_preset(facts.get("preset"))
    ctx = Context(parsed, preset.parameters, preset)
    ctx.outcome, ctx.capacity_established = outcome, outcome == CAPACITY
    standards, mandatory = evaluate_standards(ctx, True)
    blocking = [k for k in mandatory if standards[k]["status"] in BLOCKING]
    return {
        "standards": standards,
        "blocking": blocking,
        "status": "blocked_until_standards_met" if blocking else "decided",
    }


def re_review_latest(facts: dict, on: date) -> date:
    """The latest re-review date a capacity departure decided on `on` may set."""
    preset = get_preset(facts.get("preset"))
    return add_months(on, preset.parameters.at(on).get("capacity.max_months"))
