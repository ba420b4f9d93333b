"""The decision pack (POLICY.md §5): the HTML page and the PDF made from it at publication.

Built only from the signed decision (its stored facts, result and trace), never from the
review's current state, so the pack shows exactly what was decided. No personal data beyond
the signer's and publisher's names: answers' dispute notes and comments are never included.
"""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from insource.core import panels, pdf
from insource.core.bilingual import each_language, publishes_in_welsh
from insource.policy import PresetError
from insource.policy.presets import get_preset
from insource.policy.reasons import outcome_sentence
from insource.register.naming import contract_service_name, supplier_of
from insource.reviews.comments.presenters import pack_say
from insource.reviews.decisions.departure_presenters import departure_view
from insource.reviews.decisions.explanation import explanation
from insource.reviews.presenters import (
    decision_outcome_text,
    outcome_text,
    outcome_title,
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
    nature = (facts.get("contract") or {}).get("nature") or decision.contract.nature
    return {
        "decision": decision,
        "contract": decision.contract,
        "contract_name": contract_service_name(decision.contract),
        "supplier": supplier_of(decision.contract),
        "authority": decision.authority,
        "outcome_text": decision_outcome_text(decision),
        "outcome_title": outcome_title(decision.outcome),
        "recommended_title": outcome_title(decision.recommended_outcome),
        "explanation": explanation(result),
        "policy_name": policy_name(decision.policy_version),
        "recommended_text": outcome_sentence(result) or outcome_text(decision.recommended_outcome),
        "rec": rec,
        "departure": departure,
        "threshold": result.get("threshold"),
        "thresholds": threshold_rows(result.get("threshold"), nature),
        "value": result.get("value"),
        "at_risk": facts.get("at_risk", {}),
        "pit": facts.get("public_interest_test", {}),
        "capacity": (facts.get("good_reasons") or {}).get("capacity", {}),
        "facts": facts,
        "say": pack_say(decision),
        "panels": panels.collect("decision.pack", decision=decision, for_pdf=for_pdf),
        "publisher_name": publisher_name,
        "published_on": published_on,
        "for_pdf": for_pdf,
    }


def policy_name(version: dict | None) -> str:
    """The policy a decision was made under, by its label ("Labour 2019 local insourcing")."""
    name = (version or {}).get("preset") or ""
    try:
        return get_preset(name).label
    except PresetError:
        return name


def pack_html(
    decision, *, publisher_name: str, published_on, for_pdf: bool = False, texts=None
) -> str:
    """The pack in English; for an authority in Wales, in Welsh then in English, each part
    headed by the officer's title and summary in its language (ADR 0035)."""

    def one() -> str:
        context = pack_context(
            decision, publisher_name=publisher_name, published_on=published_on, for_pdf=for_pdf
        )
        return render_to_string("reviews/pack.html", context)

    welsh = publishes_in_welsh(decision.authority)
    parts = each_language(one, welsh=welsh)
    if not welsh:
        return parts[0][1]
    texts = texts or {}
    sections = [
        {
            "lang": language[:2],
            "title": texts.get(f"title_{language[:2]}", ""),
            "summary": texts.get(f"summary_{language[:2]}", ""),
            "html": mark_safe(html if n == 0 else ids_prefixed(html, language[:2])),
        }
        for n, (language, html) in enumerate(parts)
    ]
    return render_to_string("reviews/pack_bilingual.html", {"sections": sections})


_ID_ATTRIBUTES = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]+)"')


def ids_prefixed(html: str, prefix: str) -> str:
    """The second language's copy of the pack with its ids (and what points at them) prefixed,
    so one page holding both has no duplicate id."""
    html = _ID_ATTRIBUTES.sub(
        lambda m: f'{m[1]}="' + " ".join(f"{prefix}-{v}" for v in m[2].split()) + '"', html
    )
    return re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', html)


def pack_render(decision, *, publisher_name: str, published_on, texts=None) -> tuple[str, bytes]:
    """The pack as published: (HTML fragment for the page, PDF bytes)."""
    html = pack_html(
        decision, publisher_name=publisher_name, published_on=published_on, texts=texts
    )
    return html, pack_pdf(decision, html)


def pack_pdf(decision, html: str) -> bytes:
    """The PDF of a pack's HTML (the slow part: the worker makes it after publication)."""
    welsh = publishes_in_welsh(decision.authority)
    title = " / ".join(
        text for _language, text in each_language(lambda: _("Decision pack"), welsh=welsh)
    )
    context = {"body": html, "decision": decision, "lang": "cy" if welsh else "en-gb"}
    document = render_to_string("reviews/pack_pdf.html", context | {"title": title})
    return pdf.html_to_pdf(document)
