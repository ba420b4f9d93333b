"""Officer pages for the register: the list, a contract, and what needs an officer (the
expiry pipeline, with its review columns, is in `reviews/pipeline/views.py`).

Views only parse the request, call one selector and present what it returns. The reference date
is read here, once, and handed to the selectors as `on`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from insource.core import panels
from insource.register import selectors
from insource.register.columns import LABELS, PAGE
from insource.register.filters import ContractFilter
from insource.register.models import Contract

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PER_PAGE = 50
FIELD_LABELS = LABELS  # each field's label, defined once in register/columns.py (ADR 0024)


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


@login_required
def contract_list(request):
    """The register: filters beside a table of contracts, 50 a page."""
    contracts = ContractFilter(request.GET, queryset=selectors.contract_list())
    page, page_range = paginate(request, contracts.qs)
    context = {
        "filter": contracts,
        "form": contracts.form,
        "page_obj": page,
        "page_range": page_range,
        "nav_register": True,
    }
    return render(request, "register/contract_list.html", context)


@dataclass
class SummaryRow:
    """One row of the contract's summary list, with where it came from and any correction."""

    key: str
    name: str
    value: str
    provenance: dict = field(default_factory=dict)
    differs: bool = False
    source_value: str = ""


# How the contract page shows a field, where it differs from the field's value.
PAGE_VALUES = {
    "nature": lambda c: c.get_nature_display(),
    "value_amount": lambda c: _published_value(c),
    "value_inc_vat": lambda c: money(c.value_inc_vat),
    "status": lambda c: c.status.capitalize(),
}


def summary_rows(contract: Contract) -> list[SummaryRow]:
    """The contract's summary rows, in the order of `columns.PAGE`."""
    return [_row(contract, name, _page_value(contract, name)) for name in PAGE]


def _page_value(contract: Contract, name: str) -> Any:
    show_value = PAGE_VALUES.get(name)
    return show_value(contract) if show_value else getattr(contract, name)


def _published_value(contract: Contract) -> str:
    if contract.value_amount is None:
        return ""
    basis = contract.get_value_vat_basis_display()
    return f"{contract.value_amount:,.2f} {contract.value_currency} ({basis})"


def _row(contract: Contract, name: str, value: Any) -> SummaryRow:
    differs = name in contract.overrides
    source = show(contract.source_values.get(name)) if differs else ""
    provenance = contract.provenance.get(name) or contract.provenance.get("*") or {}
    return SummaryRow(field_label(name), name, show(value), provenance, differs, source)


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


@login_required
def contract_detail(request, pk: int):
    """One contract: its fields with provenance and corrections, suppliers, flags and history."""
    try:
        contract = selectors.contract_get(pk)
    except Contract.DoesNotExist:
        raise Http404(_("No contract has that number")) from None
    context = {
        "contract": contract,
        "rows": summary_rows(contract),
        "history": history(contract),
        "provenance": provenance(contract),
        "is_successor": contract.buyer_id != contract.reviewing_authority_id,
        "panels": panels.collect("contract.detail", contract=contract, on=timezone.localdate()),
        "nav_register": True,
    }
    return render(request, "register/contract_detail.html", context)


@login_required
def queue(request):
    """What needs an officer: data-quality checks with counts, and buyer names to confirm."""
    context = {
        "flags": selectors.quality_flag_counts(),
        "buyer_names": selectors.buyer_names_to_confirm(request.user)[:200],
        "nav_queue": True,
    }
    return render(request, "register/queue.html", context)
