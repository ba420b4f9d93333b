"""`{{ value|date_words }}`: a date, or an ISO date string as stored in facts and results, as
GOV.UK writes it ("6 December 2026", in the active language); '' when there is none."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils.formats import date_format

register = template.Library()


@register.filter
def date_words(value) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime):
        value = value.date()
    return date_format(value, "j F Y")
