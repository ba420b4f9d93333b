"""How a contract is named to people (issue 18): its published title, or, when none was
published (most Contracts Finder awards), "<service> for <authority>, with <supplier>" — never
an import key. Every page, list, pack and email names a contract through
`contract_service_name` (templates: `{{ contract|service_name }}` from `contract_names`)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from insource.register.cpv import cpv_description

LONGEST = 300


def supplier_of(contract) -> str:
    """The supplier's name as published ("; "-joined when several), or '' when none is known."""
    return (contract.supplier_names or "").strip()


def _authority(contract) -> str:
    """The full name of the authority the contract is for ("Leicestershire County Council")."""
    authority = contract.reviewing_authority
    return authority.name if authority is not None else contract.buyer_name


def _service(contract) -> str:
    described = cpv_description(contract.main_cpv) if contract.main_cpv else ""
    return described[:1].upper() + described[1:] if described else _("A contract")


def contract_service_name(contract, *, formerly: bool = False) -> str:
    """The contract's title, else "<service> for <authority>, with <supplier>" (the CPV
    description is the service; "formerly with" once the service has come home)."""
    if contract.title:
        return contract.title[:LONGEST]
    values = {
        "service": _service(contract),
        "authority": _authority(contract),
        "supplier": supplier_of(contract),
    }
    if not values["supplier"]:
        text = _("%(service)s for %(authority)s")
    elif formerly:
        text = _("%(service)s for %(authority)s, formerly with %(supplier)s")
    else:
        text = _("%(service)s for %(authority)s, with %(supplier)s")
    return (text % values)[:LONGEST]
