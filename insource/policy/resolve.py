"""Resolve the outcome from priority levels (Catala-style default logic), and find exactly the
unknown facts that could change it (`missing_evidence`)."""

from __future__ import annotations

from dataclasses import dataclass

from insource.policy.tri import Finding


@dataclass(frozen=True)
class Candidate:
    rule_id: str
    outcome: str
    finding: Finding


@dataclass(frozen=True)
class Level:
    step: str
    priority: int
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class Run:
    levels: list[Level]
    at_risk: Finding | None
    alternative: tuple[Level, ...]
    #: an outcome that stands until the facts it is missing are known (step 0, open counterparty)
    provisional: Candidate | None = None


def first_established(levels) -> int | None:
    for i, level in enumerate(levels):
        if any(c.finding.value is True for c in level.candidates):
            return i
    return None


def outcome_of(levels) -> tuple[str | None, list[str], list[Candidate]]:
    """(outcome or None on conflict, candidate outcomes, grounds in order)."""
    i = first_established(levels)
    chosen = [c for c in levels[i].candidates if c.finding.value is True]
    outcomes = sorted({c.outcome for c in chosen})
    step = levels[i].step
    others = [
        c
        for lv in levels[i + 1 :]
        if lv.step == step
        for c in lv.candidates
        if c.finding.value is True and lv.priority < 10**6
    ]
    return (outcomes[0] if len(outcomes) == 1 else None), outcomes, chosen + others


def unknowns_before(levels, outcome: str | None) -> list[str]:
    """Facts of possible (unknown) candidates ahead of the deciding level, whose outcome differs."""
    end = first_established(levels)
    return [
        m
        for lv in levels[:end]
        for c in lv.candidates
        if c.finding.value is None and (outcome is None or c.outcome != outcome)
        for m in c.finding.missing
    ]


def alternative_unknowns(run: Run, outcome: str | None) -> list[str]:
    """On the precautionary path: the limbs (and the other track's unknowns) if completing the
    limbs to false could give a different outcome."""
    if not run.alternative:
        return []
    end = first_established(run.alternative)
    reachable = [
        c
        for lv in run.alternative[: end + 1]
        for c in lv.candidates
        if c.finding.value is not False and c.outcome != outcome
    ]
    if not reachable:
        return []
    return list(run.at_risk.missing) + [m for c in reachable for m in c.finding.missing]
