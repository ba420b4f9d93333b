"""`{{ contract|service_name }}`: a contract's name for people (`register.naming`)."""

from __future__ import annotations

from django import template

from insource.register.naming import contract_service_name

register = template.Library()


@register.filter
def service_name(contract) -> str:
    return contract_service_name(contract) if contract is not None else ""
