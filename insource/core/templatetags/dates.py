"""`{{ value|date_words }}`: a date, or an ISO date string as stored in facts and results, as
GOV.UK writes it ("6 December 2026", in the active language); '' when there is none."""

from __future__ import annotations

from django import template

from insource.core.dates import long_date

register = template.Library()


@register.filter
def date_words(value) -> str:
    return long_date(value)
