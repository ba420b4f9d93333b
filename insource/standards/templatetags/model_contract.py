"""`{% model_contract_link contract %}`: the contract page's link to its model contract, shown
only when a signed decision keeps the contract outsourced."""

from django import template

from insource.standards.model_contract.selectors import has_outsourcing_decision

register = template.Library()


@register.inclusion_tag("standards/model_contract/includes/link.html")
def model_contract_link(contract):
    """The link, or nothing."""
    code = contract.reviewing_authority.code
    show = bool(code) and has_outsourcing_decision(contract)
    return {"contract": contract, "code": code, "show": show}
