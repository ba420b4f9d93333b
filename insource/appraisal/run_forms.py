"""Forms to run the appraisal and to load it from a file in the published format."""

from __future__ import annotations

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from insource.appraisal.engine.appraise import DEFAULT_DRAWS, DEFAULT_SEED


class RunForm(forms.Form):
    draws = forms.IntegerField(
        label=_("Number of draws"), min_value=1_000, max_value=1_000_000, initial=DEFAULT_DRAWS
    )
    seed = forms.IntegerField(
        label=_("Random seed"),
        min_value=0,
        max_value=2**63 - 1,
        initial=DEFAULT_SEED,
        help_text=_("The same seed and inputs give the same result"),
    )


class LoadForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    file = forms.FileField(
        label=_("Upload an appraisal file (JSON)"),
        help_text=_("In the published format: docs/appraisal.md"),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 1_000_000:
            raise forms.ValidationError(_("The file must be smaller than 1 MB"))
        try:
            doc = json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise forms.ValidationError(
                _("The file is not valid JSON: %(e)s") % {"e": error}
            ) from None
        if not isinstance(doc, dict):
            raise forms.ValidationError(_("The file must hold one JSON object"))
        return doc
