"""When a review is due, and when it is at risk of lateness or late (POLICY.md §1). Pure.

The next decision point of a contract is its current end date when an extension option remains
(the option falls to be exercised then), else its maximum end date; once a point has passed,
the next one counts. A terminated contract is decided at once. Lead time and warning are dated
policy parameters (`review.lead_time_months`, `review.warn_months`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from insource.policy.params import Parameters
from insource.register.selectors.pipeline import add_months

EXTENSION, EXPIRY, TERMINATION = "extension-option", "expiry", "termination"


@dataclass(frozen=True)
class DecisionPoint:
    on: date
    trigger: str


def decision_point(
    *, end_on: date | None, max_end_on: date | None, is_terminated: bool, on: date
) -> DecisionPoint | None:
    """The contract's next decision point as seen on `on`; None without any end date."""
    if is_terminated:
        return DecisionPoint(min(d for d in (end_on, on) if d), TERMINATION)
    points = []
    if end_on and max_end_on and end_on < max_end_on:
        points.append(DecisionPoint(end_on, EXTENSION))
    if max_end_on or end_on:
        points.append(DecisionPoint(max(d for d in (end_on, max_end_on) if d), EXPIRY))
    if not points:
        return None
    upcoming = [p for p in points if p.on >= on]
    return upcoming[0] if upcoming else points[-1]


@cache
def _parameters() -> Parameters:
    return Parameters()


def param_value(name: str, on: date):
    """A policy parameter's value in force on `on`."""
    return _parameters().read(name, on).value


def months_param(name: str, on: date) -> int:
    """A whole-months policy parameter in force on `on`."""
    return int(param_value(name, on))


def opens_from(point_on: date, on: date) -> date:
    """The first day a review of this decision point is due (lead time before it)."""
    return add_months(point_on, -months_param("review.lead_time_months", on))


def lateness(*, point_on: date, is_signed: bool, on: date) -> str | None:
    """`late` (unsigned at or after the decision point), `at-risk` (unsigned within the warning
    period before it) or None."""
    if is_signed:
        return None
    if on >= point_on:
        return "late"
    if on >= add_months(point_on, -months_param("review.warn_months", on)):
        return "at-risk"
    return None
