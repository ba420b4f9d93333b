"""The follow form: an email address and how often. It only parses: the service checks every
field and its messages (GOV.UK words) are shown on the form."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.alerts.models import Frequency


class _Choice(forms.ChoiceField):
    """Radios whose choice the service checks, with the other fields (all errors at once)."""

    def validate(self, value):
        return None


class FollowForm(forms.Form):
    email = forms.CharField(
        label=_("Your email address"),
        help_text=_("We will send a link to confirm it. It is never published or shown."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    frequency = _Choice(
        label=_("How often do you want emails?"),
        choices=Frequency.choices,
        initial=Frequency.DAILY,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("email"), Field.radios("frequency", legend_size=Size.SMALL)
        )

    def clean_frequency(self):
        return self.cleaned_data.get("frequency") or ""
