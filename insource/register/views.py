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

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.forms import ChoiceField
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from insource.authorities.access import AuthorityPage, OfficerPage, authority_page, officer_page
from insource.authorities.roles import Capability
from insource.core import panels
from insource.register import selectors
from insource.register.columns import LABELS, PAGE
from insource.register.cpv import cpv_description
from insource.register.filters import ContractFilter
from insource.register.forms import ContractAddForm, CorrectionForm, RetireForm
from insource.register.models import Contract
from insource.register.services.contracts import (
    CORRECTABLE,
    contract_add,
    contract_correct,
    contract_retire,
)

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PER_PAGE = 50
FIELD_LABELS = LABELS  # each field's label, defined once in register/columns.py (ADR 0024)
# The contract page's rows an officer may correct, each with a "Change" link. The published
# value is shown with its VAT basis: the value including VAT, which screening reads, is the one
# corrected; status is the source's word.
CHANGEABLE = tuple(n for n in PAGE if n in CORRECTABLE and n not in ("value_amount", "status"))


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


@officer_page()
def contract_list(request, page: OfficerPage):
    """The register: filters beside a table of contracts, 50 a page."""
    contracts = ContractFilter(request.GET, queryset=selectors.contract_list())
    listed, page_range = paginate(request, contracts.qs)
    context = {
        "filter": contracts,
        "form": contracts.form,
        "page_obj": listed,
        "page_range": page_range,
        "add_for": selectors.authorities_adding_contracts(request.user),
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
    correction: dict = field(default_factory=dict)  # by, at (a datetime) and reason
    changeable: bool = False


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


@officer_page()
def contract_detail(request, page: OfficerPage, pk: int):
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
        "editor_code": selectors.contract_editor_code(request.user, contract),
        "panels": panels.collect("contract.detail", contract=contract, on=page.on),
        "nav_register": True,
    }
    return render(request, "register/contract_detail.html", context)


@authority_page(Capability.EDIT_REGISTER, write=Capability.EDIT_REGISTER)
def contract_correct_view(request, page: AuthorityPage, pk: int, field: str):
    """Correct one field of one of the authority's contracts, with a reason."""
    contract = selectors.contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    if field not in CHANGEABLE:
        raise Http404(_("That field cannot be corrected"))
    label = field_label(field)
    form = CorrectionForm(request.POST or None, field=field, label=label, contract=contract)
    if request.method == "POST" and form.is_valid():
        try:
            contract_correct(
                contract=contract,
                field=field,
                value=form.new_value(),
                reason=form.cleaned_data["reason"],
                by=page.actor,
                at=page.at,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return redirect(reverse("register:contract-detail", args=[pk]) + f"#field-{field}")
    row = _row(contract, field, _page_value(contract, field))
    context = {"contract": contract, "form": form, "row": row, "page": page, "nav_register": True}
    return render(
        request, "register/contract_correct.html", context, status=400 if form.errors else 200
    )


@authority_page(Capability.EDIT_REGISTER, write=Capability.EDIT_REGISTER)
def contract_retire_view(request, page: AuthorityPage, pk: int):
    """Retire one of the authority's contracts as a duplicate of another, with a reason."""
    contract = selectors.contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    form = RetireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        original = selectors.contract_named_for_reviewer(
            authority=page.authority, text=form.cleaned_data["duplicate_of"]
        )
        if original is None:
            form.add_error("duplicate_of", _("No contract of this authority has that number or ID"))
        else:
            try:
                contract_retire(
                    contract=contract,
                    duplicate_of=original,
                    reason=form.cleaned_data["reason"],
                    by=page.actor,
                    at=page.at,
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                return redirect("register:contract-detail", pk=pk)
    context = {"contract": contract, "form": form, "page": page, "nav_register": True}
    return render(
        request, "register/contract_retire.html", context, status=400 if form.errors else 200
    )


def _answers_key(page: AuthorityPage) -> str:
    return f"register-add-{page.authority.pk}"


@authority_page(Capability.EDIT_REGISTER, write=Capability.EDIT_REGISTER)
def contract_add_view(request, page: AuthorityPage):
    """Add a contract the feeds never published: one short form, then the check page."""
    if request.method == "POST":
        form = ContractAddForm(request.POST)
        if form.is_valid():
            request.session[_answers_key(page)] = form.as_session()
            return redirect("register:contract-add-check", code=page.code)
    else:
        answers = request.session.get(_answers_key(page))
        form = ContractAddForm.from_session(answers) if answers else ContractAddForm()
    context = {"form": form, "page": page, "nav_register": True}
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "register/contract_add.html", context, status=status)


@authority_page(Capability.EDIT_REGISTER, write=Capability.EDIT_REGISTER)
def contract_add_check_view(request, page: AuthorityPage):
    """Check your answers, then add the contract."""
    answers = request.session.get(_answers_key(page))
    form = ContractAddForm.from_session(answers) if answers else None
    if form is None or not form.is_valid():
        return redirect("register:contract-add", code=page.code)
    entry = form.entry()
    if request.method == "POST":
        try:
            contract = contract_add(
                authority=page.authority, entry=entry, by=page.actor, at=page.at, on=page.on
            )
        except ValidationError:
            return redirect("register:contract-add", code=page.code)
        del request.session[_answers_key(page)]
        return redirect("register:contract-detail", pk=contract.pk)
    rows = [
        (form.fields[name].label, show_answer(form, name, entry))
        for name in form.fields
        if name != "supplier_scheme"
    ]
    context = {"rows": rows, "page": page, "nav_register": True}
    return render(request, "register/contract_add_check.html", context)


def show_answer(form: ContractAddForm, name: str, entry) -> str:
    """One answer as the check page shows it."""
    value = form.cleaned_data.get(name)
    if name == "main_cpv":
        return f"{entry.main_cpv} {cpv_description(entry.main_cpv)}"
    if name == "supplier_identifier":
        scheme = dict(form.fields["supplier_scheme"].choices).get(entry.supplier_scheme, "")
        return f"{scheme}: {value}" if value else _("Not given")
    if name == "value_amount":
        return money(value)
    if isinstance(form.fields[name], ChoiceField):
        return str(dict(form.fields[name].choices).get(value, value))
    return show(value)


@officer_page()
def queue(request, page: OfficerPage):
    """What needs an officer: data-quality checks with counts, and buyer names to confirm."""
    context = {
        "flags": selectors.quality_flag_counts(),
        "buyer_names": selectors.buyer_names_to_confirm(request.user)[:200],
        "nav_queue": True,
    }
    return render(request, "register/queue.html", context)
