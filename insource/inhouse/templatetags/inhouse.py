"""`{{ value|measure }}`: a KPI figure without trailing zeros. Formatting only: nothing here
queries (the in-house panels on other apps' pages are registered: `insource/inhouse/panels.py`)."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def measure(value) -> str:
    """96.5000 -> 96.5; 100.0000 -> 100 (never 1E+2)."""
    if value is None:
        return ""
    text = format(Decimal(value).normalize(), "f")
    return text
