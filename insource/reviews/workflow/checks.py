"""Checks on the workflow details a review records beside the engine's facts (pure).

The engine decides the outcome; these say whether the staff transfer and consultation timeline
the officer recorded keeps the law and the plan, so problems show before the decision:
employee liability information at least `tupe.eli_days_before_transfer` days before transfer
(TUPE reg. 11), unions consulted before the transfer, a capacity re-review date in the future.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from django.utils.translation import gettext as _

from insource.reviews.workflow.timing import param_value


def _date(value) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def workflow_warnings(answers: Mapping[str, object], *, on: date) -> list[str]:
    """Plain-English warnings about the recorded timeline; empty when nothing is wrong."""
    transfer = _date(answers.get("workflow.workforce.transfer_on"))
    eli = _date(answers.get("workflow.workforce.eli_on"))
    unions = _date(answers.get("workflow.workforce.unions_consulted_on"))
    warnings = []
    if transfer:
        days = int(param_value("tupe.eli_days_before_transfer", on))
        if eli is None:
            warnings.append(
                _(
                    "Employee liability information has not been received yet: it "
                    "is due at least %(days)s days before the transfer on %(on)s"
                )
                % {"days": days, "on": transfer.isoformat()}
            )
        elif eli > transfer - timedelta(days=days):
            warnings.append(
                _(
                    "Employee liability information arrived %(n)s days before the "
                    "transfer: TUPE regulation 11 requires at least %(days)s"
                )
                % {"n": (transfer - eli).days, "days": days}
            )
        if unions is None or unions >= transfer:
            warnings.append(_("Consult the recognised trade unions before the staff transfer"))
    re_review = _date(answers.get("good_reasons.capacity.re_review_on"))
    if re_review and re_review <= on:
        warnings.append(_("The capacity re-review date has passed"))
    return warnings
