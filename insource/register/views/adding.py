"""Adding a contract the feeds never published: one short form, then "Check your answers"."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms import ChoiceField
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.register.cpv import cpv_description
from insource.register.forms.adding import ContractAddForm
from insource.register.presenters import money, show
from insource.register.services.contracts import contract_add


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
