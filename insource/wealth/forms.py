"""Forms for the local area setting and a contract's community wealth figures. They parse
only: the services check and refuse."""

from __future__ import annotations

from decimal import Decimal

from crispy_forms_gds.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.wealth.services import WealthFigures

HUNDRED = Decimal(100)


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    return helper


class LocalAreaForm(forms.Form):
    entries = forms.CharField(
        label=_("Postcode districts and areas in the authority's area"),
        help_text=_(
            "Districts such as ST16 or EC1A, or whole areas such as LE, separated by spaces,"
            " commas or new lines. A district never covers another: ST1 does not include ST16."
        ),
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        max_length=20000,
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        help_text=_("For example: checked against the Royal Mail address file, March 2027"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


def _percent_field(label, hint):
    return forms.DecimalField(
        label=label,
        help_text=hint,
        required=False,
        min_value=0,
        max_value=100,
        max_digits=6,
        decimal_places=2,
    )


class ContractWealthForm(forms.Form):
    num_jobs = forms.IntegerField(
        label=_("Jobs on the contract (optional)"),
        help_text=_("Full-time equivalent posts delivering it, if the supplier has said"),
        required=False,
        min_value=0,
        max_value=1_000_000,
    )
    num_local_jobs = forms.IntegerField(
        label=_("Of those, jobs held by people living in the area (optional)"),
        required=False,
        min_value=0,
        max_value=1_000_000,
    )
    supplier_local_share = _percent_field(
        _("LM3 round 2: % of the contract's income the supplier spends in the area (optional)"),
        _(
            "From a survey of the supplier: local staff pay and local suppliers. Leave blank for"
            " the default."
        ),
    )
    respend_local_share = _percent_field(
        _("LM3 round 3: % of that money re-spent in the area (optional)"),
        _("From a survey of the staff and suppliers paid in round 2. Leave blank for the default."),
    )
    source_note = forms.CharField(
        label=_("Where the figures come from"),
        help_text=_("Needed when you give a measured share: the survey, who answered, when"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()

    @staticmethod
    def initial_from(record) -> dict:
        """The form's values from a stored record (shares shown as percentages)."""
        if record is None:
            return {}

        def pct(v):
            return None if v is None else (v * HUNDRED).normalize()

        return {
            "num_jobs": record.num_jobs,
            "num_local_jobs": record.num_local_jobs,
            "supplier_local_share": pct(record.supplier_local_share),
            "respend_local_share": pct(record.respend_local_share),
            "source_note": record.source_note,
        }

    def figures(self) -> WealthFigures:
        d = self.cleaned_data

        def share(v):
            return None if v is None else (v / HUNDRED).quantize(Decimal("0.0001"))

        return WealthFigures(
            num_jobs=d["num_jobs"],
            num_local_jobs=d["num_local_jobs"],
            supplier_local_share=share(d["supplier_local_share"]),
            respend_local_share=share(d["respend_local_share"]),
            source_note=d["source_note"] or "",
        )
