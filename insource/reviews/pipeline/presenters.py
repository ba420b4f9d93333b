"""The expiry pipeline as a file ("Download these results", `register/exporters/downloads.py`):
its columns for officers (with the provisional screening and the review's number) and for the
public (an authority's contracts coming up for review: no screening, no review number; the
review's state and lateness are public under the policy). Headers are stable snake_case names,
like the register's CSV; values keep their type (dates, pounds, true/false)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.utils.translation import gettext as _

from insource.reviews.models import ReviewState
from insource.reviews.presenters import review_lateness_tag

STATE_LABELS = dict(ReviewState.choices)


def _review_state(contract) -> str:
    return str(STATE_LABELS.get(contract.review_state, "")) if contract.review_state else ""


def _lateness(on: date) -> Callable:
    def get(contract) -> str:
        tag = review_lateness_tag(contract.review_point_on, contract.review_is_signed, on)
        return str(tag["label"]) if tag else ""

    return get


def _screening(contract) -> str:
    """The provisional screening in words, as the pipeline page's column says it."""
    if not contract.screening_outcome:
        return _("Not screened")
    if not contract.screening_adopted:
        return _("Policy not adopted")
    return str(contract.screening_label)


def pipeline_columns(*, on: date, public: bool) -> dict[str, Callable]:
    """The pipeline's columns (header → value of a contract from `pipeline_screened`)."""
    columns: dict[str, Callable] = {
        "decision_point": lambda c: c.decision_on,
        "contract_id": lambda c: c.pk,
        "title": lambda c: c.title,
        "reviewing_authority": lambda c: c.reviewing_authority.display_name,
        "suppliers": lambda c: c.supplier_names,
        "value_inc_vat": lambda c: c.value_inc_vat,
        "value_is_estimate": lambda c: c.is_value_inc_vat_estimate,
        "end_on": lambda c: c.end_on,
        "max_end_on": lambda c: c.max_end_on,
    }
    if not public:
        columns["provisional_screening"] = _screening
        columns["screening_facts_missing"] = lambda c: c.screening_status == "incomplete"
        columns["review_id"] = lambda c: c.review_pk
    columns["review_state"] = _review_state
    columns["review_lateness"] = _lateness(on)
    return columns
