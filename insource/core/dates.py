"""Dates as GOV.UK writes them: "6 December 2026" ("6 Rhagfyr 2026" in Welsh).

One formatter for pages, emails, letters, packs and the engine's reasons, so that no page mixes
"2026-10-01" with "1 October 2026" (issue 18)."""

from __future__ import annotations

from datetime import date, datetime

from django.utils.formats import date_format


def long_date(value: date | datetime | str | None) -> str:
    """A date, a datetime or an ISO date string in words, in the active language; "" for none.

    A string that is not an ISO date is returned as it is (a stored fact may hold free text)."""
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
