"""The referral forms (GOV.UK style through crispy-forms-gds). Forms only parse; the services
check every rule and the views show their refusals on the form."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.legal.models import ReferralKind
from insource.legal.services import Upload


def _helper(*items) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(*items)
    return helper


def _text(label, *, error, help_text="", rows=6) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": error},
    )


def _file(label) -> forms.FileField:
    return forms.FileField(
        label=label,
        required=False,
        help_text=_("PDF, Word, Excel or an image, up to 20 MB. Not published."),
    )


class ReferralForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is the referral about?"),
        choices=ReferralKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the referral is about")},
    )
    question = _text(
        _("Your question for legal support"),
        error=_("Enter the question for legal support"),
        help_text=_("What you need to know, and by when if it matters"),
    )
    file = _file(_("A document for legal support (optional)"))
    file_title = forms.CharField(label=_("Title of the document"), required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.radios("kind", legend_size=Size.SMALL, small=True),
            Field.textarea("question", label_size=Size.SMALL),
            "file",
            Field.text("file_title", label_size=Size.SMALL),
        )

    def uploads(self) -> list[Upload]:
        found = self.cleaned_data.get("file")
        return [Upload(self.cleaned_data.get("file_title") or "", found)] if found else []


class AdviceForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    advice = _text(_("The advice"), error=_("Enter the advice"), rows=10)
    file = _file(_("A document with the advice (optional)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("version", Field.textarea("advice", label_size=Size.SMALL), "file")

    def uploads(self) -> list[Upload]:
        found = self.cleaned_data.get("file")
        return [Upload(str(_("Advice")), found)] if found else []


class OutcomeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = _text(
        _("The outcome"),
        error=_("Enter the outcome: what the council did"),
        help_text=_("For example: the contract was modified; the dispute was settled"),
        rows=4,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("version", Field.textarea("outcome", label_size=Size.SMALL))
