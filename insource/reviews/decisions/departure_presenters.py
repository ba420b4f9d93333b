"""What the pages and the decision pack show of a departure from the recommendation
(POLICY.md §2): the sign form's choices with the conditions to answer, and a signed departure
beside the engine's recommendation. Presentation only."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from insource.core import plain_words as plain
from insource.policy.departure import CAPACITY
from insource.policy.reasons import outcome_sentence
from insource.reviews.decisions.explanation import explanation
from insource.reviews.presenters import (
    STATUS_LABELS,
    decision_outcome_text,
    outcome_text,
    standards_rows,
)

CONDITION_STATUS = {"unmet": _("Not met"), "unknown": _("Not known")}
KIND_LABELS = {
    "towards-outsourcing": _("Departs from the recommendation towards outsourcing"),
    "towards-presumption": _("Departs from the recommendation towards in-house delivery"),
    "other": _("Departs from the recommendation"),
}


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _departure_block(form, outcome: str) -> dict | None:
    conditions = form.departures.get(outcome)
    if conditions is None:
        return None
    return {
        "is_capacity": outcome == CAPACITY,
        "conditions": [
            {
                "field": form[form.why_name(outcome, c["key"])],
                "condition": _capfirst(c["condition"]),
                "status": c["status"],
                "status_label": CONDITION_STATUS[c["status"]],
            }
            for c in conditions
        ],
    }


def sign_choices(form) -> list[dict]:
    """The sign form's outcomes, each with the reason fields a departure towards it must answer
    (bound, so what was typed and its errors show) and whether it needs a re-review date."""
    chosen = form["outcome"].value()
    return [
        {
            "value": value,
            "label": label,
            "checked": value == chosen,
            "departure": _departure_block(form, value),
        }
        for value, label in form.fields["outcome"].choices
    ]


def _advice(decision):
    try:
        return decision.advice
    except AttributeError:  # RelatedObjectDoesNotExist: none recorded yet
        return None


def blocking_standards(standards: dict) -> list[str]:
    """The mandatory standards unmet or not yet known, in number order."""
    found = [
        k
        for k, v in standards.items()
        if v.get("mandatory") and v["status"] in ("unmet", "unknown")
    ]
    return sorted(found, key=lambda k: int(k[2:]))


def departure_view(decision) -> dict | None:
    """A signed departure beside the engine's recommendation: both outcomes, both sets of
    reasons, each condition with the decision-maker's reason, the decision's status and the
    mandatory standards that block it, the re-review date and the monitoring officer's advice.
    None when the decision follows the recommendation."""
    if decision is None or not decision.departs:
        return None
    standards = decision.standards or {}
    return {
        "kind": decision.departure_kind,
        "kind_label": KIND_LABELS.get(decision.departure_kind, KIND_LABELS["other"]),
        "towards_outsourcing": decision.is_departure_towards_outsourcing,
        "recommended": decision.recommended_outcome,
        "recommended_text": outcome_sentence(decision.result)
        or outcome_text(decision.recommended_outcome),
        "engine_reasons": explanation(decision.result or {})["summary"],
        "decided": decision.outcome,
        "decided_text": decision_outcome_text(decision),
        "reason": decision.reason,
        "conditions": [
            {
                "condition": _capfirst(c["condition"]),
                "status_label": CONDITION_STATUS.get(c["status"], c["status"]),
                "reason": c["reason"],
            }
            for c in decision.departure_reasons
        ],
        "status": decision.status,
        "status_label": STATUS_LABELS.get(decision.status, decision.status),
        "blocking": blocking_standards(standards),
        "blocking_titles": [str(plain.standard(k).title) for k in blocking_standards(standards)],
        "standards": standards_rows({"standards": standards}) if standards else [],
        "re_review_on": decision.re_review_on,
        "advice": _advice(decision),
    }
