"""Fields and choices the register's forms share."""

from __future__ import annotations

from crispy_forms_gds.fields import DateInputField
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from insource.register.models import Nature

YES_NO = (("yes", _("Yes")), ("no", _("No")))

NATURES = [(n.value, n.label) for n in Nature if n.value]


class RealDateField(DateInputField):
    """A GOV.UK date input whose every malformed date reads "Enter a real date"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("require_all_fields", False)
        super().__init__(**kwargs)
        self.error_messages["required"] = _("Enter the date")

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError as error:
            if getattr(error, "code", None) == "required":
                raise
            raise ValidationError(_("Enter a real date"), code="invalid") from None
