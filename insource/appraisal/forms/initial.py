"""What the appraisal forms start from when a stored line or the settings are changed."""

from __future__ import annotations

from insource.appraisal.forms.appraisal import range_initial


def line_initial(spec: dict, version: int) -> dict:
    """The line form's initial values from a line object of the document."""
    initial = {
        "version": version,
        "label": spec["label"],
        "category": spec["category"],
        "source": spec["source"],
        "kind": "percent" if "percent_of" in spec else "amount",
        "percent_of": spec.get("percent_of", []),
        "timing": spec.get("timing", "annual"),
        "year": spec.get("year"),
        "from_year": spec.get("from_year"),
        "to_year": spec.get("to_year"),
        "optimism_bias": spec.get("optimism_bias", "none"),
        "charitable_relief": spec.get("charitable_relief", False),
    }
    rate = spec.get(
        "irrecoverable_vat_share_pct", spec.get("taxable_share_pct", spec.get("rate_pct"))
    )
    for prefix, value in (
        ("amount", spec.get("amount_gbp")),
        ("rate", rate),
        ("growth", spec.get("real_escalation_pct")),
        ("mitigation", spec.get("optimism_bias_mitigation_pct")),
    ):
        initial |= range_initial(prefix, value)
        if isinstance(value, dict):
            initial["distribution"] = value.get("distribution", "pert")
    return initial


def settings_initial(appraisal) -> dict:
    """The settings form's initial values."""
    initial = {
        "version": appraisal.version,
        "title": appraisal.title,
        "term_years": appraisal.term_years,
        "price_base": appraisal.price_base,
    }
    value = appraisal.gdp_deflator_pct
    if isinstance(value, dict):
        initial["distribution"] = value.get("distribution", "pert")
    return initial | range_initial("deflator", value)
