"""The standard VAT rate used to gross up values published net or without a VAT basis."""

from __future__ import annotations

from datetime import date
from decimal import Decimal


def vat_rate_on(on: date) -> Decimal:
    """The standard rate in force on `on` (VATA 1994 s.2: 20% since 2011-01-04)."""
    return Decimal("0.20")
