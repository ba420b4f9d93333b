"""Forms of the review pages. A topic's form is built from its questions (`questions.py`);
each value is parsed into the JSON the facts document holds (booleans, ISO dates, decimal
strings, lists). Forms only parse: the services decide."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.core.bilingual import publishes_in_welsh
from insource.reviews.decisions import bilingual
from insource.reviews.workflow.questions import Question, Topic

NOT_KNOWN = ("", _("Not known"))
CPV = re.compile(r"^\d{8}$")


def _choice_field(q: Question, choices) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=q.label,
        help_text=q.hint,
        required=False,
        choices=[*choices, NOT_KNOWN],
        widget=forms.RadioSelect,
    )


def _field_for(q: Question) -> forms.Field:
    common = {"label": q.label, "help_text": q.hint, "required": False}
    if q.kind == "bool":
        return _choice_field(q, (("true", _("Yes")), ("false", _("No"))))
    if q.kind == "enum":
        return _choice_field(q, q.choices)
    if q.kind == "date":
        return DateInputField(**common, require_all_fields=False)
    if q.kind in ("money", "decimal"):
        return forms.DecimalField(**common, max_digits=16, decimal_places=2, min_value=0)
    if q.kind == "int":
        return forms.IntegerField(**common, min_value=0, max_value=10**7)
    if q.kind in ("textarea", "strlist", "cpv"):
        return forms.CharField(**common, widget=forms.Textarea(attrs={"rows": 3}))
    return forms.CharField(**common, max_length=500)


def _to_json(q: Question, value):
    """The form's cleaned value as the facts document holds it (None: not known)."""
    if value in (None, "", []):
        return None
    if q.kind == "bool":
        return value == "true"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if q.kind == "strlist":
        return [line.strip() for line in value.splitlines() if line.strip()] or None
    if q.kind == "cpv":
        return value.split() or None
    return value


def _to_initial(q: Question, value):
    """A stored value as the form shows it."""
    if value is None:
        return "" if q.kind in ("bool", "enum") else None
    if q.kind == "bool":
        return "true" if value else "false"
    if q.kind == "date":
        return date.fromisoformat(value)
    if q.kind in ("strlist", "cpv"):
        return ("\n" if q.kind == "strlist" else " ").join(value)
    return value


class TopicForm(forms.Form):
    """One topic's questions, the disputed facts with a note, and the version read."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, topic: Topic, values: dict, disputed: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.topic = topic
        for q in topic.questions:
            self.fields[q.path] = _field_for(q)
            self.initial.setdefault(q.path, _to_initial(q, values.get(q.path)))
        self.fields["disputed"] = forms.MultipleChoiceField(
            label=_("Which of these facts are disputed?"),
            help_text=_("A disputed fact counts as not known until it is settled"),
            required=False,
            choices=[(q.path, q.label) for q in topic.questions],
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["dispute_note"] = forms.CharField(
            label=_("Who disputes them, and why"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        self.initial.setdefault("disputed", list(disputed))
        self.initial.setdefault("dispute_note", next(iter(disputed.values()), ""))
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        items = [self._layout_item(q) for q in self.topic.questions]
        items += [Field.checkboxes("disputed", legend_size=Size.SMALL, small=True), "dispute_note"]
        helper.layout = Layout("version", *items)
        return helper

    @staticmethod
    def _layout_item(q: Question):
        if q.kind in ("bool", "enum"):
            return Field.radios(q.path, legend_size=Size.SMALL, small=True)
        if q.kind == "date":
            return Field(q.path, context={"legend_size": Size.for_legend(Size.SMALL)})
        return q.path

    def clean(self):
        cleaned = super().clean()
        for q in self.topic.questions:
            if q.kind == "cpv" and cleaned.get(q.path):
                bad = [c for c in cleaned[q.path].split() if not CPV.match(c)]
                if bad:
                    self.add_error(q.path, _("Enter CPV codes as 8 digits, e.g. 90511000"))
        return cleaned

    def answers(self) -> dict[str, object]:
        """Path -> JSON value for every question of the topic."""
        return {q.path: _to_json(q, self.cleaned_data.get(q.path)) for q in self.topic.questions}

    def disputes(self) -> dict[str, str]:
        """Path -> note for the facts marked disputed."""
        note = self.cleaned_data.get("dispute_note", "").strip()
        return {path: note for path in self.cleaned_data.get("disputed", [])}


class EvidenceForm(forms.Form):
    """A file or a link, attached to one answer of the topic."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    path = forms.ChoiceField(label=_("Which answer does it support?"), required=True)
    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(
        label=_("Upload a file"),
        required=False,
        help_text=_("PDF, Word, Excel or an image, up to 20 MB"),
    )
    url = forms.URLField(
        label=_("Or give a link"),
        required=False,
        assume_scheme="https",
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["path"].choices = choices
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("file") and not cleaned.get("url"):
            self.add_error("file", _("Select a file to upload, or give a link"))
        if cleaned.get("file") and cleaned.get("url"):
            self.add_error("url", _("Give either a file or a link, not both"))
        return cleaned


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Add a comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class SubmitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision_maker = forms.ChoiceField(label=_("Who will take the decision?"))

    def __init__(self, *args, decision_makers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_maker"].choices = [
            (str(u.pk), u.get_full_name() or u.get_username()) for u in decision_makers
        ]


class PublishForm(forms.Form):
    redaction_note = forms.CharField(
        label=_("What was redacted, and why"),
        help_text=_("Personal data and security-sensitive material only (LGA 1972 Sch. 12A)"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    has_confidential_annex = forms.BooleanField(
        label=_("There is a confidential annex, withheld from publication"), required=False
    )
    confirm = forms.BooleanField(
        label=_("I confirm that personal data and any confidential annex have been redacted"),
        error_messages={"required": _("Confirm the redaction before publishing")},
    )
    # An authority in Wales publishes in Welsh and English (ADR 0035): shown and required only
    # for it, by the same check the service makes (reviews/decisions/bilingual.py).
    title_cy = forms.CharField(label=_("Title of the decision in Welsh"), required=False)
    summary_cy = forms.CharField(
        label=_("Summary of the decision in Welsh"),
        help_text=_("Two or three sentences: what was decided, and why"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    title_en = forms.CharField(label=_("Title of the decision in English"), required=False)
    summary_en = forms.CharField(
        label=_("Summary of the decision in English"),
        help_text=_("Two or three sentences: what was decided, and why"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args, authority=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.authority = authority
        self.is_bilingual = publishes_in_welsh(authority)

    def clean(self):
        cleaned = super().clean()
        texts = {f: cleaned.get(f, "") for f in bilingual.TEXT_FIELDS}
        for field, message in bilingual.texts_missing(
            authority=self.authority, texts=texts
        ).items():
            self.add_error(field, message)
        return cleaned

    @property
    def texts(self) -> dict:
        return {f: self.cleaned_data.get(f, "") for f in bilingual.TEXT_FIELDS}


class AdoptForm(forms.Form):
    """An authority administrator adopts a preset from a date (published)."""

    preset = forms.ChoiceField(label=_("Policy preset"), widget=forms.RadioSelect)
    adopted_on = DateInputField(label=_("Adopted from"), require_all_fields=False)
    reason = forms.CharField(
        label=_("The decision that adopted it"),
        help_text=_("For example: Cabinet, 12 March 2026, minute 45"),
        max_length=500,
    )

    def __init__(self, *args, presets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preset"].choices = [(p, p) for p in presets]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.radios("preset", legend_size=Size.MEDIUM),
            Field("adopted_on", context={"legend_size": Size.for_legend(Size.MEDIUM)}),
            "reason",
        )
