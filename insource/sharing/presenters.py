"""What the sharing pages show: a service in words, the library grouped by service, a
template's lines, the credit a copy carries and what was held back from a template."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from insource.appraisal.models import Option
from insource.appraisal.presenters import options_table
from insource.core.dates import long_date
from insource.register.cpv import cpv_description
from insource.sharing.checks import WHY, personal_data_in
from insource.sharing.models import Kind

FIELD_WORDS = {
    "label": gettext_lazy("label"),
    "source": gettext_lazy("source note"),
    "price_base": gettext_lazy("price base"),
}


def service_words(division: str) -> str:
    """A CPV division in words ("Sewage, refuse, cleaning and environmental services")."""
    if not division:
        return _("Any service")
    return cpv_description(f"{division}000000") or _("CPV division %(d)s") % {"d": division}


def service_choices() -> list[tuple[str, str]]:
    """Every CPV division of services and works, for the clause form's select."""
    divisions = sorted({f"{d:02d}" for d in range(45, 99)})
    named = [(d, cpv_description(f"{d}000000")) for d in divisions]
    return [("", _("Any service"))] + [(d, f"{d}: {name}") for d, name in named if name]


def template_row(template) -> dict:
    """One template in a list."""
    return {
        "template": template,
        "kind": Kind(template.kind).label,
        "service": service_words(template.cpv_division),
        "authority": template.authority.name,
        "published": long_date(template.published_at.date()),
        "num_reuses": getattr(template, "num_reuses", 0),
    }


def library(templates) -> list[dict]:
    """The library grouped by service (in words, alphabetically; any service last)."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for template in templates:
        groups[template.cpv_division].append(template_row(template))
    order = sorted(groups, key=lambda d: (d == "", service_words(d)))
    return [{"service": service_words(d), "division": d, "rows": groups[d]} for d in order]


def appraisal_lines(content: dict) -> list[dict]:
    """The template's options and their lines, as the appraisal page shows them."""
    lines = [
        SimpleNamespace(option=key, key=spec["id"], label=spec["label"], spec=spec)
        for key in (o.value for o in Option)
        for spec in content["options"].get(key, {}).get("lines", [])
    ]
    return [o for o in options_table(lines) if o["rows"]]


def flagged_lines(lines) -> list[dict]:
    """The cost lines whose label or note the screen would hold back, with why."""
    flagged = []
    for line in lines:
        found = personal_data_in(line.label) or personal_data_in(line.spec.get("source", ""))
        if found:
            flagged.append({"line": line, "why": WHY[found]})
    return flagged


def withheld_rows(template) -> list[str]:
    """What was not copied, in words (never the text itself)."""
    return [
        _("Line %(line)s, %(field)s: %(why)s")
        % {"field": FIELD_WORDS[w["field"]], "line": w["line"] or "-", "why": WHY[w["why"]]}
        for w in template.withheld
    ]


def credit(reuse) -> dict | None:
    """The credit a copy shows: whose template it started from, and when it was shared."""
    if reuse is None:
        return None
    template = reuse.template
    return {
        "title": template.title,
        "authority": template.authority.name,
        "published": long_date(template.published_at.date()),
        "reused": long_date(reuse.reused_at.date()),
        "template_pk": template.pk if template.withdrawn_at is None else None,
    }


def csv_rows(templates) -> list[list]:
    """The library as CSV rows (the header first)."""
    header = [_("Template"), _("Kind"), _("Service"), _("CPV division"), _("Authority")]
    header += [_("Published"), _("Times reused")]
    rows = [header]
    for t in templates:
        row = template_row(t)
        rows.append(
            [
                t.title,
                row["kind"],
                row["service"],
                t.cpv_division,
                row["authority"],
                t.published_at.date().isoformat(),
                row["num_reuses"],
            ]
        )
    return rows
