"""Officers' community wealth pages, mounted at /wealth/: the authority's figures and
pictures, its local area setting with history, and a contract's figures. Views parse, call
one selector or service, and present."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from insource.authorities.access import AuthorityPage, OfficerPage, authority_page, officer_page
from insource.authorities.roles import Capability
from insource.authorities.selectors import memberships_of
from insource.register.selectors.contracts import contract_for_reviewer_or_404
from insource.wealth import presenters
from insource.wealth.forms import ContractWealthForm, LocalAreaForm
from insource.wealth.report import authority_wealth, contract_wealth
from insource.wealth.selectors import local_area_current, local_area_history
from insource.wealth.services import contract_wealth_record, local_area_set

NAV = {"nav_wealth": True}


def _add_errors(form, error: ValidationError) -> None:
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)


@officer_page()
def mine(request, page: OfficerPage):
    accesses = memberships_of(request.user)
    if len(accesses) == 1:
        return redirect("wealth:authority", code=accesses[0].authority.code)
    return render(request, "wealth/mine.html", {"accesses": accesses, **NAV})


@authority_page()
def authority(request, page: AuthorityPage):
    report = authority_wealth(authority=page.authority, on=page.on)
    context = presenters.authority_figures(report)
    context.update(access=page.access, can_edit_area=page.can(Capability.EDIT_LOCAL_AREA), **NAV)
    return render(request, "wealth/authority.html", context)


@authority_page(Capability.READ, write=Capability.EDIT_LOCAL_AREA)
def local_area(request, page: AuthorityPage):
    current = local_area_current(page.authority)
    initial = {"entries": " ".join(current.entries) if current else ""}
    form = LocalAreaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            local_area_set(
                authority=page.authority,
                text=form.cleaned_data["entries"],
                reason=form.cleaned_data["reason"],
                by=page.actor,
                at=page.at,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("wealth:local-area", code=page.authority.code)
    context = {
        "access": page.access,
        "current": current,
        "history": local_area_history(page.authority),
        "form": form,
        "can_edit": page.can(Capability.EDIT_LOCAL_AREA),
        **NAV,
    }
    status = 400 if form.errors else 200
    return render(request, "wealth/local_area.html", context, status=status)


@authority_page(Capability.READ, write=Capability.RECORD_COMMUNITY_WEALTH)
def contract_page(request, page: AuthorityPage, pk: int):
    contract = contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    view = contract_wealth(authority=page.authority, contract=contract, on=page.on)
    form = ContractWealthForm(
        request.POST or None, initial=ContractWealthForm.initial_from(view.record)
    )
    if request.method == "POST" and form.is_valid():
        try:
            contract_wealth_record(
                authority=page.authority,
                contract=contract,
                figures=form.figures(),
                by=page.actor,
                at=page.at,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("wealth:contract", code=page.authority.code, pk=contract.pk)
    context = presenters.contract_figures(view)
    context.update(
        access=page.access,
        form=form,
        can_record=page.can(Capability.RECORD_COMMUNITY_WEALTH),
        **NAV,
    )
    status = 400 if form.errors else 200
    return render(request, "wealth/contract.html", context, status=status)
