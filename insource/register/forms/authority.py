"""Choosing an authority by typing (ADR 0038): a text box the server reads by key, code or name
(`selectors/authority_choices.authority_find`), which the browser enhances into an accessible
autocomplete fed by the cached list at /public/authorities/choices.json. Without JavaScript it is
a plain text box; either way the page no longer carries 1,400 options."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from insource.register.selectors.authority_choices import authority_find, authority_label

AUTHORITY_HINT = _("Start typing its name, for example Suffolk, or enter its code")


class AuthorityInput(forms.TextInput):
    """The text box, marked for the autocomplete (`static/insource/authority-autocomplete.js`)."""

    def __init__(self, attrs=None):
        super().__init__(
            {
                "class": "govuk-input app-input--authority",
                "autocomplete": "off",
                "spellcheck": "false",
                "data-module": "app-authority-autocomplete",
                "data-source": reverse_lazy("portal:authority-choices"),
                "data-no-results": _("No authority with contracts has that name"),
                # the autocomplete's spoken status, with {n}, {option}, {index} and {length}
                "data-status-too-short": _("Type {n} or more characters for suggestions"),
                "data-status-no-results": _("No suggestions"),
                "data-status-one-result": _("1 suggestion is available."),
                "data-status-results": _("{n} suggestions are available."),
                "data-status-selected": _("{option} {index} of {length} is highlighted"),
                "data-assistive-hint": _(
                    "When suggestions appear, use the up and down arrows to go through them and "
                    "enter to choose one. On a touch device, explore by touch or swipe."
                ),
                **(attrs or {}),
            }
        )


class AuthorityField(forms.CharField):
    """An authority that reviews contracts, named as a person would type it; cleans to the
    `Authority` (or None when left empty)."""

    widget = AuthorityInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 300)
        kwargs.setdefault("help_text", AUTHORITY_HINT)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if value is None or hasattr(value, "display_name"):
            return getattr(value, "display_name", "")
        return authority_label(str(value))

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        found = authority_find(text)
        if found.authority is not None:
            return found.authority
        if found.candidates:
            some = gettext(" or ").join(f"'{c}'" for c in found.candidates[:3])
            raise ValidationError(
                gettext("More than one authority matches '%(text)s': choose one, like %(some)s")
                % {"text": text, "some": some},
                code="ambiguous",
            )
        raise ValidationError(
            gettext(
                "No authority with contracts in the register matches '%(text)s': check the "
                "spelling, or enter the authority's code"
            )
            % {"text": text},
            code="not_found",
        )
