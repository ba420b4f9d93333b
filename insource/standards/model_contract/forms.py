"""Forms of the model contract pages: a clause edit (title, text, reason) and a new clause."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.standards.model_contract.library import PARTS, PURPOSES

PURPOSE_LABELS = {"general": _("General (no minimum standard)")} | {
    p: p for p in PURPOSES if p != "general"
}
PART_LABELS = {"definitions": _("Definitions"), "clause": _("Clause"), "schedule": _("Schedule")}


class ClauseForm(forms.Form):
    """A new version of an existing clause: its title and text, and why it changes."""

    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Clause text"),
        widget=forms.Textarea(attrs={"rows": 22, "spellcheck": "true"}),
        help_text=_(
            "Fields in double braces are filled from the contract, the decision and the policy "
            "parameters, e.g. {{ wage.rate }}. A blank line starts a new sub-clause; a line "
            "starting “- ” is a lettered item."
        ),
    )
    reason = forms.CharField(
        label=_("Why is the clause changed?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with the version, e.g. “Legal advice of 3 March: add step-in costs”"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_body(self):
        return self.cleaned_data["body"].replace("\r\n", "\n")


class NewClauseForm(ClauseForm):
    """A clause the authority adds to its library."""

    key = forms.CharField(
        label=_("Key"),
        max_length=60,
        help_text=_("Lower-case letters, digits and underscores, e.g. local_apprenticeships"),
    )
    part = forms.ChoiceField(label=_("Part of the contract"), choices=list(PART_LABELS.items()))
    purpose = forms.ChoiceField(
        label=_("Minimum standard it carries"), choices=list(PURPOSE_LABELS.items())
    )
    position = forms.IntegerField(
        label=_("Position"),
        min_value=1,
        max_value=999,
        help_text=_("Clauses are numbered in this order: the shipped ones use 10, 20, 30 …"),
    )

    field_order = ["key", "title", "part", "purpose", "position", "body", "reason"]


assert set(PART_LABELS) == set(PARTS)
