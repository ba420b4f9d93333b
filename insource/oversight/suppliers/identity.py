"""One supplier identity across sources: the register holds a `Supplier` per source key, so the
same company reached through Contracts Finder and Find a Tender is several rows. They are one
supplier when they share a company number (GB-COH), a charity number (GB-CHC) or another
published identifier (GB-PPON...); a supplier with none is only itself."""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet

from insource.register.models import Supplier
from insource.standards.payroll.published_gpg import normalise_company_number

SLUG = re.compile(
    r"^(?:GB-COH-[0-9A-Z]{8}|GB-CHC-[0-9A-Z-]{1,20}|[A-Z]{2}-[A-Z]{2,10}-[\w.-]{1,60}|s\d{1,12})$"
)


def company_number(value: str | None) -> str:
    """A company number as the gender pay gap join normalises it; '' for none and for a
    placeholder of zeros (published as 00000000 by buyers who had none: not one company)."""
    number = normalise_company_number(value)
    return number if number.strip("0") else ""


def identity_of(supplier: Supplier) -> str:
    """The supplier's identity, as its page's URL names it."""
    number = company_number(supplier.company_number)
    if not number and supplier.identifier_scheme == "GB-COH":
        number = company_number(supplier.identifier_id)
    if number:
        return f"GB-COH-{number}"
    if supplier.charity_number:
        return f"GB-CHC-{supplier.charity_number.strip().upper()}"
    if supplier.identifier_scheme and supplier.identifier_id:
        return f"{supplier.identifier_scheme}-{supplier.identifier_id}".upper()
    return f"s{supplier.pk}"


def suppliers_of(identity: str) -> QuerySet[Supplier]:
    """Every register supplier row with this identity (none for a malformed one)."""
    identity = (identity or "").strip()
    if not SLUG.match(identity):
        return Supplier.objects.none()
    if identity.startswith("s"):
        return Supplier.objects.filter(pk=int(identity[1:]))
    if identity.startswith("GB-COH-"):
        number = company_number(identity.removeprefix("GB-COH-"))
        if not number:
            return Supplier.objects.none()
        return Supplier.objects.filter(
            Q(company_number=number) | Q(identifier_scheme="GB-COH", identifier_id=number)
        )
    if identity.startswith("GB-CHC-"):
        number = identity.removeprefix("GB-CHC-")
        return Supplier.objects.filter(
            Q(charity_number__iexact=number) | Q(identifier_scheme="GB-CHC", identifier_id=number)
        )
    scheme, number = _split(identity)
    return Supplier.objects.filter(identifier_scheme__iexact=scheme, identifier_id__iexact=number)


def _split(identity: str) -> tuple[str, str]:
    """`GB-PPON-PXLY-5862-RMML` → (`GB-PPON`, `PXLY-5862-RMML`): the scheme is two parts."""
    country, scheme, rest = identity.split("-", 2)
    return f"{country}-{scheme}", rest
