"""Forms of the decision pages: signing (with a departure's reason on each condition and the
capacity re-review date), returning a review to the officer, and the monitoring officer's advice.
Forms only parse: the services decide (`insource.reviews.services.departures`)."""

from __future__ import annotations

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.utils.translation import gettext_lazy as _


class SignForm(forms.Form):
    """The decision-maker's choice: the recommendation, or a departure with reasons; for a
    departure towards outsourcing, one reason field per condition of each outcome
    (`why-<OUTCOME>-<key>`, from `departure_options`) and the capacity re-review date."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=_("Your decision"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reasons"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Required when your decision departs from the recommendation"),
    )
    re_review_on = DateInputField(
        label=_("Re-review date"),
        required=False,
        require_all_fields=False,
        help_text=_("No later than 36 months after the decision"),
    )
    confirm = forms.BooleanField(
        label=_(
            "I have read the recommendation, its reasons and the evidence, and I take this decision"
        ),
        error_messages={"required": _("Confirm that you take this decision")},
    )

    def __init__(self, *args, outcomes, departures: dict[str, list[dict]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = outcomes
        self.departures = departures
        for outcome, conditions in departures.items():
            for c in conditions:
                self.fields[self.why_name(outcome, c["key"])] = forms.CharField(
                    label=c["condition"],
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
        # the re-review date after the conditions, and the confirmation last (the error summary
        # lists errors in field order)
        for name in ("re_review_on", "reason", "confirm"):
            self.fields[name] = self.fields.pop(name)

    @staticmethod
    def why_name(outcome: str, key: str) -> str:
        return f"why-{outcome}-{key}"

    def condition_reasons(self) -> dict[str, str]:
        """Condition key -> the reason typed for the outcome chosen."""
        outcome = self.cleaned_data["outcome"]
        return {
            c["key"]: self.cleaned_data.get(self.why_name(outcome, c["key"]), "")
            for c in self.departures.get(outcome, [])
        }

    def add_departure_errors(self, errors: dict[str, str]) -> None:
        """The service's refusals, each on its field (all at once)."""
        outcome = self.cleaned_data["outcome"]
        for key, message in errors.items():
            name = key if key in ("reason", "re_review_on") else self.why_name(outcome, key)
            self.add_error(name if name in self.fields else None, message)


class ReturnForm(forms.Form):
    """The decision-maker sends the review back to the officer, with reasons."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    reasons = forms.CharField(
        label=_("Why are you returning it?"),
        help_text=_("The officer is told by email, with these reasons"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Enter the reasons for returning the review to the officer")},
    )


class AdviceForm(forms.Form):
    """The monitoring officer's advice on a departure towards outsourcing."""

    advice = forms.CharField(
        label=_("Your advice as monitoring officer"),
        help_text=_(
            "Whether the reasons given answer each condition the policy found not met or not "
            "known, and anything the decision-maker or the public should know. It is published "
            "in the decision pack."
        ),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Enter the monitoring officer's advice")},
    )
