"""The audit committee's forms, in GOV.UK words."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.oversight.models import AuditRecommendation
from insource.oversight.services import RecommendationInput
from insource.register.forms.fields import RealDateField

S = AuditRecommendation.Status


class RecommendationForm(forms.Form):
    text = forms.CharField(
        label=_("The recommendation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Enter the recommendation")},
    )
    owner = forms.CharField(
        label=_("Who owns it"),
        help_text=_("The post responsible, for example Head of waste services"),
        max_length=200,
        error_messages={"required": _("Enter who owns the recommendation")},
    )
    due_on = RealDateField(label=_("Respond by"), help_text=_("For example, 31 3 2027"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout("text", "owner", Field("due_on"))

    def entry(self) -> RecommendationInput:
        d = self.cleaned_data
        return RecommendationInput(text=d["text"], owner=d["owner"], due_on=d["due_on"])


class ResponseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("What has happened to the recommendation?"),
        choices=[
            (S.ACCEPTED, S.ACCEPTED.label),
            (S.REJECTED, S.REJECTED.label),
            (S.DONE, S.DONE.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what has happened to the recommendation")},
    )
    response = forms.CharField(
        label=_("The response"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Enter the response")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(Field.radios("status", legend_size=Size.MEDIUM), "response")
