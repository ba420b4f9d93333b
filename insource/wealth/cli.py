"""An authority's community wealth figures as plain JSON-ready data (the CLI's `--json`)."""

from __future__ import annotations

from decimal import Decimal

from insource.register.cpv import cpv_description
from insource.wealth.report import WealthReport
from insource.wealth.spend import __doc__ as VALUE_BASIS

PENNY = Decimal("0.01")


def _money(x: Decimal) -> str:
    return str(Decimal(x).quantize(PENNY))


def _split(split: dict, total: Decimal) -> dict:
    found = {k: _money(v) for k, v in split.items()}
    found.update(
        {
            f"{k}_share": (str((v / total).quantize(Decimal("0.0001"))) if total else None)
            for k, v in split.items()
        }
    )
    return found


def _area(report: WealthReport) -> dict | None:
    a = report.area
    if a is None:
        return None
    return {
        "entries": a.entries,
        "is_seeded_by_hand": a.is_seeded_by_hand,
        "set_at": a.at.isoformat(),
        "by": a.by,
        "reason": a.reason,
    }


def _lm3(report: WealthReport) -> dict:
    e = report.lm3
    return {
        "lm3": None if e.lm3 is None else str(e.lm3),
        "low": None if e.low is None else str(e.low),
        "high": None if e.high is None else str(e.high),
        "round1": _money(e.round1),
        "round2": _money(e.round2),
        "round3": _money(e.round3),
        "unknown_location_spend": _money(e.unknown),
        "num_contracts_measured": report.num_measured,
        "parameters": [
            {
                "name": p.name,
                "value": str(p.value),
                "tag": p.tag,
                "source": p.citation,
                "href": p.href,
            }
            for p in report.parameters.all
        ],
    }


def report_data(report: WealthReport) -> dict:
    """Every figure of the report; money as text in pounds and pence, shares 0 to 1."""
    s, ex, total = report.spend, report.exclusions, report.spend.total
    services = [
        {
            "division": d,
            "name": cpv_description(f"{d}000000") if d else "",
            "total": _money(sum(v.values(), Decimal(0))),
            **{k: _money(a) for k, a in v.items()},
        }
        for d, v in sorted(s.services.items(), key=lambda kv: -sum(kv[1].values()))
    ]
    return {
        "authority": {"code": report.authority.code, "name": report.authority.name},
        "local_area": _area(report),
        "value_basis": " ".join(VALUE_BASIS.split("\n\n")[1].split()),
        "contracts": {
            "num_in_register": ex.num_contracts,
            "num_counted": ex.num_counted,
            "num_frameworks_excluded": ex.num_frameworks,
            "frameworks_value_excluded": _money(ex.framework_value),
            "num_without_value": ex.num_no_value,
            "num_naming_no_supplier": s.num_unnamed,
        },
        "suppliers": {"num": len(s.suppliers), "num_with_postcode": sum(s.suppliers.values())},
        "spend_counted": _money(total),
        "locality": _split(s.locality, total),
        "sme": _split(s.sme, total),
        "vcse": _split(s.vcse, total),
        "services": services,
        "lm3": _lm3(report),
        "jobs": None if report.jobs is None else vars(report.jobs),
    }
