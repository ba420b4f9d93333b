"""The officers' forms for the contractor's information: forwarding a part of the request to the
contractor, and recording its reply or its failure to reply. Forms only parse: the services
check every rule and the views show their refusals on the form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from insource.transparency.requests.forms import ActionForm, received_on_field
from insource.transparency.requests.forms import text_field as _text
from insource.transparency.requests.services.documents import AttachmentUpload


class ForwardForm(ActionForm):
    supplier = forms.ChoiceField(
        label=_("The contractor"),
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose one of the contract's suppliers")},
    )
    contractor_email = forms.EmailField(
        label=_("The contractor's email address"),
        help_text=_("Where the request goes: the contract's FOI contact"),
        max_length=254,
        error_messages={
            "required": _("Enter the contractor's email address"),
            "invalid": _(
                "Enter the contractor's email address in the correct format, like name@example.com"
            ),
        },
    )
    asked = _text(
        _("What the contractor must provide (not published)"),
        help_text=_("The part of the request that concerns information it holds for the council"),
        error=_("Say what the contractor must provide"),
    )
    public_text = _text(
        _("Note to publish on the request (optional)"),
        required=False,
        rows=2,
        help_text=_(
            "Leave empty to say that part of the request concerns information the contractor "
            "holds for the council, and that we have asked it"
        ),
    )
    layout = ("supplier", "contractor_email", "asked", "public_text")

    def __init__(self, *args, suppliers=(), **kwargs):
        if not suppliers:  # the register names none: the officer gives the address only
            self.layout = self.layout[1:]
        super().__init__(*args, **kwargs)
        if suppliers:
            self.fields["supplier"].choices = [(str(s.pk), s.name) for s in suppliers]
        else:
            del self.fields["supplier"]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "supplier": data.get("supplier") or None,
            "contractor_email": data["contractor_email"],
            "asked": data["asked"],
            "public_text": data.get("public_text") or "",
        }


class ContractorReplyForm(ActionForm):
    outcome = forms.ChoiceField(
        label=_("Did the contractor reply?"),
        widget=forms.RadioSelect,
        choices=[
            ("replied", _("Yes, it replied")),
            ("no-reply", _("No, it did not supply the information")),
        ],
        error_messages={"required": _("Choose whether the contractor replied")},
    )
    received_on = received_on_field(_("Leave empty for today"))
    reply = _text(
        _("The contractor's reply, or what was done to chase it (not published)"),
        required=False,
    )
    file = forms.FileField(
        label=_("The contractor's documents (optional, not published)"),
        required=False,
        help_text=_("PDF, Word, Excel or an image, up to 20 MB"),
    )
    layout = ("outcome", "received_on", "reply", "file")

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        upload = data.get("file")
        return {
            "outcome": data["outcome"],
            "received_on": data.get("received_on"),
            "reply": data.get("reply") or "",
            "uploads": [AttachmentUpload(str(_("The contractor's reply")), upload, False)]
            if upload
            else [],
        }
