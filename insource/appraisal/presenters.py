"""What the appraisal pages and the decision pack show: the figures of a run, its two charts
(with their text alternatives) and the cost lines as people read them."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from insource.appraisal import charts
from insource.appraisal.engine.lines import FIELD_LABELS, SHARE_FIELDS
from insource.appraisal.models import Option

CATEGORY_LABELS = {
    "staff_pay": gettext_lazy("Staff pay"),
    "staff_oncosts": gettext_lazy("Staff on-costs (employer NI, levy)"),
    "pension": gettext_lazy("Pension (LGPS employer contributions)"),
    "tupe": gettext_lazy("Staff transfer (TUPE)"),
    "mobilisation": gettext_lazy("Mobilisation and one-off costs"),
    "capital": gettext_lazy("Capital: assets, fleet, equipment"),
    "financing": gettext_lazy("Financing of assets"),
    "residual_value": gettext_lazy("Residual value of assets (a credit)"),
    "overheads": gettext_lazy("Overheads and support services"),
    "contract_management": gettext_lazy("Client-side contract management"),
    "supplier_price": gettext_lazy("Supplier price or cost base"),
    "profit_margin": gettext_lazy("Supplier's profit margin"),
    "business_rates": gettext_lazy("Business rates"),
    "vat": gettext_lazy("Irrecoverable VAT"),
    "income": gettext_lazy("Income (a credit)"),
    "other": gettext_lazy("Other costs"),
    "company_overheads": gettext_lazy("Company overheads: board, audit, insurance, filing"),
    "corporation_tax": gettext_lazy("Corporation tax on the company's taxable profit"),
    "surplus": gettext_lazy("Surplus kept by the provider (company or co-operative)"),
}


OPTIMISM_LABELS = {
    "outsourcing": gettext_lazy("operating costs (Green Book 'outsourcing')"),
    "standard_buildings": gettext_lazy("standard buildings"),
    "non_standard_buildings": gettext_lazy("non-standard buildings"),
    "standard_civil_engineering": gettext_lazy("standard civil engineering"),
    "non_standard_civil_engineering": gettext_lazy("non-standard civil engineering"),
    "equipment_development": gettext_lazy("equipment and development"),
}

OPTIMISM_CHOICES = (
    ("none", gettext_lazy("None")),
    ("outsourcing", gettext_lazy("Operating costs (Green Book 'outsourcing': 0% to 41%)")),
    ("standard_buildings", gettext_lazy("Standard buildings (2% to 24%)")),
    ("non_standard_buildings", gettext_lazy("Non-standard buildings (4% to 51%)")),
    ("standard_civil_engineering", gettext_lazy("Standard civil engineering (3% to 44%)")),
    ("non_standard_civil_engineering", gettext_lazy("Non-standard civil engineering (6% to 66%)")),
    ("equipment_development", gettext_lazy("Equipment and development (10% to 200%)")),
)


def gbp(x) -> str:
    """£1,234,567 (whole pounds), -£1,234 for a negative figure."""
    return f"-£{-x:,.0f}" if x < 0 else f"£{x:,.0f}"


def value_text(value, unit: str = "") -> str:
    """A number or a range as people read it: "£2,250,000 to £2,550,000, most likely …"."""
    fmt = gbp if unit == "£" else (lambda v: f"{v:g}%")
    if value is None:
        return "—"
    if not isinstance(value, dict):
        return fmt(value)
    dist = _("PERT") if value.get("distribution", "pert") == "pert" else _("triangular")
    return _("%(min)s to %(max)s, most likely %(ml)s (%(dist)s)") % {
        "min": fmt(value["min"]),
        "max": fmt(value["max"]),
        "ml": fmt(value["most_likely"]),
        "dist": dist,
    }


def line_row(line, labels: dict[str, str]) -> dict:
    """One cost line for the appraisal page's table."""
    spec = line.spec
    if "percent_of" in spec:
        field = SHARE_FIELDS.get(spec["category"], "rate_pct")
        of = ", ".join(labels.get(k, k) for k in spec["percent_of"])
        amount = _("%(v)s of %(of)s") % {"v": value_text(spec.get(field), "%"), "of": of}
        when = _("as those lines")
    else:
        amount = value_text(spec.get("amount_gbp"), "£")
        when = _timing(spec)
    extras = [
        f"{FIELD_LABELS[f]}: {value_text(spec[f], '%')}"
        for f in ("real_escalation_pct", "nominal_indexation_pct", "optimism_bias_mitigation_pct")
        if f in spec
    ]
    if spec.get("optimism_bias", "none") != "none":
        kind = OPTIMISM_LABELS.get(spec["optimism_bias"], spec["optimism_bias"])
        extras.insert(0, _("optimism bias: %(t)s") % {"t": kind})
    if spec.get("charitable_relief"):
        extras.append(_("charitable rate relief"))
    return {
        "line": line,
        "category": CATEGORY_LABELS.get(spec["category"], spec["category"]),
        "amount": amount,
        "when": when,
        "extras": extras,
        "source": spec["source"],
    }


def _timing(spec: dict) -> str:
    if spec.get("timing") == "one_off":
        return _("once, in year %(y)s") % {"y": spec.get("year", 0)}
    first, last = spec.get("from_year"), spec.get("to_year")
    if first is None and last is None:
        return _("each year of the term")
    return _("each year from %(a)s to %(b)s") % {"a": first or 1, "b": last or _("the end")}


def options_table(lines) -> list[dict]:
    """The options in order, each with its lines' rows."""
    labels = {(ln.option, ln.key): ln.label for ln in lines}
    table = []
    for option in Option:
        rows = [ln for ln in lines if ln.option == option.value]
        names = {k: v for (o, k), v in labels.items() if o == option.value}
        table.append(
            {
                "key": option.value,
                "label": option.label,
                "rows": [line_row(ln, names) for ln in rows],
            }
        )
    return table


def results_view(run) -> dict:
    """A run's figures, charts and text alternatives."""
    r = run.results
    labels = r["option_labels"]
    dist = r["distribution"]
    options = [
        {
            "key": k,
            "label": labels[k],
            "npc": gbp(v),
            "p10": gbp(dist[k]["p10"]),
            "p50": gbp(dist[k]["p50"]),
            "p90": gbp(dist[k]["p90"]),
        }
        for k, v in r["options"].items()
    ]
    bars = [
        {
            "label": b["label"],
            "low": gbp(b["difference_at_low"]),
            "high": gbp(b["difference_at_high"]),
            "swing": gbp(b["swing"]),
        }
        for b in r["tornado"]
    ]
    return {
        "run": run,
        "r": r,
        "options": options,
        "difference": gbp(r["difference"]),
        "p10": gbp(r["p10"]),
        "p50": gbp(r["p50"]),
        "p90": gbp(r["p90"]),
        "probability": f"{r['p_inhouse_cheaper']:.1%}",
        "inhouse_cheaper": r["p_inhouse_cheaper"] >= 0.5,
        "histogram": charts.histogram(r),
        "tornado": charts.tornado(r),
        "tornado_rows": bars,
        "bins": _bins(r["histogram"]),
        "parameters": [_parameter(p) for p in r["parameters"]],
    } | headline(r)


def headline(r: dict) -> dict:
    """The option with the lowest central (P50) cost, each option's chance of being the
    cheapest, and each other option against in-house. Runs made before these figures existed
    get them from their distribution (the cheapest P50) and show no chances."""
    labels, dist = r["option_labels"], r["distribution"]
    cheapest = r.get("cheapest_p50") or min(dist, key=lambda k: dist[k]["p50"])
    chances = r.get("p_cheapest") or {}
    versus = r.get("versus_inhouse") or {
        k: v for k, v in (("shared", r.get("shared_minus_inhouse")),) if v
    }
    return {
        "cheapest": {"key": cheapest, "label": labels[cheapest], "p50": gbp(dist[cheapest]["p50"])},
        "chances": [
            {"key": k, "label": labels[k], "probability": f"{chances[k]:.1%}"}
            for k in labels
            if k in chances
        ],
        "versus": [
            {
                "key": k,
                "label": labels[k],
                "probability": f"{v['p_inhouse_cheaper']:.1%}",
                "p50": gbp(v["p50"]),
            }
            for k, v in versus.items()
            if k != "outsourced"
        ],
    }


def _parameter(p: dict) -> dict:
    value = p["value"]
    return p | {"value": ", ".join(value) if isinstance(value, list) else value}


def _bins(h: dict) -> list[dict]:
    e, c = h["edges"], h["counts"]
    return [{"from": gbp(e[i]), "to": gbp(e[i + 1]), "count": c[i]} for i in range(len(c))]


def appraisal_for_pack(decision) -> dict | None:
    """The decision pack's in-house comparator: the run the signed decision relied on."""
    from insource.appraisal.selectors import run_for_decision

    run = run_for_decision(decision)
    if run is None:
        return None
    return results_view(run) | {"t4": t4_in_trace(decision.result)}


def t4_in_trace(result: dict) -> bool | None:
    """Whether criterion T4 passed in the engine's trace (None: not evaluated)."""
    for entry in result.get("trace", []):
        if entry.get("id") == "track.public_interest_test":
            criteria = (entry.get("data") or {}).get("criteria") or {}
            return next((v for k, v in criteria.items() if "test T4 " in k), None)
    return None
