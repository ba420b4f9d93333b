"""Sign-in forms: username and password, then the authenticator code. They check what was
typed; the services decide whether it is right."""

import re

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

CODE = re.compile(r"\d{6}")


class SignInForm(AuthenticationForm):
    """Django's sign-in form with GOV.UK error messages."""

    error_messages = {
        "invalid_login": _("Enter a correct username and password"),
        "inactive": _("This account is switched off: ask your administrator"),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].error_messages["required"] = _("Enter your username")
        self.fields["password"].error_messages["required"] = _("Enter your password")


class CodeForm(forms.Form):
    """The 6-digit code from an authenticator app; spaces and dashes are ignored."""

    code = forms.CharField(
        label=_("Enter the 6-digit code from your authenticator app"),
        max_length=20,
        error_messages={"required": _("Enter the 6-digit code from your authenticator app")},
    )

    def clean_code(self) -> str:
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not CODE.fullmatch(code):
            raise forms.ValidationError(_("Enter the code as 6 digits, like 123456"))
        return code
