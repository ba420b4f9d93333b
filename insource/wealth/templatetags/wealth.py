"""`{% contract_wealth_panel contract authority on can_record %}` (the review page's community
wealth panel) and `{% authority_wealth_public authority on %}` (the public authority page's
figures and pictures). Each calls one selector and renders the app's own template; the date is
the view's (time is an argument: no clock here)."""

from django import template

from insource.wealth import presenters
from insource.wealth.report import authority_wealth, contract_wealth

register = template.Library()


@register.inclusion_tag("wealth/includes/contract_panel.html")
def contract_wealth_panel(contract, authority, on, can_record=False):
    """The contract's local, SME and VCSE shares, recorded jobs and LM3 estimate."""
    view = contract_wealth(authority=authority, contract=contract, on=on)
    if view is None:
        return {"view": None}
    return presenters.contract_figures(view) | {"can_record": can_record, "code": authority.code}


@register.inclusion_tag("wealth/includes/public_figures.html")
def authority_wealth_public(authority, on):
    """Public figures from the register only: no officer-recorded jobs or survey figures."""
    report = authority_wealth(authority=authority, on=on, with_officer_figures=False)
    return presenters.authority_figures(report, public=True)
