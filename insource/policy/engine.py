"""Evaluate facts under a preset: the steps of POLICY.md §2 in strict priority order.

Facts in, `Decision` out. Pure: the decision date comes from the facts, never from a clock.
"""

from __future__ import annotations

import insource.policy.resolve as resolve
from insource.policy.context import Context
from insource.policy.custom import run_custom
from insource.policy.decision import Decision, build_decision
from insource.policy.errors import FactsError, PresetError
from insource.policy.facts import Facts, parse_facts
from insource.policy.presets import Preset, get_preset
from insource.policy.resolve import Candidate, Level
from insource.policy.rules import REGISTRY
from insource.policy.rulesets import CURRENT

LEGAL_RULE = "legal.cannot_contract_out"


def evaluate(
    facts: dict | Facts, *, preset: Preset | str | None = None, ruleset: str = CURRENT
) -> Decision:
    """Evaluate one facts document (dict or parsed `Facts`) and return the decision.

    `ruleset` is the rule-set version to decide under (the current one unless reproducing an
    older decision: insource/policy/rulesets.py)."""
    facts = facts if isinstance(facts, Facts) else parse_facts(facts)
    if facts.get("decision_on") is None:
        raise FactsError("decision_on", "Enter the decision date (YYYY-MM-DD), or give --on")
    if not isinstance(preset, Preset):
        preset = get_preset(preset or facts.values.get("preset"))
    ctx = Context(facts, preset.parameters, preset, ruleset)
    if ctx.amended("preset_whole_from_date"):
        refuse_before_in_force(ctx.on, preset)
    return build_decision(ctx, preset, run_steps(ctx, preset))


def in_force_from(preset: Preset):
    """The date a preset comes into force: the latest start of its steps' default rules."""
    defaults = [s.default[0] for s in _steps(preset) if s.default]
    return max(REGISTRY[r].since for r in defaults)


def _steps(preset: Preset):
    return [*preset.steps["pre"], *(v for k, v in preset.steps.items() if k != "pre")]


def refuse_before_in_force(on, preset: Preset) -> None:
    """A preset applies as a whole from the date it comes into force (one error, any facts)."""
    start = in_force_from(preset)
    if on < start:
        raise PresetError(
            f"the {preset.name} preset applies to decisions from {start}: "
            "choose another preset or date"
        )


def levels_of(ctx: Context, step, preset: Preset) -> list[Level]:
    """A step's priority levels: built-in slots and the authority's rules, merged by priority."""
    by_priority: dict[int, list[Candidate]] = {}
    for priority, rule_id, outcome in step.slots:
        found = ctx.run(rule_id, step.name)
        by_priority.setdefault(priority, []).append(Candidate(rule_id, outcome, found))
    for custom in (c for c in preset.rules if c.step == step.name):
        found = ctx.run_custom(custom.rule, step.name, lambda c, r=custom: run_custom(c, r))
        by_priority.setdefault(custom.priority, []).append(
            Candidate(custom.rule.id, custom.outcome, found)
        )
    levels = [Level(step.name, p, tuple(cs)) for p, cs in sorted(by_priority.items())]
    if step.default:
        rule_id, outcome = step.default
        if REGISTRY[rule_id].since > ctx.on:
            raise PresetError(
                f"the {preset.name} preset applies to decisions from "
                f"{REGISTRY[rule_id].since}: choose another preset or date"
            )
        levels.append(
            Level(step.name, 10**6, (Candidate(rule_id, outcome, ctx.run(rule_id, step.name)),))
        )
    return levels


def run_steps(ctx: Context, preset: Preset) -> resolve.Run:
    """Run steps in order until one decides; the track follows the at-risk assessment."""
    levels: list[Level] = []
    for step in preset.steps["pre"]:
        levels += levels_of(ctx, step, preset)
        if resolve.first_established(levels) is not None:
            return resolve.Run(levels, None, ())
        provisional = _legal_provisional(ctx, levels)
        if provisional is not None:
            return resolve.Run(levels, None, (), provisional)
    if "3" in preset.steps:
        return resolve.Run(levels + levels_of(ctx, preset.steps["3"], preset), None, ())
    at_risk = ctx.run("at_risk.assessment", "2")
    track = "3b" if at_risk.value is False else "3a"
    levels += levels_of(ctx, preset.steps[track], preset)
    alternative = levels_of(ctx, preset.steps["3b"], preset) if at_risk.value is None else ()
    return resolve.Run(levels, at_risk, tuple(alternative))


def _legal_provisional(ctx: Context, levels: list[Level]) -> Candidate | None:
    """Step 0 with only the public-public question open: the function cannot be contracted out,
    so the only possible outcomes are the legal requirement and the public-public exemption;
    the outcome is the legal requirement until the counterparty is known (POLICY.md §2 step 0)."""
    if not ctx.amended("legal_precheck_open_counterparty"):
        return None
    legal = next(
        (c for lv in levels if lv.step == "0" for c in lv.candidates if c.rule_id == LEGAL_RULE),
        None,
    )
    if legal is None or legal.finding.value is not None:
        return None
    if ctx.facts.get("contract.can_be_contracted_out") is not False:
        return None
    return legal
