"""How a contract's service is named to people: its published title, or, when none was
published (most Contracts Finder awards), who bought it from whom."""

from __future__ import annotations

from django.utils.translation import gettext as _


def contract_service_name(contract, *, formerly: bool = False) -> str:
    """The contract's title, else "<buyer>: the service contracted to <supplier>" ("formerly
    contracted" once the service has come home)."""
    if contract.title:
        return contract.title[:300]
    if formerly:
        text = _("%(buyer)s: the service formerly contracted to %(supplier)s")
    else:
        text = _("%(buyer)s: the service contracted to %(supplier)s")
    supplier = contract.supplier_names or _("a supplier not named")
    return (text % {"buyer": contract.buyer_name, "supplier": supplier})[:300]
