"""What the sharing services refuse or hold back, shared with the forms (ADR 0045).

The personal-data rule: a template copies figures and codes as they are, and free text (a
line's label and source note, the price base, a clause's title and text, the template's title)
only when nothing in it looks like personal data. The screen looks for what identifies or
contacts a person: an email address, a telephone number, a postcode, a National Insurance
number, or a name after a title (Mr, Mrs, Ms, Dr, Cllr...). A screen cannot find every name,
so a line's label and note are copied only when the officer also confirms them, one by one;
anything else is replaced with neutral words, and the template says how many were held back.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

SCREEN = (
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("phone", re.compile(r"(?:\+44\s?(?:\(0\)\s?)?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")),
    ("postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b")),
    ("ni_number", re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?(?:\d{2}\s?){3}[A-D]\b")),
    (
        "name",
        re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Cllr|Councillor|Sir|Dame)\.?\s+[A-Z][\w'-]+"),
    ),
)
# What each finding is called on the pages; `not_confirmed`: the officer did not confirm it.
WHY = {
    "email": _("an email address"),
    "phone": _("a telephone number"),
    "postcode": _("a postcode"),
    "ni_number": _("a National Insurance number"),
    "name": _("a person's name"),
    "not_confirmed": _("not confirmed by the officer"),
}

WITHHELD_SOURCE = "Not shared by the publishing authority: record your own source"


def personal_data_in(text: str) -> str | None:
    """What the text seems to hold that identifies or contacts a person (a key of `WHY`:
    "email"...), or None when the screen finds nothing."""
    for code, pattern in SCREEN:
        if pattern.search(text or ""):
            return code
    return None


def clean_line(spec: dict, *, confirmed: bool, label_words: str) -> tuple[dict, list[dict]]:
    """A cost line fit to share, and what was held back from it: the label becomes the
    category's words and the note a neutral sentence unless confirmed and screened clean."""
    shared, held = dict(spec), []
    for field, neutral in (("label", label_words), ("source", WITHHELD_SOURCE)):
        found = personal_data_in(spec.get(field, ""))
        if found or not confirmed:
            shared[field] = neutral[:200]
            held.append({"line": spec["id"], "field": field, "why": found or "not_confirmed"})
    return shared, held
