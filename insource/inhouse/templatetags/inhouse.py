"""`{{ value|measure }}` (a KPI figure without trailing zeros), and the links to the "Brought
home" pages from the public authority page (`{% authority_brought_home authority %}`) and the
public contract page (`{% contract_brought_home contract %}`): each calls one selector and
renders the app's own template."""

from decimal import Decimal

from django import template

from insource.inhouse import selectors
from insource.inhouse.figures import kpi_figures

register = template.Library()


@register.filter
def measure(value) -> str:
    """96.5000 -> 96.5; 100.0000 -> 100 (never 1E+2)."""
    if value is None:
        return ""
    text = format(Decimal(value).normalize(), "f")
    return text


@register.inclusion_tag("inhouse/includes/authority_link.html")
def authority_brought_home(authority):
    """The authority's services brought home, with a link to each and to the national list."""
    return {"services": selectors.services_of(authority=authority)}


@register.inclusion_tag("inhouse/includes/contract_link.html")
def contract_brought_home(contract):
    """A link to the service the contract became, if it was brought home; else the contract's
    KPI ratings, if any (published: what MS9 counts as a published assessment)."""
    service = selectors.service_of_contract(contract)
    kpis = [] if service else selectors.kpis_of(contract=contract)
    return {"service": service, "kpis": [kpi_figures(k) for k in kpis]}
