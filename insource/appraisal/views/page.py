"""The appraisal page's context: settings, the options' cost lines, the forms, the latest run
with its charts, the earlier runs, and the review's current recommendation beside them."""

from __future__ import annotations

from datetime import date

from insource.appraisal import selectors
from insource.appraisal.forms.runs import LoadForm, RunForm
from insource.appraisal.presenters import options_table, results_view, value_text
from insource.authorities.roles import Capability
from insource.core import panels
from insource.reviews.presenters import recommendation
from insource.reviews.services.states import edit_refusal


def page_context(access, review, appraisal, *, on: date, forms=None) -> dict:
    """Everything appraisal.html shows."""
    forms = forms or {}
    context = {
        "access": access,
        "review": review,
        "contract": review.contract,
        "appraisal": appraisal,
        "can_edit": access.can(Capability.EDIT_REVIEW) and edit_refusal(review) is None,
        "lock": edit_refusal(review),
        "rec": recommendation(review.evaluation.get("result", {})),
        "nav_reviews": True,
        "panels": panels.collect(
            "appraisal.page",
            review=review,
            appraisal=appraisal,
            can={c.value.replace("-", "_"): access.can(c) for c in Capability},
        ),
    }
    if appraisal is None:
        return context
    lines = selectors.lines_of(appraisal)
    latest = selectors.run_latest(appraisal)
    context |= {
        "options": options_table(lines),
        "num_lines": len(lines),
        "deflator": value_text(appraisal.gdp_deflator_pct, "%"),
        "run_form": forms.get("run") or RunForm(),
        "load_form": forms.get("load") or LoadForm(initial={"version": appraisal.version}),
        "latest": results_view(latest) if latest else None,
        "is_stale": latest is not None and not selectors.run_is_current(appraisal, lines, latest),
        "runs": selectors.runs_of(appraisal),
    }
    return context
