"""The form an officer saves a place with. It parses only: the service checks and refuses."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.places.areas import combined_authorities, counties, icbs
from insource.places.models import PlaceKind

# Which field holds the definition for each kind of place.
KEY_FIELD = {
    PlaceKind.COUNTY: "county",
    PlaceKind.COMBINED: "combined",
    PlaceKind.ICB: "icb",
    PlaceKind.CUSTOM: "codes",
}


def _choices(items) -> list[tuple[str, str]]:
    return [("", _("Choose one"))] + list(items)


class PlaceForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the place"),
        help_text=_("For example: Staffordshire. The link to its page is made from it."),
        max_length=200,
        required=False,  # the service checks every field at once (GOV.UK: all errors together)
    )
    kind = forms.ChoiceField(
        label=_("What the place is"),
        choices=PlaceKind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    county = forms.ChoiceField(label=_("County"), required=False, choices=())
    combined = forms.ChoiceField(label=_("Combined authority"), required=False, choices=())
    icb = forms.ChoiceField(label=_("Integrated care board"), required=False, choices=())
    codes = forms.CharField(
        label=_("Local authority codes"),
        help_text=_("Three-letter codes or GSS codes separated by commas, such as STS, TAW"),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["county"].choices = _choices((a.code, a.nice_name) for a in counties())
        self.fields["combined"].choices = _choices(
            (a.code, a.nice_name) for a in combined_authorities()
        )
        self.fields["icb"].choices = _choices((i.key, i.name) for i in icbs().values())
        self.helper = FormHelper()
        self.helper.form_tag = False

    @property
    def key_field(self) -> str:
        return KEY_FIELD.get(self.cleaned_data.get("kind"), "kind")

    def key(self) -> str:
        """The chosen kind's definition (a code, a key or the codes typed)."""
        return self.cleaned_data.get(self.key_field) or ""
