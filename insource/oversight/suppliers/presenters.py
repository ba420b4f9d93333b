"""The supplier's record in words and figures for the public page and the panels."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from insource.inhouse.models import KpiRating
from insource.oversight.suppliers.selectors import SupplierRecord


@dataclass(frozen=True)
class Row:
    label: str
    value: str


def money(value) -> str:
    return f"£{value:,.0f}"


def summary_rows(record: SupplierRecord) -> list[Row]:
    ratings = ", ".join(
        f"{label}: {record.ratings[code]}"
        for code, label in KpiRating.Rating.choices
        if record.ratings.get(code)
    )
    return [
        Row(_("Contracts in the register"), str(record.num_contracts)),
        Row(_("Authorities they are with"), str(record.num_authorities)),
        Row(_("Their value, as published"), money(record.value_gbp)),
        Row(_("Running now"), str(record.live)),
        Row(_("Ended early or terminated"), str(record.terminated)),
        Row(_("Changes to end dates, values or suppliers"), str(record.changes)),
        Row(_("Key performance indicator ratings"), ratings or _("None recorded")),
        Row(
            _("Performance failures (rated requires improvement or inadequate)"),
            str(record.performance_failures),
        ),
        Row(_("Minimum standards breached"), str(record.breaches)),
        Row(_("Minimum standards checks overdue"), str(record.overdue)),
        Row(_("Information requests forwarded to it"), str(record.information.num_asked)),
        Row(_("Of them, answered late or not at all"), str(record.information.num_late)),
    ]


def incumbent_line(record: SupplierRecord) -> str:
    """One sentence for the review page: the incumbent's record elsewhere."""
    return _(
        "%(name)s: %(n)s contracts with %(a)s authorities, %(t)s ended early or terminated, "
        "%(f)s performance failures, %(b)s minimum standards breached."
    ) % {
        "name": record.name,
        "n": record.num_contracts,
        "a": record.num_authorities,
        "t": record.terminated,
        "f": record.performance_failures,
        "b": record.breaches,
    }
