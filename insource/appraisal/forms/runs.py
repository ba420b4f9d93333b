"""Forms to run the appraisal and to load it from a file in the published format."""

from __future__ import annotations

import json
import math

from django import forms
from django.utils.translation import gettext_lazy as _

from insource.appraisal.engine.appraise import DEFAULT_DRAWS, DEFAULT_SEED
from insource.core.json_limits import (
    MAX_DEPTH,
    MAX_DIGITS,
    JsonNumberTooLong,
    JsonTooDeep,
    check_depth,
)


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
        """The file as a JSON object: at most 1 MB and MAX_DEPTH levels deep, UTF-8 (a
        byte-order mark is fine), finite numbers only; anything else is a form error."""
        upload = self.cleaned_data["file"]
        if upload.size > 1_000_000:
            raise forms.ValidationError(_("The file must be smaller than 1 MB"))
        raw = upload.read()
        try:
            check_depth(raw)
        except JsonTooDeep:
            raise forms.ValidationError(
                _("The file is not an appraisal file: it is nested more than %(n)s levels deep")
                % {"n": MAX_DEPTH}
            ) from None
        except JsonNumberTooLong:
            raise forms.ValidationError(
                _("The file is not an appraisal file: it has a number over %(n)s digits long")
                % {"n": f"{MAX_DIGITS:,}"}
            ) from None
        doc = _parsed(raw)
        if not isinstance(doc, dict):
            raise forms.ValidationError(_("The file must hold one JSON object"))
        return doc


def _parsed(raw: bytes):
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_refuse, parse_float=_finite)
    except UnicodeDecodeError:
        raise forms.ValidationError(_("The file must be saved as UTF-8 text")) from None
    except (ValueError, RecursionError) as error:
        raise forms.ValidationError(_("The file is not valid JSON: %(e)s") % {"e": error}) from None


def _refuse(name: str):
    raise ValueError(_("%(name)s is not a number JSON allows") % {"name": name})


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(_("%(text)s is too large a number") % {"text": text})
    return value
