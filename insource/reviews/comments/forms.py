"""Forms of the comment pages (ADR 0036). They only parse: the services check every field and
their refusals are shown on the form, all at once, in GOV.UK words."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.reviews.models import Stance, WithheldReason

PUBLISH_CHOICES = (("published", _("Publish it")), ("withheld", _("Withhold it")))


def _helper(*items) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(*items)
    return helper


class CommentForm(forms.Form):
    """A resident's comment on a draft; every rule is the service's."""

    text = forms.CharField(
        label=_("Your comment"),
        help_text=_(
            "Say what you think of the draft and why. Your comment is published once a "
            "moderator has checked it, without your name or email address."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        help_text=_("It is never published."),
        required=False,
    )
    email = forms.CharField(
        label=_("Your email address"),
        help_text=_("We will send a link to confirm it: your comment counts once you do."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    website = forms.CharField(label=_("Leave this empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.helper = _helper(
            Field.textarea("text", label_size=Size.SMALL),
            Field.text("name", label_size=Size.SMALL, field_width=Fluid.ONE_HALF),
            Field.text("email", label_size=Size.SMALL, field_width=Fluid.ONE_HALF),
        )


class ModerateForm(forms.Form):
    """Publish or withhold a comment, with the reason, and its stance and theme."""

    moderation = forms.ChoiceField(
        label=_("Publish the comment?"),
        choices=PUBLISH_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    withheld_reason = forms.ChoiceField(
        label=_("If withheld, why"),
        choices=[("", _("Not withheld")), *WithheldReason.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (required for another reason)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    stance = forms.ChoiceField(
        label=_("Its view of the draft (for the decision-maker's summary)"),
        choices=[("", _("Not recorded")), *Stance.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    theme = forms.CharField(
        label=_("Theme (optional)"),
        help_text=_("A few words, the same for comments on the same subject: for example, cost"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.radios("moderation", legend_size=Size.SMALL, small=True),
            Field.radios("withheld_reason", legend_size=Size.SMALL, small=True),
            Field.textarea("note", label_size=Size.SMALL),
            Field.radios("stance", legend_size=Size.SMALL, small=True),
            Field.text("theme", label_size=Size.SMALL, field_width=Fluid.ONE_HALF),
        )


class ConsiderForm(forms.Form):
    """How the comments were considered: what the decision pack will say."""

    how_considered = forms.CharField(
        label=_("How the comments were considered"),
        help_text=_(
            "Published in the decision pack. Say what the comments raised, what changed because "
            "of them, and why the rest did not change the recommendation."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("how_considered", label_size=Size.MEDIUM))
