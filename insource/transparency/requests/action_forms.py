"""Forms of the officers' steps on an information request. Forms only parse: every rule is in
the services, whose refusals the views show on the form. `service_kwargs()` gives a form's
values as the service's keyword arguments."""

from __future__ import annotations

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from insource.transparency.deadlines import limits
from insource.transparency.models import Regime, RequestState
from insource.transparency.requests.forms import (
    ActionForm,
    exemptions_field,
    public_interest_field,
    received_on_field,
)
from insource.transparency.requests.forms import text_field as _text
from insource.transparency.requests.law import basis
from insource.transparency.requests.services.documents import AttachmentUpload

S = RequestState


class AcknowledgeForm(ActionForm):
    public_text = _text(
        _("Message to the requester"),
        required=False,
        help_text=_("Leave empty to send the standard acknowledgement with the due date"),
        rows=3,
    )


class ClarifyAskForm(ActionForm):
    public_text = _text(
        _("What the requester needs to clarify"),
        error=_("Say what the requester needs to clarify"),
    )
    private_note = _text(_("Note for officers (not published)"), required=False, rows=2)
    layout = ("public_text", "private_note")


class ClarificationForm(ActionForm):
    public_text = _text(
        _("The clarification"), error=_("Enter the clarification the requester gave")
    )
    received_on = received_on_field(
        _("Leave empty for today. A fresh 20 working days run from the day after.")
    )
    layout = ("public_text", "received_on")


class ExtendForm(ActionForm):
    kind = forms.ChoiceField(
        label=_("Kind of extension"),
        widget=forms.RadioSelect,
        choices=[
            ("public-interest", _("Public interest test (FOIA s.10(3)): up to 20 working days")),
            ("complex", _("Complex and voluminous (EIR, EISR): 40 working days in total")),
        ],
        error_messages={"required": _("Choose the kind of extension")},
    )
    working_days = forms.IntegerField(
        label=_("More working days (public interest only)"),
        required=False,
        min_value=1,
        max_value=20,
        help_text=_("Leave empty for 20"),
    )
    exemptions = exemptions_field()
    public_text = _text(
        _("Why more time is needed (published)"),
        error=_("Tell the requester why more time is needed"),
    )
    layout = ("kind", "working_days", "exemptions", "public_text")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = limits(self.request_obj.regime)
        self.fields["kind"].choices = [
            (value, label)
            for value, label in self.fields["kind"].choices
            if allowed["public_interest_extension" if value == "public-interest" else "eir_complex"]
        ]


class AnswerForm(ActionForm):
    outcome = forms.ChoiceField(
        label=_("Response"),
        widget=forms.RadioSelect,
        choices=[("full", _("Answered in full")), ("part", _("Answered in part"))],
        error_messages={"required": _("Choose whether it is answered in full or in part")},
    )
    public_text = _text(_("The response (published)"), error=_("Enter the response to publish"))
    exemptions = exemptions_field()
    public_interest = public_interest_field()
    file = forms.FileField(
        label=_("A document with the response (optional)"),
        required=False,
        help_text=_("PDF, Word, Excel or an image, up to 20 MB. Redact personal data first."),
    )
    file_title = forms.CharField(label=_("Title of the document"), required=False, max_length=300)
    layout = ("outcome", "public_text", "exemptions", "public_interest", "file", "file_title")

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "in_full": data["outcome"] == "full",
            "public_text": data["public_text"],
            "exemptions": data.get("exemptions") or [],
            "public_interest": data.get("public_interest") or "",
            "uploads": [AttachmentUpload(data.get("file_title") or "", data["file"])]
            if data.get("file")
            else [],
        }


class RefuseForm(ActionForm):
    ground = forms.ChoiceField(
        label=_("Grounds"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the grounds for refusing")},
    )
    exemptions = exemptions_field()
    public_interest = public_interest_field()
    cost_estimate_gbp = forms.DecimalField(
        label=_("Estimated cost of complying, in pounds (cost limit only)"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
    )
    public_text = _text(
        _("The refusal notice (published)"), error=_("Enter the refusal notice to publish")
    )
    layout = ("ground", "exemptions", "public_interest", "cost_estimate_gbp", "public_text")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regime = self.request_obj.regime
        self.fields["ground"].choices = [
            ("exemption", _("Exemptions")),
            ("vexatious", _("Vexatious: %(law)s") % {"law": basis("vexatious", regime)}),
            ("repeated", _("Repeated: %(law)s") % {"law": basis("repeated", regime)}),
            ("cost-limit", _("Cost of complying: %(law)s") % {"law": basis("cost-limit", regime)}),
        ]


class NotHeldForm(ActionForm):
    public_text = _text(
        _("The response (published)"),
        help_text=_("Say who may hold the information, if you know"),
        error=_("Enter the response to publish"),
    )


class WithdrawForm(ActionForm):
    public_text = _text(
        _("What the requester said (published)"),
        required=False,
        help_text=_("Leave empty for: The requester withdrew this request."),
        rows=3,
    )


class ReviewRequestForm(ActionForm):
    public_text = _text(
        _("The requester's grounds for a review (published)"),
        error=_("Say why the response should be reviewed"),
    )
    received_on = received_on_field(_("Leave empty for today. The review's clock starts then."))
    layout = ("public_text", "received_on")


class ReviewDecideForm(ActionForm):
    outcome = forms.ChoiceField(
        label=_("Outcome of the review"),
        widget=forms.RadioSelect,
        choices=[("upheld", _("Original response upheld")), ("changed", _("Response changed"))],
        error_messages={"required": _("Choose the outcome of the review")},
    )
    result = forms.ChoiceField(
        label=_("The response now stands as"),
        widget=forms.RadioSelect,
        choices=[(s.value, s.label) for s in (S.ANSWERED_FULL, S.ANSWERED_PART, S.REFUSED)]
        + [(S.NOT_HELD.value, S.NOT_HELD.label)],
        error_messages={"required": _("Choose how the response now stands")},
    )
    public_text = _text(
        _("The review's outcome (published)"), error=_("Enter the review's outcome to publish")
    )
    exemptions = exemptions_field()
    public_interest = public_interest_field()
    layout = ("outcome", "result", "public_text", "exemptions", "public_interest")


class ReferForm(ActionForm):
    commissioner_reference = forms.CharField(
        label=_("The Commissioner's case reference"), required=False, max_length=100
    )
    public_text = _text(_("Note to publish"), required=False, rows=3)
    layout = ("commissioner_reference", "public_text")


class AdviceForm(ActionForm):
    public_text = _text(
        _("The advice and assistance given (published)"),
        help_text=_("For example, how to narrow the request to fall within the cost limit"),
        error=_("Enter the advice and assistance given"),
    )


class RegimeForm(ActionForm):
    regime = forms.ChoiceField(
        label=_("Handle the request under"),
        widget=forms.RadioSelect,
        choices=Regime.choices,
        error_messages={"required": _("Choose the law the request is handled under")},
    )
    reason = _text(
        _("Why (not published)"), rows=3, error=_("Say why the request falls under this law")
    )
    layout = ("regime", "reason")


class RedactForm(ActionForm):
    target = forms.ChoiceField(
        label=_("Which text"), error_messages={"required": _("Choose the text to redact")}
    )
    span = forms.CharField(
        label=_("The words to redact, exactly as they appear"),
        max_length=2000,
        error_messages={"required": _("Enter the words to redact, exactly as they appear")},
    )
    what = forms.CharField(
        label=_("What they are"),
        help_text=_("For example: a resident's home address"),
        max_length=300,
        error_messages={"required": _("Say what the redacted words are")},
    )
    why = _text(_("Why they are redacted"), rows=2, error=_("Say why they are redacted"))
    layout = ("target", "span", "what", "why")

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.events = {f"event-{e.pk}": e for e in events}
        self.fields["target"].choices = [
            ("title", _("The request's title")),
            ("text", _("The request's text")),
        ] + [
            (key, f"{e.get_kind_display()}, {date_format(localtime(e.at), 'j M Y H:i')}")
            for key, e in self.events.items()
        ]

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        event = self.events.get(data["target"])
        if event is not None:
            data |= {"target": "event", "event": event}
        return data


class AttachForm(ActionForm):
    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": _("Enter a title")}
    )
    file = forms.FileField(
        label=_("Upload a file"),
        help_text=_("PDF, Word, Excel or an image, up to 20 MB"),
        error_messages={"required": _("Select a file to upload")},
    )
    is_public = forms.BooleanField(
        label=_("Publish it on the request's page (personal data redacted)"), required=False
    )
    layout = ("title", "file", "is_public")

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"upload": AttachmentUpload(data["title"], data["file"], data["is_public"])}
