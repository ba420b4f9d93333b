"""Monitoring pages for continuing contracts: the authority's list, a contract's standards matrix
and calendar, recording a check (the audit committee's view is `oversight`). Views parse, call one
selector or service, and present."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from insource.authorities.access import AuthorityPage, OfficerPage, authority_page, officer_page
from insource.authorities.roles import Capability
from insource.authorities.selectors import memberships_of
from insource.register.selectors.contracts import contract_for_reviewer_or_404
from insource.standards.models import MonitoringRecord
from insource.standards.monitoring import presenters as present
from insource.standards.monitoring.selectors import authority_monitoring, contract_monitoring
from insource.standards.monitoring.services import RecordInput, monitoring_record_add

K = MonitoringRecord.Kind
NAV = {"nav_standards": True}
STANDARD_CHOICES = [("", _("Choose a standard"))] + [
    (f"MS{n}", f"MS{n}") for n in range(1, 14) if n != 2
]
STATUS_CHOICES = [
    ("", _("Choose a status")),
    ("met", _("Met")),
    ("unmet", _("Unmet")),
    ("unknown", _("Not yet known")),
    ("due_at_award", _("Due at award (MS11 only)")),
]
YES_NO = [("", _("Choose")), ("yes", _("Yes")), ("no", _("No"))]


class RecordForm(forms.Form):
    kind = forms.ChoiceField(label=_("What are you recording?"), choices=K.choices)
    checked_on = forms.DateField(
        label=_("Date checked or assessed"), help_text=_("For example, 2026-11-27")
    )
    standard = forms.ChoiceField(
        label=_("Standard (for a standard check)"), choices=STANDARD_CHOICES, required=False
    )
    status = forms.ChoiceField(
        label=_("Status (for a standard check)"), choices=STATUS_CHOICES, required=False
    )
    num_kpis = forms.IntegerField(label=_("KPIs assessed"), required=False, min_value=0)
    num_kpis_met = forms.IntegerField(label=_("KPIs met"), required=False, min_value=0)
    is_published = forms.ChoiceField(
        label=_("Is the assessment published?"), choices=YES_NO, required=False
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was seen and where it is kept: a document, a site visit, a return"),
        max_length=4000,
    )
    evidence_url = forms.URLField(
        label=_("Link to the evidence (optional)"), required=False, assume_scheme="https"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget = forms.RadioSelect(choices=K.choices)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.radios("kind", legend_size=Size.MEDIUM),
            *[name for name in self.fields if name != "kind"],
        )

    def entry(self) -> RecordInput:
        d = self.cleaned_data
        published = {"yes": True, "no": False}.get(d["is_published"])
        return RecordInput(
            kind=d["kind"],
            checked_on=d["checked_on"],
            evidence=d["evidence"],
            standard=d["standard"],
            status=d["status"],
            num_kpis=d["num_kpis"],
            num_kpis_met=d["num_kpis_met"],
            is_published=published,
            evidence_url=d["evidence_url"] or "",
        )


@officer_page()
def mine(request, page: OfficerPage):
    accesses = memberships_of(request.user)
    if len(accesses) == 1:
        return redirect("standards:authority", code=accesses[0].authority.code)
    return render(request, "standards/monitoring/mine.html", {"accesses": accesses, **NAV})


@authority_page()
def authority_list(request, page: AuthorityPage):
    rows = authority_monitoring(authority=page.authority, on=page.on)
    context = {"access": page.access, "rows": [present.summary(m) for m in rows], **NAV}
    return render(request, "standards/monitoring/list.html", context)


@authority_page()
def contract_page(request, page: AuthorityPage, pk: int):
    contract = contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    m = contract_monitoring(authority=page.authority, contract=contract, on=page.on)
    context = {
        "access": page.access,
        "contract": contract,
        "m": m,
        "rows": present.matrix_rows(m.rows) if m else [],
        "items": present.calendar_rows(m.items) if m else [],
        "outcome_text": present.outcome_text(m.decision.outcome) if m else "",
        "can_record": page.can(Capability.MANAGE_CONTRACTS),
        **NAV,
    }
    return render(request, "standards/monitoring/contract.html", context)


@authority_page(Capability.MANAGE_CONTRACTS)
def record(request, page: AuthorityPage, pk: int):
    contract = contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    form = RecordForm(request.POST or None, initial={"checked_on": page.on})
    if request.method == "POST" and form.is_valid():
        try:
            monitoring_record_add(
                authority=page.authority,
                contract=contract,
                entry=form.entry(),
                user=request.user,
                by=page.actor,
                at=page.at,
                on=page.on,
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                form.add_error(name if name in form.fields else None, messages)
        else:
            return redirect("standards:contract", code=page.code, pk=pk)
    context = {"access": page.access, "contract": contract, "form": form, **NAV}
    return render(
        request, "standards/monitoring/record.html", context, status=400 if form.errors else 200
    )
