"""Between the stored appraisal and the published document format (appraisal.schema.json):
the document of an appraisal as it stands, and the lines of an uploaded document. No queries:
callers pass the rows."""

from __future__ import annotations

from datetime import date

from insource.appraisal.models import Option

OPTION_ORDER = [o.value for o in Option]


def document_of(appraisal, lines, *, on: date) -> dict:
    """The appraisal as a version 1 document, its parameters as in force on `on`."""
    options: dict[str, dict] = {}
    for line in sorted(lines, key=lambda ln: (OPTION_ORDER.index(ln.option), ln.position, ln.pk)):
        option = options.setdefault(line.option, {"label": Option(line.option).label, "lines": []})
        option["lines"].append(line.spec)
    doc = {
        "version": 1,
        "title": appraisal.title,
        "appraisal_on": on.isoformat(),
        "term_years": appraisal.term_years,
        "options": {
            key: {"label": str(o["label"]), "lines": o["lines"]} for key, o in options.items()
        },
    }
    if appraisal.price_base:
        doc["price_base"] = appraisal.price_base
    if appraisal.gdp_deflator_pct is not None:
        doc["gdp_deflator_pct"] = appraisal.gdp_deflator_pct
    return doc


def lines_of_document(doc: dict) -> list[tuple[str, int, dict]]:
    """(option, position, line spec) for every line of a schema-valid document."""
    return [
        (key, position, spec)
        for key in OPTION_ORDER
        for position, spec in enumerate(doc["options"].get(key, {}).get("lines", []), start=1)
    ]


def header_of_document(doc: dict) -> dict:
    """The appraisal's own fields from a document."""
    return {
        "title": doc["title"][:300],
        "term_years": doc["term_years"],
        "price_base": doc.get("price_base", "")[:200],
        "gdp_deflator_pct": doc.get("gdp_deflator_pct"),
    }
