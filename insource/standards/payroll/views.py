"""Contract managers' pages: upload a supplier's payroll return for a continuing contract and
see the wage shortfalls and the six gender pay measures beside the supplier's published ones."""

from __future__ import annotations

from django import forms
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.core.spreadsheets import SheetError
from insource.register.selectors.contracts import contract_for_reviewer_or_404
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


@authority_page(Capability.READ, write=Capability.MANAGE_CONTRACTS)
def payroll(request, page: AuthorityPage, pk: int):
    contract = contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    form, issues = PayrollForm(request.POST or None, request.FILES or None), []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            found = payroll_return_upload(
                contract=contract,
                authority=page.authority,
                name=upload.name,
                content=upload.read(),
                user=request.user,
                by=page.actor,
                at=page.at,
            )
        except PayrollError as error:
            issues = error.issues
            form.add_error("file", _("The return has problems: nothing was read"))
        except SheetError as error:
            form.add_error("file", error.page_message)
        except ValueError as error:
            form.add_error("file", str(error))
        else:
            return redirect("standards:payroll-return", code=page.code, pk=found.pk)
    context = {
        "access": page.access,
        "contract": contract,
        "form": form,
        "issues": issues,
        "returns": selectors.payroll_returns_of(authority=page.authority, contract=contract),
        "can_upload": page.can(Capability.MANAGE_CONTRACTS),
    }
    return render(request, "standards/payroll.html", context, status=400 if form.errors else 200)


@authority_page()
def payroll_return(request, page: AuthorityPage, pk: int):
    found = selectors.payroll_return_or_404(authority=page.authority, pk=pk)
    context = {
        "access": page.access,
        "found": found,
        "contract": found.contract,
        "below": [w for w in found.fair_wage["workers"] if w["status"] != "ok"],
        "published": selectors.suppliers_published(found.contract),
        "quartile_names": [_("Lower"), _("Lower middle"), _("Upper middle"), _("Top")],
    }
    return render(request, "standards/payroll_return.html", context)
