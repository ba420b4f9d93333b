"""A place's report as plain JSON-ready data (`insource place report PLACE --json`) and as the
rows of its CSV. Money as text in pounds and pence (the estimate to the pound); dates ISO."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy

from insource.places import words
from insource.places.areas import register
from insource.places.report import PlaceReport
from insource.places.report import __doc__ as REPORT_DOC
from insource.places.savings import __doc__ as SAVINGS_DOC
from insource.register.cpv import cpv_description

PENNY = Decimal("0.01")


def _money(x) -> str | None:
    return None if x is None else str(Decimal(x).quantize(PENNY))


def _service_name(division: str) -> str:
    return words.service(division, cpv_description(f"{division}000000") if division else "")


def _paragraph(doc: str, n: int) -> str:
    return " ".join(doc.split("\n\n")[n].split())


def _place(report: PlaceReport) -> dict:
    spec, reg = report.spec, register()
    return {
        "slug": spec.slug,
        "name": spec.name,
        "kind": spec.place.kind if spec.place else "custom",
        "is_saved": spec.place is not None,
        "areas": [{"code": c, "name": reg[c].nice_name} for c in spec.codes if c in reg],
    }


def _body(b) -> dict:
    m = b.member
    return {
        "name": m.body.name,
        "kind": m.group,
        "register_kind": m.body.kind,
        "code": m.body.code,
        "reason": m.reason,
        "why": words.reason(m.reason, m.term),
        "num_contracts": len(b.lines),
        "num_counted": b.num_counted,
        "spend": _money(b.spend),
        "services": [
            {
                "division": d,
                "service": _service_name(d),
                "num_contracts": n,
                "spend": _money(s),
            }
            for d, (n, s) in sorted(b.services.items(), key=lambda kv: -kv[1][1])
        ],
    }


def _line(report: PlaceReport, x) -> dict:
    return {
        "contract": x.id,
        "public_body": report.body(x.body_id).member.body.name,
        "title": x.title,
        "division": x.division,
        "service": _service_name(x.division),
        "end_on": x.end_on.isoformat() if x.end_on else None,
        "value": _money(x.value),
        "is_framework": x.is_framework,
        "suppliers": [name for _, name in x.suppliers],
    }


def _savings(report: PlaceReport) -> dict:
    e = report.savings
    return {
        "is_estimate": True,
        "low": str(e.low),
        "high": str(e.high),
        "horizon_years": e.horizon,
        "yearly_spend": _money(e.yearly_spend),
        "num_contracts_running": report.num_running,
        "low_rate_a_year": str(e.low_rate.quantize(Decimal("0.000001"))),
        "high_rate_a_year": str(e.high_rate.quantize(Decimal("0.000001"))),
        "method": _paragraph(SAVINGS_DOC, 1) + " " + _paragraph(SAVINGS_DOC, 2),
        "assumptions": words.assumptions(e),
        "anchors": [
            {
                "anchor": a.key,
                "savings": str(a.savings),
                "years": a.years,
                "spend_a_year": None if a.base is None else str(a.base.quantize(Decimal(1))),
                "rate_a_year": None
                if a.rate is None
                else str(a.rate.quantize(Decimal("0.000001"))),
                "sets_the_range": a.is_used,
            }
            for a in e.parameters.anchors
        ],
        "parameters": [
            {
                "name": u.name,
                "value": str(u.value),
                "from": u.start.isoformat(),
                "tag": u.tag,
                "source": u.citation,
                "href": u.href,
            }
            for u in sorted(e.parameters.used.values(), key=lambda u: u.name)
        ],
    }


def report_data(report: PlaceReport) -> dict:
    """Every figure of the place's report."""
    return {
        "place": _place(report),
        "on": report.on.isoformat(),
        "value_basis": _paragraph(REPORT_DOC, 1),
        "bodies": [_body(b) for b in report.bodies],
        "services": [
            {
                "division": s.division,
                "service": _service_name(s.division),
                "num_contracts": s.num_contracts,
                "spend": _money(s.spend),
                "bodies": [
                    {"name": report.body(i).member.body.name, "spend": _money(a)}
                    for i, a in sorted(s.by_body.items(), key=lambda kv: -kv[1])
                ],
            }
            for s in report.services
        ],
        "shared_suppliers": [
            {
                "supplier": s.name,
                "public_bodies": [report.body(i).member.body.name for i in s.body_ids],
                "num_contracts": s.num_contracts,
                "spend": _money(s.spend),
            }
            for s in report.shared_suppliers
        ],
        "ending": [_line(report, x) for x in report.ending],
        "ending_together": {
            "window_months": report.window_months,
            "groups": [
                {
                    "division": g.division,
                    "service": _service_name(g.division),
                    "first_end_on": g.first_end.isoformat(),
                    "last_end_on": g.last_end.isoformat(),
                    "spend": _money(g.spend),
                    "contracts": [_line(report, x) for x in g.lines],
                }
                for g in report.groups
            ],
        },
        "savings_estimate": _savings(report),
    }


CSV_HEADER = (
    gettext_lazy("Figure"),
    gettext_lazy("Public body"),
    gettext_lazy("Kind of body"),
    gettext_lazy("Why it is in the place"),
    gettext_lazy("Service"),
    gettext_lazy("Supplier"),
    gettext_lazy("Contracts"),
    gettext_lazy("Amount (£)"),
    gettext_lazy("Note"),
)


def csv_rows(report: PlaceReport) -> list[list]:
    """The CSV's rows (long format, one figure a row): spend by body and service, suppliers
    shared across bodies, and the savings estimate's low and high figures."""
    d = report_data(report)
    rows = []
    for b in d["bodies"]:
        for s in b["services"] or [{"service": "", "num_contracts": 0, "spend": "0.00"}]:
            rows.append(
                [words.FIGURES["spend"], b["name"], words.kind(b["kind"]), b["why"],
                 s["service"], "", s["num_contracts"], s["spend"], ""]
            )  # fmt: skip
    for s in d["shared_suppliers"]:
        rows.append(
            [words.FIGURES["supplier"], "; ".join(s["public_bodies"]), "", "", "",
             s["supplier"], s["num_contracts"], s["spend"], ""]
        )  # fmt: skip
    e = d["savings_estimate"]
    note = str(words.FIGURES["note"]) % {"years": e["horizon_years"]}
    for key in ("low", "high"):
        rows.append([words.FIGURES[key], "", "", "", "", "", "", e[key], note])
    return rows
