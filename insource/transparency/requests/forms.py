"""Forms of the public information request pages, and the shared parts of the officers' step
forms (`ActionForm`; the steps are in `action_forms`). Forms only parse: every rule is
in the services, whose refusals the views show on the form."""

from __future__ import annotations

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.register.forms.authority import AuthorityField
from insource.transparency.models import RequestState
from insource.transparency.requests.law import EXEMPTIONS

S = RequestState


def text_field(label, *, required=True, help_text="", rows=5, error=None) -> forms.CharField:
    messages = {"required": error} if error else {}
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=20_000,
        error_messages=messages,
    )


class ListFilterForm(forms.Form):
    """The public list's authority, named as a person would type it (ADR 0038): its name, with
    suggestions as they type; a link from the authority's page carries its address name."""

    authority = AuthorityField(label=_("Authority"))


class RequestForm(forms.Form):
    """The public request form; the service checks every field (GOV.UK messages)."""

    title = forms.CharField(
        label=_("A short title for your request"),
        help_text=_("For example: Waste collection contract performance reports 2025"),
        required=False,
    )
    text = forms.CharField(
        label=_("What information do you want?"),
        help_text=_(
            "Describe the information as clearly as you can. You do not have to say why you "
            "want it. Your request will be published on this site, without your name or email "
            "address."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    name = forms.CharField(
        label=_("Your name"),
        help_text=_("The law needs a real name. It is never published."),
        required=False,
    )
    email = forms.CharField(
        label=_("Your email address"),
        help_text=_("We will send a link to confirm it. It is never published."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    website = forms.CharField(label=_("Leave this empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("title", label_size=Size.SMALL),
            Field.textarea("text", label_size=Size.SMALL),
            Field.text("name", label_size=Size.SMALL, field_width=Fluid.ONE_HALF),
            Field.text("email", label_size=Size.SMALL, field_width=Fluid.ONE_HALF),
        )


class PrivateForm(forms.Form):
    """The requester's private page: withdraw, clarify, ask for an internal review."""

    action = forms.ChoiceField(
        choices=[("withdraw", "withdraw"), ("clarify", "clarify"), ("review", "review")]
    )
    text = forms.CharField(required=False, widget=forms.Textarea, max_length=20_000)


def form_helper(*items) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(*items)
    return helper


class ActionForm(forms.Form):
    """An officer's step on a request. `request_obj` gives the law (for the exemptions)."""

    layout: tuple = ("public_text",)

    def __init__(self, *args, request_obj, **kwargs):
        super().__init__(*args, **kwargs)
        self.request_obj = request_obj
        if "exemptions" in self.fields:
            self.fields["exemptions"].choices = [
                (e.code, e.label) for e in EXEMPTIONS[request_obj.regime]
            ]
        self.helper = form_helper(*self.layout_items())

    def layout_items(self):
        return [
            Field.checkboxes(f, small=True, legend_size=Size.SMALL)
            if f == "exemptions"
            else Field.radios(f, small=True, legend_size=Size.SMALL)
            if isinstance(self.fields[f].widget, forms.RadioSelect)
            else Field(f, context={"legend_size": Size.for_legend(Size.SMALL)})
            if isinstance(self.fields[f], DateInputField)
            else f
            for f in self.layout
        ]

    def service_kwargs(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v is not None}


def exemptions_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Exemptions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The exemptions the withheld information falls under"),
    )


def public_interest_field() -> forms.CharField:
    return text_field(
        _("Public interest reasons"),
        required=False,
        help_text=_("Required for a qualified exemption: the public interest test, both sides"),
    )


def received_on_field(help_text) -> DateInputField:
    return DateInputField(
        label=_("Date it was received"),
        required=False,
        require_all_fields=False,
        help_text=help_text,
    )
