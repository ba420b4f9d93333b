"""The evaluation context: facts and parameters as at the decision date, and the trace.

Each rule runs once per decision; its inputs (facts read) and parameters read (value, effective
date, citation) are recorded with its finding.
"""

from __future__ import annotations

from datetime import date

from insource.policy.facts import Facts
from insource.policy.params import Parameters
from insource.policy.rules.base import REGISTRY, Rule
from insource.policy.rulesets import CURRENT, amendments
from insource.policy.tri import Finding


class Context:
    def __init__(self, facts: Facts, parameters: Parameters, preset, ruleset: str = CURRENT):
        self.facts, self.preset, self.ruleset = facts, preset, ruleset
        self.amendments = amendments(ruleset)
        self.on: date = facts.get("decision_on")
        self.view = parameters.at(self.on)
        self.trace: list[dict] = []
        self.findings: dict[str, Finding] = {}
        self.inputs: dict | None = None
        self.outcome: str | None = None
        self.capacity_established = False

    def amended(self, name: str) -> bool:
        """Is this amendment in force in the rule-set version being evaluated?"""
        return name in self.amendments

    def fact(self, path: str):
        value = self.facts.get(path)
        if self.inputs is not None:
            self.inputs[path] = value
        return value

    def param(self, name: str, on: date | None = None):
        return self.view.get(name, on)

    def run(self, rule_id: str, step: str = "") -> Finding:
        """Run a registered rule once (cached) and record it in the trace."""
        if rule_id not in self.findings:
            self.findings[rule_id] = self._run(REGISTRY[rule_id], step)
        return self.findings[rule_id]

    def run_custom(self, rule: Rule, step: str, fn) -> Finding:
        finding = self._record(rule, step, fn)
        self.findings[rule.id] = finding
        return finding

    def _run(self, rule: Rule, step: str) -> Finding:
        if self.on < rule.since:
            return self._record(
                rule,
                step,
                lambda ctx: Finding(
                    False, failed=[f"the rule applies only from {rule.since.isoformat()}"]
                ),
            )
        return self._record(rule, step, rule.fn)

    def _record(self, rule: Rule, step: str, fn) -> Finding:
        saved_inputs, saved_reads = self.inputs, self.view.reads
        self.inputs, self.view.reads = {}, []
        try:
            finding = fn(self)
            entry = trace_entry(rule, step, finding, self.inputs, self.view.reads)
        finally:
            self.inputs, self.view.reads = saved_inputs, saved_reads
        self.trace.append(entry)
        return finding


def trace_entry(rule: Rule, step: str, finding: Finding, inputs: dict, reads: list) -> dict:
    result = {True: "holds", False: "does not hold", None: "unknown"}[finding.value]
    return {
        "id": rule.id,
        "label": rule.label,
        "citation": rule.citation,
        "step": step,
        "inputs": dict(inputs),
        "result": result,
        "held": list(finding.held),
        "failed": list(finding.failed),
        "unknown": list(finding.unknown),
        "missing": list(finding.missing),
        "note": finding.note,
        "data": dict(finding.data),
        "parameters": [
            {"name": r.name, "value": r.value, "from": r.start, "citation": r.citation}
            for r in reads
        ],
    }
