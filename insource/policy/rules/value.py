"""Which value and which threshold (POLICY.md §2 "Which value and which threshold"; §3).

Legal basis: Procurement Act 2023 s.4 and Sch. 3 (estimated value: whole term incl. VAT, options
and extensions; related lots aggregated) and Sch. 1 (threshold amounts, as amended by SI 2025/1200
from 1 January 2026); Value Added Tax Act 1994 s.2 (standard rate, for grossing up net values).
"""

from __future__ import annotations

from decimal import Decimal

from insource.policy.rules.base import rule
from insource.policy.tri import Finding

CATEGORY = {"sub-central": "sub_central", "central": "central", "utility": "utility"}
NATION = {
    "England": "england",
    "Wales": "wales",
    "Scotland": "scotland",
    "Northern Ireland": "northern_ireland",
}


@rule(
    "value.next_term",
    "Value of the next term, incl. VAT",
    "Procurement Act 2023 s.4, Sch. 3; VATA 1994 s.2",
    "value_inc_vat is the estimated value of the next term, whole life, including VAT, options "
    "and extensions. A value stated exc or unknown is grossed up at the standard VAT rate and "
    "marked as an estimate.",
    since="2011-01-04",
)
def next_term_value(ctx) -> Finding:
    value, basis = ctx.fact("contract.value_inc_vat"), ctx.fact("contract.value_vat_basis")
    if value is None:
        return Finding(None, unknown=["the value"], missing=["contract.value_inc_vat"])
    if basis == "inc":
        data = {"value_inc_vat": value, "stated": value, "estimate": False}
        return Finding(True, held=["the value is stated incl. VAT"], data=data)
    grossed = (value * (1 + ctx.param("vat.standard_rate"))).quantize(Decimal("0.01"))
    why = f"the value is stated {'excl. VAT' if basis == 'exc' else 'without a VAT basis'}"
    data = {"value_inc_vat": grossed, "stated": value, "estimate": True}
    return Finding(True, held=[f"{why}: grossed up at the standard rate"], data=data)


def nature_classes(nature, cpv, light_touch, goods_divisions) -> set[str]:
    """The threshold natures the contract could fall under (one when the facts say which)."""
    if nature is None and cpv:
        nature = "works" if any(c.startswith("45") for c in cpv) else "services"
    natures = [nature] if nature else ["services", "works", "concession"]
    lt = [light_touch] if light_touch is not None else [True, False]
    return {_nature_class(n, t) for n in natures for t in lt}


def _nature_class(nature: str, light_touch: bool) -> str:
    if nature == "works":
        return "works"
    if nature == "concession":
        return "light_touch_concession" if light_touch else "concession"
    return "light_touch" if light_touch else "supplies_services"


@rule(
    "value.threshold",
    "The threshold that applies",
    "Procurement Act 2023 Sch. 1; SI 2025/1200",
    "The threshold is the one in force on procurement_start_on, else on decision_on: a table "
    "keyed on regime, the authority's procurement category, nature and date.",
    since="2025-02-24",
)
def threshold(ctx) -> Finding:
    start = ctx.fact("procurement_start_on")
    on = start or ctx.on
    names = _names(ctx, ctx.fact("authority.nation"))
    options = {key: ctx.param(name, on) for key, name in sorted(names.items())}
    source = "procurement start" if start else "decision"
    return Finding(
        True,
        held=[f"the threshold in force on the {source} date, {on.isoformat()}"],
        data={"on": on, "options": options, "parameters": names},
    )


def _names(ctx, nation) -> dict[str, str]:
    """The candidate threshold parameters, keyed by nature (and category when it is unknown)."""
    category = ctx.fact("authority.procurement_category")
    categories = [category] if category else list(CATEGORY)
    classes = nature_classes(
        ctx.fact("contract.nature"),
        ctx.fact("contract.cpv"),
        ctx.fact("contract.is_light_touch"),
        (),
    )
    return {
        (c if category else f"{cat}.{c}"): threshold_name(ctx, nation, CATEGORY[cat], c)
        for cat in categories
        for c in classes
    }


def threshold_name(ctx, nation, category, nature_class) -> str:
    """Thresholds under the nation's own name when it has them, else the UK-wide figures."""
    base = "thresholds.procurement_act_2023"
    own = f"{base}.{NATION.get(nation, 'uk')}.{category}.{nature_class}"
    return own if own in ctx.view.parameters.params else f"{base}.uk.{category}.{nature_class}"
