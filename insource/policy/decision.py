"""Assemble the decision from the resolved steps: grounds, standards, flags, status, explanation.

A decision is plain JSON data (Decimals as strings, dates ISO), serialised deterministically.
"""

from __future__ import annotations

from decimal import Decimal

import orjson

from insource.policy.explain import explain
from insource.policy.outcomes import is_outsourcing
from insource.policy.programmes import GOOD_REASONS
from insource.policy.resolve import (
    alternative_unknowns,
    first_established,
    outcome_of,
    unknowns_before,
)
from insource.policy.standards import evaluate_standards, standards_missing
from insource.policy.tri import Finding

FLAG_RULES = (
    "flags.late_review",
    "flags.procurement_started",
    "flags.recheck_threshold",
    "flags.voluntary_review",
    "flags.staff_transfer",
    "flags.right_to_challenge",
)
FACTS_VERSION = 1
RESULT = {True: "holds", False: "does not hold", None: "unknown"}


class Decision:
    """The decision: `to_json()` is deterministic (sorted keys, Decimals as strings); `data`
    (and attribute access: `decision.outcome`) gives the same content as plain JSON values."""

    __slots__ = ("_raw", "_data")

    def __init__(self, raw: dict):
        self._raw, self._data = raw, None

    @property
    def data(self) -> dict:
        if self._data is None:
            self._data = plain(self._raw)
        return self._data

    def __getattr__(self, name):
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"Decision({self._raw['outcome']}, {self._raw['status']})"

    def to_dict(self) -> dict:
        return self.data

    def to_json(self, indent: bool = False) -> str:
        option = OPTIONS | (orjson.OPT_INDENT_2 if indent else 0)
        return orjson.dumps(self._raw, default=_default, option=option).decode()


def _default(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def plain(value):
    """JSON-ready data: Decimal as string, dates ISO, tuples as lists (a round trip in C)."""
    return orjson.loads(orjson.dumps(value, default=_default, option=OPTIONS))


def _dedupe(items) -> list:
    return list(dict.fromkeys(items))


def incomplete_claims(ctx, levels, i) -> list[dict]:
    """Claimed good reasons on the decided track that are not established, with their gaps."""
    if i is None or levels[i].step not in ("3a", "3b"):
        return []
    return [
        {
            "ground": c.outcome,
            "rule": c.rule_id,
            "unknown": c.finding.unknown,
            "false": c.finding.failed,
        }
        for lv in levels
        if lv.step == levels[i].step
        for c in lv.candidates
        if c.rule_id in GOOD_REASONS
        and c.finding.value is not True
        and ctx.facts.get(GOOD_REASONS[c.rule_id]) is True
        and not c.finding.data.get("disabled")
    ]


def _flags(ctx, standards) -> list[dict]:
    flags = [
        {"code": rid.split(".")[1].upper(), "detail": ctx.run(rid, "flags").note}
        for rid in FLAG_RULES
        if ctx.run(rid, "flags").value
    ]
    if standards.get("MS2", {}).get("status") == "void_in_law":
        flags.append(
            {
                "code": "REMOVE_VOID_TERM",
                "detail": "the union recognition term is void "
                "in law (TULRCA 1992 s.186) and must be removed before publication",
            }
        )
    capacity = ctx.findings.get("track.capacity", Finding(False))
    if capacity.data.get("re_review_too_late"):
        flags.append(
            {
                "code": "RE_REVIEW_TOO_LATE",
                "detail": "the re-review date is beyond "
                f"{capacity.data['term_cap_months']} months: capacity is not established",
            }
        )
    names = {"VOLUNTARY_REVIEW": "VOLUNTARY_REVIEW_RECOMMENDED"}
    return [{**f, "code": names.get(f["code"], f["code"])} for f in flags]


def _status(outcome, missing, claims, precautionary, standards, mandatory) -> str:
    if outcome is None:
        return "conflict"
    if missing or claims or precautionary:
        return "incomplete"
    unmet = any(standards[m]["status"] == "unmet" for m in mandatory if m in standards)
    return "blocked_until_standards_met" if is_outsourcing(outcome) and unmet else "decided"


def _exceptions_considered(ctx, levels) -> None:
    """On each default rule's trace entry: every exception of its step, and why it failed."""
    defaults = {lv.step: lv.candidates[0].rule_id for lv in levels if lv.priority == 10**6}
    for entry in ctx.trace:
        if entry["id"] == defaults.get(entry["step"]):
            entry["exceptions"] = [
                {
                    "id": c.rule_id,
                    "outcome": c.outcome,
                    "result": RESULT[c.finding.value],
                    "why": c.finding.failed or c.finding.unknown or c.finding.held,
                }
                for lv in levels
                if lv.step == entry["step"] and lv.priority < 10**6
                for c in lv.candidates
            ]


def build_decision(ctx, preset, run) -> Decision:
    _exceptions_considered(ctx, list(run.levels) + list(run.alternative))
    if run.provisional is not None:
        outcome, candidates, grounds = run.provisional.outcome, [run.provisional.outcome], []
    else:
        outcome, candidates, grounds = outcome_of(run.levels)
    ctx.outcome = outcome
    i = first_established(run.levels)
    capacity = next((g for g in grounds if g.rule_id == "track.capacity"), None)
    ctx.capacity_established = capacity is not None
    outsourcing = any(is_outsourcing(o) for o in candidates)
    standards, mandatory = evaluate_standards(ctx, outsourcing)
    missing = unknowns_before(run.levels, outcome) + alternative_unknowns(run, outcome)
    if run.provisional is not None:
        missing = list(run.provisional.finding.missing)
    if outsourcing and outcome is not None:
        missing += standards_missing(ctx, standards, mandatory)
    claims = incomplete_claims(ctx, run.levels, i)
    precautionary = bool(
        run.at_risk and run.at_risk.value is None and i is not None and run.levels[i].step == "3a"
    )
    data = {
        "facts_version": FACTS_VERSION,
        "id": ctx.facts.get("id"),
        "decision_on": ctx.on,
        "policy_version": preset.policy_version(ctx.ruleset),
        "outcome": outcome,
        "status": _status(outcome, missing, claims, precautionary, standards, mandatory),
        "grounds": [{"ground": g.outcome, "rule": g.rule_id} for g in grounds],
        "candidates": candidates if outcome is None else [],
        "missing_evidence": sorted(set(missing)),
        "incomplete_claims": claims,
        "precautionary_at_risk": precautionary,
        "disputed": list(ctx.facts.disputed),
        "standards": standards,
        "unmet_standards": [k for k, v in standards.items() if v["status"] == "unmet"],
        "prerequisites": ctx.run("procedure.prerequisites", "5").data["items"],
        "flags": _flags(ctx, standards),
        "re_review_on": capacity.finding.data["re_review_on"] if capacity else None,
        "term_cap_months": capacity.finding.data["term_cap_months"] if capacity else None,
        "threshold": _threshold(ctx),
        "value": _value(ctx),
    }
    data["trace"] = ctx.trace
    data["explanation"] = explain(data, run)
    return Decision(data)


def _threshold(ctx) -> dict | None:
    found = ctx.findings.get("value.threshold")
    if found is None:
        return None
    reads = {
        t["name"]: t for e in ctx.trace if e["id"] == "value.threshold" for t in e["parameters"]
    }
    return {
        "on": found.data["on"],
        "options": [
            {
                "nature": k,
                "value": v,
                "parameter": found.data["parameters"][k],
                "from": reads[found.data["parameters"][k]]["from"],
                "citation": reads[found.data["parameters"][k]]["citation"],
            }
            for k, v in sorted(found.data["options"].items())
        ],
    }


def _value(ctx) -> dict | None:
    found = ctx.findings.get("value.next_term")
    if found is None or found.value is None:
        return None
    return {k: found.data[k] for k in ("value_inc_vat", "stated", "estimate")} | {
        "basis": ctx.facts.get("contract.value_vat_basis")
    }
