"""A decision's title and summary in Welsh and English, which an authority in Wales must give
before it publishes (Welsh Language Standards; ADR 0035). One check, called by the publish form
(every missing field shown at once) and by the service (which refuses)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from insource.core.bilingual import publishes_in_welsh

TEXT_FIELDS = ("title_cy", "summary_cy", "title_en", "summary_en")
MISSING = {
    "title_cy": _("Enter the title of the decision in Welsh"),
    "summary_cy": _("Enter a summary of the decision in Welsh"),
    "title_en": _("Enter the title of the decision in English"),
    "summary_en": _("Enter a summary of the decision in English"),
}


def texts_missing(*, authority, texts: dict | None) -> dict[str, str]:
    """{field: error} for each text an authority in Wales has not given; {} elsewhere."""
    if not publishes_in_welsh(authority):
        return {}
    texts = texts or {}
    return {f: str(MISSING[f]) for f in TEXT_FIELDS if not (texts.get(f) or "").strip()}


def texts_clean(*, authority, texts: dict | None) -> dict[str, str]:
    """The texts as stored: stripped, and only for an authority that publishes in Welsh."""
    if not publishes_in_welsh(authority):
        return {}
    return {f: (texts or {}).get(f, "").strip() for f in TEXT_FIELDS}
