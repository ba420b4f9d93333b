"""Community wealth figures as the pages show them: shares with their unknown parts, rows for
the tables behind the pictures, the LM3 estimate with its assumptions."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from insource.register.cpv import cpv_description
from insource.wealth import charts
from insource.wealth.charts import percent
from insource.wealth.report import ContractWealthView, WealthReport

SERVICES_SHOWN = 8
PENNY = Decimal("0.01")


def _locality_parts(split: dict) -> list[tuple]:
    return [
        ("local", _("In the area"), split["local"]),
        ("elsewhere", _("Elsewhere"), split["elsewhere"]),
        ("unknown", _("Location unknown"), split["unknown"]),
    ]


def _flag_parts(split: dict, yes: str, no: str) -> list[tuple]:
    return [
        ("yes", yes, split["yes"]),
        ("no", no, split["no"]),
        ("unknown", _("Not known"), split["unknown"]),
    ]


def share_rows(spend) -> list[dict]:
    """The three measures, each with its three parts, amounts and percentages."""
    rows = [
        {
            "key": "locality",
            "label": _("Supplier's location"),
            "parts": _locality_parts(spend.locality),
        },
        {
            "key": "sme",
            "label": _("Small or medium enterprise"),
            "parts": _flag_parts(spend.sme, _("SME"), _("Not an SME")),
        },
        {
            "key": "vcse",
            "label": _("Voluntary, community or social enterprise"),
            "parts": _flag_parts(spend.vcse, _("VCSE"), _("Not a VCSE")),
        },
    ]
    total = spend.total
    for row in rows:
        row["total"] = total
        row["cells"] = [
            {"key": k, "label": label, "amount": a.quantize(PENNY), "percent": percent(a, total)}
            for k, label, a in row["parts"]
        ]
    return rows


def _division_label(division: str) -> str:
    if not division:
        return _("No CPV code")
    return cpv_description(f"{division}000000") or _("CPV division %(d)s") % {"d": division}


def service_rows(spend) -> list[dict]:
    """Spend by CPV division, largest first (services with no spend left out); beyond the
    first eight, one 'other' row; contracts with no CPV code last."""
    spent = {d: split for d, split in spend.services.items() if sum(split.values())}
    no_cpv = spent.pop("", None)
    ordered = sorted(spent.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    shown, rest = ordered[:SERVICES_SHOWN], ordered[SERVICES_SHOWN:]
    rows = [_service_row(_division_label(d), split, d) for d, split in shown]
    if rest:
        keys = ("local", "elsewhere", "unknown")
        merged = {k: sum((s[k] for _, s in rest), Decimal(0)) for k in keys}
        label = _("Other services (%(n)s divisions)") % {"n": len(rest)}
        rows.append(_service_row(label, merged, ""))
    if no_cpv:
        rows.append(_service_row(_division_label(""), no_cpv, "") | {"no_cpv": True})
    return rows


def _service_row(label: str, split: dict, division: str) -> dict:
    total = sum(split.values(), Decimal(0))
    return {
        "label": label,
        "division": division,
        "parts": _locality_parts(split),
        "total": total,
        "cells": [
            {"amount": a.quantize(PENNY), "percent": percent(a, total)}
            for _, _, a in _locality_parts(split)
        ],
    }


def lm3_context(estimate, parameters) -> dict:
    """The estimate, its rounds in pounds and the assumptions it rests on."""
    return {
        "estimate": estimate,
        "round1": estimate.round1.quantize(PENNY),
        "round2": estimate.round2.quantize(PENNY),
        "round3": estimate.round3.quantize(PENNY),
        "unknown": estimate.unknown.quantize(PENNY),
        "assumptions": [{"a": a, "percent": f"{a.value * 100:.0f}%"} for a in parameters.all],
    }


def authority_figures(report: WealthReport, *, public: bool = False) -> dict:
    """Everything the authority's community wealth figures show (officers' page and public)."""
    spend = report.spend
    shares = share_rows(spend)
    services = service_rows(spend)
    return {
        "report": report,
        "area": report.area,
        "area_entries": " ".join(report.area.entries) if report.area else "",
        "ex": report.exclusions,
        "framework_value": report.exclusions.framework_value.quantize(PENNY),
        "total": spend.total.quantize(PENNY),
        "num_suppliers": len(spend.suppliers),
        "num_suppliers_placed": sum(spend.suppliers.values()),
        "num_unnamed": spend.num_unnamed,
        "shares": shares,
        "shares_chart": charts.shares_chart(shares),
        "services": services,
        "services_chart": charts.service_chart(services),
        "no_cpv": next((r["total"] for r in services if r.get("no_cpv")), None),
        "lm3": lm3_context(report.lm3, report.parameters) if spend.total else None,
        "num_measured": report.num_measured,
        "jobs": report.jobs,
        "public": public,
    }


def contract_figures(view: ContractWealthView) -> dict:
    """One contract's panel: suppliers, the three shares, recorded figures, LM3."""
    return {
        "view": view,
        "contract": view.contract,
        "area": view.area,
        "area_entries": " ".join(view.area.entries) if view.area else "",
        "lines": view.lines,
        "shares": share_rows(view.spend) if view.spend.total else [],
        "record": view.record,
        "lm3": lm3_context(view.lm3, view.parameters) if view.lm3 else None,
    }
