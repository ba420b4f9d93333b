"""Correcting a field of one of the authority's contracts and undoing the correction, retiring a
duplicate and returning it: each with a reason, each audited with history
(docs/register-editing.md)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.register.forms.correction import CorrectionForm, ReasonForm, RetireForm
from insource.register.presenters import CHANGEABLE, field_label, page_value, summary_row
from insource.register.selectors import contracts
from insource.register.services.corrections import (
    contract_correct,
    contract_correction_undo,
    contract_retire,
    contract_unretire,
)


@authority_page(Capability.EDIT_REGISTER, write=Capability.EDIT_REGISTER)
def contract_correct_view(request, page: AuthorityPage, pk: int, field: str):
    """Correct one field of one of the authority's contracts, with a reason."""
    contract = contracts.contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    if field not in CHANGEABLE:
        raise Http404(_("That field cannot be corrected"))
    label = field_label(field)
    form = CorrectionForm(
        request.POST or None, field=field, label=label, contract=contract, on=page.on
    )
    if request.method == "POST" and form.is_valid():
        try:
            contract_correct(
                contract=contract,
                field=field,
                value=form.new_value(),
                reason=form.cleaned_data["reason"],
                by=page.actor,
                at=page.at,
                on=page.on,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return redirect(reverse("register:contract-detail", args=[pk]) + f"#field-{field}")
    row = summary_row(contract, field, page_value(contract, field))
    context = {"contract": contract, "form": form, "row": row, "page": page, "nav_register": True}
    return render(
        request, "register/contract_correct.html", context, status=400 if form.errors else 200
    )


@authority_page(Capability.EDIT_REGISTER, write=Capability.EDIT_REGISTER)
def contract_retire_view(request, page: AuthorityPage, pk: int):
    """Retire one of the authority's contracts as a duplicate of another, with a reason."""
    contract = contracts.contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    form = RetireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        original = contracts.contract_named_for_reviewer(
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


def _rendered(request, template: str, context: dict, form):
    context = {**context, "form": form, "nav_register": True}
    return render(request, template, context, status=400 if form.errors else 200)


@authority_page(Capability.EDIT_REGISTER, write=Capability.EDIT_REGISTER)
def contract_undo_view(request, page: AuthorityPage, pk: int, field: str):
    """Undo the correction of one field: back to the source's value, with a reason."""
    contract = contracts.contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    back = reverse("register:contract-detail", args=[pk]) + f"#field-{field}"
    if field not in contract.overrides:
        return redirect(back)
    form = ReasonForm(
        request.POST or None,
        label=_("Why are you undoing the correction?"),
        help_text=_("For example, the source now publishes the right end date"),
        required_message=_("Enter the reason for undoing the correction"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            contract_correction_undo(
                contract=contract,
                field=field,
                reason=form.cleaned_data["reason"],
                by=page.actor,
                at=page.at,
                on=page.on,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return redirect(back)
    row = summary_row(contract, field, page_value(contract, field))
    context = {"contract": contract, "row": row, "page": page}
    return _rendered(request, "register/contract_undo.html", context, form)


@authority_page(Capability.EDIT_REGISTER, write=Capability.EDIT_REGISTER)
def contract_unretire_view(request, page: AuthorityPage, pk: int):
    """Return a contract retired as a duplicate to the register, with a reason."""
    contract = contracts.contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    if contract.duplicate_of_id is None:
        return redirect("register:contract-detail", pk=pk)
    form = ReasonForm(
        request.POST or None,
        label=_("Why is it not a duplicate?"),
        help_text=_("For example, two lots of the same tender: each is a contract of its own"),
        required_message=_("Enter the reason for returning the contract"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            contract_unretire(
                contract=contract,
                reason=form.cleaned_data["reason"],
                by=page.actor,
                at=page.at,
                on=page.on,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return redirect("register:contract-detail", pk=pk)
    context = {"contract": contract, "page": page}
    return _rendered(request, "register/contract_unretire.html", context, form)
