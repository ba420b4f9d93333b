"""Officers' community wealth pages, mounted at /wealth/: the authority's figures and
pictures, its local area setting with history, and a contract's figures. Views parse, call
one selector or service, and present."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from insource.authorities.roles import Capability
from insource.authorities.selectors import memberships_of
from insource.core.views import who_and_when
from insource.register.selectors import contract_get_for_reviewer
from insource.reviews.views import access_or_404
from insource.wealth import presenters
from insource.wealth.forms import ContractWealthForm, LocalAreaForm
from insource.wealth.report import authority_wealth, contract_wealth
from insource.wealth.selectors import local_area_current, local_area_history
from insource.wealth.services import contract_wealth_record, local_area_set

NAV = {"nav_wealth": True}


def _add_errors(form, error: ValidationError) -> None:
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)


@login_required
def mine(request):
    accesses = memberships_of(request.user)
    if len(accesses) == 1:
        return redirect("wealth:authority", code=accesses[0].authority.code)
    return render(request, "wealth/mine.html", {"accesses": accesses, **NAV})


@login_required
def authority_page(request, code: str):
    access = access_or_404(request, code)
    report = authority_wealth(authority=access.authority, on=timezone.localdate())
    context = presenters.authority_figures(report)
    context.update(access=access, can_edit_area=access.can(Capability.EDIT_LOCAL_AREA), **NAV)
    return render(request, "wealth/authority.html", context)


@login_required
def local_area(request, code: str):
    access = access_or_404(request, code)
    can_edit = access.can(Capability.EDIT_LOCAL_AREA)
    if request.method == "POST" and not can_edit:
        access_or_404(request, code, Capability.EDIT_LOCAL_AREA)
    current = local_area_current(access.authority)
    initial = {"entries": " ".join(current.entries) if current else ""}
    form = LocalAreaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        by, at = who_and_when(request)
        try:
            local_area_set(
                authority=access.authority,
                text=form.cleaned_data["entries"],
                reason=form.cleaned_data["reason"],
                by=by,
                at=at,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("wealth:local-area", code=access.authority.code)
    context = {
        "access": access,
        "current": current,
        "history": local_area_history(access.authority),
        "form": form,
        "can_edit": can_edit,
        **NAV,
    }
    status = 400 if form.errors else 200
    return render(request, "wealth/local_area.html", context, status=status)


@login_required
def contract_page(request, code: str, pk: int):
    access = access_or_404(request, code)
    contract = contract_get_for_reviewer(authority=access.authority, pk=pk)
    if contract is None:
        raise Http404("No such contract among this authority's")
    can_record = access.can(Capability.RECORD_COMMUNITY_WEALTH)
    if request.method == "POST" and not can_record:
        access_or_404(request, code, Capability.RECORD_COMMUNITY_WEALTH)
    view = contract_wealth(authority=access.authority, contract=contract, on=timezone.localdate())
    form = ContractWealthForm(
        request.POST or None, initial=ContractWealthForm.initial_from(view.record)
    )
    if request.method == "POST" and form.is_valid():
        by, at = who_and_when(request)
        try:
            contract_wealth_record(
                authority=access.authority, contract=contract, figures=form.figures(), by=by, at=at
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("wealth:contract", code=access.authority.code, pk=contract.pk)
    context = presenters.contract_figures(view)
    context.update(access=access, form=form, can_record=can_record, **NAV)
    status = 400 if form.errors else 200
    return render(request, "wealth/contract.html", context, status=status)
