"""A place's figures as its page shows them: the report's data in words (no codes), each
table's rows, the estimate with its anchors and citations, the window choices."""

from __future__ import annotations

from django.utils.translation import gettext as _

from insource.places import words
from insource.places.cli import report_data
from insource.places.report import PlaceReport

WINDOWS = (3, 6, 12, 24, 36)
ENDING_SHOWN = 100


def window_from(text: str | None, default: int = 12) -> int:
    """The window a query string asks for, one of WINDOWS; anything else is the default."""
    text = (text or "").strip()[:4]
    return int(text) if text.isdigit() and int(text) in WINDOWS else default


def _anchors(d: dict) -> list[dict]:
    return [
        {
            "label": str(words.ANCHORS[a["anchor"]]),
            "savings": words.money(a["savings"]),
            "years": a["years"],
            "spend": words.money(a["spend_a_year"]) if a["spend_a_year"] else _("Not known"),
            "rate": words.percent(a["rate_a_year"]) if a["rate_a_year"] else "–",
            "use": _("Sets the low end")
            if a["anchor"] == "greater-manchester"
            else _("Sets the high end")
            if a["anchor"] == "national-high"
            else _("For comparison"),
        }
        for a in d["anchors"]
    ]


def place_page(report: PlaceReport) -> dict:
    """Everything the public page shows."""
    d = report_data(report)
    e = d["savings_estimate"]
    bodies = [b | {"kind_words": words.kind(b["kind"])} for b in d["bodies"]]
    return {
        "d": d,
        "place": report.spec.place,
        "areas": [a["name"] for a in d["place"]["areas"]],
        "bodies": bodies,
        "num_bodies": len(bodies),
        "services": d["services"],
        "suppliers": d["shared_suppliers"],
        "groups": d["ending_together"]["groups"],
        "window": report.window_months,
        "windows": WINDOWS,
        "ending": d["ending"][:ENDING_SHOWN],
        "num_ending": len(d["ending"]),
        "estimate": e
        | {
            "low_words": words.money(e["low"]),
            "high_words": words.money(e["high"]),
            "yearly_words": words.money(e["yearly_spend"]),
            "low_rate_words": words.percent(e["low_rate_a_year"]),
            "high_rate_words": words.percent(e["high_rate_a_year"]),
        },
        "anchors": _anchors(e),
        "sources": _sources(e),
    }


def _sources(e: dict) -> list[dict]:
    """Each source once, with the earliest date a parameter from it starts."""
    found: dict[tuple, dict] = {}
    for p in e["parameters"]:
        found.setdefault((p["source"], p["href"]), p)
    return list(found.values())
