"""The upload's forms: the file, then which column holds each register field."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.register.uploads.columns import FIELDS
from insource.register.uploads.files import MAX_BYTES


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Upload a register file"),
        help_text=_(
            "A CSV or XLSX spreadsheet with column headings in its first row, or an OCDS release"
            " or record package (JSON). Smaller than 50 MB and at most 100,000 rows"
        ),
        error_messages={
            "required": _("Select a register file"),
            "empty": _("The selected file is empty"),
            "invalid": _("Select a register file"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(Field("file", label_size=Size.MEDIUM))

    def clean_file(self):
        """Refuse an oversized file before it is read into memory."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The selected file must be smaller than 50 MB"))
        return upload


NOT_IN_FILE = ""


class ColumnsForm(forms.Form):
    """A select per register field, listing the file's columns; required fields first."""

    def __init__(self, *args, headings: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(NOT_IN_FILE, _("Not in this file"))] + [(h, h) for h in headings if h]
        for field in FIELDS:
            label = (
                field.label
                if field.required
                else _("%(label)s (optional)") % {"label": field.label}
            )
            self.fields[field.name] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=field.required,
                error_messages={
                    "required": _("Select the column that holds the %(label)s")
                    % {"label": str(field.label).lower()},
                    "invalid_choice": _("Select one of the file's columns"),
                },
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(*(Field(f.name) for f in FIELDS))

    def clean(self):
        data = super().clean()
        used: dict[str, str] = {}
        for field in FIELDS:
            heading = data.get(field.name)
            if not heading:
                continue
            if heading in used:
                self.add_error(
                    field.name,
                    _("The column '%(heading)s' is already chosen for %(other)s: choose another")
                    % {"heading": heading, "other": str(used[heading]).lower()},
                )
            else:
                used[heading] = field.label
        return data

    def columns(self) -> dict[str, str]:
        return {name: heading for name, heading in self.cleaned_data.items() if heading}
