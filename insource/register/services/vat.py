"""The standard VAT rate used to gross up values published net or without a VAT basis.

Read from the policy parameter `vat.standard_rate` (dated and cited, VATA 1994 s.2), so the
register and the policy engine can never disagree about it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from insource.policy.params import Parameters


@cache
def _parameters() -> Parameters:
    return Parameters()


def vat_rate_on(on: date) -> Decimal:
    """The standard rate in force on `on`."""
    return Decimal(str(_parameters().read("vat.standard_rate", on).value))
