"""Contract managers' pages: upload a supplier's payroll return for a continuing contract and
see the wage shortfalls and the six gender pay measures beside the supplier's published ones."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from insource.authorities.roles import Capability
from insource.core.audit import Actor
from insource.core.spreadsheets import SheetError
from insource.register.selectors import contract_get_for_reviewer
from insource.reviews.views import access_or_404
from insource.standards.payroll import selectors
from insource.standards.payroll.returns import PayrollError
from insource.standards.payroll.services import MAX_BYTES, payroll_return_upload


class PayrollForm(forms.Form):
    file = forms.FileField(
        label=_("Upload the payroll return"),
        help_text=_("CSV or XLSX with the template's columns (docs/payroll-return.md)"),
    )

    def clean_file(self):
        """Refuse an oversized upload before it is read into memory."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The selected file must be smaller than 10 MB"))
        return upload


def _contract_or_404(access, pk: int):
    contract = contract_get_for_reviewer(authority=access.authority, pk=pk)
    if contract is None:
        raise Http404("No such contract among this authority's")
    return contract


@login_required
def payroll(request, code: str, pk: int):
    access = access_or_404(request, code)
    contract = _contract_or_404(access, pk)
    form, issues = PayrollForm(request.POST or None, request.FILES or None), []
    if request.method == "POST":
        access_or_404(request, code, Capability.MANAGE_CONTRACTS)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                found = payroll_return_upload(
                    contract=contract,
                    authority=access.authority,
                    name=upload.name,
                    content=upload.read(),
                    user=request.user,
                    by=Actor.for_user(request.user),
                    at=timezone.now(),
                )
            except PayrollError as error:
                issues = error.issues
                form.add_error("file", _("The return has problems: nothing was read"))
            except SheetError as error:
                form.add_error("file", error.page_message)
            except ValueError as error:
                form.add_error("file", str(error))
            else:
                return redirect("standards:payroll-return", code=code, pk=found.pk)
    context = {
        "access": access,
        "contract": contract,
        "form": form,
        "issues": issues,
        "returns": selectors.payroll_returns_of(authority=access.authority, contract=contract),
        "can_upload": access.can(Capability.MANAGE_CONTRACTS),
    }
    return render(request, "standards/payroll.html", context, status=400 if form.errors else 200)


@login_required
def payroll_return(request, code: str, pk: int):
    access = access_or_404(request, code)
    found = selectors.payroll_return_get(authority=access.authority, pk=pk)
    if found is None:
        raise Http404("No such payroll return")
    context = {
        "access": access,
        "found": found,
        "contract": found.contract,
        "below": [w for w in found.fair_wage["workers"] if w["status"] != "ok"],
        "published": selectors.suppliers_published(found.contract),
        "quartile_names": [_("Lower"), _("Lower middle"), _("Upper middle"), _("Top")],
    }
    return render(request, "standards/payroll_return.html", context)
