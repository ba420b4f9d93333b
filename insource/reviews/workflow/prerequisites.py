"""One list of procedural prerequisites, checked the same way everywhere.

Consultation, the equality impact assessment, a named decision-maker and the key-decision
notice (28 clear days in England) are the engine's `procedure.prerequisites` rule; what differs
between the review panel, "Send for decision" and signing is only the date they are checked
against. This module decides that date and asks the engine, so the three can never disagree:

- before signing (panel, send): the planned decision date, or today once it has passed or when
  none is planned (a decision cannot be taken in the past);
- at signing: the day it is signed.

The panel also says when signing today instead of on the planned date would change the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from insource.policy import PolicyError, evaluate

PLANNED, TODAY, SIGNING = "planned", "today", "signing"


@dataclass(frozen=True)
class PrerequisiteCheck:
    """The prerequisites not met on `checked_on` (`basis` says why that date), each a dict with
    `fact` and `reason`; `planned_on` is the planned decision date, if any."""

    checked_on: date
    basis: str
    planned_on: date | None
    items: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.items

    @property
    def planned_passed(self) -> bool:
        return self.planned_on is not None and self.planned_on < self.checked_on

    def refusal(self) -> str:
        """The sentence services raise when a prerequisite is not met."""
        items = "; ".join(i["reason"] for i in self.items)
        when = self.checked_on.strftime("%-d %B %Y")
        return f"The decision cannot be taken on {when} until these are done: {items}"


def check_date(*, on: date, planned_on: date | None, signing: bool) -> tuple[date, str]:
    """The date to check against, and why (see the module's docstring)."""
    if signing:
        return on, SIGNING
    if planned_on is not None and planned_on >= on:
        return planned_on, PLANNED
    return on, TODAY


def prerequisites_check(
    facts: dict,
    *,
    on: date,
    planned_on: date | None,
    signing: bool = False,
    result: dict | None = None,
) -> PrerequisiteCheck:
    """The prerequisites of the review's `facts`, checked against the date `check_date` picks.

    `result` is an evaluation of `facts` already made (reused when its date is the one
    checked). Facts the engine cannot evaluate give one item saying so."""
    checked_on, basis = check_date(on=on, planned_on=planned_on, signing=signing)
    if result is None or result.get("decision_on") != checked_on.isoformat():
        try:
            result = evaluate({**facts, "decision_on": checked_on.isoformat()}).to_dict()
        except PolicyError as error:
            items = [{"fact": "decision_on", "reason": f"facts that can be evaluated ({error})"}]
            return PrerequisiteCheck(checked_on, basis, planned_on, items)
    return PrerequisiteCheck(checked_on, basis, planned_on, list(result.get("prerequisites", [])))


def planned_on_of(answers) -> date | None:
    """The planned decision date among a review's answers (path `decision_on`)."""
    for answer in answers:
        if answer.path == "decision_on" and answer.value and not answer.is_disputed:
            return date.fromisoformat(answer.value)
    return None
