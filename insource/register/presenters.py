"""How the register's pages show a contract: values in an officer's words, the summary rows with
their provenance and corrections, the history, and the pages of a long list."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from insource.register.columns import LABELS, PAGE
from insource.register.cpv import cpv_description
from insource.register.models import Contract
from insource.register.services.correction_values import CORRECTABLE

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

PER_PAGE = 50

FIELD_LABELS = LABELS  # each field's label, defined once in register/columns.py (ADR 0024)

# The contract page's rows an officer may correct, each with a "Change" link (the terminated
# flag is corrected with the status, which asks the termination date).
CHANGEABLE = tuple(n for n in PAGE if n in CORRECTABLE)


def field_label(name: str) -> str:
    return str(FIELD_LABELS.get(name, name.replace("_", " ").capitalize()))


def show(value: Any) -> str:
    """A JSON or model value as an officer reads it."""
    if value is None or value == "" or value == []:
        return _("Not given")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(show(v) for v in value)
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        value = _as_date(value)
    if isinstance(value, date):
        return date_format(value, "j F Y")
    return str(value)


def _as_date(text: str) -> date | str:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def money(value) -> str:
    return "" if value is None else f"£{value:,.2f}"


def paginate(request, queryset) -> tuple[Page, list]:
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
    return page, list(page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))


@dataclass
class SummaryRow:
    """One row of the contract's summary list, with where it came from and any correction."""

    key: str
    name: str
    value: str
    provenance: dict = field(default_factory=dict)
    differs: bool = False
    source_value: str = ""
    correction: dict = field(default_factory=dict)  # by, at (a datetime) and reason
    changeable: bool = False


# How the contract page shows a field, where it differs from the field's value.
PAGE_VALUES = {
    "nature": lambda c: c.get_nature_display(),
    "value_amount": lambda c: _published_value(c),
    "value_inc_vat": lambda c: money(c.value_inc_vat),
    "status": lambda c: _status(c),
    "cpv_codes": lambda c: [_cpv_words(code) for code in c.cpv_codes or []],
}


def _cpv_words(code: str) -> str:
    """A CPV code with what it means ("72261000 Software support services")."""
    described = cpv_description(str(code))
    return f"{code} {described}" if described else str(code)


def summary_rows(contract: Contract) -> list[SummaryRow]:
    """The contract's summary rows, in the order of `columns.PAGE`."""
    return [summary_row(contract, name, page_value(contract, name)) for name in PAGE]


def page_value(contract: Contract, name: str) -> Any:
    show_value = PAGE_VALUES.get(name)
    return show_value(contract) if show_value else getattr(contract, name)


def _published_value(contract: Contract) -> str:
    if contract.value_amount is None:
        return ""
    basis = contract.get_value_vat_basis_display()
    return f"{contract.value_amount:,.2f} {contract.value_currency} ({basis})"


def _status(contract: Contract) -> str:
    status = contract.status.capitalize()
    if contract.is_terminated and contract.terminated_on:
        ended = date_format(contract.terminated_on, "j F Y")
        return _("%(status)s on %(date)s") % {"status": status, "date": ended}
    return status


def as_published(contract: Contract) -> Contract:
    """A copy of the contract with the source's values where an officer corrected them."""
    published = copy.copy(contract)
    for name, value in contract.source_values.items():
        setattr(published, name, Contract._meta.get_field(name).to_python(value))
    return published


def summary_row(contract: Contract, name: str, value: Any) -> SummaryRow:
    differs = name in contract.overrides
    source = show(page_value(as_published(contract), name)) if differs else ""
    provenance = contract.provenance.get(name) or contract.provenance.get("*") or {}
    correction = _correction(contract.overrides.get(name)) if differs else {}
    return SummaryRow(
        field_label(name),
        name,
        show(value),
        provenance,
        differs,
        source,
        correction,
        name in CHANGEABLE,
    )


def _correction(override) -> dict:
    if not isinstance(override, dict):
        return {}
    at = parse_datetime(override.get("at") or "")
    return {"by": override.get("by", ""), "at": at, "reason": override.get("reason", "")}


def provenance(contract: Contract) -> list[tuple[str, dict]]:
    """Where the values came from: per field, or for every field at once ("*")."""
    return [
        (_("Every field") if name == "*" else field_label(name), entry)
        for name, entry in contract.provenance.items()
        if isinstance(entry, dict)
    ]


def history(contract: Contract) -> list[dict]:
    return [
        {
            "event": event,
            "changes": [
                {"field": field_label(name), "old": show(_pair(c)[0]), "new": show(_pair(c)[1])}
                for name, c in event.changes.items()
            ],
        }
        for event in contract.events.all()
    ]


def _pair(change) -> tuple[Any, Any]:
    if isinstance(change, list | tuple) and len(change) == 2:
        return change[0], change[1]
    return None, change
