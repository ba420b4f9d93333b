"""The decision pack (POLICY.md §5): the HTML page and the PDF made from it at publication.

Built only from the signed decision (its stored facts, result and trace), never from the
review's current state, so the pack shows exactly what was decided. No personal data beyond
the signer's and publisher's names: answers' dispute notes and comments are never included.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from insource.core import panels, pdf
from insource.policy.reasons import outcome_sentence
from insource.reviews.decisions.departure_presenters import departure_view
from insource.reviews.presenters import (
    decision_outcome_text,
    outcome_text,
    recommendation,
    threshold_rows,
)


def pack_context(
    decision, *, publisher_name: str = "", published_on=None, for_pdf: bool = False
) -> dict:
    result = decision.result
    facts = decision.facts
    rec = recommendation(result)
    departure = departure_view(decision)
    if departure and departure["standards"]:  # the standards apply to the outcome decided
        rec |= {"standards": departure["standards"], "standards_apply": True}
    return {
        "decision": decision,
        "contract": decision.contract,
        "authority": decision.authority,
        "outcome_text": decision_outcome_text(decision),
        "recommended_text": outcome_sentence(result) or outcome_text(decision.recommended_outcome),
        "rec": rec,
        "departure": departure,
        "threshold": result.get("threshold"),
        "thresholds": threshold_rows(result.get("threshold")),
        "value": result.get("value"),
        "at_risk": facts.get("at_risk", {}),
        "pit": facts.get("public_interest_test", {}),
        "capacity": (facts.get("good_reasons") or {}).get("capacity", {}),
        "facts": facts,
        "panels": panels.collect("decision.pack", decision=decision, for_pdf=for_pdf),
        "publisher_name": publisher_name,
        "published_on": published_on,
        "for_pdf": for_pdf,
    }


def pack_html(decision, *, publisher_name: str, published_on, for_pdf: bool = False) -> str:
    context = pack_context(
        decision, publisher_name=publisher_name, published_on=published_on, for_pdf=for_pdf
    )
    return render_to_string("reviews/pack.html", context)


def pack_render(decision, *, publisher_name: str, published_on) -> tuple[str, bytes]:
    """The pack as published: (HTML fragment for the page, PDF bytes)."""
    html = pack_html(decision, publisher_name=publisher_name, published_on=published_on)
    document = render_to_string("reviews/pack_pdf.html", {"body": html, "decision": decision})
    return html, pdf.html_to_pdf(document)
