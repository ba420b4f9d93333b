"""The standard VAT rate used to gross up values published net or without a VAT basis.

Read from the policy parameter `vat.standard_rate` (dated and cited, VATA 1994 s.2), so the
register and the policy engine can never disagree about it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from insource.policy import params
from insource.policy.params import Parameters

NAME = "vat.standard_rate"


@cache
def _parameters() -> Parameters:
    """Only the VAT parameter's own file (reading every parameter took most of a second of an
    import's start-up); all of them if it is not where its name says."""
    path = params.ROOT.joinpath(*NAME.split(".")).with_suffix(".yaml")
    if not path.exists():
        return Parameters()
    return Parameters({NAME: params.load_file(path, params.ROOT)})


def vat_rate_on(on: date) -> Decimal:
    """The standard rate in force on `on`."""
    return Decimal(str(_parameters().read(NAME, on).value))
