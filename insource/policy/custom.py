"""An authority's own rules, written as declarative YAML — never code (POLICY.md §2, `custom`).

    - id: custom.school_meals_in_house
      label: School meals are always insourced
      since: 2026-01-01
      citation: Cabinet decision 2026/14
      condition: {fact: contract.cpv, starts_with: "55524"}
      outcome: INSOURCE_STATUTORY_PRESUMPTION
      step: 3b
      priority: 2

Conditions: {fact, is|equals|in|starts_with|gt|gte|lt|lte}, combined with all / any / not.
They are three-valued: an unknown fact makes the condition unknown, and unknown never applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from insource.policy.errors import PresetError
from insource.policy.facts_fields import BY_PATH
from insource.policy.outcomes import OUTCOMES
from insource.policy.rules.base import Rule
from insource.policy.tri import Finding, all3, any3, not3

KEYS = {"id", "label", "since", "citation", "condition", "outcome", "step", "priority"}
STEPS = {"0", "1", "3a", "3b"}
COMPARE = {"is", "equals", "in", "starts_with", "gt", "gte", "lt", "lte"}


@dataclass(frozen=True)
class CustomRule:
    rule: Rule
    condition: dict
    outcome: str
    step: str
    priority: int


def parse_rule(doc: dict, where: str) -> CustomRule:
    """Check one custom rule (every key, every fact path, the outcome and the step)."""
    if not isinstance(doc, dict) or set(doc) - KEYS or KEYS - {"label"} - set(doc):
        raise PresetError(
            f"{where}: a custom rule needs exactly {', '.join(sorted(KEYS))} "
            f"(label optional); got {sorted(doc) if isinstance(doc, dict) else doc}"
        )
    if doc["outcome"] not in OUTCOMES or str(doc["step"]) not in STEPS:
        raise PresetError(
            f"{where}: outcome must be one of {', '.join(sorted(OUTCOMES))} and "
            f"step one of {', '.join(sorted(STEPS))}"
        )
    _check(doc["condition"], f"{where}.condition")
    try:
        since, priority = date.fromisoformat(str(doc["since"])), int(doc["priority"])
    except ValueError:
        raise PresetError(
            f"{where}: since must be YYYY-MM-DD and priority a whole number"
        ) from None
    rule = Rule(
        str(doc["id"]),
        str(doc.get("label", doc["id"])),
        str(doc["citation"]),
        f"Custom rule: {doc['condition']} -> {doc['outcome']}",
        since,
        None,
        "custom",
    )
    return CustomRule(rule, doc["condition"], doc["outcome"], str(doc["step"]), priority)


def _check(cond, where: str) -> None:
    if not isinstance(cond, dict) or len(cond) not in (1, 2):
        raise PresetError(f"{where}: a condition is {{fact, <comparison>}} or all/any/not")
    ((key, value),) = [(k, v) for k, v in cond.items() if k != "fact"] or [("", None)]
    if key in ("all", "any") and "fact" not in cond:
        return [_check(c, f"{where}.{key}") for c in value] and None
    if key == "not" and "fact" not in cond:
        return _check(value, f"{where}.not")
    if cond.get("fact") not in BY_PATH or key not in COMPARE:
        raise PresetError(
            f"{where}: {cond.get('fact')!r} is not a fact path, or {key!r} is not "
            f"one of {', '.join(sorted(COMPARE))}"
        )


def evaluate_condition(cond: dict, get) -> tuple[bool | None, list[str]]:
    """Three-valued value of a condition, and the unknown facts it rests on."""
    if "fact" not in cond:
        ((key, value),) = cond.items()
        parts = [evaluate_condition(c, get) for c in (value if key != "not" else [value])]
        combine = {"all": all3, "any": any3, "not": lambda vs: not3(next(iter(vs)))}[key]
        return combine(v for v, _ in parts), [m for _, ms in parts for m in ms]
    actual = get(cond["fact"])
    if actual is None:
        return None, [cond["fact"]]
    ((op, expected),) = [(k, v) for k, v in cond.items() if k != "fact"]
    return _compare(op, actual, expected), []


def _compare(op: str, actual, expected) -> bool:
    if op == "starts_with":
        values = actual if isinstance(actual, tuple) else (str(actual),)
        return any(v.startswith(str(expected)) for v in values)
    if op == "in":
        return any(_eq(actual, e) for e in expected)
    if op in ("is", "equals"):
        return _eq(actual, expected)
    expected = _like(actual, expected)
    return {
        "gt": actual > expected,
        "gte": actual >= expected,
        "lt": actual < expected,
        "lte": actual <= expected,
    }[op]


def _eq(actual, expected) -> bool:
    if isinstance(actual, bool):
        return actual == (str(expected).lower() == "true")
    return actual == _like(actual, expected)


def _like(actual, expected):
    if isinstance(actual, date):
        return date.fromisoformat(str(expected))
    if isinstance(actual, tuple):
        return tuple(expected) if isinstance(expected, list | tuple) else (str(expected),)
    return Decimal(str(expected)) if isinstance(actual, Decimal) else type(actual)(expected)


def run_custom(ctx, custom: CustomRule) -> Finding:
    value, missing = evaluate_condition(custom.condition, ctx.fact)
    finding = Finding(value, missing=sorted(set(missing)))
    {True: finding.held, False: finding.failed, None: finding.unknown}[value].append(
        custom.rule.label
    )
    return finding
